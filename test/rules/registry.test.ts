import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSeverity } from '../../src/findings/severity.js';
import { RULES } from '../../src/rules/index.js';

const root = join(import.meta.dirname, '..', '..');
const families = readdirSync(join(root, 'src', 'rules'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

/** Every registered rule must have its source file, docs page and tests, found by its id alone. */
describe('rule registry', () => {
  it('has unique ids in sorted order', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      const family = families.find((f) => existsSync(join(root, 'src', 'rules', f, `${rule.id}.ts`)));

      it('has a valid id, default severity and a description', () => {
        expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(isSeverity(rule.severity)).toBe(true);
        expect(rule.description.length).toBeGreaterThan(20);
      });

      it('lives in src/rules/<family>/<id>.ts', () => {
        expect(family).toBeDefined();
      });

      it('has a docs page with what it catches, why it matters, how to fix, and an example', () => {
        const page = join(root, 'docs', 'rules', `${rule.id}.md`);
        expect(existsSync(page), page).toBe(true);
        const text = readFileSync(page, 'utf8');
        expect(text.startsWith(`# ${rule.id}\n`)).toBe(true);
        for (const heading of ['## What it catches', '## Why it matters', '## How to fix', '## Example']) {
          expect(text, `${page} lacks "${heading}"`).toContain(heading);
        }
        expect(text).toContain(rule.severity);
      });

      it('has tests with valid and invalid cases in test/rules/<family>/<id>.test.ts', () => {
        const test = join(root, 'test', 'rules', family ?? '?', `${rule.id}.test.ts`);
        expect(existsSync(test), test).toBe(true);
        const text = readFileSync(test, 'utf8');
        expect(text).toMatch(/ruleTester\(/);
        expect(text).toMatch(/valid:\s*\[\s*\{/);
        expect(text).toMatch(/invalid:\s*\[\s*\{/);
      });
    });
  }
});

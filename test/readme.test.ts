import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replaceSection, rulesTable } from '../src/docs/readme-sections.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('gives the two quick-start commands of a fresh clone', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });

  it('lists every registered rule as the registry describes it (run `npm run readme` after adding a rule)', () => {
    expect(replaceSection(readme, 'rules', rulesTable())).toBe(readme);
  });

  it('shows real output, not placeholders', () => {
    for (const section of ['demo-output', 'connlist-output', 'conndiff-output', 'exposure-output', 'audit-output']) {
      const body = readme.split(`<!-- ${section}:start -->`)[1]?.split(`<!-- ${section}:end -->`)[0] ?? '';
      expect(body.trim().length, section).toBeGreaterThan(100);
    }
  });
});

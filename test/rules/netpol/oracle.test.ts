import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NP_GUARD_ORACLE } from '../../helpers/oracle.js';
import { analyze } from '../../../src/analyze.js';
import { defaultConfig } from '../../../src/config/config.js';
import { NETPOL_RULES } from '../../../src/rules/netpol/index.js';

/**
 * An independent check against np-guard's own diff cases (test/fixtures/oracle): where
 * np-guard finds no connection added or widened between two trees, the NetworkPolicy rules must report nothing.
 */
const root = NP_GUARD_ORACLE;

function manifests(dir: string): { path: string; content: string }[] {
  const out: { path: string; content: string }[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/.test(entry)) out.push({ path: relative(dir, path), content: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

describe('np-guard diff cases without a widened connection', () => {
  const cases = readFileSync(join(root, 'cases.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'))
    .filter(([kind, , , expected]) => kind === 'diff' && !/diff-type: (added|changed)/.test(readFileSync(join(root, expected), 'utf8')));
  it('has such cases', () => expect(cases.length).toBeGreaterThan(3));
  for (const [, before, after] of cases) {
    it(`${before} → ${after}`, () => {
      const { findings } = analyze(manifests(join(root, 'inputs', before)), manifests(join(root, 'inputs', after)), defaultConfig(), NETPOL_RULES);
      expect(findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.line}`)).toEqual([]);
    });
  }
});

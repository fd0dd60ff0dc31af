import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { defaultConfig } from '../../../src/config/config.js';
import { RULES } from '../../../src/rules/index.js';
import { toSourceFiles, type Files } from '../../helpers/rule-tester.js';

/** The documentation's examples (test/fixtures/cilium/docs-examples) as the base of a pull request. */
const root = join(import.meta.dirname, '../../fixtures/cilium/docs-examples');
const base: Record<string, string> = Object.fromEntries(readdirSync(root).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(root, f), 'utf8')]));

function run(head: Files) {
  return analyze(toSourceFiles(base), toSourceFiles(head), defaultConfig(), RULES).findings.filter((f) => f.severity !== 'info');
}

/** Edits of Cilium policies that change no connection: every registered rule runs, nothing above info comes out. */
describe('benign Cilium changes produce nothing above info (every registered rule)', () => {
  const cases: { name: string; head: Files }[] = [
    { name: 'a policy moved to another file', head: { ...base, 'l3-rule.yaml': undefined as never, 'ns1/l3-rule.yaml': base['l3-rule.yaml'] } },
    {
      name: 'k8s: prefixes and the own namespace written out',
      head: { ...base, 'l3-rule.yaml': base['l3-rule.yaml'].replace('        role: frontend', '        k8s:role: frontend\n        k8s:io.kubernetes.pod.namespace: ns1') },
    },
    { name: 'all written as world and cluster', head: { ...base, 'external-lockdown.yaml': base['external-lockdown.yaml'].replace('    - "all"', '    - world\n    - cluster') } },
    {
      name: 'the toPorts of the world rule written with protocol TCP and a flow list',
      head: { ...base, 'from-world.yaml': base['from-world.yaml'].replace(/ {6}toPorts:[\s\S]*$/, '      toPorts: [{ports: [{port: "443", protocol: TCP}]}]\n') },
    },
    { name: 'the CIDR set split into two rules', head: { ...base, 'cidr-rule.yaml': base['cidr-rule.yaml'].replace('  - toCIDR:\n    - 20.1.1.1/32\n', '  - toCIDR: [20.1.1.1]\n') } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const head = Object.fromEntries(Object.entries(c.head).filter((entry): entry is [string, string] => entry[1] !== undefined));
      expect(run(head).map((f) => `${f.ruleId} ${f.location.path}:${f.location.line} ${f.message}`)).toEqual([]);
    });
  }

  it('world added in ns1 opens nothing: external-lockdown already admits all and denies world', () => {
    expect(run({ ...base, 'l3-rule.yaml': `${base['l3-rule.yaml']}  - fromEntities: [world]\n` })).toEqual([]);
  });

  it('control: world added to isolate-ns2 is reported, critical, by the rule and by connectivity-added', () => {
    const findings = run({ ...base, 'isolate-ns2.yaml': `${base['isolate-ns2.yaml']}  - fromEntities: [world]\n` });
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.path, f.location.line])).toEqual([
      ['cilium-entity-broadened', 'critical', 'isolate-ns2.yaml', 14],
      ['connectivity-added', 'critical', 'isolate-ns2.yaml', 14],
    ]);
  });
});

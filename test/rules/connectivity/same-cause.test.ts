import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import type { Finding } from '../../../src/findings/finding.js';
import { linkSameCause } from '../../../src/rules/connectivity/same-cause.js';
import { toSourceFiles, type Files } from '../../helpers/rule-tester.js';
import { deployment, policy, SHOP } from './fixtures.js';

const run = (base: Files, head: Files) => analyze(toSourceFiles(base), toSourceFiles(head)).findings;
const summary = (f: Finding) => `${f.ruleId} ${f.location.side} ${f.location.path}:${f.location.line}`;
const relatedOf = (f: Finding) => f.related.map((r) => `${r.side} ${r.path}:${r.line} ${r.message}`);

/** The ledger admits one office range on 5432 (the peer on line 10, its cidr on line 11). */
const office = (cidr: string) => policy('office', 'payments', '  podSelector: {}', '  ingress:', '    - from:', '        - ipBlock:', `            cidr: ${cidr}`, '      ports:', '        - port: 5432');

describe('semantic and syntactic findings of one change reference each other', () => {
  it('a widened ipBlock: connectivity-added on the peer, netpol-ipblock-widened on its cidr', () => {
    const findings = run({ ...SHOP, 'payments/office.yaml': office('198.51.100.0/24') }, { ...SHOP, 'payments/office.yaml': office('0.0.0.0/0') });
    const added = findings.find((f) => f.ruleId === 'connectivity-added');
    const widened = findings.find((f) => f.ruleId === 'netpol-ipblock-widened');
    expect(added && summary(added)).toBe('connectivity-added head payments/office.yaml:10');
    expect(widened && summary(widened)).toBe('netpol-ipblock-widened head payments/office.yaml:11');
    expect(relatedOf(added as Finding)).toContain('head payments/office.yaml:11 the same change, reported by netpol-ipblock-widened');
    expect(relatedOf(widened as Finding)).toContain('head payments/office.yaml:10 the same change, reported by connectivity-added');
  });

  it('a deleted deny: the base-side semantic findings and the syntactic one name each other', () => {
    const { 'payments/deny.yaml': _deny, ...rest } = SHOP;
    const findings = run(SHOP, rest);
    const ids = findings.map((f) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['connectivity-added', 'workload-unisolated', 'netpol-default-deny-removed']));
    const removed = findings.find((f) => f.ruleId === 'netpol-default-deny-removed') as Finding;
    expect(relatedOf(removed)).toEqual(expect.arrayContaining([
      'base payments/deny.yaml:7 the same change, reported by connectivity-added',
      'base payments/deny.yaml:7 the same change, reported by workload-unisolated',
    ]));
    for (const id of ['connectivity-added', 'workload-unisolated']) {
      const f = findings.find((x) => x.ruleId === id) as Finding;
      expect(relatedOf(f)).toContain(`base payments/deny.yaml:${removed.location.line} the same change, reported by netpol-default-deny-removed`);
    }
  });

  it('leaves apart what is not at the same lines, or not the same object', () => {
    const base = { ...SHOP, 'shop/web.yaml': deployment('web', 'shop', '{app: web}'), 'payments/office.yaml': office('198.51.100.0/24') };
    // A new port on the same rule: the semantic finding is on the peer (line 10), the syntactic one on the ports.
    const findings = run(base, { ...base, 'payments/office.yaml': `${office('198.51.100.0/24')}        - port: 6000\n` });
    expect(findings.map(summary)).toEqual(['connectivity-added head payments/office.yaml:10', 'netpol-port-range-widened head payments/office.yaml:14']);
    for (const f of findings) expect(relatedOf(f).filter((r) => r.includes('the same change'))).toEqual([]);
  });
});

describe('linkSameCause', () => {
  const at = (line: number, endLine = line) => ({ path: 'a.yaml', line, endLine, side: 'head' as const });
  const finding = (ruleId: string, location: Finding['location'], name = 'p'): Finding => ({
    ruleId, severity: 'high', message: ruleId, location, related: [], fingerprint: ruleId, resource: { group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'n', name },
  });

  it('links overlapping spans of the same object once, however often it runs', () => {
    const findings = [finding('connectivity-added', at(10, 12)), finding('netpol-port-range-widened', at(12)), finding('netpol-peer-broadened', at(13))];
    linkSameCause(findings);
    linkSameCause(findings);
    expect(findings.map((f) => f.related.length)).toEqual([1, 1, 0]);
  });

  it('does not link another object, another side, or two syntactic findings', () => {
    const findings = [
      finding('connectivity-added', at(10), 'other'), finding('netpol-peer-broadened', at(10)),
      finding('exposure-added', { ...at(10), side: 'base' }), finding('ingress-path-broadened', at(10)),
    ];
    linkSameCause(findings);
    expect(findings.flatMap((f) => f.related)).toEqual([]);
  });
});

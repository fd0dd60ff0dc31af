import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import { FOLD_AFTER, foldFloods } from '../../src/findings/fold.js';
import type { Severity } from '../../src/findings/severity.js';

const resource = { group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'shop', name: 'web' };
const finding = (line: number, severity: Severity = 'high', extra: Partial<Finding> = {}): Finding => ({
  ruleId: 'netpol-ipblock-widened', severity, message: `peer at ${line}`, location: { path: 'p.yaml', line, endLine: line, side: 'head' },
  related: [], resource, fingerprint: `f${line}`, ...extra,
});
const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

describe('folding floods of findings on one object', () => {
  it('keeps every finding up to FOLD_AFTER of a rule on an object, and adds no note', () => {
    const findings = lines(FOLD_AFTER).map((l) => finding(l));
    expect(foldFloods(findings)).toEqual({ findings });
  });

  it('folds the rest into one finding at the first folded place, with the highest severity among them and each one quoted', () => {
    const findings = lines(FOLD_AFTER + 3).map((l) => finding(l, l === FOLD_AFTER + 3 ? 'critical' : 'medium'));
    const { findings: kept, note } = foldFloods(findings);
    expect(kept).toHaveLength(FOLD_AFTER + 1);
    const folded = kept[FOLD_AFTER];
    expect(folded).toMatchObject({ ruleId: 'netpol-ipblock-widened', severity: 'critical', resource, location: { line: FOLD_AFTER + 1 } });
    expect(folded.message).toBe(`3 more netpol-ipblock-widened findings on NetworkPolicy shop/web (1 critical, 2 medium), from line ${FOLD_AFTER + 1} ` +
      `to ${FOLD_AFTER + 3}: past the first ${FOLD_AFTER} they are folded into this one; the first is: peer at ${FOLD_AFTER + 1}`);
    expect(folded.details?.split('\n')).toEqual(lines(3, FOLD_AFTER + 1).map((l) => `p.yaml:${l}: peer at ${l}`));
    expect(note).toMatch(/^3 findings were folded/);
  });

  it('never folds findings of other rules, other objects, another render target or another suppression state together', () => {
    const other = { ...resource, name: 'api' };
    const inProd = { ...resource, scope: 'overlays/prod', environment: 'prod (overlays/prod)' };
    const findings = [
      ...lines(FOLD_AFTER).map((l) => finding(l, 'high', { resource: inProd })),
      ...lines(FOLD_AFTER + 1).map((l) => finding(l)),
      ...lines(FOLD_AFTER).map((l) => finding(l, 'high', { resource: other })),
      ...lines(FOLD_AFTER).map((l) => finding(l, 'high', { ruleId: 'connectivity-added' })),
      ...lines(2, 900).map((l) => finding(l, 'high', { suppressed: { reason: 'known' } })),
    ];
    const { findings: kept } = foldFloods(findings);
    expect(kept).toHaveLength(findings.length);
    expect(kept.filter((f) => f.suppressed)).toHaveLength(2);
    // Folding replaced the one finding past the limit by one folded finding.
    expect(kept[2 * FOLD_AFTER].message).toMatch(/^1 more netpol-ipblock-widened finding on/);
  });

  it('gives a folded finding a fingerprint that stays the same when more or fewer findings are folded', () => {
    const fingerprint = (n: number) => foldFloods(lines(n).map((l) => finding(l))).findings[FOLD_AFTER].fingerprint;
    expect(fingerprint(FOLD_AFTER + 5)).toBe(fingerprint(FOLD_AFTER + 50));
  });
});

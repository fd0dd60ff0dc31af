import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyze, audit } from '../../src/analyze.js';
import { defaultConfig } from '../../src/config/config.js';
import { fingerprintOf, type Finding } from '../../src/findings/finding.js';
import { failsGate } from '../../src/report/report.js';
import { defineRule, type Rule } from '../../src/rules/rule.js';
import { toSourceFiles, type Files } from '../helpers/rule-tester.js';
import { webPolicy, WIDEN_IDS, WORKLOADS } from '../helpers/suppression-fixtures.js';

const denyAll = (apiVersion: string, ignore?: string) => `apiVersion: ${apiVersion}
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
${ignore === undefined ? '' : `  annotations:\n    segguard.io/ignore: "${ignore}"\n`}spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

const run = (base: Files, head: Files, options: Parameters<typeof analyze>[4] = {}, config = defaultConfig()) =>
  analyze(toSourceFiles(base), toSourceFiles(head), config, undefined, options);
const ids = (findings: Finding[]) => [...new Set(findings.map((f) => f.ruleId))].sort();

describe('suppressions are judged against the base', () => {
  it('a suppression the PR adds to its own regression is only proposed: the findings count and the gate fails', () => {
    const result = run({ 'w.yaml': WORKLOADS, 'np.yaml': webPolicy('10.0.0.0/24') }, { 'w.yaml': WORKLOADS, 'np.yaml': webPolicy('0.0.0.0/0', `${WIDEN_IDS}: fine`) });
    expect(ids(result.findings)).toEqual(['connectivity-added', 'netpol-ipblock-widened']);
    for (const f of result.findings) {
      expect(f.suppressed).toBeUndefined();
      expect(f.proposedSuppression).toEqual({ reason: 'fine', location: { path: 'np.yaml', line: 7, endLine: 7, side: 'head' } });
    }
    expect(result.summary).toMatchObject({ suppressed: 0, proposed: 2 });
    expect(result.summary.notes).toContain('2 findings carry a suppression this change proposes: a change cannot silence its own findings, so they count for the gate until it is merged (no suppressions.approvers are configured).');
    expect(failsGate({ findings: result.findings, summary: result.summary, failOn: 'high' })).toBe(true);
  });

  it('a base suppression on an ipBlock at /24 does not hide the PR widening it to 0.0.0.0/0', () => {
    const reason = 'partner VPN, SEC-12';
    const result = run({ 'w.yaml': WORKLOADS, 'np.yaml': webPolicy('10.0.0.0/24', `${WIDEN_IDS}: ${reason}`) },
      { 'w.yaml': WORKLOADS, 'np.yaml': webPolicy('0.0.0.0/0', `${WIDEN_IDS}: ${reason}`) });
    expect(ids(result.findings)).toEqual(['connectivity-added', 'netpol-ipblock-widened']);
    for (const f of result.findings) {
      expect(f.suppressed).toBeUndefined();
      expect(f.related).toContainEqual({
        path: 'np.yaml', line: 7, endLine: 7, side: 'base',
        message: `the base's segguard.io/ignore ("${reason}") covers the base version only: this change alters NetworkPolicy shop/web, so the finding counts`,
      });
      // The head keeps the annotation on a changed object: that is a proposal, not a settled suppression.
      expect(f.proposedSuppression?.reason).toBe(reason);
    }
    expect(result.summary.suppressed).toBe(0);
  });

  it('a PR deleting a suppressed default deny is reported', () => {
    const all = 'netpol-deleted,netpol-default-deny-removed,workload-unisolated,connectivity-added,exposure-added';
    const result = run({ 'w.yaml': WORKLOADS, 'deny.yaml': denyAll('networking.k8s.io/v1', `${all}: legacy`) }, { 'w.yaml': WORKLOADS });
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.filter((f) => f.suppressed)).toEqual([]);
    expect(result.findings.filter((f) => !f.proposedSuppression).length).toBe(result.findings.length);
    const deleted = result.findings.find((f) => f.ruleId === 'netpol-default-deny-removed');
    expect(deleted?.related.map((r) => r.message)).toContain(
      'the base\'s segguard.io/ignore ("legacy") covers the base version only: this change deletes NetworkPolicy shop/default-deny, so the finding counts');
    expect(failsGate({ findings: result.findings, summary: result.summary, failOn: 'high' })).toBe(true);
  });

  it('a base suppression on an object the PR leaves unchanged (moved to another file) still holds', () => {
    const policy = webPolicy('0.0.0.0/0', `${WIDEN_IDS}: the public web`);
    const result = run({ 'w.yaml': WORKLOADS, 'np.yaml': webPolicy('10.0.0.0/24') }, { 'w.yaml': WORKLOADS, 'np.yaml': policy });
    // The same annotated object, already in base, no longer regresses when only its file moves.
    const moved = run({ 'w.yaml': WORKLOADS, 'np.yaml': policy }, { 'w.yaml': WORKLOADS, 'policies/np.yaml': policy });
    expect(result.findings.length).toBeGreaterThan(0);
    expect(moved.findings).toEqual([]);
  });
});

describe('suppressions the change adds or widens, with or without a finding to silence yet', () => {
  const added = (base: Files, head: Files) => run(base, head).summary.notes?.filter((n) => n.startsWith('This change adds')) ?? [];

  it('are named in the summary, with the rule ids the base did not have', () => {
    const base = { 'w.yaml': WORKLOADS, 'np.yaml': webPolicy('10.0.0.0/24', 'connectivity-added: partner range') };
    expect(added(base, { ...base, 'np.yaml': webPolicy('10.0.0.0/24', `${WIDEN_IDS}: partner range`) })).toEqual([
      'This change adds segguard.io/ignore suppressions, which take effect once merged: NetworkPolicy shop/web (np.yaml:7): netpol-ipblock-widened.',
    ]);
  });

  it('are not named when the base had them, or when they have no reason', () => {
    const base = { 'w.yaml': WORKLOADS, 'np.yaml': webPolicy('10.0.0.0/24', `${WIDEN_IDS}: partner range`) };
    expect(added(base, { ...base, 'policies/np.yaml': base['np.yaml'], 'np.yaml': '' })).toEqual([]);
    expect(added({ 'w.yaml': WORKLOADS }, { 'w.yaml': WORKLOADS, 'np.yaml': webPolicy('10.0.0.0/24', 'netpol-ipblock-widened') })).toEqual([]);
  });
});

describe('a suppression covers only findings about the very same object (group, kind, namespace, name)', () => {
  const calico = (ignore: string) => `apiVersion: crd.projectcalico.org/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
  annotations:
    segguard.io/ignore: "${ignore}"
spec:
  selector: all()
  types: [Ingress]
`;
  const all = 'netpol-deleted,netpol-default-deny-removed,workload-unisolated,connectivity-added,exposure-added: calico';

  it('a Calico NetworkPolicy named like the deleted Kubernetes default deny suppresses none of its findings', () => {
    const base = { 'w.yaml': WORKLOADS, 'deny.yaml': denyAll('networking.k8s.io/v1') };
    for (const [name, calicoBase] of [['added by the PR', {}], ['already in base', { 'calico.yaml': calico(all) }]] as const) {
      const result = run({ ...base, ...calicoBase }, { 'w.yaml': WORKLOADS, 'calico.yaml': calico(all) });
      const k8s = result.findings.filter((f) => f.resource?.group === 'networking.k8s.io' && f.resource.name === 'default-deny');
      expect(k8s.length, name).toBeGreaterThan(0);
      expect(k8s.filter((f) => f.suppressed || f.proposedSuppression), name).toEqual([]);
      expect(result.summary.suppressed, name).toBe(0);
      expect(failsGate({ findings: result.findings, summary: result.summary, failOn: 'high' }), name).toBe(true);
    }
  });

  it('findings carry the API group, and the group enters the fingerprint only where it was not implicit', () => {
    const result = run({ 'w.yaml': WORKLOADS, 'deny.yaml': denyAll('networking.k8s.io/v1') }, { 'w.yaml': WORKLOADS });
    const removed = result.findings.find((f) => f.ruleId === 'netpol-default-deny-removed');
    expect(removed?.resource).toEqual({ group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'shop', name: 'default-deny' });
    const k8s = { group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'shop', name: 'default-deny' };
    // The input of fingerprints made before the group was part of a finding: existing findings keep theirs.
    const before = createHash('sha256').update('netpol-deleted\0NetworkPolicy/shop/default-deny\0policy').digest('hex').slice(0, 16);
    expect(fingerprintOf('netpol-deleted', k8s, 'policy')).toBe(before);
    expect(fingerprintOf('netpol-deleted', { ...k8s, group: 'crd.projectcalico.org' }, 'policy')).not.toBe(before);
  });
});

/** Reports the web policy whenever anything else changes: a finding about an object the change leaves as it is. */
const onUnchangedPolicy: Rule = defineRule({
  id: 'netpol-ipblock-widened',
  kind: 'diff',
  severity: 'high',
  description: 'probe',
  check({ head, changed, report }) {
    const policy = head.resources.find((r) => r.kind === 'NetworkPolicy' && r.name === 'web');
    if (policy && changed.length > 0 && !changed.some((p) => p.key === policy.key)) {
      report({ message: 'reached through another change', at: { resource: policy, path: ['spec'], side: 'head' }, key: 'probe' });
    }
  },
});

describe('findings on an unchanged suppressed object', () => {
  it('stay suppressed when they arise through changes elsewhere (a label change)', () => {
    const policy = { 'np.yaml': webPolicy('10.0.0.0/24', 'netpol-ipblock-widened: partner range') };
    const relabelled = WORKLOADS.replace('labels: {app: db}', 'labels: {app: db, tier: edge}');
    const result = analyze(toSourceFiles({ 'w.yaml': WORKLOADS, ...policy }), toSourceFiles({ 'w.yaml': relabelled, ...policy }), defaultConfig(), [onUnchangedPolicy]);
    expect(result.findings.map((f) => f.suppressed)).toEqual([{ reason: 'partner range' }]);
    expect(result.summary).toMatchObject({ suppressed: 1, proposed: 0 });
  });

  it('count when the base suppression does not name the rule', () => {
    const policy = { 'np.yaml': webPolicy('10.0.0.0/24', 'connectivity-added: partner range') };
    const relabelled = WORKLOADS.replace('labels: {app: db}', 'labels: {app: db, tier: edge}');
    const result = analyze(toSourceFiles({ 'w.yaml': WORKLOADS, ...policy }), toSourceFiles({ 'w.yaml': relabelled, ...policy }), defaultConfig(), [onUnchangedPolicy]);
    expect(result.findings.map((f) => [f.suppressed, f.proposedSuppression])).toEqual([[undefined, undefined]]);
  });
});

describe('audit mode', () => {
  it("honours the tree's own suppressions", () => {
    const aboutDb = (f: Finding) => f.resource?.kind === 'Deployment' && f.resource.name === 'db';
    const open = audit(toSourceFiles({ 'w.yaml': WORKLOADS })).findings.filter(aboutDb);
    expect(open.length).toBeGreaterThan(0);
    const ignore = `${[...new Set(open.map((f) => f.ruleId))].join(',')}: batch jobs only`;
    const annotated = WORKLOADS.replace('metadata: {name: db, namespace: shop}', `metadata: {name: db, namespace: shop, annotations: {segguard.io/ignore: "${ignore}"}}`);
    const same = audit(toSourceFiles({ 'w.yaml': annotated })).findings.filter(aboutDb);
    expect(same.map((f) => [f.ruleId, f.suppressed?.reason, f.proposedSuppression])).toEqual(open.map((f) => [f.ruleId, 'batch jobs only', undefined]));
  });
});

describe('approvals', () => {
  const base = { 'w.yaml': WORKLOADS, 'np.yaml': webPolicy('10.0.0.0/24') };
  const head = { 'w.yaml': WORKLOADS, 'np.yaml': webPolicy('0.0.0.0/0', `${WIDEN_IDS}: fine`) };
  const config = { ...defaultConfig(), suppressions: { approvers: ['alice', 'acme/security'] } };

  it('an approval of the current head applies the proposed suppressions, naming who approved', () => {
    const result = run(base, head, { approval: { state: 'approved', by: ['alice'] } }, config);
    expect(result.findings.map((f) => f.suppressed)).toEqual([{ reason: 'fine', approvedBy: ['alice'] }, { reason: 'fine', approvedBy: ['alice'] }]);
    expect(result.summary).toMatchObject({ suppressed: 2, proposed: 0 });
    expect(result.summary.notes).toContain('2 findings carry a suppression this change proposes; applied: approved on the current head by alice.');
    expect(failsGate({ findings: result.findings, summary: result.summary, failOn: 'high' })).toBe(false);
  });

  it('without an approval, the note names the approvers; a failed lookup keeps them unapplied and says why', () => {
    const none = run(base, head, { approval: { state: 'not-approved' } }, config);
    expect(none.summary).toMatchObject({ suppressed: 0, proposed: 2 });
    expect(none.summary.notes).toContain('2 findings carry a suppression this change proposes: a change cannot silence its own findings, so they count for the gate until it is merged or one of suppressions.approvers (alice, acme/security) approves the current head.');
    const failed = run(base, head, { approval: { state: 'unavailable', reason: 'HTTP 403: Resource not accessible by integration' } }, config);
    expect(failed.summary).toMatchObject({ suppressed: 0, proposed: 2 });
    expect(failed.summary.notes?.at(-1)).toMatch(/The approving reviews could not be read \(HTTP 403: Resource not accessible by integration\), so none is applied\.$/);
  });

  it('an approval does not reach findings about objects the change deletes or about other objects', () => {
    const all = 'netpol-deleted,netpol-default-deny-removed,workload-unisolated,connectivity-added: legacy';
    const result = run({ 'w.yaml': WORKLOADS, 'deny.yaml': denyAll('networking.k8s.io/v1', all) }, { 'w.yaml': WORKLOADS },
      { approval: { state: 'approved', by: ['alice'] } }, config);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.filter((f) => f.suppressed)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { audit } from '../../../src/analyze.js';
import { toSourceFiles, yaml } from '../../helpers/rule-tester.js';
import { withTiers } from '../tier/config.js';
import { app, guardedIngress } from '../tier/fixtures.js';

/**
 * `segguard audit` over a tree with AdminNetworkPolicies and Cilium policies: the audit rules that judge
 * reachability (workload-not-isolated, tier-exposure-unguarded, namespace-without-default-deny) read every tier.
 * payments/ledger is critical (the tiers of the documentation) and exposed by an Ingress without TLS.
 */
const TREE = { ...app('ledger', 'payments'), 'payments/ingress.yaml': guardedIngress('pay', 'payments', 'pay.example.com', 'ledger') };
const NAMESPACE = { 'payments/ns.yaml': yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: payments}') };
/** An ANP over payments denying ingress from the ingress controller's namespace (docs/connectivity.md). */
const ANP = {
  'cluster/anp.yaml': yaml('apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: AdminNetworkPolicy', 'metadata: {name: no-edge}', 'spec:', '  priority: 10',
    '  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: payments}}}',
    '  ingress: [{action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ingress-controller-ns}}}]}]'),
};
/** Cilium's cluster-wide default deny, limited to payments, for both directions. */
const CCNP = {
  'cluster/ccnp.yaml': yaml('apiVersion: cilium.io/v2', 'kind: CiliumClusterwideNetworkPolicy', 'metadata: {name: payments-deny}', 'spec:',
    '  endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": payments}}', '  ingress: [{}]', '  egress: [{}]'),
};
const RULES = ['namespace-without-default-deny', 'tier-exposure-unguarded', 'workload-not-isolated'];

function auditOf(files: Record<string, string>): string[] {
  return audit(toSourceFiles(files), withTiers()).findings.filter((f) => RULES.includes(f.ruleId))
    .map((f) => `${f.ruleId} ${f.severity} ${f.message.includes('ingress') ? 'ingress' : 'egress'}`).sort();
}

describe('segguard audit with cluster-wide policies', () => {
  it('control: the exposed critical workload with no policy is reported by all three rules', () => {
    expect(auditOf({ ...TREE, ...NAMESPACE })).toEqual([
      'namespace-without-default-deny low egress',
      'namespace-without-default-deny medium ingress',
      'tier-exposure-unguarded critical ingress',
      'workload-not-isolated low egress',
      'workload-not-isolated medium ingress',
    ]);
  });

  it("an ANP that keeps the ingress controller out: the entry point no longer reaches the workload", () => {
    const findings = audit(toSourceFiles({ ...TREE, ...NAMESPACE, ...ANP }), withTiers()).findings;
    expect(findings.filter((f) => f.ruleId === 'tier-exposure-unguarded')).toEqual([]);
    const open = findings.find((f) => f.ruleId === 'workload-not-isolated' && f.message.includes('for ingress'));
    expect(open?.severity).toBe('low');
    expect(open?.message).toContain('except what AdminNetworkPolicy no-edge denies');
    // Denying one namespace is no default deny.
    expect(findings.filter((f) => f.ruleId === 'namespace-without-default-deny').map((f) => f.severity).sort()).toEqual(['low', 'medium']);
  });

  it('a cluster-wide Cilium default deny of the namespace: nothing open, nothing exposed', () => {
    expect(auditOf({ ...TREE, ...NAMESPACE, ...CCNP })).toEqual([]);
  });
});

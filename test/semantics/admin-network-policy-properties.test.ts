import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterPoliciesOf, type AdminPort, type AdminRule, type ClusterPolicyModel } from '../../src/model/admin-network-policy.js';
import { loadSnapshot } from '../../src/model/load.js';
import type { Direction, NetworkPolicyModel, PortSpec, Protocol } from '../../src/model/network-policy.js';
import { policyIndexOf } from '../../src/model/policy-index.js';
import { matches } from '../../src/model/selector.js';
import { Connectivity, type PodClass } from '../../src/semantics/connectivity.js';

// Random ANPs, a BANP and NetworkPolicies over a few pods: the engine's rows (connection lists) and its per-pair
// evaluator (attribution) must agree with a plain reading of the API, port by port: the first matching rule of
// the ANPs by priority; Pass or no match → the NetworkPolicies that select the pod, else the BANP, else allow.

const NAMESPACES = ['a', 'b', 'c'];
const APPS = ['web', 'db', 'job'];
const PORTS: [Protocol, number][] = [['TCP', 80], ['TCP', 8080], ['TCP', 9000], ['UDP', 53], ['SCTP', 80]];

const selector = fc.constantFrom('{}', ...APPS.map((a) => `{matchLabels: {app: ${a}}}`));
const nsSelector = fc.constantFrom('{}', ...NAMESPACES.map((n) => `{matchLabels: {kubernetes.io/metadata.name: ${n}}}`));
const podPeer = fc.oneof(nsSelector.map((ns) => `{namespaces: ${ns}}`), fc.tuple(nsSelector, selector).map(([ns, p]) => `{pods: {namespaceSelector: ${ns}, podSelector: ${p}}}`));
const ports = fc.option(fc.array(fc.constantFrom('{portNumber: {port: 80}}', '{portNumber: {protocol: UDP, port: 53}}', '{portRange: {start: 8000, end: 9000}}',
  '{namedPort: web}', '{portRange: {protocol: SCTP, start: 1, end: 100}}'), { minLength: 1, maxLength: 2 }), { nil: undefined });
const rule = (actions: string[], direction: Direction) => fc.record({ action: fc.constantFrom(...actions), peers: fc.array(podPeer, { minLength: 1, maxLength: 2 }), ports })
  .map((r) => `{action: ${r.action}, ${direction === 'ingress' ? 'from' : 'to'}: [${r.peers.join(', ')}]${r.ports ? `, ports: [${r.ports.join(', ')}]` : ''}}`);
const rules = (actions: string[]) => fc.record({
  ingress: fc.array(rule(actions, 'ingress'), { maxLength: 3 }),
  egress: fc.array(rule(actions, 'egress'), { maxLength: 2 }),
}).map(({ ingress, egress }) => `  ingress: [${ingress.join(', ')}]\n  egress: [${egress.join(', ')}]\n`);
const subject = fc.oneof(nsSelector.map((ns) => `{namespaces: ${ns}}`), fc.tuple(nsSelector, selector).map(([ns, p]) => `{pods: {namespaceSelector: ${ns}, podSelector: ${p}}}`));
const anp = fc.record({ priority: fc.integer({ min: 0, max: 5 }), subject, rules: rules(['Allow', 'Deny', 'Pass']) });
const banp = fc.option(fc.record({ subject, rules: rules(['Allow', 'Deny']) }), { nil: undefined });
const netpol = fc.record({
  namespace: fc.constantFrom(...NAMESPACES), pods: selector, types: fc.constantFrom('[Ingress]', '[Egress]', '[Ingress, Egress]'),
  from: fc.array(fc.tuple(nsSelector, selector, fc.constantFrom('', 'ports: [{port: 80}]', 'ports: [{port: web}]')), { maxLength: 2 }),
});

function manifests(anps: { priority: number; subject: string; rules: string }[], baseline: { subject: string; rules: string } | undefined,
  netpols: { namespace: string; pods: string; types: string; from: [string, string, string][] }[]): string {
  const docs: string[] = [];
  NAMESPACES.forEach((ns, i) => {
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}`);
    APPS.forEach((app, j) => {
      const port = (i + j) % 2 === 0 ? '[{name: web, containerPort: 8080}]' : '[{name: web, containerPort: 80}, {containerPort: 53, protocol: UDP}]';
      docs.push(`apiVersion: v1\nkind: Pod\nmetadata: {name: ${app}, namespace: ${ns}, labels: {app: ${app}}}\nspec: {containers: [{name: c, ports: ${port}}]}`);
    });
  });
  anps.forEach((p, i) => docs.push(`apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: anp-${i}}\nspec:\n  priority: ${p.priority}\n  subject: ${p.subject}\n${p.rules}`));
  if (baseline) docs.push(`apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec:\n  subject: ${baseline.subject}\n${baseline.rules}`);
  netpols.forEach((p, i) => {
    const ingress = p.from.map(([ns, pods, portList]) => `{from: [{namespaceSelector: ${ns}, podSelector: ${pods}}]${portList ? `, ${portList}` : ''}}`);
    docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np-${i}, namespace: ${p.namespace}}\n` +
      `spec: {podSelector: ${p.pods}, policyTypes: ${p.types}, ingress: [${ingress.join(', ')}], egress: [{to: [{podSelector: {matchLabels: {app: db}}}]}]}`);
  });
  return docs.join('\n---\n');
}

/** The plain reading of the API for one port between two pods in one direction. */
function reference(direction: Direction, self: PodClass, other: PodClass, dst: PodClass, [protocol, port]: [Protocol, number],
  admin: ClusterPolicyModel[], baseline: ClusterPolicyModel | undefined, netpols: NetworkPolicyModel[]): boolean {
  const selects = (p: ClusterPolicyModel) => matches(p.subject.namespaces, self.nsLabels) && matches(p.subject.pods, self.labels);
  const peerMatches = (r: AdminRule) => r.peers.some((peer) => peer.type === 'pods' && matches(peer.namespaces, other.nsLabels) && matches(peer.pods, other.labels));
  const portMatches = (p: AdminPort) => (p.type === 'portNumber' ? p.protocol === protocol && p.port === port
    : p.type === 'portRange' ? p.protocol === protocol && p.start <= port && port <= p.end
    : dst.ports.some((c) => c.name === p.name && c.protocol === protocol && c.port === port));
  const first = (policies: ClusterPolicyModel[]) => {
    for (const policy of policies.filter(selects)) {
      const hit = policy.rules[direction].find((r) => peerMatches(r) && (r.ports === 'all' || r.ports.some(portMatches)));
      if (hit) return hit.action;
    }
    return undefined;
  };
  const decided = first(admin);
  if (decided === 'Allow' || decided === 'Deny') return decided === 'Allow';
  const isolating = netpols.filter((p) => p.resource.namespace === self.namespace && matches(p.podSelector, self.labels) && p.isolates[direction]);
  if (isolating.length > 0) {
    const npPort = (s: PortSpec) => s.protocol === protocol && (s.port === undefined || s.port === port ||
      (typeof s.port === 'string' && dst.ports.some((c) => c.name === s.port && c.protocol === protocol && c.port === port)));
    return isolating.some((p) => p.rules[direction].some((r) => (r.ports === 'all' || r.ports.some(npPort)) && (r.peers === 'all' || r.peers.some((peer) =>
      peer.type === 'pods' && (peer.namespaces === 'own' ? other.namespace === p.resource.namespace : matches(peer.namespaces, other.nsLabels)) && matches(peer.pods, other.labels)))));
  }
  return (baseline ? first([baseline]) : undefined) !== 'Deny';
}

describe('AdminNetworkPolicy tiers (properties)', () => {
  it('rows, the per-pair evaluator and a plain port-by-port reading of the API agree', () => {
    fc.assert(fc.property(fc.array(anp, { maxLength: 4 }), banp, fc.array(netpol, { maxLength: 2 }), (anps, baseline, netpols) => {
      const model = loadSnapshot([{ path: 'all.yaml', content: manifests(anps, baseline, netpols) }]);
      const c = Connectivity.fromModel(model);
      const cluster = clusterPoliciesOf(model);
      const policies = policyIndexOf(model).all();
      for (const s of c.topology.workloads) {
        for (const d of c.topology.workloads) {
          const [src, dst] = [{ type: 'pods', cls: c.classOf(s) } as const, { type: 'pods', cls: c.classOf(d) } as const];
          const allowed = c.allowed(src, dst);
          const perPair = c.direction('egress', src.cls, dst, dst, []).intersect(c.direction('ingress', dst.cls, src, dst, []));
          expect(allowed.toString(), `${s.id} => ${d.id}`).toBe(perPair.toString());
          for (const probe of PORTS) {
            const want = reference('egress', src.cls, dst.cls, dst.cls, probe, cluster.admin, cluster.baseline, policies) &&
              reference('ingress', dst.cls, src.cls, dst.cls, probe, cluster.admin, cluster.baseline, policies);
            expect(allowed.contains(...probe), `${s.id} => ${d.id} ${probe.join(' ')}`).toBe(want);
          }
        }
      }
    }), { numRuns: 200, seed: 12 });
  });
});

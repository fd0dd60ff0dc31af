import { describe, expect, it } from 'vitest';
import { adminNetworkPolicyOf, baselineAdminNetworkPolicyOf, clusterPoliciesOf } from '../../src/model/admin-network-policy.js';
import { formatFieldPath } from '../../src/model/field-path.js';
import { loadSnapshot } from '../../src/model/load.js';
import { describeSelector, matches } from '../../src/model/selector.js';
import { toSourceFiles } from '../helpers/rule-tester.js';

const ANP = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: cluster-control
spec:
  priority: 20
  subject:
    namespaces:
      matchLabels: {tier: apps}
  ingress:
  - name: deny-from-sandbox
    action: Deny
    from:
    - namespaces:
        matchLabels: {tier: sandbox}
    - pods:
        namespaceSelector: {}
        podSelector:
          matchLabels: {app: scanner}
    ports:
    - portNumber: {protocol: UDP, port: 53}
    - namedPort: http
    - portRange: {start: 8000, end: 8100}
  egress:
  - name: pass-dns
    action: Pass
    to:
    - networks: [10.0.0.0/8, "fd00::/8"]
    - nodes:
        matchLabels: {role: infra}
`;

const BANP = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata:
  name: default
spec:
  subject:
    pods:
      namespaceSelector: {matchLabels: {tier: apps}}
      podSelector: {}
  ingress:
  - name: deny-all
    action: Deny
    from:
    - namespaces: {}
`;

const load = (files: Record<string, string>) => loadSnapshot(toSourceFiles(files));

describe('AdminNetworkPolicy model', () => {
  it('decodes subject, rules, peers and ports with the lines of the object, each rule, its action and the priority', () => {
    const [resource] = load({ 'anp.yaml': ANP }).resources;
    const anp = adminNetworkPolicyOf(resource);
    expect(anp.problems).toEqual([]);
    expect(anp.kind).toBe('AdminNetworkPolicy');
    expect(anp.priority).toBe(20);
    expect(resource.at(anp.priorityPath).line).toBe(6);
    expect(anp.subject.field).toBe('namespaces');
    expect(matches(anp.subject.namespaces, { tier: 'apps' })).toBe(true);
    expect(matches(anp.subject.namespaces, { tier: 'sandbox' })).toBe(false);
    const [deny] = anp.rules.ingress;
    expect(deny).toMatchObject({ direction: 'ingress', index: 0, name: 'deny-from-sandbox', action: 'Deny' });
    expect(resource.at(deny.path).line).toBe(11);
    expect(resource.at(deny.actionPath).line).toBe(12);
    expect(deny.peers.map((p) => (p.type === 'pods' ? `${p.field} ${describeSelector(p.namespaces)} ${describeSelector(p.pods)}` : p.type)))
      .toEqual(['namespaces {tier: sandbox} {}', 'pods {} {app: scanner}']);
    expect(deny.ports).toEqual([
      { type: 'portNumber', protocol: 'UDP', port: 53, path: ['spec', 'ingress', 0, 'ports', 0] },
      { type: 'namedPort', name: 'http', path: ['spec', 'ingress', 0, 'ports', 1] },
      { type: 'portRange', protocol: 'TCP', start: 8000, end: 8100, path: ['spec', 'ingress', 0, 'ports', 2] },
    ]);
    const [pass] = anp.rules.egress;
    expect(pass.action).toBe('Pass');
    expect(pass.ports).toBe('all');
    const [networks, nodes] = pass.peers;
    expect(networks.type === 'networks' && networks.cidrs.map((c) => `${c.text}@${resource.at(c.path).line}`)).toEqual(['10.0.0.0/8@28', 'fd00::/8@28']);
    expect(networks.type === 'networks' && networks.addresses.ranges.map((r) => r.family)).toEqual(['ipv4', 'ipv6']);
    expect(nodes.type === 'nodes' && describeSelector(nodes.nodes)).toBe('{role: infra}');
  });

  it('decodes the BANP singleton, with a pods subject', () => {
    const [resource] = load({ 'banp.yaml': BANP }).resources;
    const banp = baselineAdminNetworkPolicyOf(resource);
    expect(banp.problems).toEqual([]);
    expect(banp.subject.field).toBe('pods');
    expect(matches(banp.subject.namespaces, { tier: 'apps' })).toBe(true);
    expect(banp.rules.ingress[0]).toMatchObject({ action: 'Deny', name: 'deny-all' });
    expect(resource.at(banp.rules.ingress[0].actionPath).line).toBe(12);
  });

  it.each([
    ['a missing priority', ANP.replace('  priority: 20\n', ''), 'spec.priority', 'spec.priority is required'],
    ['a priority out of range', ANP.replace('priority: 20', 'priority: 1001'), 'spec.priority', 'priority 1001 is not an integer from 0 to 1000'],
    ['an unknown action', ANP.replace('action: Deny', 'action: Reject'), 'spec.ingress[0].action', 'action "Reject" is not one of Allow, Deny, Pass'],
    ['a subject with both fields', ANP.replace('    namespaces:\n      matchLabels: {tier: apps}', '    namespaces: {}\n    pods: {namespaceSelector: {}, podSelector: {}}'),
      'spec.subject', 'a subject sets `namespaces`, `pods`; exactly one of `namespaces`, `pods` is allowed'],
    ['a port with two fields', ANP.replace('- namedPort: http', '- {namedPort: http, portNumber: {port: 80}}'), 'spec.ingress[0].ports[1]',
      'a port sets `portNumber`, `namedPort`; exactly one of `portNumber`, `namedPort`, `portRange` is allowed'],
    ['a port range that ends before it starts', ANP.replace('{start: 8000, end: 8100}', '{start: 8100, end: 8000}'), 'spec.ingress[0].ports[2].portRange',
      'portRange start 8100 must be less than end 8000'],
    ['a bad CIDR', ANP.replace('10.0.0.0/8', '10.0.0.0/33'), 'spec.egress[0].to[0].networks[0]', '"10.0.0.0/33" is not a valid CIDR'],
    ['a rule without peers', ANP.replace(/ {4}to:\n[\s\S]*$/, '    to: []\n'), 'spec.egress[0]', 'the rule needs at least one peer in `to`'],
    ['networks in an ingress peer', ANP.replace('    - namespaces:\n        matchLabels: {tier: sandbox}', '    - networks: [10.0.0.0/8]'),
      'spec.ingress[0].from[0].networks', '`networks` is an egress peer only; an ingress peer takes `namespaces` or `pods`'],
  ])('reports %s at its field', (_, text, path, message) => {
    const anp = adminNetworkPolicyOf(load({ 'anp.yaml': text }).resources[0]);
    expect(anp.problems.map((p) => `${formatFieldPath(p.path)}: ${p.message}`)).toContain(`${path}: ${message}`);
  });

  it('reports Pass in a BANP and a BANP not named default', () => {
    const banp = baselineAdminNetworkPolicyOf(load({ 'banp.yaml': BANP.replace('action: Deny', 'action: Pass').replace('name: default', 'name: other') }).resources[0]);
    expect(banp.problems.map((p) => formatFieldPath(p.path))).toEqual(['metadata.name', 'spec.ingress[0].action']);
  });

  it('orders the ANPs of a model by priority (model order among equals) and finds the BANP default only', () => {
    const anp = (name: string, priority: number) => ANP.replace('name: cluster-control', `name: ${name}`).replace('priority: 20', `priority: ${priority}`);
    const model = load({
      'a.yaml': [anp('late', 50), anp('first', 1), anp('tie-a', 30), anp('tie-b', 30)].join('---\n'),
      'b.yaml': `${BANP}---\n${BANP.replace('name: default', 'name: second')}`,
    });
    const policies = clusterPoliciesOf(model);
    expect(policies.admin.map((p) => p.resource.name)).toEqual(['first', 'tie-a', 'tie-b', 'late']);
    expect(policies.baseline?.resource.name).toBe('default');
    expect(clusterPoliciesOf(model)).toBe(policies);
    expect(clusterPoliciesOf(load({ 'x.yaml': BANP.replace('name: default', 'name: second') })).baseline).toBeUndefined();
  });
});

import { namespaceWithoutDefaultDeny } from '../../../src/rules/audit/namespace-without-default-deny.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const namespace = yaml('apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: shop');
const deployment = yaml(
  'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  namespace: shop', 'spec:', '  template:',
  '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: web}]}',
);
const policy = (name: string, ...spec: string[]) => yaml(
  'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', `metadata: {name: ${name}, namespace: shop}`, 'spec:', ...spec.map((s) => `  ${s}`),
);
const denyBoth = policy('deny', 'podSelector: {}', 'policyTypes: [Ingress, Egress]');
/** A cluster-wide policy (an ANP when `priority` is given) over the namespaces labelled {env: prod}, with rules under spec. */
const clusterPolicy = (kind: string, priority: string, ...rules: string[]) => yaml(
  'apiVersion: policy.networking.k8s.io/v1alpha1', `kind: ${kind}`, `metadata: {name: ${kind === 'AdminNetworkPolicy' ? `guard${priority}` : 'default'}}`, 'spec:',
  ...(priority ? [`  priority: ${priority}`] : []), '  subject: {namespaces: {matchLabels: {env: prod}}}', ...rules.map((r) => `  ${r}`),
);
const prodNamespace = yaml('apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: shop', '  labels: {env: prod}');
/** A Cilium policy: a CNP of shop when `namespace` is given, else a CCNP. */
const cilium = (namespace: string, ...spec: string[]) => yaml(
  'apiVersion: cilium.io/v2', `kind: ${namespace ? 'CiliumNetworkPolicy' : 'CiliumClusterwideNetworkPolicy'}`,
  `metadata: {name: guard${namespace ? `, namespace: ${namespace}` : ''}}`, 'spec:', ...spec.map((s) => `  ${s}`),
);
const DENY_IN = 'ingress: [{action: Deny, from: [{namespaces: {}}]}]';
const DENY_OUT = 'egress: [{action: Deny, to: [{pods: {namespaceSelector: {}, podSelector: {}}}, {networks: [0.0.0.0/0]}]}]';

ruleTester(namespaceWithoutDefaultDeny, {
  valid: [
    { name: 'a default deny for both directions', base: {}, head: { 'ns.yaml': namespace, 'd.yaml': deployment, 'p.yaml': denyBoth } },
    {
      name: 'every pod isolated by a policy that allows some traffic (a default deny with exceptions)', base: {},
      head: { 'd.yaml': deployment, 'p.yaml': policy('same-ns', 'podSelector: {}', 'policyTypes: [Ingress, Egress]', 'ingress: [{from: [{podSelector: {}}]}]', 'egress: [{to: [{podSelector: {}}]}]') },
    },
    { name: 'an ANP denying everything in both directions', base: {}, head: { 'ns.yaml': prodNamespace, 'anp.yaml': clusterPolicy('AdminNetworkPolicy', '50', DENY_IN, DENY_OUT) } },
    { name: 'the BANP denying everything in both directions', base: {}, head: { 'ns.yaml': prodNamespace, 'banp.yaml': clusterPolicy('BaselineAdminNetworkPolicy', '', DENY_IN, DENY_OUT) } },
    {
      name: 'an ANP deny of everything overrides an allow-all NetworkPolicy', base: {},
      head: { 'ns.yaml': prodNamespace, 'p.yaml': denyBoth, 'q.yaml': policy('all', 'podSelector: {}', 'ingress: [{}]'), 'anp.yaml': clusterPolicy('AdminNetworkPolicy', '50', DENY_IN) },
    },
    { name: 'a CiliumNetworkPolicy isolating every endpoint of the namespace', base: {}, head: { 'ns.yaml': namespace, 'c.yaml': cilium('shop', 'endpointSelector: {}', 'ingress: [{}]', 'egress: [{}]') } },
    {
      name: 'a CNP default deny that still admits its own namespace', base: {},
      head: { 'ns.yaml': namespace, 'c.yaml': cilium('shop', 'endpointSelector: {}', 'ingress: [{fromEndpoints: [{}]}]', 'egress: [{toEndpoints: [{}]}]') },
    },
    { name: "Cilium's cluster-wide default deny (every endpoint)", base: {}, head: { 'ns.yaml': namespace, 'c.yaml': cilium('', 'endpointSelector: {}', 'ingress: [{}]', 'egress: [{}]') } },
    {
      name: 'a CCNP over the namespaces labelled env=prod', base: {},
      head: { 'ns.yaml': prodNamespace, 'c.yaml': cilium('', 'endpointSelector: {matchLabels: {"io.cilium.k8s.namespace.labels.env": prod}}', 'ingress: [{}]', 'egress: [{}]') },
    },
    {
      name: 'a Cilium deny of every entity overrides an allow-all NetworkPolicy (enableDefaultDeny false)', base: {},
      head: {
        'ns.yaml': namespace, 'p.yaml': policy('all', 'podSelector: {}', 'policyTypes: [Ingress, Egress]', 'ingress: [{}]', 'egress: [{}]'),
        'c.yaml': cilium('shop', 'endpointSelector: {}', 'enableDefaultDeny: {ingress: false, egress: false}', 'ingressDeny: [{fromEntities: [all]}]', 'egressDeny: [{toEntities: [all]}]'),
      },
    },
    { name: 'no namespace and no workload: nothing to isolate', base: {}, head: { 'p.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c, namespace: shop}') } },
  ],
  invalid: [
    {
      name: 'a declared namespace without any policy: both directions, egress at low', base: {},
      head: { 'ns.yaml': namespace },
      findings: [
        { path: 'ns.yaml', line: 4, severity: 'low', message: 'Namespace shop has no default deny for egress' },
        { path: 'ns.yaml', line: 4, severity: 'medium', message: 'Namespace shop has no default deny for ingress: no NetworkPolicy or Cilium policy selects every pod and isolates ingress' },
      ],
    },
    {
      name: 'an undeclared namespace with a workload; ingress only isolated for some pods (egress: [] does not isolate egress)', base: {},
      head: { 'd.yaml': deployment, 'p.yaml': policy('web', 'podSelector: {matchLabels: {app: web}}', 'egress: []') },
      findings: [
        { path: 'd.yaml', line: 5, message: 'Namespace shop has no default deny for egress' },
        { path: 'd.yaml', line: 5, message: 'Namespace shop has no default deny for ingress' },
      ],
    },
    {
      name: 'a BANP deny does not hold against an allow-all NetworkPolicy; an egress deny without 0.0.0.0/0 leaves addresses open', base: {},
      head: {
        'ns.yaml': prodNamespace, 'p.yaml': denyBoth, 'q.yaml': policy('all', 'podSelector: {}', 'ingress: [{}]'),
        'banp.yaml': clusterPolicy('BaselineAdminNetworkPolicy', '', DENY_IN, 'egress: [{action: Deny, to: [{namespaces: {}}]}]'),
      },
      findings: [{ path: 'ns.yaml', line: 4, message: 'Namespace shop has no default deny for ingress: shop/all allows all ingress to every pod' }],
    },
    {
      name: 'an ANP over other namespaces, or denying some ports only, is no default deny', base: {},
      head: {
        'ns.yaml': namespace, 'p.yaml': policy('in', 'podSelector: {}', 'policyTypes: [Ingress]'),
        'anp.yaml': clusterPolicy('AdminNetworkPolicy', '50', DENY_OUT),
        'anp2.yaml': clusterPolicy('AdminNetworkPolicy', '51', 'egress: [{action: Deny, to: [{networks: [0.0.0.0/0]}, {namespaces: {}}], ports: [{portNumber: {port: 25}}]}]')
          .replace('{matchLabels: {env: prod}}', '{}'),
      },
      findings: [{ path: 'ns.yaml', line: 4, severity: 'low', message: 'Namespace shop has no default deny for egress' }],
    },
    {
      name: 'Cilium policies that do not isolate: enableDefaultDeny false, a selector of some endpoints, a CCNP of another namespace', base: {},
      head: {
        'ns.yaml': namespace,
        'a.yaml': cilium('shop', 'endpointSelector: {}', 'enableDefaultDeny: {ingress: false}', 'ingress: [{fromEndpoints: [{}]}]'),
        'b.yaml': cilium('shop', 'endpointSelector: {matchLabels: {app: web}}', 'egress: [{}]').replace('name: guard', 'name: web'),
        'c.yaml': cilium('', 'endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": lab}}', 'ingress: [{}]', 'egress: [{}]'),
      },
      findings: [
        { path: 'ns.yaml', line: 4, severity: 'low', message: 'Namespace shop has no default deny for egress: no NetworkPolicy or Cilium policy selects every pod and isolates egress' },
        { path: 'ns.yaml', line: 4, severity: 'medium', message: 'Namespace shop has no default deny for ingress' },
      ],
    },
    {
      name: 'a Cilium default deny undone by a cluster-wide allow of every entity', base: {},
      head: { 'ns.yaml': namespace, 'a.yaml': cilium('shop', 'endpointSelector: {}', 'ingress: [{}]', 'egress: [{}]'), 'c.yaml': cilium('', 'endpointSelector: {}', 'ingress: [{fromEntities: [all]}]') },
      findings: [{ path: 'ns.yaml', line: 4, message: 'Namespace shop has no default deny for ingress: CiliumClusterwideNetworkPolicy guard allows all ingress to every pod' }],
    },
    {
      name: 'a default deny undone by an allow-all policy', base: {},
      head: { 'ns.yaml': namespace, 'p.yaml': denyBoth, 'q.yaml': policy('all', 'podSelector: {}', 'ingress: [{}]') },
      findings: [{ path: 'ns.yaml', line: 4, message: 'Namespace shop has no default deny for ingress: shop/all allows all ingress to every pod' }],
    },
  ],
});

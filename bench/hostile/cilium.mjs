// Hostile Cilium inputs (issue 12): deny rules are evaluated for every pair of pod classes they select, and
// cluster-wide policies with exclusion selectors cannot be narrowed down by the label index.

/** `n` YAML documents in one file, the i-th from `make(i)`. */
const documents = (n, make) => Array.from({ length: n }, (_, i) => make(i)).join('---\n');

/** `n` labelled Pods of `namespaces` namespaces, a class each. */
function pods(n, namespaces) {
  return documents(n, (i) => `{apiVersion: v1, kind: Pod, metadata: {name: pod-${i}, namespace: ns-${i % namespaces}, labels: {app: app-${i}, grp: g-${i % 50}}}}\n`);
}

/** Every pod admits the whole cluster and reaches everything: a CCNP over every endpoint. */
const OPEN = `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: open}
spec:
  endpointSelector: {}
  ingress: [{fromEntities: [cluster]}]
  egress: [{toEntities: [all]}]
`;

/** `n` CiliumNetworkPolicies, each denying one group of another namespace a port of its own group. */
function denies(n, namespaces) {
  return documents(n, (i) => `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: deny-${i}, namespace: ns-${i % namespaces}}
spec:
  endpointSelector: {matchLabels: {grp: g-${i % 50}}}
  ingressDeny:
  - fromEndpoints: [{matchLabels: {grp: g-${(i * 7) % 50}, "k8s:io.kubernetes.pod.namespace": ns-${(i * 3) % namespaces}}}]
    toPorts: [{ports: [{port: "${1024 + (i % 60_000)}", protocol: TCP}]}]
  egressDeny:
  - toCIDRSet: [{cidr: 10.${i % 256}.0.0/16, except: [10.${i % 256}.${i % 200}.0/24]}]
`);
}

/** `n` CiliumClusterwideNetworkPolicies whose endpointSelectors require no label (`NotIn`). */
function exclusions(n) {
  return documents(n, (i) => `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: not-${i}}
spec:
  endpointSelector: {matchExpressions: [{key: app, operator: NotIn, values: [app-${i}]}]}
  enableDefaultDeny: {ingress: false}
  ingressDeny:
  - fromEndpoints: [{matchExpressions: [{key: app, operator: NotIn, values: [app-${i + 1}]}]}]
    toPorts: [{ports: [{port: "${1024 + i}", protocol: TCP}]}]
`);
}

export default [
  {
    name: 'Cilium: 2,000 pods open to the cluster, 2,000 deny policies added',
    generate: () => {
      const files = { 'pods.yaml': pods(2_000, 20), 'open.yaml': OPEN };
      return { base: files, head: { ...files, 'denies.yaml': denies(2_000, 20) } };
    },
  },
  {
    name: 'Cilium: 2,000 pods, the open cluster-wide policy deleted under 2,000 deny policies',
    generate: () => {
      const files = { 'pods.yaml': pods(2_000, 20), 'denies.yaml': denies(2_000, 20) };
      return { base: { ...files, 'open.yaml': OPEN }, head: files };
    },
  },
  {
    name: 'Cilium: 1,000 cluster-wide deny policies with exclusion selectors over 1,000 pods',
    generate: () => ({ base: { 'pods.yaml': pods(1_000, 10) }, head: { 'pods.yaml': pods(1_000, 10), 'not.yaml': exclusions(1_000) } }),
  },
];

// Hostile inputs that are small on disk but costly to analyze (issue 9, item 6): many workloads or selectors, a
// Traefik rule whose normal form explodes, deep nesting, an alias bomb. Each case is a pull request: `generate()`
// returns the files of its base and head (path → text); the head adds the hostile input, or both sides hold it
// and the head changes it a little.

const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`;

/** `n` YAML documents in one file, the i-th from `make(i)`. */
const documents = (n, make) => Array.from({ length: n }, (_, i) => make(i)).join('---\n');

/** A NetworkPolicy with `spec` (indented YAML lines under `spec:`). */
const networkPolicy = (name, namespace, spec) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec}`;

const DEFAULT_DENY = networkPolicy('default-deny', 'shop', '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n');

/** `n` Pods without labels or owner in one file: one class of identical pods. */
export function unlabeledPods(n, namespace = 'shop') {
  return documents(n, (i) => `{apiVersion: v1, kind: Pod, metadata: {name: pod-${i}, namespace: ${namespace}}}\n`);
}

/** `n` NetworkPolicies, each selecting its own pods and admitting its own peers. */
export function distinctSelectors(n, namespace = 'shop') {
  return documents(n, (i) => networkPolicy(`np-${i}`, namespace, `  podSelector: {matchLabels: {app: app-${i}}}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector: {matchLabels: {app: client-${i}}}
        - namespaceSelector: {matchLabels: {team: team-${i}}}
          podSelector: {matchLabels: {role: role-${i}}}
      ports: [{port: ${1024 + i}, protocol: TCP}]
  egress:
    - to:
        - podSelector: {matchLabels: {app: backend-${i}}}
`));
}

/** `n` NetworkPolicies whose podSelectors require no label (`NotIn`), which no label index can narrow down. */
export function exclusionSelectors(n, namespace = 'shop') {
  return documents(n, (i) => networkPolicy(`np-${i}`, namespace, `  podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [app-${i}]}]}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector: {matchExpressions: [{key: role, operator: NotIn, values: [role-${i}]}]}
`));
}

/** A Traefik rule of nine `(PathPrefix(`/`) || Header(...))` groups joined by `&&`: 2^9 alternatives. */
export function traefikExplosion(groups = 9) {
  const rule = Array.from({ length: groups }, (_, i) => `(PathPrefix(\`/\`) || Header(\`X-H${i}\`, \`v\`))`).join(' && ');
  return `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: explode
  namespace: shop
spec:
  entryPoints: [websecure]
  routes:
    - match: ${JSON.stringify(rule)}
      kind: Rule
      services:
        - name: web
          port: 80
`;
}

/** A block sequence nested `depth` levels deep on one line (`- - - … leaf`), as the value of a ConfigMap key. */
export function deepBlockSequence(depth) {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep, namespace: shop}\ndata:\n  key:\n    ${'- '.repeat(depth)}leaf\n`;
}

/** Billion laughs: ten levels of aliases, each ten times the previous one. */
export function aliasBomb(levels = 10) {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: bomb, namespace: shop}', 'data:', '  a0: &a0 "lol"'];
  for (let i = 1; i < levels; i++) lines.push(`  a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 80, name: http}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
`;

/** `n` Pods, each with its own label, in a namespace no policy isolates: n² new connections, none alike. */
export function distinctPods(n, namespace = 'open') {
  return documents(n, (i) => `{apiVersion: v1, kind: Pod, metadata: {name: pod-${i}, namespace: ${namespace}, labels: {app: a${i}}}}\n`);
}

const common = { 'namespace.yaml': NAMESPACE, 'deny.yaml': DEFAULT_DENY, 'web.yaml': WEB };
const without = (files, name) => Object.fromEntries(Object.entries(files).filter(([path]) => path !== name));

export default [
  {
    name: '5,000 unlabeled Pods added where no policy applies',
    generate: () => ({ base: { ...common }, head: { ...common, 'pods.yaml': unlabeledPods(5_000, 'open') } }),
  },
  {
    name: '5,000 unlabeled Pods, default deny removed',
    generate: () => {
      const files = { ...common, 'pods.yaml': unlabeledPods(5_000) };
      return { base: files, head: without(files, 'deny.yaml') };
    },
  },
  {
    name: '3,000 distinctly labeled Pods added where no policy applies',
    generate: () => ({ base: { ...common }, head: { ...common, 'pods.yaml': distinctPods(3_000) } }),
  },
  {
    // No workloads: selector mode, one abstract peer per selector (20,000).
    name: '5,000 distinct selectors added',
    generate: () => ({ base: { 'namespace.yaml': NAMESPACE }, head: { 'namespace.yaml': NAMESPACE, 'policies.yaml': distinctSelectors(5_000) } }),
  },
  {
    name: '5,000 distinct selectors, one peer widened to every pod',
    generate: () => {
      const policies = distinctSelectors(5_000);
      return { base: { 'policies.yaml': policies }, head: { 'policies.yaml': policies.replace('{app: client-7}', '{}') } };
    },
  },
  {
    name: '5,000 distinct selectors beside workloads',
    generate: () => ({ base: { ...common }, head: { ...common, 'policies.yaml': distinctSelectors(5_000) } }),
  },
  {
    name: '5,000 NotIn selectors added',
    generate: () => ({ base: { 'namespace.yaml': NAMESPACE }, head: { 'namespace.yaml': NAMESPACE, 'policies.yaml': exclusionSelectors(5_000) } }),
  },
  {
    name: 'Traefik rule of 9 (PathPrefix || Header) groups',
    generate: () => ({ base: { ...common }, head: { ...common, 'route.yaml': traefikExplosion(9) } }),
  },
  {
    name: '10,000-deep block sequence',
    generate: () => ({ base: { ...common }, head: { ...common, 'deep.yaml': deepBlockSequence(10_000) } }),
  },
  {
    name: 'YAML alias bomb (10^9 leaves)',
    generate: () => ({ base: { ...common }, head: { ...common, 'bomb.yaml': aliasBomb(10) } }),
  },
];

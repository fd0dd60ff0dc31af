// Hostile inputs for address sets, allow-lists and Ingress paths (issue 9, item 6): each case is a pull request
// whose head is one file under the 5 MB limit that used to take minutes. `generate()` returns the two trees as
// { base: { relativePath: text }, head: { relativePath: text } }; the base is empty or narrow, so the check
// compares the hostile head against little. Sizes are parameters, so tests can reuse the shapes at moderate size.

const NAMESPACE = 'shop';

/** A namespace and one Deployment `web` in it, so connectivity has a workload the policy selects. */
export const WORKLOAD = `apiVersion: v1
kind: Namespace
metadata:
  name: ${NAMESPACE}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${NAMESPACE}
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{containerPort: 80}]
`;

/** An IPv4 address from a 32-bit number. */
export function ipv4(n) {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** A NetworkPolicy admitting TCP 80 to `web` from the given ipBlock peers (flow style, as compact as a hostile file would be). */
export function ipBlockPolicy(peers) {
  const lines = peers.map(({ cidr, except }) =>
    `        - ipBlock: {cidr: ${cidr}${except.length > 0 ? `, except: [${except.join(', ')}]` : ''}}`);
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: from-partners
  namespace: ${NAMESPACE}
spec:
  podSelector:
    matchLabels: {app: web}
  policyTypes: [Ingress]
  ingress:
    - ports: [{port: 80}]
      from:
${lines.join('\n')}
`;
}

/** `count` peers, each a distinct /20 of 10.0.0.0/8 minus `excepts` /32s inside it. */
export function distinctBlocks(count, excepts) {
  return Array.from({ length: count }, (_, i) => {
    const base = (10 << 24) + i * 4096;
    return { cidr: `${ipv4(base)}/20`, except: Array.from({ length: excepts }, (_, j) => `${ipv4(base + 1 + 2 * j)}/32`) };
  });
}

/** `count` peers, each the whole IPv4 space minus `excepts` /32s of its own: together they admit every address. */
export function everyAddressMinusExcepts(count, excepts) {
  return Array.from({ length: count }, (_, i) => ({
    cidr: '0.0.0.0/0',
    except: Array.from({ length: excepts }, (_, j) => `${ipv4((172 << 24) + (i * excepts + j) * 2)}/32`),
  }));
}

/** The same over IPv6: `::/0` minus /128s. */
export function everyIpv6AddressMinusExcepts(count, excepts) {
  return Array.from({ length: count }, (_, i) => ({
    cidr: '::/0',
    except: Array.from({ length: excepts }, (_, j) => {
      const n = (i * excepts + j) * 2;
      return `fd00::${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}/128`;
    }),
  }));
}

/** The narrow base of the policy cases: the same policy admitting one /24. */
const NARROW_POLICY = ipBlockPolicy([{ cidr: '192.0.2.0/24', except: [] }]);

/** An Ingress `web` on shop.example.com with the given paths (flow style), optionally with nginx annotations. */
export function ingress(paths, annotations = {}) {
  const meta = Object.entries(annotations).map(([k, v]) => `    ${k}: "${v}"`).join('\n');
  const lines = paths.map(({ path, pathType }) =>
    `          - {path: "${path}", pathType: ${pathType}, backend: {service: {name: web, port: {number: 80}}}}`);
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: ${NAMESPACE}
${meta ? `  annotations:\n${meta}\n` : ''}spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
${lines.join('\n')}
`;
}

/** `count` distinct paths of every type, nested so that prefixes cover one another: `/a17`, `/a17/b3`, … */
export function manyPaths(count) {
  const types = ['Prefix', 'Exact', 'ImplementationSpecific'];
  return Array.from({ length: count }, (_, i) => ({
    path: i < 100 ? `/a${i}` : `/a${i % 100}/b${Math.floor(i / 100)}`,
    pathType: types[i % 3],
  }));
}

/** `count` /32s, every other address from 10.0.0.0 (no two adjacent, so nothing merges). */
export function scatteredHosts(count) {
  return Array.from({ length: count }, (_, i) => `${ipv4((10 << 24) + 2 * i)}/32`);
}

/** `count` consecutive /32s from `start`: `count` = 2^k aligned on it is exactly one /(32-k). */
export function consecutiveHosts(start, count) {
  return Array.from({ length: count }, (_, i) => `${ipv4(start + i)}/32`);
}

const ALLOW = 'nginx.ingress.kubernetes.io/allowlist-source-range';
const ROOT = [{ path: '/', pathType: 'Prefix' }];

const files = (head, base = {}) => ({ base, head });

/** The hostile cases: name → the two trees of a pull request. */
export default [
  {
    name: 'ipblock-10k-peers-25-excepts (new policy)',
    generate: () => files({ 'workload.yaml': WORKLOAD, 'policy.yaml': ipBlockPolicy(distinctBlocks(10_000, 25)) }),
  },
  {
    name: 'ipblock-10k-peers-25-excepts (narrow base)',
    generate: () => files({ 'workload.yaml': WORKLOAD, 'policy.yaml': ipBlockPolicy(distinctBlocks(10_000, 25)) },
      { 'workload.yaml': WORKLOAD, 'policy.yaml': NARROW_POLICY }),
  },
  {
    name: 'ipblock-10k-peers-all-minus-25-excepts (narrow base)',
    generate: () => files({ 'workload.yaml': WORKLOAD, 'policy.yaml': ipBlockPolicy(everyAddressMinusExcepts(10_000, 25)) },
      { 'workload.yaml': WORKLOAD, 'policy.yaml': NARROW_POLICY }),
  },
  {
    name: 'ipblock-ipv6-10k-peers-all-minus-25-excepts (narrow base)',
    generate: () => files({ 'workload.yaml': WORKLOAD, 'policy.yaml': ipBlockPolicy(everyIpv6AddressMinusExcepts(10_000, 25)) },
      { 'workload.yaml': WORKLOAD, 'policy.yaml': NARROW_POLICY }),
  },
  {
    name: 'ingress-10k-paths (new Ingress)',
    generate: () => files({ 'workload.yaml': WORKLOAD, 'ingress.yaml': ingress(manyPaths(10_000)) }),
  },
  {
    name: 'ingress-10k-paths (narrow base)',
    generate: () => files({ 'workload.yaml': WORKLOAD, 'ingress.yaml': ingress(manyPaths(10_000)) },
      { 'workload.yaml': WORKLOAD, 'ingress.yaml': ingress([{ path: '/a1', pathType: 'Prefix' }]) }),
  },
  {
    name: 'nginx-allowlist-25600-hosts (new Ingress)',
    generate: () => files({ 'workload.yaml': WORKLOAD, 'ingress.yaml': ingress(ROOT, { [ALLOW]: scatteredHosts(25_600).join(',') }) }),
  },
  {
    name: 'nginx-allowlist-25600-hosts (narrow base)',
    generate: () => files({ 'workload.yaml': WORKLOAD, 'ingress.yaml': ingress(ROOT, { [ALLOW]: scatteredHosts(25_600).join(',') }) },
      { 'workload.yaml': WORKLOAD, 'ingress.yaml': ingress(ROOT, { [ALLOW]: '10.0.0.0/32' }) }),
  },
];

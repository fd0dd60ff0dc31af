import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { defaultConfig } from '../src/config/config.js';
import { RULES } from '../src/rules/index.js';
import { toSourceFiles, yaml, type Files } from './helpers/rule-tester.js';

/**
 * Changes that open nothing: every registered rule runs on each pair, and nothing above `info` may come out.
 * The suite grows stronger as rules are added to the registry.
 */
const denyAll = yaml(
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: default-deny',
  '  namespace: payments',
  'spec:',
  '  podSelector: {}',
  '  policyTypes: [Ingress, Egress]',
);
const allowApi = yaml(
  '# the api takes traffic from the shop frontend and the ingress controller',
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: allow-api',
  '  namespace: payments',
  'spec:',
  '  podSelector:',
  '    matchLabels: {app: api}',
  '  policyTypes: [Ingress]',
  '  ingress:',
  '    - from:',
  '        - namespaceSelector:',
  '            matchLabels: {kubernetes.io/metadata.name: shop}',
  '          podSelector:',
  '            matchLabels: {app: frontend}',
  '        - namespaceSelector:',
  '            matchLabels: {kubernetes.io/metadata.name: ingress-nginx}',
  '      ports:',
  '        - {port: 8080}',
  '        - {port: 8443, protocol: TCP}',
);
const allowDns = yaml(
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata: {name: allow-dns, namespace: payments}',
  'spec:',
  '  podSelector: {}',
  '  policyTypes: [Egress]',
  '  egress:',
  '    - to:',
  '        - ipBlock: {cidr: 10.96.0.0/12, except: [10.96.0.0/24]}',
  '      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]',
);
const ingressV1 = yaml(
  'apiVersion: networking.k8s.io/v1',
  'kind: Ingress',
  'metadata:',
  '  name: shop',
  '  namespace: shop',
  'spec:',
  '  ingressClassName: nginx',
  '  tls:',
  '    - hosts: [shop.example.com]',
  '      secretName: shop-tls',
  '  rules:',
  '    - host: shop.example.com',
  '      http:',
  '        paths:',
  '          - path: /api',
  '            pathType: Prefix',
  '            backend: {service: {name: api, port: {number: 80}}}',
  '          - path: /',
  '            pathType: Prefix',
  '            backend: {service: {name: web, port: {name: http}}}',
);

const base: Record<string, string> = {
  'payments/default-deny.yaml': denyAll,
  'payments/policies.yaml': `${allowApi}---\n${allowDns}`,
  'shop/ingress.yaml': ingressV1,
};

/** A head tree; `undefined` removes a base file. */
type Tree = Record<string, string | undefined>;

const cases: { name: string; head: Tree; base?: Files }[] = [
  { name: 'nothing changes', head: base },
  {
    name: 'a policy moved to another file',
    head: { ...base, 'payments/default-deny.yaml': undefined, 'policies/payments/00-default-deny.yaml': denyAll },
  },
  {
    name: 'a multi-document file split into several files',
    head: { ...base, 'payments/policies.yaml': undefined, 'payments/allow-api.yaml': allowApi, 'payments/allow-dns.yaml': allowDns },
  },
  {
    name: 'several files merged into one List',
    head: {
      'all.yaml': yaml('apiVersion: v1', 'kind: List', 'items:',
        ...[denyAll, allowApi, allowDns, ingressV1].flatMap((doc) => doc.trimEnd().split('\n').filter((l) => !l.startsWith('#')).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)))),
    },
  },
  {
    name: 'keys reordered, block/flow style and quoting changed, comments edited',
    head: {
      ...base,
      'payments/policies.yaml': `${yaml(
        '# reviewed 2026-03: unchanged semantics',
        'kind: NetworkPolicy',
        'apiVersion: "networking.k8s.io/v1"',
        'metadata: {namespace: payments, name: allow-api}',
        'spec:',
        '  ingress:',
        '  - ports: [{port: 8080, protocol: TCP}, {protocol: TCP, port: 8443}]   # TCP spelled out',
        '    from:',
        '    - podSelector: {matchLabels: {app: frontend}}',
        '      namespaceSelector: {matchLabels: {"kubernetes.io/metadata.name": shop}}',
        '    - namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [ingress-nginx]}]}',
        '  policyTypes:',
        '  - Ingress',
        '  podSelector: {matchLabels: {app: "api"}}',
      )}---\n${allowDns}`,
    },
  },
  {
    name: 'peers and ports listed in another order',
    head: {
      ...base,
      'payments/policies.yaml': `${allowApi
        .replace('        - {port: 8080}\n        - {port: 8443, protocol: TCP}', '        - {port: 8443, protocol: TCP}\n        - {port: 8080}')}---\n${allowDns.replace('[{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]', '[{port: 53, protocol: TCP}, {port: 53, protocol: UDP}]')}`,
    },
  },
  {
    name: 'YAML rewritten as JSON',
    head: {
      ...base,
      'payments/default-deny.yaml': undefined,
      'payments/default-deny.json': JSON.stringify({ kind: 'NetworkPolicy', apiVersion: 'networking.k8s.io/v1', metadata: { name: 'default-deny', namespace: 'payments' }, spec: { policyTypes: ['Ingress', 'Egress'], podSelector: {} } }, null, 2),
    },
  },
  {
    name: 'extensions/v1beta1 NetworkPolicy migrated to networking.k8s.io/v1',
    base: { ...base, 'payments/default-deny.yaml': denyAll.replace('networking.k8s.io/v1', 'extensions/v1beta1') },
    head: base,
  },
  ...['extensions/v1beta1', 'networking.k8s.io/v1beta1'].map((apiVersion) => ({
    name: `${apiVersion} Ingress migrated to networking.k8s.io/v1, class annotation moved to ingressClassName`,
    base: {
      ...base,
      'shop/ingress.yaml': yaml(
        `apiVersion: ${apiVersion}`,
        'kind: Ingress',
        'metadata:',
        '  name: shop',
        '  namespace: shop',
        '  annotations: {kubernetes.io/ingress.class: nginx}',
        'spec:',
        '  tls: [{hosts: [shop.example.com], secretName: shop-tls}]',
        '  rules:',
        '    - host: shop.example.com',
        '      http:',
        '        paths:',
        '          - {path: /api, pathType: Prefix, backend: {serviceName: api, servicePort: 80}}',
        '          - {path: /, pathType: Prefix, backend: {serviceName: web, servicePort: http}}',
      ),
    },
    head: base,
  })),
  {
    name: 'class annotation moved to ingressClassName within v1',
    base: { ...base, 'shop/ingress.yaml': ingressV1.replace('  name: shop\n', '  name: shop\n  annotations: {kubernetes.io/ingress.class: nginx}\n').replace('  ingressClassName: nginx\n', '') },
    head: base,
  },
  {
    name: 'tightened: a peer selector gains a label, a port is dropped, an except is added',
    head: {
      ...base,
      'payments/policies.yaml': `${allowApi
        .replace('matchLabels: {app: frontend}', 'matchLabels: {app: frontend, tier: web}')
        .replace('        - {port: 8443, protocol: TCP}\n', '')}---\n${allowDns.replace('except: [10.96.0.0/24]', 'except: [10.96.0.0/24, 10.100.0.0/16]')}`,
    },
  },
  {
    name: 'tightened: a peer removed, the catch-all path narrowed from Prefix / to Exact /, a TLS host added',
    head: {
      ...base,
      'payments/policies.yaml': `${allowApi.replace('        - namespaceSelector:\n            matchLabels: {kubernetes.io/metadata.name: ingress-nginx}\n', '')}---\n${allowDns}`,
      'shop/ingress.yaml': ingressV1.replace('          - path: /\n            pathType: Prefix', '          - path: /\n            pathType: Exact')
        .replace('hosts: [shop.example.com]', 'hosts: [shop.example.com, www.shop.example.com]'),
    },
  },
  {
    name: 'tightened: a default deny added to a namespace that had none, and policies added there',
    head: {
      ...base,
      'admin/default-deny.yaml': denyAll.replace('namespace: payments', 'namespace: admin'),
      'admin/allow-console.yaml': allowApi.replace('namespace: payments', 'namespace: admin').replace('name: allow-api', 'name: allow-console'),
    },
  },
  {
    name: 'a new policy selecting pods that were not isolated, with an allow-all rule (opens nothing that was closed)',
    head: {
      ...base,
      'monitoring/allow-all.yaml': yaml(
        'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: allow-scrape, namespace: monitoring}',
        'spec:', '  podSelector: {matchLabels: {app: prometheus}}', '  ingress: [{}]',
      ),
    },
  },
  {
    name: 'labels and annotations added to a policy',
    head: { ...base, 'payments/default-deny.yaml': denyAll.replace('  namespace: payments\n', '  namespace: payments\n  labels: {owner: payments}\n  annotations: {docs: "https://wiki/payments"}\n') },
  },
  {
    name: 'an Ingress deleted together with its routes',
    head: { ...base, 'shop/ingress.yaml': undefined },
  },
];

describe('benign changes produce nothing above info (every registered rule)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const head = Object.fromEntries(Object.entries(c.head).filter((entry): entry is [string, string] => entry[1] !== undefined));
      const { findings } = analyze(toSourceFiles(c.base ?? base), toSourceFiles(head), defaultConfig(), RULES);
      expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.location.path}:${f.location.line} ${f.message}`)).toEqual([]);
    });
  }

  it('control: the same harness does report a regression (an empty peer is rejected by the API server)', () => {
    const head = { ...base, 'payments/default-deny.yaml': denyAll.replace('  policyTypes: [Ingress, Egress]\n', '  ingress: [{from: [{}]}]\n') };
    const { findings } = analyze(toSourceFiles(base), toSourceFiles(head), defaultConfig(), RULES);
    expect(findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)).toContain('manifest-invalid');
  });
});

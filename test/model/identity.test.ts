import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { defaultConfig } from '../../src/config/config.js';
import { describeIdentity, identityKey } from '../../src/model/identity.js';
import { ingressOf } from '../../src/model/ingress.js';
import { loadSnapshot } from '../../src/model/load.js';
import { networkPolicyOf } from '../../src/model/network-policy.js';
import type { Resource } from '../../src/model/resource.js';
import { toSourceFiles, yaml, type Files } from '../helpers/rule-tester.js';
import { probeRule } from '../loading/probe-rule.js';

const load = (files: Files) => loadSnapshot(toSourceFiles(files));

/** The pairs the engine hands to diff rules: only added, deleted or changed objects. */
function changedKeys(base: Files, head: Files): string[] {
  const { findings } = analyze(toSourceFiles(base), toSourceFiles(head), defaultConfig(), [probeRule]);
  const keys: string[] = [];
  // The probe reports added and changed head objects; deletions are visible as base keys missing from head.
  for (const f of findings) keys.push(`${f.resource?.kind}/${f.resource?.namespace}/${f.resource?.name}`);
  return keys;
}

const policy = yaml(
  '# payments: deny everything, then allow the api from shop',
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: allow-shop',
  '  namespace: payments',
  '  labels: {team: payments, tier: backend}',
  'spec:',
  '  podSelector:',
  '    matchLabels: {app: api}',
  '  policyTypes: [Ingress]',
  '  ingress:',
  '    - from:',
  '        - namespaceSelector:',
  '            matchLabels: {kubernetes.io/metadata.name: shop}',
  '      ports:',
  '        - {port: 8080, protocol: TCP}',
);
const reformatted = yaml(
  'kind: NetworkPolicy   # keys reordered, flow/block style swapped, comments changed',
  'apiVersion: "networking.k8s.io/v1"',
  'spec:',
  '  ingress:',
  '  - ports: [{protocol: TCP, port: 8080}]',
  '    from: [{namespaceSelector: {matchLabels: {"kubernetes.io/metadata.name": shop}}}]',
  '  policyTypes:',
  '  - Ingress',
  '  podSelector: {matchLabels: {app: api}}',
  'metadata:',
  '  labels:',
  '    tier: backend',
  '    team: payments',
  '  namespace: payments',
  '  name: allow-shop',
);
const service = yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: api, namespace: payments}', 'spec: {selector: {app: api}, ports: [{port: 80}]}');

describe('identity', () => {
  it('is (group, kind, namespace, name), with `default` for an absent namespace', () => {
    const model = load({
      'a.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}'),
      'b.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c, namespace: ""}'),
      'c.yaml': yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: c, namespace: shop}'),
      'd.yaml': yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: shop, namespace: ignored}'),
    });
    expect([...model.byKey.keys()]).toEqual(['/ConfigMap/default/c', 'apps/Deployment/shop/c', '/Namespace//shop']);
    expect(model.problems.map((p) => `${p.kind} ${p.location.path}`)).toEqual(['duplicate b.yaml']);
    expect(identityKey({ group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'payments', name: 'x' })).toBe('networking.k8s.io/NetworkPolicy/payments/x');
    expect(describeIdentity({ kind: 'Namespace', namespace: '', name: 'shop' })).toBe('Namespace shop');
  });

  it('maps the groups a kind moved from to its current group', () => {
    const model = load({
      'a.yaml': yaml('apiVersion: extensions/v1beta1', 'kind: Ingress', 'metadata: {name: a, namespace: shop}'),
      'b.yaml': yaml('apiVersion: networking.k8s.io/v1beta1', 'kind: Ingress', 'metadata: {name: b, namespace: shop}'),
      'c.yaml': yaml('apiVersion: extensions/v1beta1', 'kind: NetworkPolicy', 'metadata: {name: c, namespace: shop}'),
      'd.yaml': yaml('apiVersion: extensions/v1beta1', 'kind: Deployment', 'metadata: {name: d, namespace: shop}'),
      'e.yaml': yaml('apiVersion: crd.projectcalico.org/v1', 'kind: NetworkPolicy', 'metadata: {name: c, namespace: shop}'),
    });
    expect(model.resources.map((r) => r.key)).toEqual([
      'networking.k8s.io/Ingress/shop/a', 'networking.k8s.io/Ingress/shop/b', 'networking.k8s.io/NetworkPolicy/shop/c',
      'apps/Deployment/shop/d', 'crd.projectcalico.org/NetworkPolicy/shop/c',
    ]);
  });
});

describe('matching base and head by identity, not by file', () => {
  it('an unchanged tree has no changed pairs', () => {
    expect(changedKeys({ 'np.yaml': policy, 'svc.yaml': service }, { 'np.yaml': policy, 'svc.yaml': service })).toEqual([]);
  });

  it('a resource moved to another file', () => {
    expect(changedKeys({ 'payments/np.yaml': policy }, { 'policies/payments/allow-shop.yaml': policy })).toEqual([]);
  });

  it('one file split into several, and several merged into one', () => {
    const together = `${policy}---\n${service}`;
    expect(changedKeys({ 'all.yaml': together }, { 'np.yaml': policy, 'svc.yaml': service })).toEqual([]);
    expect(changedKeys({ 'np.yaml': policy, 'svc.yaml': service }, { 'all.yaml': together })).toEqual([]);
  });

  it('a document moved into a List', () => {
    const list = yaml('apiVersion: v1', 'kind: List', 'items:', ...reformatted.trimEnd().split('\n').map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)));
    expect(changedKeys({ 'np.yaml': policy }, { 'list.yaml': list })).toEqual([]);
  });

  it('reformatted, keys reordered, comments changed, YAML to JSON', () => {
    expect(changedKeys({ 'np.yaml': policy }, { 'np.yaml': reformatted })).toEqual([]);
    const json = JSON.stringify(load({ 'np.yaml': policy }).resources[0].object, null, 2);
    expect(changedKeys({ 'np.yaml': policy }, { 'np.json': json })).toEqual([]);
  });

  it('a real change, an addition and a deletion are the only pairs', () => {
    const changed = policy.replace('port: 8080', 'port: 8081');
    const base = { 'np.yaml': policy, 'svc.yaml': service };
    const head = { 'np.yaml': changed, 'cm.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: new, namespace: payments}') };
    expect(changedKeys(base, head)).toEqual(['ConfigMap/payments/new', 'NetworkPolicy/payments/allow-shop']);
  });

  it('a namespace written as `default` and one left out are the same object (changed at most, never added/deleted)', () => {
    const withDefault = load({ 'np.yaml': policy.replace('namespace: payments', 'namespace: default') });
    const without = load({ 'other.yaml': policy.replace('  namespace: payments\n', '') });
    expect([...without.byKey.keys()]).toEqual([...withDefault.byKey.keys()]);
  });
});

/** The meaning of an Ingress without its field paths (which differ between API versions by design). */
function meaning(resource: Resource | undefined): unknown {
  if (!resource) throw new Error('missing resource');
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).filter(([k, v]) => !(/path$/i.test(k) && Array.isArray(v))).map(([k, v]) => [k, strip(v)]));
  };
  const { resource: _, ...model } = ingressOf(resource);
  return strip(model);
}

describe('apiVersion migrations with the same meaning', () => {
  const v1 = yaml(
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress',
    'metadata: {name: shop, namespace: shop}',
    'spec:',
    '  ingressClassName: nginx',
    '  tls: [{hosts: [shop.example.com], secretName: shop-tls}]',
    '  defaultBackend: {service: {name: fallback, port: {number: 8080}}}',
    '  rules:',
    '    - host: shop.example.com',
    '      http:',
    '        paths:',
    '          - {path: /api, pathType: ImplementationSpecific, backend: {service: {name: api, port: {number: 80}}}}',
    '          - {path: /, pathType: ImplementationSpecific, backend: {service: {name: web, port: {name: http}}}}',
  );
  const beta = (apiVersion: string) => yaml(
    `apiVersion: ${apiVersion}`, 'kind: Ingress',
    'metadata:', '  name: shop', '  namespace: shop', '  annotations: {kubernetes.io/ingress.class: nginx}',
    'spec:',
    '  tls: [{hosts: [shop.example.com], secretName: shop-tls}]',
    '  backend: {serviceName: fallback, servicePort: 8080}',
    '  rules:',
    '    - host: shop.example.com',
    '      http:',
    '        paths:',
    '          - {path: /api, backend: {serviceName: api, servicePort: 80}}',
    '          - {path: /, backend: {serviceName: web, servicePort: http}}',
  );

  for (const apiVersion of ['extensions/v1beta1', 'networking.k8s.io/v1beta1']) {
    it(`${apiVersion} Ingress → networking.k8s.io/v1 is the same object with the same meaning`, () => {
      const before = load({ 'ing.yaml': beta(apiVersion) });
      const after = load({ 'ingress/shop.yaml': v1 });
      expect([...before.byKey.keys()]).toEqual([...after.byKey.keys()]);
      const key = 'networking.k8s.io/Ingress/shop/shop';
      expect(meaning(after.byKey.get(key))).toEqual(meaning(before.byKey.get(key)));
      expect(ingressOf(after.byKey.get(key)!).problems).toEqual([]);
      expect(ingressOf(before.byKey.get(key)!).problems).toEqual([]);
    });
  }

  it('extensions/v1beta1 NetworkPolicy → networking.k8s.io/v1 keeps its meaning', () => {
    const v1Text = policy;
    const old = policy.replace('networking.k8s.io/v1', 'extensions/v1beta1');
    const key = 'networking.k8s.io/NetworkPolicy/payments/allow-shop';
    const a = networkPolicyOf(load({ 'a.yaml': old }).byKey.get(key)!);
    const b = networkPolicyOf(load({ 'b.yaml': v1Text }).byKey.get(key)!);
    expect({ ...a, resource: undefined }).toEqual({ ...b, resource: undefined });
  });
});

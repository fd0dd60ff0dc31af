import { describe, expect, it } from 'vitest';
import { INGRESS_RULES } from '../../../src/rules/ingress/index.js';
import { analyze } from '../../../src/analyze.js';
import { toSourceFiles, yaml, type Files } from '../../helpers/rule-tester.js';

/** All Ingress rules together: benign changes give nothing at all, and one regression gives exactly its own rule. */
function findings(base: Files, head: Files): string[] {
  return analyze(toSourceFiles(base), toSourceFiles(head), undefined, INGRESS_RULES).findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.line}`);
}

const extensionsV1beta1 = yaml(
  'apiVersion: extensions/v1beta1',
  'kind: Ingress',
  'metadata:',
  '  name: shop',
  '  namespace: shop',
  '  annotations:',
  '    kubernetes.io/ingress.class: nginx',
  'spec:',
  '  backend:',
  '    serviceName: web',
  '    servicePort: 80',
  '  tls:',
  '    - hosts: [shop.example.com, "*.shop.example.com"]',
  '      secretName: shop-tls',
  '  rules:',
  '    - host: shop.example.com',
  '      http:',
  '        paths:',
  '          - path: /api',
  '            backend: {serviceName: api, servicePort: 8080}',
  '          - path: /admin',
  '            backend: {serviceName: admin, servicePort: http}',
  '    - host: "*.shop.example.com"',
  '      http:',
  '        paths:',
  '          - backend: {serviceName: tenant, servicePort: 80}',
);

// The same meaning in networking.k8s.io/v1: class as a field, keys reordered, rules and paths reordered, comments.
const v1 = yaml(
  '# migrated to networking.k8s.io/v1',
  'kind: Ingress',
  'apiVersion: networking.k8s.io/v1',
  'metadata:',
  '  namespace: shop',
  '  name: shop',
  'spec:',
  '  ingressClassName: nginx  # was the annotation',
  '  rules:',
  '    - host: "*.shop.example.com"',
  '      http:',
  '        paths:',
  '          - {path: /, pathType: ImplementationSpecific, backend: {service: {name: tenant, port: {number: 80}}}}',
  '    - http:',
  '        paths:',
  '          - backend: {service: {port: {name: http}, name: admin}}',
  '            pathType: ImplementationSpecific',
  '            path: /admin',
  '          - path: /api',
  '            pathType: Prefix',
  '            backend: {service: {name: api, port: {number: 8080}}}',
  '      host: shop.example.com',
  '  tls:',
  '    - secretName: shop-tls',
  '      hosts: ["*.shop.example.com", shop.example.com]',
  '  defaultBackend: {service: {name: web, port: {number: 80}}}',
);

describe('Ingress rules on benign changes', () => {
  it('extensions/v1beta1 → networking.k8s.io/v1 with the same meaning, moved, reordered, commented', () => {
    expect(findings({ 'apps/shop/ingress.yaml': extensionsV1beta1 }, { 'k8s/ingress-v1.yaml': v1 })).toEqual([]);
  });

  it('networking.k8s.io/v1beta1 → networking.k8s.io/v1', () => {
    const netV1beta1 = extensionsV1beta1.replace('extensions/v1beta1', 'networking.k8s.io/v1beta1');
    expect(findings({ 'ingress.yaml': netV1beta1 }, { 'ingress.yaml': v1 })).toEqual([]);
  });

  it('an Ingress split from a List into its own file', () => {
    const list = yaml('apiVersion: v1', 'kind: List', 'items:', ...v1.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)));
    expect(findings({ 'all.yaml': list }, { 'ingress.yaml': v1 })).toEqual([]);
  });

  it('one regression gives exactly its rule, not a cascade', () => {
    const head = v1.replace('      host: shop.example.com\n', '');
    // The shop.example.com rule (line 14) lost its host: not also a new route, a broadened path or lost TLS
    // (the host is still listed in tls).
    expect(findings({ 'ingress.yaml': v1 }, { 'ingress.yaml': head })).toEqual(['ingress-host-removed ingress.yaml:14']);
  });
});

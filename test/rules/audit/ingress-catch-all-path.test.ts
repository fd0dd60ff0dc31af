import { ingressCatchAllPath } from '../../../src/rules/audit/ingress-catch-all-path.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const ingress = (...paths: string[]) => yaml(
  'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web, namespace: shop}', 'spec:', '  rules:',
  '  - host: shop.example.com', '    http:', '      paths:', ...paths,
);
const prefix = (path: string, type = 'Prefix') => `      - {path: ${path}, pathType: ${type}, backend: {service: {name: web, port: {number: 80}}}}`;

ruleTester(ingressCatchAllPath, {
  valid: [
    {
      name: 'an HTTP→HTTPS redirect route without a backend forwards nothing', base: {},
      head: {
        'gw.yaml': yaml('apiVersion: gateway.networking.k8s.io/v1', 'kind: Gateway', 'metadata: {name: gw, namespace: shop}', 'spec:', '  listeners: [{name: web, protocol: HTTP, port: 80}]'),
        'r.yaml': yaml('apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', 'metadata: {name: redirect, namespace: shop}', 'spec:', '  parentRefs: [{name: gw}]',
          '  rules:', '  - filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]'),
      },
    },
    { name: 'only specific prefixes', base: {}, head: { 'i.yaml': ingress(prefix('/api'), prefix('/static')) } },
    { name: 'Exact / matches only the root page', base: {}, head: { 'i.yaml': ingress(prefix('/', 'Exact')) } },
    {
      name: 'an OpenShift Route with a path', base: {},
      head: { 'r.yaml': yaml('apiVersion: route.openshift.io/v1', 'kind: Route', 'metadata: {name: web, namespace: shop}', 'spec:', '  host: a.example.com', '  path: /app', '  to: {kind: Service, name: web}') },
    },
  ],
  invalid: [
    {
      name: 'a Gateway API HTTPRoute rule without matches', base: {},
      head: {
        'gw.yaml': yaml('apiVersion: gateway.networking.k8s.io/v1', 'kind: Gateway', 'metadata: {name: gw, namespace: shop}', 'spec:', '  listeners: [{name: web, protocol: HTTP, port: 80}]'),
        'r.yaml': yaml('apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', 'metadata: {name: r, namespace: shop}', 'spec:', '  parentRefs: [{name: gw}]',
          '  hostnames: [shop.example.com]', '  rules:', '  - matches: [{path: {type: PathPrefix, value: /api}}]', '    backendRefs: [{name: api, port: 80}]', '  - backendRefs: [{name: web, port: 80}]'),
      },
      findings: [{ path: 'r.yaml', line: 10, message: 'HTTPRoute shop/r sends every path of host `shop.example.com` (PathPrefix /) to shop/web:80' }],
    },
    {
      name: 'Prefix / next to a specific path: only the catch-all, on its line', base: {},
      head: { 'i.yaml': ingress(prefix('/api'), prefix('/')) },
      findings: [{ path: 'i.yaml', line: 10, severity: 'low', message: 'Ingress shop/web sends every path of host `shop.example.com` (Prefix /) to shop/web:80' }],
    },
    {
      name: 'ImplementationSpecific / (a prefix for the common controllers) and a default backend', base: {},
      head: { 'i.yaml': ingress(prefix('/', 'ImplementationSpecific')).replace('spec:\n', 'spec:\n  defaultBackend: {service: {name: fallback, port: {number: 80}}}\n') },
      findings: [
        { path: 'i.yaml', line: 5, message: 'sends every path of every host (default backend) to shop/fallback:80' },
        { path: 'i.yaml', line: 10, message: '(ImplementationSpecific /)' },
      ],
    },
    {
      name: 'an OpenShift Route without path', base: {},
      head: { 'r.yaml': yaml('apiVersion: route.openshift.io/v1', 'kind: Route', 'metadata: {name: web, namespace: shop}', 'spec:', '  host: a.example.com', '  to: {kind: Service, name: web}') },
      findings: [{ path: 'r.yaml', line: 6, message: 'Route shop/web sends every path of host `a.example.com` (Prefix /)' }],
    },
  ],
});

import { ingressCatchAllPath } from '../../../src/rules/audit/ingress-catch-all-path.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const ingress = (...paths: string[]) => yaml(
  'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web, namespace: shop}', 'spec:', '  rules:',
  '  - host: shop.example.com', '    http:', '      paths:', ...paths,
);
const prefix = (path: string, type = 'Prefix') => `      - {path: ${path}, pathType: ${type}, backend: {service: {name: web, port: {number: 80}}}}`;

ruleTester(ingressCatchAllPath, {
  valid: [
    { name: 'only specific prefixes', base: {}, head: { 'i.yaml': ingress(prefix('/api'), prefix('/static')) } },
    { name: 'Exact / matches only the root page', base: {}, head: { 'i.yaml': ingress(prefix('/', 'Exact')) } },
    {
      name: 'an OpenShift Route with a path', base: {},
      head: { 'r.yaml': yaml('apiVersion: route.openshift.io/v1', 'kind: Route', 'metadata: {name: web, namespace: shop}', 'spec:', '  host: a.example.com', '  path: /app', '  to: {kind: Service, name: web}') },
    },
  ],
  invalid: [
    {
      name: 'Prefix / next to a specific path: only the catch-all, on its line', base: {},
      head: { 'i.yaml': ingress(prefix('/api'), prefix('/')) },
      findings: [{ path: 'i.yaml', line: 10, severity: 'low', message: 'Ingress shop/web sends every path of host shop.example.com (Prefix /) to shop/web:80' }],
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
      findings: [{ path: 'r.yaml', line: 6, message: 'Route shop/web sends every path of host a.example.com (Prefix /)' }],
    },
  ],
});

import { ingressWildcardHost } from '../../../src/rules/audit/ingress-wildcard-host.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const ingress = (...rules: string[]) => yaml(
  'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web, namespace: shop}', 'spec:', '  rules:', ...rules,
);
const gateway = yaml(
  'apiVersion: gateway.networking.k8s.io/v1', 'kind: Gateway', 'metadata: {name: gw, namespace: shop}', 'spec:', '  listeners:',
  '  - {name: web, protocol: HTTP, port: 80, hostname: "*.example.com"}', '  - {name: db, protocol: TCP, port: 5432}',
);
const gatewayRoute = (kind: string, listener: string) => yaml(
  'apiVersion: gateway.networking.k8s.io/v1', `kind: ${kind}`, 'metadata: {name: r, namespace: shop}', 'spec:',
  `  parentRefs: [{name: gw, sectionName: ${listener}}]`, '  rules: [{backendRefs: [{name: web, port: 80}]}]',
);
const rule = (host: string | undefined) => [
  ...(host === undefined ? ['  - http:'] : [`  - host: "${host}"`, '    http:']), '      paths:',
  '      - {path: /a, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}',
  '      - {path: /b, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}',
];

ruleTester(ingressWildcardHost, {
  valid: [
    { name: 'exact hosts', base: {}, head: { 'i.yaml': ingress(...rule('shop.example.com'), ...rule('api.example.com')) } },
    {
      name: 'a default backend alone (ingress-catch-all-path reports it)', base: {},
      head: { 'i.yaml': yaml('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web, namespace: shop}', 'spec:', '  defaultBackend: {service: {name: web, port: {number: 80}}}') },
    },
    {
      name: 'an OpenShift Route with a generated host', base: {},
      head: { 'r.yaml': yaml('apiVersion: route.openshift.io/v1', 'kind: Route', 'metadata: {name: web, namespace: shop}', 'spec:', '  to: {kind: Service, name: web}') },
    },
    {
      name: 'an HTTP→HTTPS redirect route without hostnames or a backend forwards nothing', base: {},
      head: {
        'gw.yaml': gateway,
        'r.yaml': yaml('apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', 'metadata: {name: redirect, namespace: shop}', 'spec:', '  parentRefs: [{name: gw}]',
          '  rules:', '  - filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]'),
      },
    },
    { name: 'a TCPRoute (a port, no hostnames by design)', base: {}, head: { 'gw.yaml': gateway, 'r.yaml': gatewayRoute('TCPRoute', 'db') } },
  ],
  invalid: [
    {
      name: 'an HTTPRoute without hostnames inherits a Gateway listener wildcard (a suffix match)', base: {},
      head: { 'gw.yaml': gateway, 'r.yaml': gatewayRoute('HTTPRoute', 'web') },
      findings: [{ path: 'r.yaml', line: 5, message: 'HTTPRoute shop/r has host `*.example.com`, which answers for every name under `example.com`' }],
    },
    {
      name: 'a wildcard host and a rule without host: once per rule, not per path', base: {},
      head: { 'i.yaml': ingress(...rule('shop.example.com'), ...rule('*.example.com'), ...rule(undefined)) },
      findings: [
        { path: 'i.yaml', line: 11, severity: 'medium', message: 'Ingress shop/web has host `*.example.com`, which answers for every name one label under `example.com`' },
        { path: 'i.yaml', line: 16, message: 'no host: it answers for every host name' },
      ],
    },
    {
      name: 'an OpenShift Route with wildcardPolicy Subdomain', base: {},
      head: { 'r.yaml': yaml('apiVersion: route.openshift.io/v1', 'kind: Route', 'metadata: {name: web, namespace: shop}', 'spec:', '  host: www.example.com', '  wildcardPolicy: Subdomain', '  to: {kind: Service, name: web}') },
      findings: [{ path: 'r.yaml', line: 5, message: 'Route shop/web has host `*.example.com`' }],
    },
  ],
});

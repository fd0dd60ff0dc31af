import rule from '../../../src/rules/manifest/controller-config-invalid.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const ingress = (className: string, allowList: string) => yaml(
  'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: grafana', '  namespace: tools', '  annotations:',
  `    nginx.ingress.kubernetes.io/allowlist-source-range: "${allowList}"`,
  'spec:', `  ingressClassName: ${className}`, '  rules:', '  - host: grafana.example.com', '    http:', '      paths:',
  '      - {path: /, pathType: Prefix, backend: {service: {name: grafana, port: {number: 3000}}}}',
);
const traefikClass = yaml('apiVersion: networking.k8s.io/v1', 'kind: IngressClass', 'metadata: {name: traefik}', 'spec: {controller: traefik.io/ingress-controller}');
const ingressRoute = (match: string) => yaml(
  'apiVersion: traefik.io/v1alpha1', 'kind: IngressRoute', 'metadata: {name: api, namespace: billing}', 'spec:', '  routes:',
  `  - match: ${match}`, '    kind: Rule', '    services: [{name: api, port: 80}]',
);
const middleware = (range: string) => yaml(
  'apiVersion: traefik.io/v1alpha1', 'kind: Middleware', 'metadata: {name: office, namespace: billing}', 'spec:', '  ipAllowList:',
  `    sourceRange: ["10.0.0.0/8", "${range}"]`,
);

ruleTester(rule, {
  valid: [
    { name: 'valid allow-list and rule', base: {}, head: { 'i.yaml': ingress('nginx', '10.0.0.0/8,192.168.1.1'), 'r.yaml': ingressRoute("Host(`a.example.com`) && PathPrefix(`/api`)") } },
    { name: 'nginx annotations on an Ingress another controller serves are not nginx config', base: {}, head: { 'c.yaml': traefikClass, 'i.yaml': ingress('traefik', '10.0.0.0/8,office') } },
    { name: 'a problem already in base is not reported again', base: { 'm.yaml': middleware('office-range') }, head: { 'm.yaml': middleware('office-range') } },
  ],
  invalid: [
    {
      name: 'an allow-list entry that is not a CIDR: ingress-nginx rejects the annotation',
      base: { 'i.yaml': ingress('nginx', '10.0.0.0/8') }, head: { 'i.yaml': ingress('nginx', '10.0.0.0/8,office') },
      findings: [{ path: 'i.yaml', line: 7, severity: 'high', message: '`office` is not a CIDR or IP address' }],
    },
    {
      name: 'a Traefik rule that does not parse',
      base: {}, head: { 'r.yaml': ingressRoute("Host(`a.example.com`) && PathPrefix(`/api`") },
      findings: [{ path: 'r.yaml', line: 6, message: 'cannot parse the rule' }],
    },
    {
      name: 'a Middleware source range that is not a CIDR',
      base: {}, head: { 'm.yaml': middleware('10.0.0.0/33') },
      findings: [{ path: 'm.yaml', line: 6, message: '`10.0.0.0/33` is not an IP address or CIDR block' }],
    },
  ],
});

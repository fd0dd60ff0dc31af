import { workloadNotIsolated } from '../../../src/rules/audit/workload-not-isolated.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const deployment = (name: string) => yaml(
  'apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: ${name}, namespace: shop}`, 'spec:', '  template:',
  '    metadata:', `      labels: {app: ${name}}`, `    spec: {containers: [{name: ${name}, ports: [{containerPort: 8080}]}]}`,
);
const policy = (...spec: string[]) => yaml(
  'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: p, namespace: shop}', 'spec:', ...spec.map((s) => `  ${s}`),
);
const service = yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: web, namespace: shop}', 'spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}');
const ingress = yaml(
  'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web, namespace: shop}', 'spec:', '  rules:',
  '  - host: shop.example.com', '    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}',
);

ruleTester(workloadNotIsolated, {
  valid: [
    { name: 'a default deny for both directions', base: {}, head: { 'd.yaml': deployment('web'), 'p.yaml': policy('podSelector: {}', 'policyTypes: [Ingress, Egress]') } },
    {
      name: 'a cluster-wide Cilium default deny for the namespace',
      base: {},
      head: {
        'd.yaml': deployment('web'),
        'cw.yaml': yaml('apiVersion: cilium.io/v2', 'kind: CiliumClusterwideNetworkPolicy', 'metadata: {name: dd}', 'spec:',
          '  endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": shop}}', '  ingress: [{}]', '  egress: [{}]'),
      },
    },
    { name: 'a policy selecting the pod labels and isolating both', base: {}, head: { 'd.yaml': deployment('web'), 'p.yaml': policy('podSelector: {matchLabels: {app: web}}', 'policyTypes: [Ingress, Egress]') } },
  ],
  invalid: [
    {
      name: 'a policy for another workload, isolating ingress only', base: {},
      head: { 'd.yaml': deployment('web'), 'p.yaml': policy('podSelector: {matchLabels: {app: db}}') },
      findings: [
        { path: 'd.yaml', line: 7, severity: 'low', message: 'shop/web[Deployment] is not isolated for egress' },
        { path: 'd.yaml', line: 7, severity: 'low', message: 'shop/web[Deployment] is not isolated for ingress' },
      ],
    },
    {
      name: 'ingress isolated, egress open (egress: [] without policyTypes does not isolate)', base: {},
      head: { 'd.yaml': deployment('web'), 'p.yaml': policy('podSelector: {}', 'egress: []') },
      findings: [{ path: 'd.yaml', line: 7, message: 'is not isolated for egress: no NetworkPolicy in shop selects its pod labels and isolates egress' }],
    },
    {
      name: 'an exposed workload is medium for ingress', base: {},
      head: { 'd.yaml': deployment('web'), 's.yaml': service, 'i.yaml': ingress, 'p.yaml': policy('podSelector: {}', 'policyTypes: [Egress]') },
      findings: [{ path: 'd.yaml', line: 7, severity: 'medium', message: 'and an entry point exposes it outside the cluster' }],
    },
  ],
});

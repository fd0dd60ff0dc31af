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

/** An ANP (priority given) or the BANP over every pod of namespace shop, with these rule lines under spec. */
const clusterPolicy = (priority: string, ...rules: string[]) => yaml(
  'apiVersion: policy.networking.k8s.io/v1alpha1', `kind: ${priority ? 'AdminNetworkPolicy' : 'BaselineAdminNetworkPolicy'}`,
  `metadata: {name: ${priority ? `guard${priority}` : 'default'}}`, 'spec:', ...(priority ? [`  priority: ${priority}`] : []),
  '  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}', ...rules.map((r) => `  ${r}`),
);
const DENY_ALL_IN = 'ingress: [{action: Deny, from: [{namespaces: {}}]}]';
const DENY_ALL_OUT = 'egress: [{action: Deny, to: [{namespaces: {}}, {networks: [0.0.0.0/0]}]}]';
const cnp = (...spec: string[]) => yaml('apiVersion: cilium.io/v2', 'kind: CiliumNetworkPolicy', 'metadata: {name: guard, namespace: shop}', 'spec:', ...spec.map((s) => `  ${s}`));

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
    { name: 'a CiliumNetworkPolicy selecting the pods and isolating both', base: {}, head: { 'd.yaml': deployment('web'), 'c.yaml': cnp('endpointSelector: {matchLabels: {app: web}}', 'ingress: [{}]', 'egress: [{}]') } },
    { name: 'an ANP denying everything in both directions', base: {}, head: { 'd.yaml': deployment('web'), 'anp.yaml': clusterPolicy('10', DENY_ALL_IN, DENY_ALL_OUT) } },
    { name: 'the BANP denying everything in both directions (no NetworkPolicy selects the pods)', base: {}, head: { 'd.yaml': deployment('web'), 'banp.yaml': clusterPolicy('', DENY_ALL_IN, DENY_ALL_OUT) } },
    {
      name: 'a Cilium deny of every entity without default deny',
      base: {},
      head: { 'd.yaml': deployment('web'), 'c.yaml': cnp('endpointSelector: {}', 'enableDefaultDeny: {ingress: false, egress: false}', 'ingressDeny: [{fromEntities: [all]}]', 'egressDeny: [{toEntities: [all]}]') },
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
      findings: [{ path: 'd.yaml', line: 7, message: 'is not isolated for egress: no NetworkPolicy or Cilium policy in shop selects its pod labels and isolates egress' }],
    },
    {
      name: 'an ANP Pass of everything before the Deny hands the pods to the NetworkPolicies: open', base: {},
      head: {
        'd.yaml': deployment('web'), 'p.yaml': policy('podSelector: {}', 'policyTypes: [Egress]'),
        'pass.yaml': clusterPolicy('5', 'ingress: [{action: Pass, from: [{namespaces: {}}]}]'), 'anp.yaml': clusterPolicy('10', DENY_ALL_IN),
      },
      findings: [{ path: 'd.yaml', line: 7, severity: 'low', message: 'is not isolated for ingress: no NetworkPolicy or Cilium policy in shop selects its pod labels and isolates ingress, so every pod and address can connect to it.' }],
    },
    {
      name: 'ANP, BANP and Cilium deny rules over part of the traffic: reported, naming them', base: {},
      head: {
        'd.yaml': deployment('web'), 'p.yaml': policy('podSelector: {}', 'policyTypes: [Egress]'),
        'anp.yaml': clusterPolicy('10', 'ingress: [{action: Deny, from: [{namespaces: {matchLabels: {env: lab}}}]}]'),
        'banp.yaml': clusterPolicy('', 'ingress: [{action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {port: 22}}]}]'),
        'c.yaml': cnp('endpointSelector: {}', 'enableDefaultDeny: {ingress: false}', 'ingressDeny: [{fromEntities: [world]}]'),
      },
      findings: [{
        path: 'd.yaml', line: 7, severity: 'low',
        message: 'so every pod and address can connect to it except what AdminNetworkPolicy guard10, BaselineAdminNetworkPolicy default and CiliumNetworkPolicy shop/guard deny.',
      }],
    },
    {
      name: 'an exposed workload is medium for ingress', base: {},
      head: { 'd.yaml': deployment('web'), 's.yaml': service, 'i.yaml': ingress, 'p.yaml': policy('podSelector: {}', 'policyTypes: [Egress]') },
      findings: [{ path: 'd.yaml', line: 7, severity: 'medium', message: 'and an entry point exposes it outside the cluster' }],
    },
    {
      name: 'an exposed workload whose ingress an ANP denies from the ingress controller namespace is low: the entry point does not reach it', base: {},
      head: {
        'd.yaml': deployment('web'), 's.yaml': service, 'i.yaml': ingress, 'p.yaml': policy('podSelector: {}', 'policyTypes: [Egress]'),
        'anp.yaml': clusterPolicy('10', 'ingress: [{action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ingress-controller-ns}}}]}]'),
      },
      findings: [{ path: 'd.yaml', line: 7, severity: 'low', message: 'except what AdminNetworkPolicy guard10 denies.' }],
    },
  ],
});

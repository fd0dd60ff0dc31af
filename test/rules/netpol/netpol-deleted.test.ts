import rule from '../../../src/rules/netpol/netpol-deleted.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { yaml } from '../../helpers/rule-tester.js';
import { ccnp } from '../cilium/fixtures.js';
import { defaultDeny, docs, policy, web, webEgress } from './fixtures.js';

/** An ANP (priority given) or the BANP over every pod of namespace shop, with these rule lines under spec. */
const clusterPolicy = (priority: string, ...rules: string[]) => yaml(
  'apiVersion: policy.networking.k8s.io/v1alpha1', `kind: ${priority ? 'AdminNetworkPolicy' : 'BaselineAdminNetworkPolicy'}`,
  `metadata: {name: ${priority ? `guard${priority}` : 'default'}}`, 'spec:', ...(priority ? [`  priority: ${priority}`] : []),
  '  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}', ...rules.map((r) => `  ${r}`),
);
const DENY_ALL_IN = 'ingress: [{action: Deny, from: [{namespaces: {}}]}]';
const webPolicy = web('  - from:', '    - podSelector: {matchLabels: {app: frontend}}');

ruleTester(rule, {
  valid: [
    {
      name: 'the policy moved to another file',
      base: { 'web.yaml': webPolicy },
      head: { 'apps/shop/web.yaml': webPolicy },
    },
    {
      name: 'the policy renamed with the same meaning',
      base: { 'web.yaml': webPolicy },
      head: { 'web.yaml': webPolicy.replace('name: web', 'name: web-ingress') },
    },
    {
      name: 'tightening: an allow policy deleted while the default deny stays',
      base: { 'dd.yaml': defaultDeny(), 'web.yaml': webPolicy },
      head: { 'dd.yaml': defaultDeny() },
    },
    {
      name: 'an allow policy deleted while a CiliumClusterwideNetworkPolicy isolates every pod of the namespace',
      base: { 'cw.yaml': ccnp('shop-deny', '  endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": shop}}', '  ingress: [{}]'), 'web.yaml': webPolicy },
      head: { 'cw.yaml': ccnp('shop-deny', '  endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": shop}}', '  ingress: [{}]') },
    },
    { name: 'the pods stay closed by an ANP Deny of everything', base: { 'anp.yaml': clusterPolicy('10', DENY_ALL_IN), 'web.yaml': webPolicy }, head: { 'anp.yaml': clusterPolicy('10', DENY_ALL_IN) } },
    { name: 'the pods fall to the BANP, which denies everything', base: { 'banp.yaml': clusterPolicy('', DENY_ALL_IN), 'web.yaml': webPolicy }, head: { 'banp.yaml': clusterPolicy('', DENY_ALL_IN) } },
    {
      name: 'a Cilium deny of every entity over the namespace (without default deny)',
      base: { 'cw.yaml': ccnp('no-in', '  endpointSelector: {}', '  enableDefaultDeny: {ingress: false}', '  ingressDeny: [{fromEntities: [all]}]'), 'web.yaml': webPolicy },
      head: { 'cw.yaml': ccnp('no-in', '  endpointSelector: {}', '  enableDefaultDeny: {ingress: false}', '  ingressDeny: [{fromEntities: [all]}]') },
    },
    {
      name: 'a deleted default deny is netpol-default-deny-removed',
      base: { 'dd.yaml': defaultDeny() },
      head: {},
    },
    {
      name: 'a policy whose pods another policy with a broader selector still isolates',
      base: { 'web.yaml': webPolicy, 'tier.yaml': policy('tier', 'shop', '  podSelector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}') },
      head: { 'tier.yaml': policy('tier', 'shop', '  podSelector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}') },
    },
    {
      name: 'a policy that already allowed everything',
      base: { 'web.yaml': web('  - {}') },
      head: {},
    },
    {
      name: 'a policy whose rule listed every port of every protocol for every source',
      base: { 'web.yaml': web('  - ports:', '    - {protocol: TCP, port: 1, endPort: 65535}', '    - {protocol: UDP, port: 1, endPort: 65535}', '    - {protocol: SCTP, port: 1, endPort: 65535}') },
      head: {},
    },
  ],
  invalid: [
    {
      name: 'the only policy of its pods deleted: reported on the base side',
      base: { 'web.yaml': webPolicy },
      head: {},
      findings: [{ path: 'web.yaml', line: 1, side: 'base', severity: 'high', message: 'NetworkPolicy shop/web was deleted' }],
    },
    {
      name: 'a CiliumClusterwideNetworkPolicy that isolates another namespace only does not cover it',
      base: { 'cw.yaml': ccnp('lab-deny', '  endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": lab}}', '  ingress: [{}]'), 'web.yaml': webPolicy },
      head: { 'cw.yaml': ccnp('lab-deny', '  endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": lab}}', '  ingress: [{}]') },
      findings: [{ path: 'web.yaml', line: 1, side: 'base', message: 'NetworkPolicy shop/web was deleted' }],
    },
    {
      name: 'an ANP Pass of everything ahead of the Deny: the pods are open again',
      base: { 'pass.yaml': clusterPolicy('5', 'ingress: [{action: Pass, from: [{namespaces: {}}]}]'), 'anp.yaml': clusterPolicy('10', DENY_ALL_IN), 'web.yaml': webPolicy },
      head: { 'pass.yaml': clusterPolicy('5', 'ingress: [{action: Pass, from: [{namespaces: {}}]}]'), 'anp.yaml': clusterPolicy('10', DENY_ALL_IN) },
      findings: [{ path: 'web.yaml', line: 1, side: 'base', message: 'NetworkPolicy shop/web was deleted' }],
    },
    {
      name: 'an ANP that denies part of the traffic does not close the direction',
      base: { 'anp.yaml': clusterPolicy('10', 'ingress: [{action: Deny, from: [{namespaces: {matchLabels: {env: lab}}}]}]'), 'web.yaml': webPolicy },
      head: { 'anp.yaml': clusterPolicy('10', 'ingress: [{action: Deny, from: [{namespaces: {matchLabels: {env: lab}}}]}]') },
      findings: [{ path: 'web.yaml', line: 1, side: 'base', message: 'NetworkPolicy shop/web was deleted' }],
    },
    {
      name: 'deleted from a multi-document file: the line of its document',
      base: { 'all.yaml': docs(defaultDeny('other'), webPolicy) },
      head: { 'all.yaml': defaultDeny('other') },
      findings: [{ path: 'all.yaml', line: 10, side: 'base', message: 'any source can now reach them' }],
    },
    {
      name: 'an egress policy deleted',
      base: { 'web.yaml': webEgress('  - to:', '    - podSelector: {matchLabels: {app: db}}') },
      head: {},
      findings: [{ path: 'web.yaml', line: 1, side: 'base', message: 'they can now reach any destination' }],
    },
  ],
});

import { ruleTester, yaml } from '../../helpers/rule-tester.js';
import { workloadUnisolated } from '../../../src/rules/connectivity/workload-unisolated.js';
import { deployment, policy, SHOP } from './fixtures.js';

const ledgerOnly = policy('ledger-deny', 'payments', '  podSelector:', '    matchLabels: {app: ledger}', '  policyTypes: [Ingress]');
const { 'payments/deny.yaml': _deny, ...unprotected } = SHOP;
const BANP = yaml('apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: BaselineAdminNetworkPolicy', 'metadata: {name: default}', 'spec:',
  '  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: payments}}}',
  '  ingress: [{action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}]}]');

/** An ANP over payments with these rule lines under spec. */
const anp = (...rules: string[]) => yaml('apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: AdminNetworkPolicy', 'metadata: {name: guard}', 'spec:', '  priority: 10',
  '  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: payments}}}', ...rules.map((r) => `  ${r}`));
/** A Cilium policy over every endpoint of payments with these deny lines, without default deny. */
const ciliumDeny = (...deny: string[]) => yaml('apiVersion: cilium.io/v2', 'kind: CiliumNetworkPolicy', 'metadata: {name: lockdown, namespace: payments}', 'spec:',
  '  endpointSelector: {}', '  enableDefaultDeny: {ingress: false}', ...deny.map((d) => `  ${d}`));

ruleTester(workloadUnisolated, {
  valid: [
    { name: 'nothing changes', base: SHOP, head: SHOP },
    { name: 'the namespace deny is replaced by a deny of the ledger alone', base: SHOP, head: { ...unprotected, 'payments/ledger-deny.yaml': ledgerOnly } },
    { name: 'an ANP Deny of everything still closes the ledger', base: { ...SHOP, 'anp.yaml': anp('ingress: [{action: Deny, from: [{namespaces: {}}]}]') }, head: { ...unprotected, 'anp.yaml': anp('ingress: [{action: Deny, from: [{namespaces: {}}]}]') } },
    { name: 'a Cilium deny of every entity still closes the ledger', base: { ...SHOP, 'c.yaml': ciliumDeny('ingressDeny: [{fromEntities: [all]}]') }, head: { ...unprotected, 'c.yaml': ciliumDeny('ingressDeny: [{fromEntities: [all]}]') } },
    { name: 'a workload that was never isolated', base: unprotected, head: { ...unprotected, 'payments/ledger.yaml': deployment('ledger', 'payments', '{app: ledger2}', 5432) } },
  ],
  invalid: [
    {
      name: 'the isolating policy is deleted: reported on its base lines',
      base: SHOP,
      head: unprotected,
      findings: [{ path: 'payments/deny.yaml', line: 7, side: 'base', message: 'payments/ledger[Deployment] is no longer isolated for ingress: NetworkPolicy payments/deny-ingress was deleted' }],
    },
    {
      name: 'a deleted deny that isolated two workloads: one finding for the cause, both workloads in its details',
      base: { ...SHOP, 'payments/books.yaml': deployment('books', 'payments', '{app: books}', 8080) },
      head: { ...unprotected, 'payments/books.yaml': deployment('books', 'payments', '{app: books}', 8080) },
      findings: [{ path: 'payments/deny.yaml', line: 7, side: 'base', message: 'Workloads payments/books[Deployment] and 1 more are no longer isolated for ingress: NetworkPolicy payments/deny-ingress was deleted' }],
    },
    {
      name: 'the workload labels change so the policy no longer selects it',
      base: { ...unprotected, 'payments/ledger-deny.yaml': ledgerOnly },
      head: { ...unprotected, 'payments/ledger-deny.yaml': ledgerOnly, 'payments/ledger.yaml': deployment('ledger', 'payments', '{app: books}', 5432) },
      findings: [{ path: 'payments/ledger-deny.yaml', line: 7, side: 'base', message: 'its pod labels changed from {app: ledger} to {app: books}' }],
    },
    {
      name: 'the isolating policy is deleted while the BaselineAdminNetworkPolicy still decides for the namespace: open but for its rules',
      base: { ...SHOP, 'banp.yaml': BANP },
      head: { ...unprotected, 'banp.yaml': BANP },
      findings: [{
        path: 'payments/deny.yaml', line: 7, side: 'base',
        message: 'NetworkPolicy payments/deny-ingress was deleted; every source in and outside the cluster that no AdminNetworkPolicy or BaselineAdminNetworkPolicy rule denies may now reach it',
      }],
    },
    {
      name: 'the isolating policy is deleted while a Cilium deny of world stays: open but for it',
      base: { ...SHOP, 'c.yaml': ciliumDeny('ingressDeny: [{fromEntities: [world]}]') },
      head: { ...unprotected, 'c.yaml': ciliumDeny('ingressDeny: [{fromEntities: [world]}]') },
      findings: [{ path: 'payments/deny.yaml', line: 7, side: 'base', message: 'every source in and outside the cluster that no Cilium deny rule denies may now reach it' }],
    },
    {
      name: 'an ANP Pass of everything ahead of the Deny: open',
      base: { ...SHOP, 'anp.yaml': anp('ingress: [{action: Pass, from: [{namespaces: {}}]}, {action: Deny, from: [{namespaces: {}}]}]') },
      head: { ...unprotected, 'anp.yaml': anp('ingress: [{action: Pass, from: [{namespaces: {}}]}, {action: Deny, from: [{namespaces: {}}]}]') },
      findings: [{ path: 'payments/deny.yaml', line: 7, side: 'base', message: 'that no AdminNetworkPolicy or BaselineAdminNetworkPolicy rule denies may now reach it' }],
    },
    {
      name: 'policyTypes drops Egress',
      base: { ...SHOP, 'payments/egress.yaml': policy('egress', 'payments', '  podSelector: {}', '  policyTypes: [Egress]') },
      head: { ...SHOP, 'payments/egress.yaml': policy('egress', 'payments', '  podSelector: {}', '  policyTypes: [Ingress]') },
      findings: [{ path: 'payments/egress.yaml', line: 7, side: 'base', message: 'no longer isolated for egress' }],
    },
  ],
});

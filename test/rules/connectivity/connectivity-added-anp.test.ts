import { ruleTester, yaml } from '../../helpers/rule-tester.js';
import { connectivityAdded } from '../../../src/rules/connectivity/connectivity-added.js';
import { deployment } from './fixtures.js';

// New connections through the AdminNetworkPolicy tiers are attributed to the ANP/BANP line responsible.

/** An ANP over namespace payments with one ingress rule from namespace shop: priority on line 6, the action on line 11. */
function anp(name: string, priority: number, action: string, ruleName = 'from-shop'): string {
  return yaml(
    'apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: AdminNetworkPolicy', 'metadata:', `  name: ${name}`, 'spec:',
    `  priority: ${priority}`, '  subject:', '    namespaces: {matchLabels: {kubernetes.io/metadata.name: payments}}', '  ingress:',
    `    - name: ${ruleName}`, `      action: ${action}`, '      from:', '        - namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}',
  );
}

/** The BANP: denies ingress to payments from shop (the object starts on line 1). */
const BANP = yaml(
  'apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: BaselineAdminNetworkPolicy', 'metadata:', '  name: default', 'spec:',
  '  subject:', '    namespaces: {matchLabels: {kubernetes.io/metadata.name: payments}}', '  ingress:', '    - name: deny-shop',
  '      action: Deny', '      from:', '        - namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}',
);

const WORKLOADS = {
  'shop/api.yaml': deployment('api', 'shop', '{app: api}'),
  'payments/ledger.yaml': deployment('ledger', 'payments', '{app: ledger}', 5432),
};

ruleTester(connectivityAdded, {
  valid: [
    { name: 'an ANP rule is renamed', base: { ...WORKLOADS, 'anp.yaml': anp('guard', 10, 'Deny') }, head: { ...WORKLOADS, 'anp.yaml': anp('guard', 10, 'Deny', 'block-shop') } },
    { name: 'an ANP is reformatted', base: { ...WORKLOADS, 'anp.yaml': anp('guard', 10, 'Deny') }, head: { ...WORKLOADS, 'anp.yaml': anp('guard', 10, '"Deny"').replace('  priority: 10', '  priority: 0010') } },
    { name: 'a Pass becomes a Deny', base: { ...WORKLOADS, 'anp.yaml': anp('guard', 10, 'Pass') }, head: { ...WORKLOADS, 'anp.yaml': anp('guard', 10, 'Deny') } },
    { name: 'a BANP is added', base: WORKLOADS, head: { ...WORKLOADS, 'banp.yaml': BANP } },
  ],
  invalid: [
    {
      name: 'a Deny becomes a Pass with no NetworkPolicy behind it: the action line',
      base: { ...WORKLOADS, 'anp.yaml': anp('guard', 10, 'Deny') },
      head: { ...WORKLOADS, 'anp.yaml': anp('guard', 10, 'Pass') },
      findings: [{ path: 'anp.yaml', line: 11, severity: 'critical', message: 'shop/api[Deployment] may now reach payments/ledger[Deployment] on All Connections, because of ingress rule 0 ("from-shop") of AdminNetworkPolicy guard, now Pass (was Deny)' }],
    },
    {
      name: 'a Deny becomes an Allow: the action line',
      base: { ...WORKLOADS, 'anp.yaml': anp('guard', 10, 'Deny') },
      head: { ...WORKLOADS, 'anp.yaml': anp('guard', 10, 'Allow') },
      findings: [{ path: 'anp.yaml', line: 11, message: 'now Allow (was Deny)' }],
    },
    {
      name: 'an Allow gets a lower priority number than the Deny it lost to: the priority line',
      base: { ...WORKLOADS, 'deny.yaml': anp('deny', 10, 'Deny'), 'allow.yaml': anp('allow', 20, 'Allow') },
      head: { ...WORKLOADS, 'deny.yaml': anp('deny', 10, 'Deny'), 'allow.yaml': anp('allow', 5, 'Allow') },
      findings: [{ path: 'allow.yaml', line: 6, message: 'the priority of AdminNetworkPolicy allow, now 5 (was 20)' }],
    },
    {
      name: 'the Deny moves behind the Allow: the priority line of the Deny',
      base: { ...WORKLOADS, 'deny.yaml': anp('deny', 10, 'Deny'), 'allow.yaml': anp('allow', 20, 'Allow') },
      head: { ...WORKLOADS, 'deny.yaml': anp('deny', 30, 'Deny'), 'allow.yaml': anp('allow', 20, 'Allow') },
      findings: [{ path: 'deny.yaml', line: 6, message: 'the priority of AdminNetworkPolicy deny, now 30 (was 10)' }],
    },
    {
      name: 'the BANP default is deleted: its first line on the base side',
      base: { ...WORKLOADS, 'banp.yaml': BANP },
      head: WORKLOADS,
      findings: [{ path: 'banp.yaml', line: 1, side: 'base', message: 'the deletion of BaselineAdminNetworkPolicy default' }],
    },
  ],
});

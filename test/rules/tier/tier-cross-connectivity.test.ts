import { ruleTester, yaml } from '../../helpers/rule-tester.js';
import { tierCrossConnectivity } from '../../../src/rules/tier/tier-cross-connectivity.js';
import { ALLOW_API, deployment, policy, SHOP } from '../connectivity/fixtures.js';
import { withTiers } from './config.js';

const TIERS = withTiers();

/** Lets every pod of namespace payments reach shop/api (a critical → internal connection). */
const FROM_PAYMENTS = policy('from-payments', 'shop', '  podSelector: {}', '  ingress:', '    - from:',
  '        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: payments}}');
const SHOP_DENY = policy('deny', 'shop', '  podSelector: {}', '  policyTypes: [Ingress]');

/** An ANP over namespace payments whose rule (action on line 11) admits or denies namespace shop. */
const anp = (action: string) => yaml(
  'apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: AdminNetworkPolicy', 'metadata:', '  name: payments-guard', 'spec:',
  '  priority: 10', '  subject:', '    namespaces: {matchLabels: {kubernetes.io/metadata.name: payments}}', '  ingress:',
  '    - name: shop', `      action: ${action}`, '      from:', '        - namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}',
);
const { 'payments/deny.yaml': _deny, ...noPolicy } = SHOP;

ruleTester(tierCrossConnectivity, {
  valid: [
    { name: 'tiers are not configured', base: SHOP, head: { ...SHOP, 'payments/allow.yaml': ALLOW_API } },
    { name: 'nothing changes', base: { ...SHOP, 'payments/allow.yaml': ALLOW_API }, head: { ...SHOP, 'payments/allow.yaml': ALLOW_API }, config: TIERS },
    {
      name: 'a higher tier may now reach a lower one',
      base: { ...SHOP, 'shop/deny.yaml': SHOP_DENY },
      head: { ...SHOP, 'shop/deny.yaml': SHOP_DENY, 'shop/from-payments.yaml': FROM_PAYMENTS },
      config: TIERS,
    },
    {
      name: 'a new connection within one tier (both workloads critical by namespace label and mapping)',
      base: SHOP,
      head: { ...SHOP, 'shop/api.yaml': deployment('api', 'shop', '{app: api, segguard.io/tier: critical}'), 'payments/allow.yaml': ALLOW_API },
      config: TIERS,
    },
    {
      name: 'the source resolves to no tier (no default)',
      base: SHOP,
      head: { ...SHOP, 'payments/allow.yaml': ALLOW_API },
      config: withTiers({ default: undefined }),
    },
  ],
  invalid: [
    {
      name: 'an ANP Deny becomes a Pass with no NetworkPolicy behind it: an internal workload reaches a critical one, on the action line',
      base: { ...noPolicy, 'anp.yaml': anp('Deny') },
      head: { ...noPolicy, 'anp.yaml': anp('Pass') },
      config: TIERS,
      findings: [{ path: 'anp.yaml', line: 11, message: 'may now reach payments/ledger[Deployment] (critical tier (tiers.namespaces)) on All Connections, because of ingress rule 0 ("shop") of AdminNetworkPolicy payments-guard, now Pass (was Deny)' }],
    },
    {
      name: 'a new peer lets an internal workload reach a critical one: on the line connectivity-added blames',
      base: SHOP,
      head: { ...SHOP, 'payments/allow.yaml': ALLOW_API },
      config: TIERS,
      findings: [{
        path: 'payments/allow.yaml', line: 11, severity: 'critical',
        message: 'shop/api[Deployment] (internal tier (tiers.default)) may now reach payments/ledger[Deployment] (critical tier (tiers.namespaces)) on TCP 5432, because of ingress rule 0, peer 0 of new NetworkPolicy payments/allow-api',
      }],
    },
    {
      name: 'the pod label names the tier and wins over the namespace mapping',
      base: { ...SHOP, 'shop/api.yaml': deployment('api', 'shop', '{app: api, segguard.io/tier: public}') },
      head: { ...SHOP, 'shop/api.yaml': deployment('api', 'shop', '{app: api, segguard.io/tier: public}'), 'payments/allow.yaml': ALLOW_API },
      config: withTiers({ namespaces: {}, default: 'critical' }),
      findings: [{ path: 'payments/allow.yaml', line: 11, message: 'shop/api[Deployment] (public tier (pod label segguard.io/tier)) may now reach payments/ledger[Deployment] (critical tier (tiers.default))' }],
    },
    {
      name: 'a namespace label names the tier',
      base: SHOP,
      head: {
        ...SHOP, 'payments/allow.yaml': ALLOW_API,
        'namespaces.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {segguard.io/tier: public}\n',
      },
      config: withTiers({ namespaces: {} , default: 'critical' }),
      findings: [{ path: 'payments/allow.yaml', line: 11, message: '(public tier (namespace label segguard.io/tier)) may now reach' }],
    },
    {
      name: 'selector mode (policies only): the abstract peers take the tiers of their namespaces',
      base: { 'payments/deny.yaml': SHOP['payments/deny.yaml'] },
      head: { 'payments/deny.yaml': SHOP['payments/deny.yaml'], 'payments/allow.yaml': ALLOW_API },
      config: TIERS,
      findings: [{ path: 'payments/allow.yaml', line: 11, message: '(internal tier (tiers.default)) may now reach' }],
    },
    {
      name: 'changed pod labels move a workload into an existing rule: attributed to the labels, like connectivity-added',
      base: { ...SHOP, 'shop/api.yaml': deployment('api', 'shop', '{app: api-old}'), 'payments/allow.yaml': ALLOW_API },
      head: { ...SHOP, 'payments/allow.yaml': ALLOW_API },
      config: TIERS,
      findings: [{ path: 'shop/api.yaml', line: 9, message: 'because of the changed pod labels of shop/api[Deployment]' }],
    },
  ],
});

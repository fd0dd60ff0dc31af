import rule from '../../../src/rules/admin/anp-subject-broadened.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { PAYMENTS, anp, ingress } from './fixtures.js';

const open = (subject: string, action = 'Allow', peer = 'namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}') =>
  anp('open', 10, ...ingress('let-shop', action, [peer])).replace(`    namespaces: ${PAYMENTS}`, subject);

const PAYMENTS_SUBJECT = `    namespaces: ${PAYMENTS}`;
const PAYMENTS_OR_LEDGER = '    namespaces: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [payments, ledger]}]}';

ruleTester(rule, {
  valid: [
    { name: 'the subject rewritten as pods with an empty podSelector', base: { 'a.yaml': open(PAYMENTS_SUBJECT) }, head: { 'a.yaml': open(`    pods: {namespaceSelector: ${PAYMENTS}, podSelector: {}}`) } },
    { name: 'the subject narrowed to some pods', base: { 'a.yaml': open(PAYMENTS_SUBJECT) }, head: { 'a.yaml': open(`    pods: {namespaceSelector: ${PAYMENTS}, podSelector: {matchLabels: {app: ledger}}}`) } },
    { name: 'a Deny-only ANP whose subject grows: a tightening', base: { 'a.yaml': open(PAYMENTS_SUBJECT, 'Deny') }, head: { 'a.yaml': open(PAYMENTS_OR_LEDGER, 'Deny') } },
    { name: 'moved and renamed rule', base: { 'a.yaml': open(PAYMENTS_SUBJECT) }, head: { 'b/a.yaml': open(PAYMENTS_SUBJECT).replace('let-shop', 'shop-in') } },
  ],
  invalid: [
    {
      name: 'an In value added: the subject line',
      base: { 'a.yaml': open(PAYMENTS_SUBJECT) },
      head: { 'a.yaml': open(PAYMENTS_OR_LEDGER) },
      findings: [{ path: 'a.yaml', line: 8, severity: 'high', message: 'AdminNetworkPolicy `open` (priority 10): its subject now selects every pod in namespaces `{kubernetes.io/metadata.name In (ledger, payments)}` (was every pod in namespaces `{kubernetes.io/metadata.name: payments}`), so its Allow/Pass rule now applies to pods it did not select (an Allow overrides their NetworkPolicies).' }],
    },
    {
      name: 'a podSelector dropped from a Pass ANP',
      base: { 'a.yaml': open(`    pods: {namespaceSelector: ${PAYMENTS}, podSelector: {matchLabels: {app: ledger}}}`, 'Pass') },
      head: { 'a.yaml': open(`    pods: {namespaceSelector: ${PAYMENTS}, podSelector: {}}`, 'Pass') },
      findings: [{ path: 'a.yaml', line: 8, message: '(a Pass lets their connections skip every later ANP Deny)' }],
    },
    {
      name: 'every namespace with an Allow from every namespace: critical',
      base: { 'a.yaml': open(PAYMENTS_SUBJECT, 'Allow', 'namespaces: {}') },
      head: { 'a.yaml': open('    namespaces: {}', 'Allow', 'namespaces: {}') },
      findings: [{ path: 'a.yaml', line: 8, severity: 'critical', message: 'its subject now selects every pod in every namespace' }],
    },
  ],
});

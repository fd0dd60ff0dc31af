import rule from '../../../src/rules/admin/banp-loosened.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { PAYMENTS, banp, ingress, ingressRule } from './fixtures.js';

const BANP = banp(...ingress('deny-shop', 'Deny'));
const TWO = (first: string[], second: string[]) => banp('  ingress:', ...first, ...second);
const OPS = 'namespaces: {matchLabels: {kubernetes.io/metadata.name: ops}}';

ruleTester(rule, {
  valid: [
    { name: 'moved to another file', base: { 'banp.yaml': BANP }, head: { 'cluster/banp.yaml': BANP } },
    { name: 'a rule renamed', base: { 'banp.yaml': BANP }, head: { 'banp.yaml': BANP.replace('deny-shop', 'no-shop') } },
    {
      name: 'rules reordered and renamed with the same meaning',
      base: { 'banp.yaml': TWO(ingressRule('deny-shop', 'Deny'), ingressRule('allow-ops', 'Allow', [OPS])) },
      head: { 'banp.yaml': TWO(ingressRule('ops', 'Allow', [OPS]), ingressRule('shop', 'Deny')) },
    },
    { name: 'Allow → Deny', base: { 'banp.yaml': banp(...ingress('shop', 'Allow')) }, head: { 'banp.yaml': BANP } },
    { name: 'a Deny broadened', base: { 'banp.yaml': BANP }, head: { 'banp.yaml': banp(...ingress('deny-shop', 'Deny', ['namespaces: {}'])) } },
    { name: 'an Allow rule removed', base: { 'banp.yaml': TWO(ingressRule('deny-shop', 'Deny'), ingressRule('allow-ops', 'Allow', [OPS])) }, head: { 'banp.yaml': BANP } },
    { name: 'the BANP added', base: {}, head: { 'banp.yaml': BANP } },
  ],
  invalid: [
    {
      name: 'Deny → Allow: the action line',
      base: { 'banp.yaml': BANP },
      head: { 'banp.yaml': banp(...ingress('deny-shop', 'Allow')) },
      findings: [{ path: 'banp.yaml', line: 10, severity: 'high', message: 'BaselineAdminNetworkPolicy `default`: ingress rule `deny-shop` is now Allow (was Deny) for every pod in namespaces `{kubernetes.io/metadata.name: shop}` on every port and protocol' }],
    },
    {
      name: 'a Deny rule removed: its line on the base side',
      base: { 'banp.yaml': TWO(ingressRule('allow-ops', 'Allow', [OPS]), ingressRule('deny-shop', 'Deny')) },
      head: { 'banp.yaml': TWO(ingressRule('allow-ops', 'Allow', [OPS]), []) },
      findings: [{ path: 'banp.yaml', line: 13, side: 'base', message: 'Deny ingress rule `deny-shop` (every pod in namespaces `{kubernetes.io/metadata.name: shop}` on every port and protocol) was removed' }],
    },
    {
      name: 'a Deny of every namespace removed: critical',
      base: { 'banp.yaml': TWO(ingressRule('allow-ops', 'Allow', [OPS]), ingressRule('deny-all', 'Deny', ['namespaces: {}'])) },
      head: { 'banp.yaml': TWO(ingressRule('allow-ops', 'Allow', [OPS]), []) },
      findings: [{ path: 'banp.yaml', line: 13, side: 'base', severity: 'critical' }],
    },
    {
      name: 'a Deny narrowed to some ports: the rule line',
      base: { 'banp.yaml': BANP },
      head: { 'banp.yaml': banp(...ingress('deny-shop', 'Deny', undefined, ['portNumber: {protocol: TCP, port: 22}'])) },
      findings: [{ path: 'banp.yaml', line: 9, message: 'Deny ingress rule `deny-shop` now matches less than in base' }],
    },
    {
      name: 'an Allow rule\'s peer broadened: the peer line',
      base: { 'banp.yaml': banp(...ingress('allow-ops', 'Allow', [OPS])) },
      head: { 'banp.yaml': banp(...ingress('allow-ops', 'Allow', ['namespaces: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [ops, shop]}]}'])) },
      findings: [{ path: 'banp.yaml', line: 12, severity: 'high', message: 'Allow ingress rule `allow-ops` `from` peer every pod in namespaces' }],
    },
    {
      name: 'the subject of an Allow broadened',
      base: { 'banp.yaml': banp(...ingress('allow-ops', 'Allow', [OPS])) },
      head: { 'banp.yaml': banp(...ingress('allow-ops', 'Allow', [OPS])).replace(`namespaces: ${PAYMENTS}`, 'namespaces: {}') },
      findings: [{ path: 'banp.yaml', line: 7, message: 'its subject now selects every pod in every namespace' }],
    },
    {
      name: 'the subject of the Denies narrowed',
      base: { 'banp.yaml': BANP },
      head: { 'banp.yaml': BANP.replace(`namespaces: ${PAYMENTS}`, `pods: {namespaceSelector: ${PAYMENTS}, podSelector: {matchLabels: {app: ledger}}}`) },
      findings: [{ path: 'banp.yaml', line: 7, message: 'the pods it no longer selects lose its 1 Deny rule' }],
    },
  ],
});

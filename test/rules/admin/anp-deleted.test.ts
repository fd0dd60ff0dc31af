import rule from '../../../src/rules/admin/anp-deleted.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { anp, egress, ingress, ingressRule } from './fixtures.js';

const guard = anp('guard', 10, ...ingress('block-shop', 'Deny'));

ruleTester(rule, {
  valid: [
    { name: 'moved to another file', base: { 'anp.yaml': guard }, head: { 'cluster/anp.yaml': guard } },
    { name: 'renamed with the same meaning', base: { 'anp.yaml': guard }, head: { 'anp.yaml': guard.replace('name: guard', 'name: guard-v2') } },
    {
      name: 'merged into an ANP of an earlier priority with the same Deny after an unrelated Allow',
      base: { 'anp.yaml': guard, 'ops.yaml': anp('ops', 5, '  ingress:', ...ingressRule('ops', 'Allow', ['namespaces: {matchLabels: {kubernetes.io/metadata.name: ops}}'])) },
      head: { 'ops.yaml': anp('ops', 5, '  ingress:', ...ingressRule('ops', 'Allow', ['namespaces: {matchLabels: {kubernetes.io/metadata.name: ops}}']), ...ingressRule('block-shop', 'Deny')) },
    },
    { name: 'a pure-Allow ANP deleted: a narrowing', base: { 'anp.yaml': anp('open', 10, ...ingress('let-shop', 'Allow')) }, head: {} },
    { name: 'a Pass ANP deleted with no later Allow behind it', base: { 'anp.yaml': anp('pass', 10, ...ingress('to-netpol', 'Pass')) }, head: {} },
  ],
  invalid: [
    {
      name: 'merged behind an Allow whose namespaces may include shop (a namespace can carry both labels)',
      base: { 'anp.yaml': guard, 'ops.yaml': anp('ops', 5, '  ingress:', ...ingressRule('ops', 'Allow', ['namespaces: {matchLabels: {team: ops}}'])) },
      head: { 'ops.yaml': anp('ops', 5, '  ingress:', ...ingressRule('ops', 'Allow', ['namespaces: {matchLabels: {team: ops}}']), ...ingressRule('block-shop', 'Deny')) },
      findings: [{ path: 'anp.yaml', line: 1, side: 'base', message: 'was deleted' }],
    },
    {
      name: 'an ANP with a Deny rule deleted: its first line on the base side',
      base: { 'anp.yaml': guard },
      head: {},
      findings: [{ path: 'anp.yaml', line: 1, side: 'base', severity: 'high', message: 'AdminNetworkPolicy `guard` (priority 10) was deleted: its Deny ingress rule `block-shop` is gone' }],
    },
    {
      name: 'renamed, but behind an Allow that now wins: not the same',
      base: { 'anp.yaml': guard, 'allow.yaml': anp('allow', 20, ...ingress('let-shop', 'Allow')) },
      head: { 'anp.yaml': guard.replace('name: guard', 'name: guard-v2').replace('priority: 10', 'priority: 30'), 'allow.yaml': anp('allow', 20, ...ingress('let-shop', 'Allow')) },
      findings: [{ path: 'anp.yaml', line: 1, side: 'base', message: 'was deleted' }],
    },
    {
      name: 'a Deny of 0.0.0.0/0 deleted: critical',
      base: { 'egress.yaml': anp('no-internet', 10, ...egress('internet', 'Deny', ['networks: [0.0.0.0/0]'])) },
      head: {},
      findings: [{ path: 'egress.yaml', line: 1, side: 'base', severity: 'critical', message: 'its Deny egress rule `internet` is gone' }],
    },
    {
      name: 'a Pass deleted that a later Allow now overrides',
      base: { 'pass.yaml': anp('pass', 10, ...ingress('to-netpol', 'Pass')), 'allow.yaml': anp('allow', 20, ...ingress('let-shop', 'Allow')) },
      head: { 'allow.yaml': anp('allow', 20, ...ingress('let-shop', 'Allow')) },
      findings: [{ path: 'pass.yaml', line: 1, side: 'base', message: 'what it passed to the NetworkPolicies is now decided by a later ANP Allow' }],
    },
  ],
});

import { describe, expect, it } from 'vitest';
import { escapeMessage } from '../../../src/report/markdown-escape.js';
import rule from '../../../src/rules/admin/anp-action-loosened.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';
import { anp, egress, ingress, ingressRule } from './fixtures.js';

const guard = (action: string, name = 'from-shop') => anp('guard', 10, ...ingress(name, action));

ruleTester(rule, {
  valid: [
    { name: 'a rule renamed', base: { 'anp.yaml': guard('Deny') }, head: { 'anp.yaml': guard('Deny', 'block-shop') } },
    { name: 'reformatted (quoted action, flow peer)', base: { 'anp.yaml': guard('Deny') }, head: { 'anp.yaml': guard('"Deny"').replace('namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}', 'pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}, podSelector: {}}') } },
    { name: 'moved to another file', base: { 'anp.yaml': guard('Deny') }, head: { 'cluster/guard.yaml': guard('Deny') } },
    { name: 'tightened: Allow → Deny', base: { 'anp.yaml': guard('Allow') }, head: { 'anp.yaml': guard('Deny') } },
    { name: 'tightened: Pass → Deny', base: { 'anp.yaml': guard('Pass') }, head: { 'anp.yaml': guard('Deny') } },
    { name: 'tightened: Allow → Pass', base: { 'anp.yaml': guard('Allow') }, head: { 'anp.yaml': guard('Pass') } },
    {
      name: 'two rules reordered, each keeping its action',
      base: { 'anp.yaml': anp('guard', 10, '  ingress:', ...ingressRule('a', 'Deny'), ...ingressRule('b', 'Allow', ['namespaces: {matchLabels: {team: ops}}'])) },
      head: { 'anp.yaml': anp('guard', 10, '  ingress:', ...ingressRule('b', 'Allow', ['namespaces: {matchLabels: {team: ops}}']), ...ingressRule('a', 'Deny')) },
    },
    {
      name: 'unnamed rules reordered: paired by what they match',
      base: { 'anp.yaml': anp('guard', 10, '  ingress:', ...ingressRule('', 'Deny'), ...ingressRule('', 'Allow', ['namespaces: {matchLabels: {team: ops}}'])).replaceAll('- name: \n      ', '- ') },
      head: { 'anp.yaml': anp('guard', 10, '  ingress:', ...ingressRule('', 'Allow', ['namespaces: {matchLabels: {team: ops}}']), ...ingressRule('', 'Deny')).replaceAll('- name: \n      ', '- ') },
    },
    { name: 'a new ANP (connectivity-added judges what it opens)', base: {}, head: { 'anp.yaml': guard('Allow') } },
  ],
  invalid: [
    {
      name: 'Deny → Allow: the head action line',
      base: { 'anp.yaml': guard('Deny') },
      head: { 'anp.yaml': guard('Allow') },
      findings: [{ path: 'anp.yaml', line: 11, severity: 'high', message: 'AdminNetworkPolicy `guard` (priority 10): ingress rule `from-shop` is now Allow (was Deny) for connections from every pod in namespaces `{kubernetes.io/metadata.name: shop}` to every pod in namespaces `{kubernetes.io/metadata.name: payments}` on every port and protocol' }],
    },
    {
      name: 'Deny → Pass',
      base: { 'anp.yaml': guard('Deny') },
      head: { 'anp.yaml': guard('Pass') },
      findings: [{ path: 'anp.yaml', line: 11, severity: 'high', message: 'is now Pass (was Deny)' }],
    },
    {
      name: 'Pass → Allow: medium, the NetworkPolicies no longer decide',
      base: { 'anp.yaml': guard('Pass') },
      head: { 'anp.yaml': guard('Allow') },
      findings: [{ path: 'anp.yaml', line: 11, severity: 'medium', message: 'the NetworkPolicies (and the BaselineAdminNetworkPolicy) no longer decide them' }],
    },
    {
      name: 'renamed and loosened at once: paired by what it matches',
      base: { 'anp.yaml': guard('Deny') },
      head: { 'anp.yaml': guard('Allow', 'renamed') },
      findings: [{ path: 'anp.yaml', line: 11, message: 'ingress rule `renamed` is now Allow (was Deny)' }],
    },
    {
      name: 'a Deny of every namespace turned Allow: critical',
      base: { 'anp.yaml': anp('guard', 10, ...ingress('all', 'Deny', ['namespaces: {}'])) },
      head: { 'anp.yaml': anp('guard', 10, ...ingress('all', 'Allow', ['namespaces: {}'])) },
      findings: [{ path: 'anp.yaml', line: 11, severity: 'critical', message: 'from every pod in every namespace' }],
    },
    {
      name: 'an egress Deny of 0.0.0.0/0 turned Pass: critical, on its action line',
      base: { 'anp.yaml': anp('guard', 10, ...egress('internet', 'Deny', ['networks: [0.0.0.0/0]'], ['portNumber: {protocol: TCP, port: 443}'])) },
      head: { 'anp.yaml': anp('guard', 10, ...egress('internet', 'Pass', ['networks: [0.0.0.0/0]'], ['portNumber: {protocol: TCP, port: 443}'])) },
      findings: [{ path: 'anp.yaml', line: 11, severity: 'critical', message: 'to networks `0.0.0.0/0` from every pod in namespaces `{kubernetes.io/metadata.name: payments}` on TCP 443' }],
    },
    {
      name: 'an unnamed rule edited in place: paired by position',
      base: { 'anp.yaml': guard('Deny', '').replace('- name: \n      ', '- ') },
      head: { 'anp.yaml': guard('Allow', '').replace('- name: \n      ', '- ').replace('shop}}', 'shop, x: y}}') },
      findings: [{ path: 'anp.yaml', line: 10, message: 'ingress rule 0 is now Allow (was Deny)' }],
    },
    {
      name: 'the second of two rules loosened, the file also moved',
      base: { 'anp.yaml': anp('guard', 10, '  ingress:', ...ingressRule('a', 'Allow', ['namespaces: {matchLabels: {team: ops}}']), ...ingressRule('b', 'Deny')) },
      head: { 'moved/anp.yaml': anp('guard', 10, '  ingress:', ...ingressRule('a', 'Allow', ['namespaces: {matchLabels: {team: ops}}']), ...ingressRule('b', 'Allow')) },
      findings: [{ path: 'moved/anp.yaml', line: 15, message: 'ingress rule `b` is now Allow (was Deny)' }],
    },
  ],
});

describe('a rule name from the manifest in the message', () => {
  it('is a code span, and Markdown renders it as code, never as HTML or a mention', () => {
    const hostile = '"x` <img src=x onerror=alert(1)> @admins"';
    const [finding] = runRule(rule, { 'anp.yaml': guard('Deny', hostile) }, { 'anp.yaml': guard('Allow', hostile) });
    expect(finding.message).toContain('ingress rule ``x` <img src=x onerror=alert(1)> @admins``');
    const markdown = escapeMessage(finding.message);
    expect(markdown).toContain('``x` <img src=x onerror=alert(1)> @admins``');
    expect(markdown.replace(/``[^`]*`[^`]*``/g, '')).not.toMatch(/<img|@admins/);
  });
});

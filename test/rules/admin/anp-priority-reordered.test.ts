import rule from '../../../src/rules/admin/anp-priority-reordered.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { anp, ingress } from './fixtures.js';

const deny = (priority: number | string, name = 'deny') => anp(name, priority, ...ingress('block-shop', 'Deny'));
const allow = (priority: number | string, action = 'Allow', peer = 'namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}') =>
  anp('allow', priority, ...ingress('let-shop', action, [peer]));

ruleTester(rule, {
  valid: [
    { name: 'both priorities unchanged, files moved', base: { 'd.yaml': deny(10), 'a.yaml': allow(20) }, head: { 'x/d.yaml': deny(10), 'x/a.yaml': allow(20) } },
    { name: 'the Allow moves but stays behind the Deny', base: { 'd.yaml': deny(10), 'a.yaml': allow(20) }, head: { 'd.yaml': deny(10), 'a.yaml': allow(15) } },
    { name: 'the Deny moves further ahead', base: { 'd.yaml': deny(10), 'a.yaml': allow(20) }, head: { 'd.yaml': deny(5), 'a.yaml': allow(20) } },
    { name: 'the Allow was already ahead', base: { 'd.yaml': deny(10), 'a.yaml': allow(5) }, head: { 'd.yaml': deny(10), 'a.yaml': allow(1) } },
    {
      name: 'the Allow moves ahead of a Deny it does not overlap (other peers)',
      base: { 'd.yaml': deny(10), 'a.yaml': allow(20, 'Allow', 'namespaces: {matchLabels: {kubernetes.io/metadata.name: ops}}') },
      head: { 'd.yaml': deny(10), 'a.yaml': allow(5, 'Allow', 'namespaces: {matchLabels: {kubernetes.io/metadata.name: ops}}') },
    },
    {
      name: 'the Allow moves ahead of a Deny on other ports',
      base: { 'd.yaml': anp('deny', 10, ...ingress('block-shop', 'Deny', undefined, ['portNumber: {protocol: TCP, port: 22}'])), 'a.yaml': anp('allow', 20, ...ingress('let-shop', 'Allow', undefined, ['portRange: {protocol: TCP, start: 80, end: 443}'])) },
      head: { 'd.yaml': anp('deny', 10, ...ingress('block-shop', 'Deny', undefined, ['portNumber: {protocol: TCP, port: 22}'])), 'a.yaml': anp('allow', 5, ...ingress('let-shop', 'Allow', undefined, ['portRange: {protocol: TCP, start: 80, end: 443}'])) },
    },
    { name: 'a Deny moved ahead of another Deny', base: { 'd.yaml': deny(10), 'a.yaml': allow(20, 'Deny') }, head: { 'd.yaml': deny(10), 'a.yaml': allow(5, 'Deny') } },
    { name: 'a new Allow ANP ahead of the Deny (connectivity-added judges it)', base: { 'd.yaml': deny(10) }, head: { 'd.yaml': deny(10), 'a.yaml': allow(5) } },
  ],
  invalid: [
    {
      name: 'an Allow gets a lower number than the Deny it lost to: its priority line',
      base: { 'd.yaml': deny(10), 'a.yaml': allow(20) },
      head: { 'd.yaml': deny(10), 'a.yaml': allow(5) },
      findings: [{ path: 'a.yaml', line: 6, severity: 'high', message: 'AdminNetworkPolicy `allow`: priority now 5 (was 20), ahead of AdminNetworkPolicy `deny` (priority 10), whose ingress rule `block-shop` (Deny) overlaps its ingress rule `let-shop` (Allow). The connections both match, denied in base, are now allowed.' }],
    },
    {
      name: 'the Deny moves behind the Allow: the Deny\'s priority line',
      base: { 'd.yaml': deny(10), 'a.yaml': allow(20) },
      head: { 'd.yaml': deny(30), 'a.yaml': allow(20) },
      findings: [{ path: 'd.yaml', line: 6, message: 'AdminNetworkPolicy `deny`: priority now 30 (was 10), behind AdminNetworkPolicy `allow` (priority 20), whose ingress rule `let-shop` (Allow) overlaps its ingress rule `block-shop` (Deny).' }],
    },
    {
      name: 'a Pass now ahead of the Deny',
      base: { 'd.yaml': deny(10), 'a.yaml': allow(20, 'Pass') },
      head: { 'd.yaml': deny(10), 'a.yaml': allow(9, 'Pass') },
      findings: [{ path: 'a.yaml', line: 6, message: 'now handed to the NetworkPolicies' }],
    },
    {
      name: 'moved to the same priority: undefined order, a warning',
      base: { 'd.yaml': deny(10), 'a.yaml': allow(20) },
      head: { 'd.yaml': deny(10), 'a.yaml': allow(10) },
      findings: [{ path: 'a.yaml', line: 6, severity: 'medium', message: 'priority now 10 (was 20), the same as AdminNetworkPolicy `deny` (priority 10)' }],
    },
    {
      name: 'both moved, swapping places: one finding, on the Allow\'s priority line',
      base: { 'd.yaml': deny(10), 'a.yaml': allow(20) },
      head: { 'd.yaml': deny(20), 'a.yaml': allow(10) },
      findings: [{ path: 'a.yaml', line: 6, message: 'priority now 10 (was 20), ahead of AdminNetworkPolicy `deny` (priority 20, was 10)' }],
    },
    {
      name: 'an Allow from every namespace now ahead of a Deny of every namespace: critical',
      base: { 'd.yaml': anp('deny', 10, ...ingress('block-all', 'Deny', ['namespaces: {}'])), 'a.yaml': allow(20, 'Allow', 'namespaces: {}') },
      head: { 'd.yaml': anp('deny', 10, ...ingress('block-all', 'Deny', ['namespaces: {}'])), 'a.yaml': allow(5, 'Allow', 'namespaces: {}') },
      findings: [{ path: 'a.yaml', line: 6, severity: 'critical' }],
    },
  ],
});

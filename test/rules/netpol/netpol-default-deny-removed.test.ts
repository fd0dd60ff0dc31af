import rule from '../../../src/rules/netpol/netpol-default-deny-removed.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { defaultDeny, policy } from './fixtures.js';

const both = defaultDeny('shop', ['Ingress', 'Egress']);

ruleTester(rule, {
  valid: [
    {
      name: 'the default deny moved to another file, policyTypes reordered',
      base: { 'dd.yaml': both },
      head: { 'ns/shop/dd.yaml': defaultDeny('shop', ['Egress', 'Ingress']) },
    },
    {
      name: 'the default deny renamed',
      base: { 'dd.yaml': both },
      head: { 'dd.yaml': defaultDeny('shop', ['Ingress', 'Egress'], 'deny-all') },
    },
    {
      name: 'the default deny split into one policy per direction',
      base: { 'dd.yaml': both },
      head: { 'in.yaml': defaultDeny('shop', ['Ingress'], 'deny-in'), 'out.yaml': defaultDeny('shop', ['Egress'], 'deny-out') },
    },
    {
      name: 'an ingress default deny whose policyTypes was removed (the defaulting keeps Ingress)',
      base: { 'dd.yaml': defaultDeny() },
      head: { 'dd.yaml': policy('default-deny', 'shop', '  podSelector: {}') },
    },
    {
      name: 'the default deny given a listed source: every pod is still isolated',
      base: { 'dd.yaml': defaultDeny() },
      head: { 'dd.yaml': policy('default-deny', 'shop', '  podSelector: {}', '  ingress:', '  - from:', '    - podSelector: {}') },
    },
    {
      name: 'tightening: a default deny added to a namespace that had none',
      base: {},
      head: { 'dd.yaml': both },
    },
  ],
  invalid: [
    {
      name: 'deleted: reported on the base side, once for both directions',
      base: { 'dd.yaml': both },
      head: {},
      findings: [{ path: 'dd.yaml', line: 1, side: 'base', severity: 'critical', message: 'the default deny for ingress and egress of namespace shop, was deleted' }],
    },
    {
      name: 'Egress dropped from policyTypes',
      base: { 'dd.yaml': both },
      head: { 'dd.yaml': defaultDeny('shop', ['Ingress']) },
      findings: [{ path: 'dd.yaml', line: 8, message: 'policyTypes went from [Ingress, Egress] to [Ingress]' }],
    },
    {
      name: 'given an allow-all rule',
      base: { 'dd.yaml': defaultDeny() },
      head: { 'dd.yaml': policy('default-deny', 'shop', '  podSelector: {}', '  policyTypes: [Ingress]', '  ingress:', '  - {}') },
      findings: [{ path: 'dd.yaml', line: 10, message: 'with no peers and no ports' }],
    },
    {
      name: 'its podSelector narrowed to some pods',
      base: { 'dd.yaml': defaultDeny() },
      head: { 'dd.yaml': policy('default-deny', 'shop', '  podSelector: {matchLabels: {app: web}}', '  policyTypes: [Ingress]') },
      findings: [{ path: 'dd.yaml', line: 7, message: 'pods `{app: web}` of namespace shop' }],
    },
    {
      name: 'the silent case: explicit policyTypes removed while egress is empty',
      base: { 'dd.yaml': policy('default-deny', 'shop', '  podSelector: {}', '  policyTypes: [Ingress, Egress]', '  egress: []') },
      head: { 'dd.yaml': policy('default-deny', 'shop', '  podSelector: {}', '  egress: []') },
      findings: [{ path: 'dd.yaml', line: 8, message: 'policyTypes was removed' }],
    },
  ],
});

import rule from '../../../src/rules/netpol/netpol-isolation-narrowed.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { defaultDeny, policy } from './fixtures.js';

const web = (...selector: string[]) => policy('web', 'shop', '  podSelector:', ...selector, '  ingress:', '  - from:', '    - podSelector: {matchLabels: {app: fe}}');

ruleTester(rule, {
  valid: [
    {
      name: 'the same pods written as an expression',
      base: { 'web.yaml': web('    matchLabels: {app: web}') },
      head: { 'web.yaml': web('    matchExpressions: [{key: app, operator: In, values: [web]}]') },
    },
    {
      name: 'a broader podSelector isolates more pods',
      base: { 'web.yaml': web('    matchLabels: {app: web, tier: a}') },
      head: { 'web.yaml': web('    matchLabels: {app: web}') },
    },
    {
      name: 'narrowed while a default deny still isolates the pods that fall out',
      base: { 'dd.yaml': defaultDeny(), 'web.yaml': web('    matchLabels: {app: web}') },
      head: { 'dd.yaml': defaultDeny(), 'web.yaml': web('    matchLabels: {app: web, tier: a}') },
    },
    {
      name: 'a default deny narrowed is netpol-default-deny-removed',
      base: { 'dd.yaml': defaultDeny() },
      head: { 'dd.yaml': policy('default-deny', 'shop', '  podSelector: {matchLabels: {app: web}}', '  policyTypes: [Ingress]') },
    },
  ],
  invalid: [
    {
      name: 'a label added to the podSelector',
      base: { 'web.yaml': web('    matchLabels: {app: web}') },
      head: { 'web.yaml': web('    matchLabels: {app: web, tier: a}') },
      findings: [{ path: 'web.yaml', line: 7, severity: 'medium', message: 'podSelector went from {app: web} to {app: web, tier: a}' }],
    },
    {
      name: 'an In value removed',
      base: { 'web.yaml': web('    matchExpressions: [{key: app, operator: In, values: [web, api]}]') },
      head: { 'web.yaml': web('    matchExpressions: [{key: app, operator: In, values: [web]}]') },
      findings: [{ path: 'web.yaml', line: 7, message: 'selects a subset' }],
    },
  ],
});

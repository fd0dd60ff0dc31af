import rule from '../../../src/rules/netpol/netpol-selector-broadened.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { web } from './fixtures.js';

const peer = (...selector: string[]) => web('  - from:', '    - podSelector:', ...selector);

ruleTester(rule, {
  valid: [
    {
      name: 'matchLabels rewritten as an equivalent In expression',
      base: { 'web.yaml': peer('        matchLabels: {app: fe}') },
      head: { 'web.yaml': peer('        matchExpressions:', '        - {key: app, operator: In, values: [fe]}') },
    },
    {
      name: 'tightening: a label added',
      base: { 'web.yaml': peer('        matchLabels: {app: fe}') },
      head: { 'web.yaml': peer('        matchLabels: {app: fe, tier: web}') },
    },
    {
      name: 'a different value is another peer, not a broader one',
      base: { 'web.yaml': peer('        matchLabels: {app: fe}') },
      head: { 'web.yaml': peer('        matchLabels: {app: api}') },
    },
    {
      name: 'labels reordered, the policy moved file',
      base: { 'a.yaml': peer('        matchLabels: {app: fe, tier: web}') },
      head: { 'b.yaml': peer('        matchLabels: {tier: web, app: fe}') },
    },
    {
      name: 'a broader selector for pods no policy isolated in base',
      base: {},
      head: { 'web.yaml': peer('        matchLabels: {}') },
    },
  ],
  invalid: [
    {
      name: 'a label dropped',
      base: { 'web.yaml': peer('        matchLabels: {app: fe, tier: web}') },
      head: { 'web.yaml': peer('        matchLabels: {app: fe}') },
      findings: [{ path: 'web.yaml', line: 11, severity: 'high', message: 'podSelector went from {app: fe, tier: web} to {app: fe}' }],
    },
    {
      name: 'an In value added',
      base: { 'web.yaml': peer('        matchExpressions: [{key: app, operator: In, values: [fe]}]') },
      head: { 'web.yaml': peer('        matchExpressions: [{key: app, operator: In, values: [fe, admin]}]') },
      findings: [{ path: 'web.yaml', line: 11, message: 'app In (admin, fe)' }],
    },
    {
      name: 'a NotIn value removed',
      base: { 'web.yaml': peer('        matchExpressions: [{key: app, operator: NotIn, values: [db, batch]}]') },
      head: { 'web.yaml': peer('        matchExpressions: [{key: app, operator: NotIn, values: [db]}]') },
      findings: [{ path: 'web.yaml', line: 11 }],
    },
    {
      name: 'an expression removed',
      base: { 'web.yaml': peer('        matchLabels: {app: fe}', '        matchExpressions: [{key: env, operator: Exists}]') },
      head: { 'web.yaml': peer('        matchLabels: {app: fe}') },
      findings: [{ path: 'web.yaml', line: 11 }],
    },
    {
      name: 'a namespaceSelector broadened: the finding is on the namespaceSelector',
      base: { 'web.yaml': web('  - from:', '    - podSelector: {matchLabels: {app: fe}}', '      namespaceSelector: {matchLabels: {team: a, env: prod}}') },
      head: { 'web.yaml': web('  - from:', '    - podSelector: {matchLabels: {app: fe}}', '      namespaceSelector: {matchLabels: {team: a}}') },
      findings: [{ path: 'web.yaml', line: 12, message: 'namespaces went from namespaces `{env: prod, team: a}` to namespaces `{team: a}`' }],
    },
  ],
});

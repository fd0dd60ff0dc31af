import rule from '../../../src/rules/netpol/netpol-peer-and-split.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { web } from './fixtures.js';

const and = ['  - from:', '    - namespaceSelector: {matchLabels: {team: a}}', '      podSelector: {matchLabels: {app: fe}}'];
const or = ['  - from:', '    - namespaceSelector: {matchLabels: {team: a}}', '    - podSelector: {matchLabels: {app: fe}}'];

ruleTester(rule, {
  valid: [
    {
      name: 'the AND peer with its keys reordered and the selector written as an expression',
      base: { 'web.yaml': web(...and) },
      head: { 'web.yaml': web('  - from:', '    - podSelector: {matchExpressions: [{key: app, operator: In, values: [fe]}]}', '      namespaceSelector: {matchLabels: {team: a}}') },
    },
    {
      name: 'split for pods no policy isolated in base',
      base: {},
      head: { 'web.yaml': web(...or) },
    },
    {
      name: 'already two peers (an OR) in base, reordered',
      base: { 'web.yaml': web(...or) },
      head: { 'web.yaml': web('  - from:', '    - podSelector: {matchLabels: {app: fe}}', '    - namespaceSelector: {matchLabels: {team: a}}') },
    },
    {
      name: 'tightening: an OR merged into an AND',
      base: { 'web.yaml': web(...or) },
      head: { 'web.yaml': web(...and) },
    },
  ],
  invalid: [
    {
      name: 'the AND peer split into two list items',
      base: { 'web.yaml': web(...and) },
      head: { 'web.yaml': web(...or) },
      findings: [{ path: 'web.yaml', line: 11, severity: 'high', message: 'every pod in namespaces `{team: a}` OR pods `{app: fe}` in namespace shop' }],
    },
    {
      name: 'split with the pod half first: the finding is on the first half',
      base: { 'web.yaml': web(...and) },
      head: { 'web.yaml': web('  - from:', '    - podSelector: {matchLabels: {app: fe}}', '    - namespaceSelector: {matchLabels: {team: a}}') },
      findings: [{ path: 'web.yaml', line: 11 }],
    },
  ],
});

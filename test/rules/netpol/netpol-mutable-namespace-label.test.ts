import rule from '../../../src/rules/netpol/netpol-mutable-namespace-label.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { web } from './fixtures.js';

const fe = '    - podSelector: {matchLabels: {app: fe}}';

ruleTester(rule, {
  valid: [
    {
      name: 'a new peer selecting a namespace by its immutable name label',
      base: { 'web.yaml': web('  - from:', fe) },
      head: { 'web.yaml': web('  - from:', fe, '    - namespaceSelector:', '        matchLabels:', '          kubernetes.io/metadata.name: payments') },
    },
    {
      name: 'a team label the base already selected by, peers reordered',
      base: { 'web.yaml': web('  - from:', '    - namespaceSelector: {matchLabels: {team: a}}', fe) },
      head: { 'web.yaml': web('  - from:', fe, '    - namespaceSelector: {matchLabels: {team: a}}') },
    },
    {
      name: 'a mutable label in a policy for pods no policy isolated in base',
      base: {},
      head: { 'web.yaml': web('  - from:', '    - namespaceSelector: {matchLabels: {team: a}}') },
    },
    {
      name: 'tightening: a narrower selector (a label added to an existing one)',
      base: { 'web.yaml': web('  - from:', '    - namespaceSelector: {matchLabels: {team: a}}') },
      head: { 'web.yaml': web('  - from:', '    - namespaceSelector: {matchLabels: {team: a, env: prod}}') },
    },
  ],
  invalid: [
    {
      name: 'a new peer keyed on a team label: the finding is on the label',
      base: { 'web.yaml': web('  - from:', fe) },
      head: { 'web.yaml': web('  - from:', fe, '    - namespaceSelector:', '        matchLabels:', '          team: payments') },
      findings: [{ path: 'web.yaml', line: 14, severity: 'low', message: 'by `team`' }],
    },
    {
      name: 'switched from the name label to a mutable one',
      base: { 'web.yaml': web('  - from:', '    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: payments}}') },
      head: { 'web.yaml': web('  - from:', '    - namespaceSelector: {matchLabels: {team: payments}}') },
      findings: [{ path: 'web.yaml', line: 11 }],
    },
    {
      name: 'an expression on a mutable label',
      base: { 'web.yaml': web('  - from:', fe) },
      head: { 'web.yaml': web('  - from:', fe, '    - namespaceSelector:', '        matchExpressions:', '        - key: kubernetes.io/metadata.name', '          operator: Exists', '        - key: env', '          operator: In', '          values: [prod]') },
      findings: [{ path: 'web.yaml', line: 16, message: 'by `env`' }],
    },
  ],
});

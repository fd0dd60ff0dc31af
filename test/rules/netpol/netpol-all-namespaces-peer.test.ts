import rule from '../../../src/rules/netpol/netpol-all-namespaces-peer.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { web } from './fixtures.js';

const frontend = '    - podSelector: {matchLabels: {app: frontend}}';

ruleTester(rule, {
  valid: [
    {
      name: 'peers reordered around a namespaceSelector: {} the base already had',
      base: { 'web.yaml': web('  - from:', '    - namespaceSelector: {}', frontend) },
      head: { 'web.yaml': web('  - from:', frontend, '    - namespaceSelector: {}') },
    },
    {
      name: 'namespaceSelector: {} for pods no policy isolated in base',
      base: {},
      head: { 'web.yaml': web('  - from:', '    - namespaceSelector: {}') },
    },
    {
      name: 'tightening: every namespace narrowed to labelled ones',
      base: { 'web.yaml': web('  - from:', '    - namespaceSelector: {}') },
      head: { 'web.yaml': web('  - from:', '    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: web}}') },
    },
    {
      name: 'a pod selector narrowed inside an every-namespace peer',
      base: { 'web.yaml': web('  - from:', '    - namespaceSelector: {}', '      podSelector: {matchLabels: {app: mon}}') },
      head: { 'web.yaml': web('  - from:', '    - namespaceSelector: {}', '      podSelector: {matchLabels: {app: mon, tier: a}}') },
    },
  ],
  invalid: [
    {
      name: 'a new peer namespaceSelector: {}',
      base: { 'web.yaml': web('  - from:', frontend) },
      head: { 'web.yaml': web('  - from:', frontend, '    - namespaceSelector: {}') },
      findings: [{ path: 'web.yaml', line: 12, severity: 'high', message: 'admitting every pod in every namespace' }],
    },
    {
      name: 'a namespaceSelector broadened to {}: this rule, not netpol-selector-broadened',
      base: { 'web.yaml': web('  - from:', '    - namespaceSelector:', '        matchLabels: {team: a}') },
      head: { 'web.yaml': web('  - from:', '    - namespaceSelector: {}') },
      findings: [{ path: 'web.yaml', line: 11, message: 'instead of every pod in namespaces `{team: a}`' }],
    },
    {
      name: 'a combined peer whose namespaces became every namespace',
      base: { 'web.yaml': web('  - from:', '    - podSelector: {matchLabels: {app: mon}}', '      namespaceSelector: {matchLabels: {team: a}}') },
      head: { 'web.yaml': web('  - from:', '    - podSelector: {matchLabels: {app: mon}}', '      namespaceSelector: {}') },
      findings: [{ path: 'web.yaml', line: 12, message: 'pods `{app: mon}` in every namespace' }],
    },
  ],
});

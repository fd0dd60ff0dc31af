import rule from '../../../src/rules/netpol/netpol-ports-emptied.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { web, webEgress } from './fixtures.js';

const frontend = '    - podSelector: {matchLabels: {app: frontend}}';

ruleTester(rule, {
  valid: [
    {
      name: 'ports removed for pods no policy isolated in base',
      base: {},
      head: { 'web.yaml': web('  - from:', frontend) },
    },
    {
      name: 'tightening: ports added to a rule that had none',
      base: { 'web.yaml': web('  - from:', frontend) },
      head: { 'web.yaml': web('  - from:', frontend, '    ports: [{port: 80}]') },
    },
    {
      name: 'a new source on every port is a grant, not an emptied port list',
      base: { 'web.yaml': web('  - from:', frontend, '    ports: [{port: 80}]') },
      head: { 'web.yaml': web('  - from:', frontend, '    ports: [{port: 80}]', '  - from:', '    - podSelector: {matchLabels: {app: admin}}') },
    },
    {
      name: 'the source already had every port through another base rule',
      base: { 'web.yaml': web('  - from:', frontend, '    ports: [{port: 80}]', '  - from:', frontend) },
      head: { 'web.yaml': web('  - from:', frontend) },
    },
    {
      name: 'peers and ports reordered',
      base: { 'web.yaml': web('  - from:', frontend, '    - podSelector: {matchLabels: {app: b}}', '    ports: [{port: 80}, {port: 81}]') },
      head: { 'web.yaml': web('  - ports: [{port: 81}, {port: 80}]', '    from:', '    - podSelector: {matchLabels: {app: b}}', frontend) },
    },
    {
      name: 'an ipBlock inside a base block that already had every port',
      base: { 'web.yaml': web('  - from:', '    - ipBlock: {cidr: 10.0.0.0/8}', '  - from:', '    - ipBlock: {cidr: 10.1.0.0/16}', '    ports: [{port: 80}]') },
      head: { 'web.yaml': web('  - from:', '    - ipBlock: {cidr: 10.1.0.0/16}', '  - from:', '    - ipBlock: {cidr: 10.0.0.0/8}') },
    },
  ],
  invalid: [
    {
      name: 'ports removed: the source is admitted on every port',
      base: { 'web.yaml': web('  - from:', frontend, '    ports: [{port: 80}]') },
      head: { 'web.yaml': web('  - from:', frontend) },
      findings: [{ path: 'web.yaml', line: 10, severity: 'medium', message: 'instead of only TCP/80' }],
    },
    {
      name: 'a rule for overlapping sources on every port does not cover the rest of them',
      base: { 'web.yaml': web('  - from:', frontend, '  - from:', '    - podSelector: {matchLabels: {tier: x}}', '    ports: [{port: 80}]') },
      head: { 'web.yaml': web('  - from:', frontend, '  - from:', '    - podSelector: {matchLabels: {tier: x}}') },
      findings: [{ path: 'web.yaml', line: 12, message: 'pods `{tier: x}` in namespace shop on every port' }],
    },
    {
      name: 'ports emptied: the finding is on the empty list',
      base: { 'web.yaml': web('  - from:', frontend, '    ports: [{port: 80}]') },
      head: { 'web.yaml': web('  - from:', frontend, '    ports: []') },
      findings: [{ path: 'web.yaml', line: 12, message: 'has an empty `ports`' }],
    },
    {
      name: 'egress to an ipBlock on every port',
      base: { 'web.yaml': webEgress('  - to:', '    - ipBlock: {cidr: 10.0.0.0/8}', '    ports: [{port: 443}]') },
      head: { 'web.yaml': webEgress('  - to:', '    - ipBlock: {cidr: 10.0.0.0/8}') },
      findings: [{ path: 'web.yaml', line: 11, message: 'it now admits ipBlock `10.0.0.0/8` on every port and protocol' }],
    },
  ],
});

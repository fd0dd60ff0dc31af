import rule from '../../../src/rules/netpol/netpol-peers-emptied.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { defaultDeny, web, webEgress } from './fixtures.js';

const frontendOn80 = ['  - from:', '    - podSelector: {matchLabels: {app: frontend}}', '    ports:', '    - port: 80'];

ruleTester(rule, {
  valid: [
    {
      name: 'a rule without peers for pods no policy isolated in base',
      base: {},
      head: { 'web.yaml': web('  - ports:', '    - port: 80') },
    },
    {
      name: 'rules reordered around a rule the base already had without peers',
      base: { 'web.yaml': web('  - ports: [{port: 80}]', ...frontendOn80) },
      head: { 'web.yaml': web(...frontendOn80, '  - ports: [{port: 80}]') },
    },
    {
      name: 'tightening: listed sources added to a rule that had none',
      base: { 'web.yaml': web('  - ports: [{port: 80}]') },
      head: { 'web.yaml': web(...frontendOn80) },
    },
    {
      name: 'fewer ports on a rule that already admitted every source',
      base: { 'web.yaml': web('  - ports: [{port: 80}, {port: 443}]') },
      head: { 'web.yaml': web('  - ports: [{port: 443}]') },
    },
    {
      name: 'an allow-all rule (no peers, no ports) is netpol-allow-all-rule',
      base: { 'web.yaml': web(...frontendOn80) },
      head: { 'web.yaml': web('  - {}') },
    },
    {
      name: 'the policy moved to another file, keys and ports reordered',
      base: { 'dd.yaml': defaultDeny(), 'web.yaml': web('  - ports: [{port: 80}, {port: 443, protocol: TCP}]') },
      head: { 'dd.yaml': defaultDeny(), 'apps/web.yaml': web('  - ports: [{protocol: TCP, port: 443}, {port: 80}]') },
    },
  ],
  invalid: [
    {
      name: 'from removed: every source on port 80',
      base: { 'web.yaml': web(...frontendOn80) },
      head: { 'web.yaml': web('  - ports:', '    - port: 80') },
      findings: [{ path: 'web.yaml', line: 10, severity: 'high', message: 'has no `from`, so it now admits every source' }],
    },
    {
      name: 'from emptied: the finding is on the empty list',
      base: { 'web.yaml': web(...frontendOn80) },
      head: { 'web.yaml': web('  - ports:', '    - port: 80', '    from: []') },
      findings: [{ path: 'web.yaml', line: 12, message: 'has an empty `from`' }],
    },
    {
      name: 'a new rule without peers for pods behind a default deny',
      base: { 'dd.yaml': defaultDeny() },
      head: { 'dd.yaml': defaultDeny(), 'web.yaml': web('  - ports: [{port: 8080}]') },
      findings: [{ path: 'web.yaml', line: 10, message: 'on TCP/8080' }],
    },
    {
      name: 'egress to emptied',
      base: { 'web.yaml': webEgress('  - to:', '    - podSelector: {matchLabels: {app: db}}', '    ports: [{port: 5432}]') },
      head: { 'web.yaml': webEgress('  - ports: [{port: 5432}]') },
      findings: [{ path: 'web.yaml', line: 11, message: 'every destination' }],
    },
  ],
});

import rule from '../../../src/rules/cilium/cilium-ports-emptied.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { web } from './fixtures.js';

const ON_80 = web('  - fromEndpoints: [{matchLabels: {app: api}}]', '    toPorts:', '    - ports:', '      - {port: "80", protocol: TCP}');

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'web.yaml': ON_80 }, head: { 'web.yaml': ON_80 } },
    { name: 'another port', base: { 'web.yaml': ON_80 }, head: { 'web.yaml': ON_80.replace('"80"', '"8080"') } },
    {
      name: 'a peer another base rule already admitted on every port',
      base: { 'web.yaml': web('  - fromEndpoints: [{matchLabels: {app: api}}]', '  - fromEndpoints: [{matchLabels: {app: api}}]', '    toPorts: [{ports: [{port: "80"}]}]') },
      head: { 'web.yaml': web('  - fromEndpoints: [{matchLabels: {app: api}}]') },
    },
  ],
  invalid: [
    {
      name: 'toPorts removed',
      base: { 'web.yaml': ON_80 },
      head: { 'web.yaml': web('  - fromEndpoints: [{matchLabels: {app: api}}]') },
      findings: [{ path: 'web.yaml', line: 10, severity: 'medium', message: 'on every port and protocol instead of only TCP/80' }],
    },
    {
      name: 'port "0" with protocol ANY: every port',
      base: { 'web.yaml': ON_80 },
      head: { 'web.yaml': ON_80.replace('{port: "80", protocol: TCP}', '{port: "0", protocol: ANY}') },
      findings: [{ path: 'web.yaml', line: 10, message: 'has no toPorts' }],
    },
  ],
});

import rule from '../../../src/rules/cilium/cilium-default-deny-disabled.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { cnp, web } from './fixtures.js';

const FROM_API = web('  - fromEndpoints: [{matchLabels: {app: api}}]');
const withDefault = (value: string) => `${FROM_API}  enableDefaultDeny:\n    ingress: ${value}\n`;

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'web.yaml': FROM_API }, head: { 'web.yaml': FROM_API } },
    { name: 'the default written out (true)', base: { 'web.yaml': FROM_API }, head: { 'web.yaml': withDefault('true') } },
    {
      name: 'another policy still isolates the endpoints',
      base: { 'web.yaml': FROM_API, 'dd.yaml': cnp('dd', 'shop', '  endpointSelector: {}', '  ingress: [{}]') },
      head: { 'web.yaml': withDefault('false'), 'dd.yaml': cnp('dd', 'shop', '  endpointSelector: {}', '  ingress: [{}]') },
    },
  ],
  invalid: [
    {
      name: 'enableDefaultDeny.ingress turned off',
      base: { 'web.yaml': FROM_API },
      head: { 'web.yaml': withDefault('false') },
      findings: [{ path: 'web.yaml', line: 12, severity: 'high', message: 'sets enableDefaultDeny.ingress to false' }],
    },
  ],
});

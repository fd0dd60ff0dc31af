import rule from '../../../src/rules/cilium/cilium-cidr-widened.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { cnp } from './fixtures.js';

/** The documentation's cidr-rule: crawler egress to 20.1.1.1/32 and 10.0.0.0/8 except 10.96.0.0/12; cidrs on lines 10 and 12. */
const crawler = (cidr: string, set: string, ...except: string[]) => cnp('cidr-rule', 'ns2', '  endpointSelector: {matchLabels: {app: crawler}}', '  egress:',
  '  - toCIDR:', `    - ${cidr}`, '  - toCIDRSet:', `    - cidr: ${set}`, ...(except.length > 0 ? ['      except:', ...except.map((e) => `      - ${e}`)] : []));

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'p.yaml': crawler('20.1.1.1/32', '10.0.0.0/8', '10.96.0.0/12') }, head: { 'p.yaml': crawler('20.1.1.1/32', '10.0.0.0/8', '10.96.0.0/12') } },
    { name: 'narrowed', base: { 'p.yaml': crawler('20.1.1.0/24', '10.0.0.0/8') }, head: { 'p.yaml': crawler('20.1.1.1/32', '10.0.0.0/8', '10.96.0.0/12') } },
    { name: 'a bare address written as /32', base: { 'p.yaml': crawler('20.1.1.1/32', '10.0.0.0/8') }, head: { 'p.yaml': crawler('20.1.1.1', '10.0.0.0/8') } },
  ],
  invalid: [
    {
      name: 'the except removed: on the cidr line of the set',
      base: { 'p.yaml': crawler('20.1.1.1/32', '10.0.0.0/8', '10.96.0.0/12') },
      head: { 'p.yaml': crawler('20.1.1.1/32', '10.0.0.0/8') },
      findings: [{ path: 'p.yaml', line: 12, severity: 'high', message: '10.96.0.0/12' }],
    },
    {
      name: 'a toCIDR widened to the whole address space (egress: high)',
      base: { 'p.yaml': crawler('20.1.1.1/32', '10.0.0.0/8') },
      head: { 'p.yaml': crawler('0.0.0.0/0', '10.0.0.0/8') },
      findings: [{ path: 'p.yaml', line: 10, severity: 'high', message: 'the whole address space' }],
    },
    {
      name: 'an ingress fromCIDR 0.0.0.0/0: critical',
      base: { 'p.yaml': cnp('in', 'ns2', '  endpointSelector: {}', '  ingress:', '  - fromCIDR: [192.168.0.0/16]') },
      head: { 'p.yaml': cnp('in', 'ns2', '  endpointSelector: {}', '  ingress:', '  - fromCIDR: [0.0.0.0/0]') },
      findings: [{ path: 'p.yaml', line: 9, severity: 'critical' }],
    },
  ],
});

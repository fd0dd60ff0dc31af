import rule from '../../../src/rules/cilium/cilium-deny-removed.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { cnp } from './fixtures.js';

/** The documentation's external-lockdown: every entity allowed but world (deny rule on line 9). */
const lockdown = (...deny: string[]) => cnp('external-lockdown', 'shop', '  endpointSelector: {}', '  ingressDeny:', ...deny, '  ingress:', '  - fromEntities: ["all"]');

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'p.yaml': lockdown('  - fromEntities: ["world"]') }, head: { 'p.yaml': lockdown('  - fromEntities: ["world"]') } },
    { name: 'widened to every port and more peers', base: { 'p.yaml': lockdown('  - fromEntities: ["world"]', '    toPorts: [{ports: [{port: "22"}]}]') }, head: { 'p.yaml': lockdown('  - fromEntities: ["world", "cluster"]') } },
    {
      name: 'split into two rules that deny the same',
      base: { 'p.yaml': lockdown('  - fromEntities: [world]', '    fromCIDR: [10.0.0.0/8]') },
      head: { 'p.yaml': lockdown('  - fromCIDR: [10.0.0.0/8]', '  - fromEntities: [world]') },
    },
    {
      name: 'specs reordered',
      base: { 'p.yaml': ['apiVersion: cilium.io/v2', 'kind: CiliumNetworkPolicy', 'metadata: {name: two, namespace: shop}', 'specs:',
        '- {endpointSelector: {matchLabels: {app: web}}, ingressDeny: [{fromEntities: [world]}]}', '- {endpointSelector: {matchLabels: {app: api}}, egress: [{}]}'].join('\n') },
      head: { 'p.yaml': ['apiVersion: cilium.io/v2', 'kind: CiliumNetworkPolicy', 'metadata: {name: two, namespace: shop}', 'specs:',
        '- {endpointSelector: {matchLabels: {app: api}}, egress: [{}]}', '- {endpointSelector: {matchLabels: {app: web}}, ingressDeny: [{fromEntities: [world]}]}'].join('\n') },
    },
    { name: 'the whole policy deleted (cilium-policy-deleted)', base: { 'p.yaml': lockdown('  - fromEntities: ["world"]') }, head: {} },
  ],
  invalid: [
    {
      name: 'the deny rule removed: on the base line',
      base: { 'p.yaml': lockdown('  - fromEntities: ["world"]') },
      head: { 'p.yaml': cnp('external-lockdown', 'shop', '  endpointSelector: {}', '  ingress:', '  - fromEntities: ["all"]') },
      findings: [{ path: 'p.yaml', line: 9, side: 'base', severity: 'high', message: 'CiliumNetworkPolicy shop/external-lockdown: ingressDeny rule 0 is removed or narrowed' }],
    },
    {
      name: 'the deny narrowed to one port',
      base: { 'p.yaml': lockdown('  - fromEntities: ["world"]') },
      head: { 'p.yaml': lockdown('  - fromEntities: ["world"]', '    toPorts: [{ports: [{port: "22", protocol: TCP}]}]') },
      findings: [{ path: 'p.yaml', line: 9, side: 'base', message: 'every port and protocol' }],
    },
  ],
});

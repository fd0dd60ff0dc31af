import rule from '../../../src/rules/cilium/cilium-deny-removed.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { ccnp, cnp } from './fixtures.js';

/** The documentation's external-lockdown: every entity allowed but world (deny rule on line 9). */
const lockdown = (...deny: string[]) => cnp('external-lockdown', 'shop', '  endpointSelector: {}', '  ingressDeny:', ...deny, '  ingress:', '  - fromEntities: ["all"]');

/** The same lockdown without its deny rule (line 7 is `ingress:`). */
const allowOnly = cnp('external-lockdown', 'shop', '  endpointSelector: {}', '  ingress:', '  - fromEntities: ["all"]');

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
    {
      name: 'deny rules reordered (their indexes shift)',
      base: { 'p.yaml': lockdown('  - fromEntities: [world]', '  - fromCIDR: [10.0.0.0/8]', '    toPorts: [{ports: [{port: "22"}]}]') },
      head: { 'p.yaml': lockdown('  - fromCIDR: [10.0.0.0/8]', '    toPorts: [{ports: [{port: "22"}]}]', '  - fromEntities: [world]') },
    },
    {
      name: 'the ports of one deny split into two rules',
      base: { 'p.yaml': lockdown('  - fromEntities: [world]', '    toPorts: [{ports: [{port: "22"}, {port: "23"}]}]') },
      head: { 'p.yaml': lockdown('  - fromEntities: [world]', '    toPorts: [{ports: [{port: "23"}]}]', '  - fromEntities: [world]', '    toPorts: [{ports: [{port: "22"}]}]') },
    },
    {
      name: 'the deny moved to another policy of the namespace over the same endpoints',
      base: { 'p.yaml': lockdown('  - fromEntities: [world]') },
      head: { 'p.yaml': allowOnly, 'd.yaml': cnp('no-world', 'shop', '  endpointSelector: {}', '  enableDefaultDeny: {ingress: false}', '  ingressDeny: [{fromEntities: [world]}]') },
    },
    {
      name: 'the deny moved to a cluster-wide policy over the namespace',
      base: { 'p.yaml': lockdown('  - fromEntities: [world]') },
      head: { 'p.yaml': allowOnly, 'd.yaml': ccnp('no-world', '  endpointSelector: {}', '  ingressDeny: [{fromEntities: [world]}]') },
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
      name: 'the first of two deny rules removed: the base rule that went is reported, whatever the indexes in head',
      base: { 'p.yaml': lockdown('  - fromEntities: [world]', '  - fromCIDR: [10.0.0.0/8]') },
      head: { 'p.yaml': lockdown('  - fromCIDR: [10.0.0.0/8]') },
      findings: [{ path: 'p.yaml', line: 9, side: 'base', message: 'ingressDeny rule 0 is removed or narrowed: it denied fromEntities `world` on every port and protocol, and no deny rule over these endpoints in head denies fromEntities `world`' }],
    },
    {
      name: 'a deny narrowed to fewer peers: only the peer no longer denied is named',
      base: { 'p.yaml': lockdown('  - fromEntities: [cluster]', '    fromCIDR: [10.0.0.0/8]') },
      head: { 'p.yaml': lockdown('  - fromEntities: [cluster]') },
      findings: [{ path: 'p.yaml', line: 9, side: 'base', message: 'no deny rule over these endpoints in head denies fromCIDR `10.0.0.0/8` on all of those ports' }],
    },
    {
      name: 'the deny moved to a policy over fewer endpoints',
      base: { 'p.yaml': lockdown('  - fromEntities: [world]') },
      head: { 'p.yaml': allowOnly, 'd.yaml': cnp('no-world', 'shop', '  endpointSelector: {matchLabels: {app: web}}', '  ingressDeny: [{fromEntities: [world]}]') },
      findings: [{ path: 'p.yaml', line: 9, side: 'base', message: 'ingressDeny rule 0 is removed or narrowed' }],
    },
    {
      name: 'a cluster-wide deny removed from a CCNP that stays',
      base: { 'c.yaml': ccnp('lockdown', '  endpointSelector: {}', '  ingressDeny:', '  - fromEntities: [world]', '  ingress: [{fromEntities: [cluster]}]') },
      head: { 'c.yaml': ccnp('lockdown', '  endpointSelector: {}', '  ingress: [{fromEntities: [cluster]}]') },
      findings: [{ path: 'c.yaml', line: 8, side: 'base', message: 'CiliumClusterwideNetworkPolicy lockdown: ingressDeny rule 0 is removed or narrowed' }],
    },
    {
      name: 'the deny narrowed to one port',
      base: { 'p.yaml': lockdown('  - fromEntities: ["world"]') },
      head: { 'p.yaml': lockdown('  - fromEntities: ["world"]', '    toPorts: [{ports: [{port: "22", protocol: TCP}]}]') },
      findings: [{ path: 'p.yaml', line: 9, side: 'base', message: 'every port and protocol' }],
    },
  ],
});

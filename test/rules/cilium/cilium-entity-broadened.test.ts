import rule from '../../../src/rules/cilium/cilium-entity-broadened.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { ccnp, web } from './fixtures.js';

const FROM_API = web('  - fromEndpoints:', '    - matchLabels: {app: api}');

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'web.yaml': FROM_API }, head: { 'web.yaml': FROM_API } },
    {
      name: 'all rewritten as world and cluster (the same peers)',
      base: { 'web.yaml': web('  - fromEntities: [all]') },
      head: { 'web.yaml': web('  - fromEntities: [world, cluster]') },
    },
    {
      name: 'world moved to another rule of the policy',
      base: { 'web.yaml': web('  - fromEntities: [world]', '    toPorts: [{ports: [{port: "443"}]}]', '  - fromEndpoints: [{matchLabels: {app: api}}]') },
      head: { 'web.yaml': web('  - fromEndpoints: [{matchLabels: {app: api}}]', '  - fromEntities: [world]', '    toPorts: [{ports: [{port: "443"}]}]') },
    },
    { name: 'a new policy (connectivity-added speaks for it)', base: {}, head: { 'web.yaml': web('  - fromEntities: [world]') } },
    {
      name: 'an entity segguard does not model (host)',
      base: { 'web.yaml': FROM_API },
      head: { 'web.yaml': web('  - fromEndpoints:', '    - matchLabels: {app: api}', '  - fromEntities: [host]') },
    },
  ],
  invalid: [
    {
      name: 'world added on ingress: critical, on the entity line',
      base: { 'web.yaml': FROM_API },
      head: { 'web.yaml': web('  - fromEndpoints:', '    - matchLabels: {app: api}', '  - fromEntities:', '    - world') },
      findings: [{ path: 'web.yaml', line: 13, severity: 'critical', message: 'now admits fromEntities `world`' }],
    },
    {
      name: 'cluster added: high',
      base: { 'web.yaml': FROM_API },
      head: { 'web.yaml': web('  - fromEndpoints:', '    - matchLabels: {app: api}', '  - fromEntities: [cluster]') },
      findings: [{ path: 'web.yaml', line: 12, severity: 'high', message: 'every pod of every namespace' }],
    },
    {
      name: 'world widened to all in a cluster-wide policy',
      base: { 'cw.yaml': ccnp('cw', '  endpointSelector: {}', '  egress:', '  - toEntities: [world]') },
      head: { 'cw.yaml': ccnp('cw', '  endpointSelector: {}', '  egress:', '  - toEntities: [all]') },
      findings: [{ path: 'cw.yaml', line: 8, severity: 'high', message: 'CiliumClusterwideNetworkPolicy cw' }],
    },
  ],
});

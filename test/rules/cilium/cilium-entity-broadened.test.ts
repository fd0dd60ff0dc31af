import rule from '../../../src/rules/cilium/cilium-entity-broadened.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { ccnp, cnp, web } from './fixtures.js';

const NETPOL_WORLD = ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: world, namespace: shop}',
  'spec: {podSelector: {matchLabels: {app: web}}, ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}, {ipBlock: {cidr: "::/0"}}]}]}'].join('\n');

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
    { name: 'a new policy for endpoints nothing isolated (connectivity-added speaks for it)', base: {}, head: { 'web.yaml': web('  - fromEntities: [world]') } },
    {
      name: 'world moved from one policy to another for the same endpoints',
      base: { 'web.yaml': FROM_API, 'world.yaml': cnp('world', 'shop', '  endpointSelector: {matchLabels: {app: web}}', '  ingress:', '  - fromEntities: [world]') },
      head: { 'web.yaml': web('  - fromEndpoints:', '    - matchLabels: {app: api}', '  - fromEntities: [world]'), 'world.yaml': cnp('world', 'shop', '  endpointSelector: {matchLabels: {app: web}}', '  ingress:', '  - {}') },
    },
    { name: 'a NetworkPolicy already admitted 0.0.0.0/0 and ::/0', base: { 'web.yaml': FROM_API, 'np.yaml': NETPOL_WORLD }, head: { 'web.yaml': web('  - fromEntities: [world]'), 'np.yaml': NETPOL_WORLD } },
    {
      name: 'an entity segguard does not model (host)',
      base: { 'web.yaml': FROM_API },
      head: { 'web.yaml': web('  - fromEndpoints:', '    - matchLabels: {app: api}', '  - fromEntities: [host]') },
    },
  ],
  invalid: [
    {
      name: 'a new policy admits world to endpoints a cluster-wide policy isolated',
      base: { 'cw.yaml': ccnp('dd', '  endpointSelector: {}', '  ingress: [{}]') },
      head: { 'cw.yaml': ccnp('dd', '  endpointSelector: {}', '  ingress: [{}]'), 'web.yaml': web('  - fromEntities: [world]') },
      findings: [{ path: 'web.yaml', line: 10, severity: 'critical' }],
    },
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

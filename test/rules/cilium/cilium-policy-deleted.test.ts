import rule from '../../../src/rules/cilium/cilium-policy-deleted.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { ccnp, cnp, web } from './fixtures.js';

const FROM_API = web('  - fromEndpoints: [{matchLabels: {app: api}}]');
const DEFAULT_DENY = cnp('dd', 'shop', '  endpointSelector: {}', '  ingress: [{}]');

ruleTester(rule, {
  valid: [
    { name: 'moved to another file', base: { 'web.yaml': FROM_API }, head: { 'apps/web.yaml': FROM_API } },
    { name: 'renamed', base: { 'web.yaml': FROM_API }, head: { 'web.yaml': FROM_API.replace('name: web', 'name: web-in') } },
    { name: 'an allow deleted behind a default deny that stays', base: { 'web.yaml': FROM_API, 'dd.yaml': DEFAULT_DENY }, head: { 'dd.yaml': DEFAULT_DENY } },
    { name: 'a policy that did not isolate (enableDefaultDeny false) and had no deny', base: { 'web.yaml': `${FROM_API}  enableDefaultDeny: {ingress: false}\n` }, head: {} },
  ],
  invalid: [
    {
      name: 'the only policy of its endpoints deleted: on the base side',
      base: { 'web.yaml': FROM_API },
      head: {},
      findings: [{ path: 'web.yaml', line: 1, side: 'base', severity: 'high', message: 'CiliumNetworkPolicy shop/web was deleted: its endpoints are no longer isolated for ingress' }],
    },
    {
      name: 'the namespace default deny deleted: critical',
      base: { 'dd.yaml': DEFAULT_DENY },
      head: {},
      findings: [{ path: 'dd.yaml', line: 1, side: 'base', severity: 'critical', message: 'CiliumNetworkPolicy shop/dd was deleted' }],
    },
    {
      name: 'a cluster-wide deny deleted',
      base: { 'cw.yaml': ccnp('no-world', '  endpointSelector: {}', '  enableDefaultDeny: {egress: false}', '  egressDeny:', '  - toEntities: [world]') },
      head: {},
      findings: [{ path: 'cw.yaml', line: 1, side: 'base', message: 'its 1 deny rule no longer overrides any allow' }],
    },
  ],
});

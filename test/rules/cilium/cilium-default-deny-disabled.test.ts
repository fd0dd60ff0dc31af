import rule from '../../../src/rules/cilium/cilium-default-deny-disabled.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { ccnp, cnp, web } from './fixtures.js';

const FROM_API = web('  - fromEndpoints: [{matchLabels: {app: api}}]');
const withDefault = (value: string) => `${FROM_API}  enableDefaultDeny:\n    ingress: ${value}\n`;
/** A cluster-wide rule over every endpoint (line 6 is its endpointSelector), allowing ingress from the cluster. */
const clusterwide = (name: string, ...more: string[]) => ccnp(name, '  endpointSelector: {}', '  ingress:', '  - fromEntities: [cluster]', ...more);
const shopDeny = ccnp('shop-deny', '  endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": shop}}', '  ingress: [{}]');

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'web.yaml': FROM_API }, head: { 'web.yaml': FROM_API } },
    { name: 'the default written out (true)', base: { 'web.yaml': FROM_API }, head: { 'web.yaml': withDefault('true') } },
    {
      name: 'another policy still isolates the endpoints',
      base: { 'web.yaml': FROM_API, 'dd.yaml': cnp('dd', 'shop', '  endpointSelector: {}', '  ingress: [{}]') },
      head: { 'web.yaml': withDefault('false'), 'dd.yaml': cnp('dd', 'shop', '  endpointSelector: {}', '  ingress: [{}]') },
    },
    {
      name: 'a CCNP default deny of the namespace still isolates the endpoints',
      base: { 'web.yaml': FROM_API, 'cw.yaml': shopDeny },
      head: { 'web.yaml': withDefault('false'), 'cw.yaml': shopDeny },
    },
    {
      name: 'a CCNP turned off while another CCNP still isolates every endpoint',
      base: { 'a.yaml': clusterwide('a'), 'b.yaml': ccnp('b', '  endpointSelector: {}', '  ingress: [{}]') },
      head: { 'a.yaml': clusterwide('a', '  enableDefaultDeny: {ingress: false}'), 'b.yaml': ccnp('b', '  endpointSelector: {}', '  ingress: [{}]') },
    },
  ],
  invalid: [
    {
      name: 'enableDefaultDeny.ingress turned off',
      base: { 'web.yaml': FROM_API },
      head: { 'web.yaml': withDefault('false') },
      findings: [{ path: 'web.yaml', line: 12, severity: 'high', message: 'sets enableDefaultDeny.ingress to false' }],
    },
    {
      name: 'a cluster-wide policy turned off',
      base: { 'a.yaml': clusterwide('a') },
      head: { 'a.yaml': clusterwide('a', '  enableDefaultDeny: {ingress: false}') },
      findings: [{ path: 'a.yaml', line: 9, severity: 'high', message: 'CiliumClusterwideNetworkPolicy a sets enableDefaultDeny.ingress to false' }],
    },
    {
      name: 'a cluster-wide policy turned off while another CCNP isolates one namespace only',
      base: { 'a.yaml': clusterwide('a'), 'cw.yaml': shopDeny },
      head: { 'a.yaml': clusterwide('a', '  enableDefaultDeny: {ingress: false}'), 'cw.yaml': shopDeny },
      findings: [{ path: 'a.yaml', line: 9, message: 'CiliumClusterwideNetworkPolicy a sets enableDefaultDeny.ingress to false' }],
    },
  ],
});

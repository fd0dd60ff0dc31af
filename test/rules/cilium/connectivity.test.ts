import { connectivityAdded } from '../../../src/rules/connectivity/connectivity-added.js';
import { workloadUnisolated } from '../../../src/rules/connectivity/workload-unisolated.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { ccnp, cnp, PODS, web } from './fixtures.js';

/** connectivity-added and workload-unisolated attribute what a Cilium policy opens to its own lines. */
const FROM_API = web('  - fromEndpoints:', '    - matchLabels: {app: api}');

ruleTester(connectivityAdded, {
  valid: [
    { name: 'a Cilium policy reformatted', base: { 'pods.yaml': PODS, 'web.yaml': FROM_API }, head: { 'pods.yaml': PODS, 'web.yaml': web('  - fromEndpoints: [{matchLabels: {"k8s:app": api}}]') } },
    {
      name: 'a deny rule added',
      base: { 'pods.yaml': PODS, 'web.yaml': FROM_API },
      head: { 'pods.yaml': PODS, 'web.yaml': `${FROM_API}  ingressDeny:\n  - fromEndpoints: [{matchLabels: {app: api}}]\n` },
    },
  ],
  invalid: [
    {
      name: 'fromEntities world added: critical, on the entity line',
      base: { 'pods.yaml': PODS, 'web.yaml': FROM_API },
      head: { 'pods.yaml': PODS, 'web.yaml': `${FROM_API}  - fromEntities:\n    - world\n` },
      findings: [{ path: 'web.yaml', line: 13, severity: 'critical', message: 'fromEntities world of CiliumNetworkPolicy shop/web' }],
    },
    {
      name: 'fromEndpoints broadened to every endpoint of the namespace',
      base: { 'pods.yaml': PODS, 'web.yaml': cnp('web', 'shop', '  endpointSelector: {matchLabels: {app: web}}', '  ingress:', '  - fromEndpoints: [{matchLabels: {app: nobody}}]') },
      head: { 'pods.yaml': PODS, 'web.yaml': cnp('web', 'shop', '  endpointSelector: {matchLabels: {app: web}}', '  ingress:', '  - fromEndpoints: [{}]') },
      findings: [{ path: 'web.yaml', line: 9, severity: 'high', message: 'shop/api[Pod] may now reach shop/web[Pod]' }],
    },
    {
      name: 'selector mode (no workloads): a cluster-wide policy for namespace shop whose egress gains world',
      base: { 'cw.yaml': ccnp('cw', '  endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": shop}}', '  egress:', '  - toEntities: [cluster]') },
      head: { 'cw.yaml': ccnp('cw', '  endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": shop}}', '  egress:', '  - toEntities: [all]') },
      findings: [{ path: 'cw.yaml', line: 8, message: 'shop/[pod with {}] may now reach 0.0.0.0-255.255.255.255[External]' }],
    },
    {
      name: 'a cluster-wide deny that isolated nothing deleted: the connections it denied, on its base line',
      base: { 'pods.yaml': PODS, 'cw.yaml': ccnp('no-world', '  endpointSelector: {}', '  enableDefaultDeny: {egress: false}', '  egressDeny:', '  - toEntities: [world]') },
      head: { 'pods.yaml': PODS },
      findings: [{ path: 'cw.yaml', line: 9, side: 'base', message: 'egressDeny rule 0 of CiliumClusterwideNetworkPolicy no-world in base, which denied them' }],
    },
    {
      name: 'a deny rule removed: attributed to the base deny rule',
      base: { 'pods.yaml': PODS, 'web.yaml': `${web('  - fromEntities: [cluster]')}  ingressDeny:\n  - fromEndpoints: [{matchLabels: {app: api}}]\n` },
      head: { 'pods.yaml': PODS, 'web.yaml': web('  - fromEntities: [cluster]') },
      findings: [{ path: 'web.yaml', line: 12, side: 'base', message: 'ingressDeny rule 0 of CiliumNetworkPolicy shop/web in base' }],
    },
  ],
});

ruleTester(workloadUnisolated, {
  valid: [
    { name: 'the policy unchanged', base: { 'pods.yaml': PODS, 'web.yaml': FROM_API }, head: { 'pods.yaml': PODS, 'web.yaml': FROM_API } },
  ],
  invalid: [
    {
      name: 'enableDefaultDeny.ingress turned off',
      base: { 'pods.yaml': PODS, 'web.yaml': FROM_API },
      head: { 'pods.yaml': PODS, 'web.yaml': `${FROM_API}  enableDefaultDeny:\n    ingress: false\n` },
      findings: [{ path: 'web.yaml', line: 7, side: 'base', message: 'sets enableDefaultDeny.ingress to false' }],
    },
    {
      name: 'the policy deleted: on its base lines',
      base: { 'pods.yaml': PODS, 'web.yaml': FROM_API },
      head: { 'pods.yaml': PODS },
      findings: [{ path: 'web.yaml', line: 7, side: 'base', message: 'CiliumNetworkPolicy shop/web was deleted' }],
    },
  ],
});

import rule from '../../../src/rules/cilium/cilium-policy-deleted.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { ccnp, cnp, web } from './fixtures.js';

const FROM_API = web('  - fromEndpoints: [{matchLabels: {app: api}}]');
const DEFAULT_DENY = cnp('dd', 'shop', '  endpointSelector: {}', '  ingress: [{}]');
/** The documentation's cluster-wide default deny of ingress (every endpoint of every namespace). */
const CLUSTER_DENY = ccnp('default-deny', '  endpointSelector: {}', '  ingress: [{}]');
/** A cluster-wide default deny of one namespace's endpoints. */
const shopDeny = (name: string) => ccnp(name, '  endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": shop}}', '  ingress: [{}]');

const ANP_DENY_ALL = ['apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: AdminNetworkPolicy', 'metadata: {name: closed}', 'spec:', '  priority: 10',
  '  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}', '  ingress: [{action: Deny, from: [{namespaces: {}}]}]'].join('\n');

ruleTester(rule, {
  valid: [
    { name: 'moved to another file', base: { 'web.yaml': FROM_API }, head: { 'apps/web.yaml': FROM_API } },
    { name: 'renamed', base: { 'web.yaml': FROM_API }, head: { 'web.yaml': FROM_API.replace('name: web', 'name: web-in') } },
    { name: 'an allow deleted behind a default deny that stays', base: { 'web.yaml': FROM_API, 'dd.yaml': DEFAULT_DENY }, head: { 'dd.yaml': DEFAULT_DENY } },
    { name: 'an allow deleted behind a cluster-wide default deny that stays', base: { 'web.yaml': FROM_API, 'cw.yaml': CLUSTER_DENY }, head: { 'cw.yaml': CLUSTER_DENY } },
    { name: 'a CNP deleted behind a CCNP default deny of its namespace', base: { 'web.yaml': FROM_API, 'cw.yaml': shopDeny('shop-deny') }, head: { 'cw.yaml': shopDeny('shop-deny') } },
    { name: 'a CCNP renamed', base: { 'cw.yaml': CLUSTER_DENY }, head: { 'cw.yaml': CLUSTER_DENY.replace('name: default-deny', 'name: deny-all') } },
    {
      name: 'a namespace CCNP deleted while a cluster-wide one still isolates every namespace',
      base: { 'a.yaml': shopDeny('shop-deny'), 'cw.yaml': CLUSTER_DENY },
      head: { 'cw.yaml': CLUSTER_DENY },
    },
    {
      name: 'a deny-only policy deleted while its deny rule moved to a cluster-wide policy',
      base: { 'd.yaml': cnp('no-world', 'shop', '  endpointSelector: {}', '  enableDefaultDeny: {ingress: false}', '  ingressDeny: [{fromEntities: [world]}]') },
      head: { 'c.yaml': ccnp('no-world', '  endpointSelector: {}', '  enableDefaultDeny: {ingress: false}', '  ingressDeny: [{fromEntities: [world]}]') },
    },
    {
      name: 'the endpoints stay closed by an ANP Deny of everything over the namespace',
      base: { 'web.yaml': FROM_API, 'anp.yaml': ANP_DENY_ALL },
      head: { 'anp.yaml': ANP_DENY_ALL },
    },
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
      name: 'the cluster-wide default deny deleted: critical',
      base: { 'cw.yaml': CLUSTER_DENY },
      head: {},
      findings: [{ path: 'cw.yaml', line: 1, side: 'base', severity: 'critical', message: 'CiliumClusterwideNetworkPolicy default-deny was deleted: its endpoints are no longer isolated for ingress' }],
    },
    {
      name: 'a CCNP default deny of one namespace deleted: critical, as the namespace default deny it is',
      base: { 'cw.yaml': shopDeny('shop-deny') },
      head: {},
      findings: [{ path: 'cw.yaml', line: 1, side: 'base', severity: 'critical', message: 'CiliumClusterwideNetworkPolicy shop-deny was deleted' }],
    },
    {
      name: 'the cluster-wide default deny deleted while a CCNP isolates one namespace only: the others are open',
      base: { 'a.yaml': shopDeny('shop-deny'), 'cw.yaml': CLUSTER_DENY },
      head: { 'a.yaml': shopDeny('shop-deny') },
      findings: [{ path: 'cw.yaml', line: 1, side: 'base', severity: 'critical', message: 'CiliumClusterwideNetworkPolicy default-deny was deleted' }],
    },
    {
      name: 'a cluster-wide deny deleted',
      base: { 'cw.yaml': ccnp('no-world', '  endpointSelector: {}', '  enableDefaultDeny: {egress: false}', '  egressDeny:', '  - toEntities: [world]') },
      head: {},
      findings: [{ path: 'cw.yaml', line: 1, side: 'base', message: 'its 1 deny rule no longer overrides any allow' }],
    },
  ],
});

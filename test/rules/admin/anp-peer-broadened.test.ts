import rule from '../../../src/rules/admin/anp-peer-broadened.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { anp, egress, ingress } from './fixtures.js';

const allowFrom = (peer: string, ports: string[] = [], action = 'Allow', name = 'let-in') => anp('open', 10, ...ingress(name, action, [peer], ports));
const allowTo = (cidrs: string, action = 'Allow') => anp('open', 10, ...egress('out', action, [`networks: [${cidrs}]`]));
const API = 'pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}, podSelector: {matchLabels: {app: api}}}';

ruleTester(rule, {
  valid: [
    { name: 'a rule renamed', base: { 'a.yaml': allowFrom(API) }, head: { 'a.yaml': allowFrom(API, [], 'Allow', 'renamed') } },
    { name: 'moved file', base: { 'a.yaml': allowFrom(API) }, head: { 'x/a.yaml': allowFrom(API) } },
    { name: 'a CIDR split in two halves', base: { 'a.yaml': allowTo('10.0.0.0/8') }, head: { 'a.yaml': allowTo('10.0.0.0/9, 10.128.0.0/9') } },
    { name: 'a narrowed peer', base: { 'a.yaml': allowTo('10.0.0.0/8') }, head: { 'a.yaml': allowTo('10.1.0.0/16') } },
    { name: 'ports narrowed', base: { 'a.yaml': allowFrom(API, ['portRange: {protocol: TCP, start: 80, end: 90}']) }, head: { 'a.yaml': allowFrom(API, ['portNumber: {protocol: TCP, port: 80}']) } },
    { name: 'a Deny rule broadened: a tightening', base: { 'a.yaml': allowFrom(API, [], 'Deny') }, head: { 'a.yaml': allowFrom('namespaces: {}', [], 'Deny') } },
    { name: 'Allow → Deny with a broader peer', base: { 'a.yaml': allowFrom(API) }, head: { 'a.yaml': allowFrom('namespaces: {}', [], 'Deny') } },
  ],
  invalid: [
    {
      name: 'a podSelector dropped: the peer line',
      base: { 'a.yaml': allowFrom(API) },
      head: { 'a.yaml': allowFrom('namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}') },
      findings: [{ path: 'a.yaml', line: 13, severity: 'high', message: 'AdminNetworkPolicy `open` (priority 10): Allow ingress rule `let-in` `from` peer every pod in namespaces `{kubernetes.io/metadata.name: shop}` matches more than the base peers did (pods `{app: api}` in namespaces `{kubernetes.io/metadata.name: shop}`)' }],
    },
    {
      name: 'every namespace: critical',
      base: { 'a.yaml': allowFrom(API, [], 'Pass') },
      head: { 'a.yaml': allowFrom('namespaces: {}', [], 'Pass') },
      findings: [{ path: 'a.yaml', line: 13, severity: 'critical', message: 'skip every later ANP Deny' }],
    },
    {
      name: 'a CIDR widened to 0.0.0.0/0: critical, on the CIDR',
      base: { 'a.yaml': allowTo('10.0.0.0/8') },
      head: { 'a.yaml': allowTo('10.0.0.0/8, 0.0.0.0/0') },
      findings: [{ path: 'a.yaml', line: 13, severity: 'critical', message: '`to` networks `10.0.0.0/8`, `0.0.0.0/0` now also matches 0.0.0.0/0 except 10.0.0.0/8' }],
    },
    {
      name: 'a CIDR widened',
      base: { 'a.yaml': allowTo('10.1.0.0/16') },
      head: { 'a.yaml': allowTo('10.0.0.0/8') },
      findings: [{ path: 'a.yaml', line: 13, severity: 'high', message: 'now also matches 10.0.0.0/8 except 10.1.0.0/16' }],
    },
    {
      name: 'a port range widened: the port line, medium',
      base: { 'a.yaml': allowFrom(API, ['portNumber: {protocol: TCP, port: 80}']) },
      head: { 'a.yaml': allowFrom(API, ['portRange: {protocol: TCP, start: 80, end: 90}']) },
      findings: [{ path: 'a.yaml', line: 15, severity: 'medium', message: 'now also matches TCP 81-90 (base ports: TCP 80)' }],
    },
    {
      name: 'ports removed: every port, on the rule',
      base: { 'a.yaml': allowFrom(API, ['portNumber: {protocol: TCP, port: 80}']) },
      head: { 'a.yaml': allowFrom(API) },
      findings: [{ path: 'a.yaml', line: 10, message: 'now matches every port and protocol (its `ports` were TCP 80)' }],
    },
  ],
});

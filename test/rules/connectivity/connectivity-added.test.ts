import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';
import { connectivityAdded } from '../../../src/rules/connectivity/connectivity-added.js';
import { ALLOW_API, deployment, denyIngress, policy, SHOP } from './fixtures.js';

const { 'payments/deny.yaml': deny, ...noPolicy } = SHOP;

/** Admits every pod {v: "2"} of namespace shop to the ledger, on every port. */
const FROM_V2 = policy('from-v2', 'payments', '  podSelector:', '    matchLabels: {app: ledger}', '  ingress:', '    - from:',
  '        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}', '          podSelector: {matchLabels: {v: "2"}}');

ruleTester(connectivityAdded, {
  valid: [
    { name: 'nothing changes', base: SHOP, head: SHOP },
    { name: 'an allow rule is removed (connections only shrink)', base: { ...SHOP, 'payments/allow.yaml': ALLOW_API }, head: SHOP },
    {
      name: 'a new rule admits nothing that was not already allowed',
      base: { ...SHOP, 'payments/allow.yaml': ALLOW_API },
      head: { ...SHOP, 'payments/allow.yaml': ALLOW_API, 'payments/again.yaml': ALLOW_API.replace('allow-api', 'allow-api-again') },
    },
    { name: 'a deny is added', base: noPolicy, head: { ...noPolicy, 'payments/deny.yaml': deny } },
  ],
  invalid: [
    {
      name: 'a new policy peer lets shop/api reach the ledger: attributed to the peer line',
      base: SHOP,
      head: { ...SHOP, 'payments/allow.yaml': ALLOW_API },
      findings: [{ path: 'payments/allow.yaml', line: 11, severity: 'high', message: 'shop/api[Deployment] may now reach payments/ledger[Deployment] on TCP 5432' }],
    },
    {
      name: 'an ipBlock 0.0.0.0/0 makes the ledger reachable from the internet: critical',
      base: SHOP,
      head: { ...SHOP, 'payments/world.yaml': policy('world', 'payments', '  podSelector: {}', '  ingress:', '    - from:', '        - ipBlock: {cidr: 0.0.0.0/0}') },
      findings: [{ path: 'payments/world.yaml', line: 10, severity: 'critical', message: 'becomes reachable from 0.0.0.0/0' }],
    },
    {
      name: 'changed pod labels make a workload match an existing rule: attributed to the labels',
      base: { ...SHOP, 'shop/api.yaml': deployment('api', 'shop', '{app: api-old}'), 'payments/allow.yaml': ALLOW_API },
      head: { ...SHOP, 'payments/allow.yaml': ALLOW_API },
      findings: [{ path: 'shop/api.yaml', line: 9, message: 'because of the changed pod labels of shop/api[Deployment]' }],
    },
    {
      name: 'one namespace opened to another: one finding for the cause, the rest in details',
      base: { ...SHOP, 'shop/web.yaml': deployment('web', 'shop', '{app: web}'), 'shop/cron.yaml': deployment('cron', 'shop', '{app: cron}') },
      head: {
        ...SHOP, 'shop/web.yaml': deployment('web', 'shop', '{app: web}'), 'shop/cron.yaml': deployment('cron', 'shop', '{app: cron}'),
        'payments/shop.yaml': policy('from-shop', 'payments', '  podSelector: {}', '  ingress:', '    - from:', '        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}'),
      },
      findings: [{ path: 'payments/shop.yaml', line: 10, severity: 'high', message: 'and 2 more connections' }],
    },
    {
      name: 'the isolating policy file is deleted: attributed to its base lines, since head has no such file',
      base: SHOP,
      head: noPolicy,
      findings: [{ path: 'payments/deny.yaml', line: 7, side: 'base', severity: 'critical', message: 'because of the deletion of NetworkPolicy payments/deny-ingress, which isolated these pods for ingress' }],
    },
    {
      name: 'selector mode: the deleted deny is the only policy left to blame, on the base side',
      base: { 'payments/deny.yaml': denyIngress('payments') },
      head: {},
      findings: [{ path: 'payments/deny.yaml', line: 7, side: 'base', message: 'because of the deletion of NetworkPolicy payments/deny-ingress, which isolated these pods for ingress' }],
    },
    {
      name: 'policyTypes of the deny drop Ingress: attributed to the head policyTypes line',
      base: SHOP,
      head: { ...SHOP, 'payments/deny.yaml': policy('deny-ingress', 'payments', '  podSelector: {}', '  policyTypes: [Egress]') },
      findings: [{ path: 'payments/deny.yaml', line: 8, side: 'head', message: 'no longer lists Ingress in its policyTypes' }],
    },
    {
      name: 'a widened pair whose source was relabelled and moved to another file: the head file and the head labels',
      base: { ...SHOP, 'shop/api.yaml': deployment('api', 'shop', '{app: api, v: "1"}'), 'payments/allow.yaml': ALLOW_API, 'payments/v2.yaml': FROM_V2 },
      head: { 'payments/ledger.yaml': SHOP['payments/ledger.yaml'], 'payments/deny.yaml': deny, 'shop/moved/api.yaml': `# moved\n\n\n${deployment('api', 'shop', '{app: api, v: "2"}')}`, 'payments/allow.yaml': ALLOW_API, 'payments/v2.yaml': FROM_V2 },
      findings: [{ path: 'shop/moved/api.yaml', line: 12, side: 'head', message: 'because of the changed pod labels of shop/api[Deployment] (now {app: api, v: 2})' }],
    },
    {
      name: 'selector mode: no workloads in the repository, abstract peers still show the opened path',
      base: { 'payments/deny.yaml': denyIngress('payments') },
      head: { 'payments/deny.yaml': denyIngress('payments'), 'payments/allow.yaml': ALLOW_API },
      findings: [{ path: 'payments/allow.yaml', line: 11, message: 'shop/[pod with {app: api}] may now reach payments/[pod with {app: ledger}]' }],
    },
  ],
});

describe('connectivity-added edges', () => {
  it('carries every new connection of the group as a structured edge with the new ports only (api already had TCP 9999)', () => {
    const base = { ...SHOP, 'shop/web.yaml': deployment('web', 'shop', '{app: web}'), 'payments/allow.yaml': ALLOW_API.replace('port: 5432', 'port: 9999') };
    const head = {
      ...SHOP, 'shop/web.yaml': deployment('web', 'shop', '{app: web}'),
      'payments/shop.yaml': policy('from-shop', 'payments', '  podSelector: {}', '  ingress:', '    - from:', '        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}'),
    };
    const [finding] = runRule(connectivityAdded, base, head);
    expect(finding.edges).toEqual([
      { source: { name: 'shop/api[Deployment]', type: 'workload' }, destination: { name: 'payments/ledger[Deployment]', type: 'workload' }, ports: 'SCTP 1-65535,TCP 1-9998,10000-65535,UDP 1-65535' },
      { source: { name: 'shop/web[Deployment]', type: 'workload' }, destination: { name: 'payments/ledger[Deployment]', type: 'workload' }, ports: 'All Connections' },
    ]);
  });

  it('names external blocks as external ends', () => {
    const head = { ...SHOP, 'payments/world.yaml': policy('world', 'payments', '  podSelector: {}', '  ingress:', '    - from:', '        - ipBlock: {cidr: 10.0.0.0/8}', '      ports:', '        - port: 5432') };
    const [finding] = runRule(connectivityAdded, SHOP, head);
    expect(finding.edges).toEqual([
      { source: { name: '10.0.0.0-10.255.255.255[External]', type: 'external' }, destination: { name: 'payments/ledger[Deployment]', type: 'workload' }, ports: 'TCP 5432' },
    ]);
  });
});

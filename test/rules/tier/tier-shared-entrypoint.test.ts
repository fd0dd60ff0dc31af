import { ruleTester } from '../../helpers/rule-tester.js';
import { tierSharedEntrypoint } from '../../../src/rules/tier/tier-shared-entrypoint.js';
import { withTiers } from './config.js';
import { service } from '../connectivity/fixtures.js';
import { app, GATEWAY, httpRoute, ingressRoute, ingressTo, twoPaths } from './fixtures.js';

const TIERS = withTiers();
/** payments/ledger (critical by namespace) and blog/site (public by namespace), each behind a Service. */
const APPS = { ...app('ledger', 'payments'), ...app('site', 'blog') };
const PAY = { 'payments/ingress.yaml': ingressTo('pay', 'payments', 'shop.example.com', 'ledger') };
const BLOG_SAME_HOST = { 'blog/ingress.yaml': ingressTo('site', 'blog', 'shop.example.com', 'site') };
const BLOG_OWN_HOST = { 'blog/ingress.yaml': ingressTo('site', 'blog', 'blog.example.com', 'site') };
/** shop/web (internal by default) and shop/admin (critical by its pod label). */
const SHOP = { ...app('web', 'shop'), ...app('admin', 'shop', '{app: admin, segguard.io/tier: critical}') };
/** No workload manifests: the Services and the critical tier's Ingress on pay.example.com only. */
const SERVICES_ONLY = {
  'payments/ledger-svc.yaml': service('ledger', 'payments', '{app: ledger}', 80, 8080),
  'blog/site-svc.yaml': service('site', 'blog', '{app: site}', 80, 8080),
  'payments/ingress.yaml': ingressTo('pay', 'payments', 'pay.example.com', 'ledger'),
};
const BLOG_ON_PAY_HOST = { 'blog/ingress.yaml': ingressTo('site', 'blog', 'pay.example.com', 'site').replace('path: /', 'path: /blog') };
const TIER_NAMESPACES = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: payments, labels: {segguard.io/tier: critical}}\n---\n' +
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: blog, labels: {segguard.io/tier: public}}\n';

ruleTester(tierSharedEntrypoint, {
  valid: [
    { name: 'tiers are not configured', base: { ...APPS, ...PAY }, head: { ...APPS, ...PAY, ...BLOG_SAME_HOST } },
    { name: 'each tier on its own host', base: { ...APPS, ...PAY }, head: { ...APPS, ...PAY, ...BLOG_OWN_HOST }, config: TIERS },
    { name: 'the sharing already existed in base', base: { ...APPS, ...PAY, ...BLOG_SAME_HOST }, head: { ...APPS, ...PAY, ...BLOG_SAME_HOST }, config: TIERS },
    {
      name: 'workloads of one tier share an Ingress',
      base: SHOP,
      head: { ...SHOP, 'shop/ingress.yaml': twoPaths('web', 'shop', 'shop.example.com', 'web', 'admin') },
      config: withTiers({ default: 'critical' }),
    },
    {
      name: 'the same host on two different controllers is two entry points',
      base: { ...APPS, ...PAY },
      head: { ...APPS, ...PAY, 'blog/ingress.yaml': ingressTo('site', 'blog', 'shop.example.com', 'site').replace('ingressClassName: nginx', 'ingressClassName: traefik') },
      config: TIERS,
    },
    {
      name: 'the tiers use different listeners of one Gateway',
      base: { ...APPS, 'gw.yaml': GATEWAY, 'payments/route.yaml': httpRoute('pay', 'payments', 'pay.example.com', 'ledger', 'https') },
      head: { ...APPS, 'gw.yaml': GATEWAY, 'payments/route.yaml': httpRoute('pay', 'payments', 'pay.example.com', 'ledger', 'https'), 'blog/route.yaml': httpRoute('site', 'blog', 'blog.example.com', 'site') },
      config: TIERS,
    },
    {
      name: 'no workload manifests: Services of one tier share a host',
      base: SERVICES_ONLY,
      head: { ...SERVICES_ONLY, 'payments/ingress2.yaml': ingressTo('pay2', 'payments', 'pay.example.com', 'ledger').replace('path: /', 'path: /v2') },
      config: TIERS,
    },
  ],
  invalid: [
    {
      name: 'no workload manifests: a public-tier Ingress newly routes /blog on the critical tier\'s host; tiers from the Services\' namespaces',
      base: SERVICES_ONLY,
      head: { ...SERVICES_ONLY, ...BLOG_ON_PAY_HOST },
      config: TIERS,
      findings: [{
        path: 'blog/ingress.yaml', line: 12, severity: 'high',
        message: 'host pay.example.com (ingress-nginx (class nginx)) now routes both to payments/ledger[Service] (critical tier) and to blog/site[Service] (public tier)',
      }],
    },
    {
      name: 'no workload manifests: the tiers come from the namespaces\' labels',
      base: { ...SERVICES_ONLY, 'namespaces.yaml': TIER_NAMESPACES },
      head: { ...SERVICES_ONLY, 'namespaces.yaml': TIER_NAMESPACES, ...BLOG_ON_PAY_HOST },
      config: withTiers({ namespaces: {} }),
      findings: [{ path: 'blog/ingress.yaml', line: 12, severity: 'high', message: 'payments/ledger[Service] (critical tier) and to blog/site[Service] (public tier)' }],
    },
    {
      name: 'a public workload joins the host of a critical one: on the new route, the critical route related',
      base: { ...APPS, ...PAY },
      head: { ...APPS, ...PAY, ...BLOG_SAME_HOST },
      config: TIERS,
      findings: [{
        path: 'blog/ingress.yaml', line: 12, severity: 'high',
        message: 'host shop.example.com (ingress-nginx (class nginx)) now routes both to payments/ledger[Deployment] (critical tier) and to blog/site[Deployment] (public tier)',
      }],
    },
    {
      name: 'a critical workload gets a path on the Ingress of an internal one: on the new path',
      base: { ...SHOP, 'shop/ingress.yaml': ingressTo('web', 'shop', 'shop.example.com', 'web') },
      head: { ...SHOP, 'shop/ingress.yaml': twoPaths('web', 'shop', 'shop.example.com', 'web', 'admin') },
      config: TIERS,
      findings: [{ path: 'shop/ingress.yaml', line: 17, message: 'Ingress shop/web now routes both to shop/admin[Deployment] (critical tier) and to shop/web[Deployment] (internal tier)' }],
    },
    {
      name: 'a workload raised to a higher tier on a shared host is a new sharing',
      base: { ...APPS, ...app('ledger', 'payments', '{app: ledger, segguard.io/tier: internal}'), ...PAY, ...BLOG_SAME_HOST },
      head: { ...APPS, ...PAY, ...BLOG_SAME_HOST },
      config: TIERS,
      findings: [{ path: 'blog/ingress.yaml', line: 12, message: 'routes both to payments/ledger[Deployment] (critical tier) and to blog/site[Deployment] (public tier)' }],
    },
    {
      name: 'a new Ingress mixing tiers on one host: reported once, for the object, on the lower-tier route',
      base: SHOP,
      head: { ...SHOP, 'shop/ingress.yaml': twoPaths('web', 'shop', 'shop.example.com', 'web', 'admin') },
      config: TIERS,
      findings: [{ path: 'shop/ingress.yaml', line: 12, message: 'Ingress shop/web now routes both' }],
    },
    {
      name: 'Gateway API: a public route joins the listener of a critical one (other hostnames): on the new route rule',
      base: { ...APPS, 'gw.yaml': GATEWAY, 'payments/route.yaml': httpRoute('pay', 'payments', 'pay.example.com', 'ledger') },
      head: { ...APPS, 'gw.yaml': GATEWAY, 'payments/route.yaml': httpRoute('pay', 'payments', 'pay.example.com', 'ledger'), 'blog/route.yaml': httpRoute('site', 'blog', 'blog.example.com', 'site') },
      config: TIERS,
      findings: [{ path: 'blog/route.yaml', line: 8, message: 'listener http HTTP:80 of gateway infra/public (class eg) now routes both to payments/ledger[Deployment] (critical tier) and to blog/site[Deployment] (public tier)' }],
    },
    {
      name: 'Traefik: a public IngressRoute on the host of a critical one',
      base: { ...APPS, 'payments/ir.yaml': ingressRoute('pay', 'payments', 'shop.example.com', 'ledger') },
      head: { ...APPS, 'payments/ir.yaml': ingressRoute('pay', 'payments', 'shop.example.com', 'ledger'), 'blog/ir.yaml': ingressRoute('site', 'blog', 'shop.example.com', 'site') },
      config: TIERS,
      findings: [{ path: 'blog/ir.yaml', line: 7, message: 'host shop.example.com (traefik) now routes both' }],
    },
  ],
});

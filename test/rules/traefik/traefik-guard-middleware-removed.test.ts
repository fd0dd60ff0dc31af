import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/traefik/traefik-guard-middleware-removed.js';
import { runRule, ruleTester } from '../../helpers/rule-tester.js';
import { allowList, basicAuth, chain, ingressRoute, lineOf, middleware, traefikIngress, V2 } from './fixtures.js';

const ADMIN = 'Host(`shop.example.com`) && PathPrefix(`/admin`)';
const SHOP = 'Host(`shop.example.com`)';
const guards = allowList('office', ['10.0.0.0/8']) + '---\n' + basicAuth('login');
const guarded = ingressRoute([{ match: SHOP, service: 'web' }, { match: ADMIN, middlewares: ['office', 'login'] }]);
const base = { 'route.yaml': guarded, 'mw.yaml': guards };

const noOffice = ingressRoute([{ match: SHOP, service: 'web' }, { match: ADMIN, middlewares: ['login'] }]);
const unguarded = ingressRoute([{ match: SHOP, service: 'web' }, { match: ADMIN }]);
const viaChain = ingressRoute([{ match: SHOP, service: 'web' }, { match: ADMIN, middlewares: ['guards'] }]);
const split = ingressRoute([
  { match: SHOP, service: 'web' },
  { match: 'Host(`shop.example.com`) && PathPrefix(`/admin/users`)', middlewares: ['office', 'login'] },
  { match: 'Host(`shop.example.com`) && PathPrefix(`/admin/debug`)', middlewares: ['login'] },
]);
const annotated = traefikIngress(['traefik.ingress.kubernetes.io/router.middlewares: shop-office@kubernetescrd'], 'shop.example.com', ['/admin']);

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base, head: base },
    { name: 'files moved and routes reordered', base, head: { 'a/mw.yaml': guards, 'b/route.yaml': ingressRoute([{ match: ADMIN, middlewares: ['login', 'office'] }, { match: SHOP, service: 'web' }]) } },
    {
      name: 'the guards moved into a chain that still applies them',
      base,
      head: { 'route.yaml': viaChain, 'mw.yaml': guards + '---\n' + chain('guards', ['office', 'login']) },
    },
    {
      name: 'v2 objects migrated to traefik.io with ipWhiteList → ipAllowList',
      base: {
        'route.yaml': ingressRoute([{ match: ADMIN, middlewares: ['office'] }], { group: V2 }),
        'mw.yaml': allowList('office', ['10.0.0.0/8'], { field: 'ipWhiteList', group: V2 }),
      },
      head: { 'route.yaml': ingressRoute([{ match: ADMIN, middlewares: ['office'] }]), 'mw.yaml': allowList('office', ['10.0.0.0/8']) },
    },
    {
      name: 'the guard moved from an Ingress annotation into an IngressRoute middleware',
      base: { 'ing.yaml': annotated, 'mw.yaml': guards },
      head: { 'route.yaml': ingressRoute([{ match: ADMIN, middlewares: ['office'] }]), 'mw.yaml': guards },
    },
    { name: 'basicAuth replaced by forwardAuth', base, head: { 'route.yaml': guarded, 'mw.yaml': allowList('office', ['10.0.0.0/8']) + '---\n' + middleware('login', ['forwardAuth:', '  address: http://auth']) } },
    { name: 'the guarded route removed: its requests go to another service', base, head: { 'route.yaml': ingressRoute([{ match: SHOP, service: 'web' }]), 'mw.yaml': guards } },
    {
      name: 'a route that was already unguarded in base stays so',
      base: { 'route.yaml': ingressRoute([{ match: ADMIN, middlewares: ['login'] }, { match: 'Path(`/health`)' }]), 'mw.yaml': guards },
      head: { 'route.yaml': ingressRoute([{ match: ADMIN, middlewares: ['login'] }, { match: 'Path(`/health`)', service: 'health' }]), 'mw.yaml': guards },
    },
    {
      name: 'a middleware outside the change (unresolvable on both sides) with another one added',
      base: { 'route.yaml': ingressRoute([{ match: ADMIN, middlewares: ['infra/sso'] }]) },
      head: { 'route.yaml': ingressRoute([{ match: ADMIN, middlewares: ['infra/sso', 'login'] }]), 'mw.yaml': guards },
    },
  ],
  invalid: [
    {
      name: 'the allow-list middleware removed from the route',
      base,
      head: { 'route.yaml': noOffice, 'mw.yaml': guards },
      findings: [{ path: 'route.yaml', line: lineOf(noOffice, 'middlewares:'), severity: 'high', message: 'no longer applies an IP allow-list: the base guarded these requests with the ipAllowList Middleware shop/office' }],
    },
    {
      name: 'every middleware removed: both guards, on the route line',
      base,
      head: { 'route.yaml': unguarded, 'mw.yaml': guards },
      findings: [
        { path: 'route.yaml', line: lineOf(unguarded, '/admin'), message: 'IP allow-list' },
        { path: 'route.yaml', line: lineOf(unguarded, '/admin'), message: 'authentication' },
      ],
    },
    {
      name: 'the chain loses its allow-list member: blamed on the chain',
      base: { 'route.yaml': viaChain, 'mw.yaml': guards + '---\n' + chain('guards', ['office', 'login']) },
      head: { 'route.yaml': viaChain, 'mw.yaml': guards + '---\n' + chain('guards', ['login']) },
      findings: [{ path: 'mw.yaml', line: lineOf(guards + '---\n' + chain('guards', ['login']), '  middlewares:'), message: '(through shop/guards)' }],
    },
    {
      name: 'the referenced Middleware turned into something else',
      base,
      head: { 'route.yaml': guarded, 'mw.yaml': middleware('office', ['stripPrefix:', '  prefixes: [/admin]']) + '---\n' + basicAuth('login') },
      findings: [{ path: 'mw.yaml', line: 6, message: 'IP allow-list' }],
    },
    {
      name: 'the route split into two, one without the allow-list',
      base,
      head: { 'route.yaml': split, 'mw.yaml': guards },
      findings: [{ path: 'route.yaml', line: lineOf(split, 'middlewares:', 2), message: 'PathPrefix(`/admin/debug`)' }],
    },
    {
      name: 'the guarded route merged into a broader unguarded route to the same service',
      base,
      head: { 'route.yaml': ingressRoute([{ match: SHOP, middlewares: ['login'] }]), 'mw.yaml': guards },
      findings: [{ path: 'route.yaml', line: lineOf(ingressRoute([{ match: SHOP, middlewares: ['login'] }]), 'middlewares:'), message: 'the router for ``Host(`shop.example.com`)`` no longer applies an IP allow-list' }],
    },
    {
      name: 'the Traefik middleware annotation removed from an Ingress',
      base: { 'ing.yaml': annotated, 'mw.yaml': guards },
      head: { 'ing.yaml': traefikIngress([], 'shop.example.com', ['/admin']), 'mw.yaml': guards },
      findings: [{ path: 'ing.yaml', line: lineOf(traefikIngress([], 'shop.example.com', ['/admin']), '- path: /admin'), message: 'Ingress shop/web' }],
    },
    {
      name: 'an annotation guard moved into an IngressRoute that does not apply it',
      base: { 'ing.yaml': annotated, 'mw.yaml': guards },
      head: { 'route.yaml': ingressRoute([{ match: ADMIN, middlewares: ['login'] }]), 'mw.yaml': guards },
      findings: [{ path: 'route.yaml', line: lineOf(ingressRoute([{ match: ADMIN, middlewares: ['login'] }]), 'middlewares:'), message: 'IP allow-list' }],
    },
  ],
});

describe('traefik-guard-middleware-removed related', () => {
  it('relates the base middleware reference', () => {
    const [finding] = runRule(rule, base, { 'route.yaml': noOffice, 'mw.yaml': guards });
    expect(finding.related.map((r) => `${r.side} ${r.path}:${r.line}`)).toEqual([`base route.yaml:${lineOf(guarded, '- name: office')}`]);
  });
});

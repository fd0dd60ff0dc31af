import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/gateway/gateway-hostname-broadened.js';
import { runRule, ruleTester } from '../../helpers/rule-tester.js';
import { gateway, lineOf, prefixRule, route } from './fixtures.js';

const gw = (hostname?: string, name = 'https') => gateway([{ name, hostname }, { name: 'web', port: 80, protocol: 'HTTP', hostname: 'shop.example.com' }]);
const base = { 'gw.yaml': gw('shop.example.com'), 'route.yaml': route(prefixRule('/api'), { hostnames: ['shop.example.com', 'api.example.com'] }) };
const headWith = (gwText: string, routeText = base['route.yaml']) => ({ 'gw.yaml': gwText, 'route.yaml': routeText });

const noHostname = gw(undefined);
const wildcard = gw('*.example.com');
const emptied = route(prefixRule('/api'), { hostnames: [] });
const absent = route(prefixRule('/api'));
const routeWildcard = route(prefixRule('/api'), { hostnames: ['*.example.com', 'api.example.com'] });

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base, head: base },
    { name: 'listeners and hostnames reordered, names recased, files moved', base, head: { 'a/gw.yaml': gateway([{ name: 'web', port: 80, protocol: 'HTTP', hostname: 'shop.example.com' }, { name: 'https', hostname: 'SHOP.example.com' }]), 'b/route.yaml': route(prefixRule('/api'), { hostnames: ['api.example.com', 'shop.example.com'] }) } },
    { name: 'narrowed: a wildcard to an exact name', base: headWith(wildcard), head: base },
    { name: 'a narrower wildcard', base: headWith(gw('*.example.com')), head: headWith(gw('*.shop.example.com')) },
    { name: 'a hostname added to a route', base, head: headWith(gw('shop.example.com'), route(prefixRule('/api'), { hostnames: ['shop.example.com', 'api.example.com', 'new.example.com'] })) },
    {
      name: 'route hostnames emptied where the only parent listener accepts exactly those names',
      base: { 'gw.yaml': gateway([{ name: 'https', hostname: 'shop.example.com' }]), 'route.yaml': route(prefixRule('/api'), { hostnames: ['shop.example.com'] }) },
      head: { 'gw.yaml': gateway([{ name: 'https', hostname: 'shop.example.com' }]), 'route.yaml': route(prefixRule('/api'), { hostnames: [] }) },
    },
    { name: 'a route that had no hostnames keeps none', base: headWith(gw('shop.example.com'), absent), head: headWith(gw('shop.example.com'), route(prefixRule('/v2'))) },
    { name: 'a new listener without hostname is a new listener', base, head: headWith(gateway([{ name: 'https', hostname: 'shop.example.com' }, { name: 'web', port: 80, protocol: 'HTTP', hostname: 'shop.example.com' }, { name: 'alt', port: 8443 }])) },
  ],
  invalid: [
    {
      name: "a listener's hostname removed: on the listener",
      base,
      head: headWith(noHostname),
      findings: [{ path: 'gw.yaml', line: lineOf(noHostname, '- name: https'), severity: 'high', message: 'Gateway infra/edge listener https (port 443): the hostname `shop.example.com` was removed, so the listener accepts every hostname' }],
    },
    {
      name: 'a listener hostname wildcarded (suffix match at any depth)',
      base,
      head: headWith(wildcard),
      findings: [{ path: 'gw.yaml', line: lineOf(wildcard, '*.example.com'), message: 'became `*.example.com`, which matches every name ending in `.example.com` at any depth' }],
    },
    {
      name: 'a renamed listener also wildcarded',
      base,
      head: headWith(gateway([{ name: 'https-2', hostname: '*.example.com' }, { name: 'web', port: 80, protocol: 'HTTP', hostname: 'shop.example.com' }])),
      findings: [{ path: 'gw.yaml', line: 12, message: 'listener https-2' }],
    },
    { name: "a route's hostnames emptied", base: headWith(wildcard), head: headWith(wildcard, emptied), findings: [{ path: 'route.yaml', line: lineOf(emptied, 'hostnames:'), message: 'HTTPRoute shop/web: its hostnames (`shop.example.com`, `api.example.com`) were emptied' }] },
    { name: "a route's hostnames removed (a parent outside the change)", base: { 'route.yaml': base['route.yaml'] }, head: { 'route.yaml': absent }, findings: [{ path: 'route.yaml', line: lineOf(absent, 'spec:'), message: 'were emptied' }] },
    { name: "a route's hostname wildcarded", base, head: headWith(gw('shop.example.com'), routeWildcard), findings: [{ path: 'route.yaml', line: lineOf(routeWildcard, '*.example.com'), message: 'the hostname `shop.example.com` became `*.example.com`' }] },
  ],
});

describe('gateway-hostname-broadened related', () => {
  it('relates the base hostname', () => {
    const [finding] = runRule(rule, base, headWith(noHostname));
    expect(finding.related.map((r) => `${r.side} ${r.path}:${r.line} ${r.message}`)).toEqual([`base gw.yaml:${lineOf(base['gw.yaml'], 'hostname')} was shop.example.com`]);
  });
});

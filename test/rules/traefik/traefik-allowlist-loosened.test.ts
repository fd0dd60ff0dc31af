import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/traefik/traefik-allowlist-loosened.js';
import { runRule, ruleTester } from '../../helpers/rule-tester.js';
import { allowList, chain, ingressRoute, lineOf, V2 } from './fixtures.js';

const ADMIN = 'Host(`shop.example.com`) && PathPrefix(`/admin`)';
const route = ingressRoute([{ match: ADMIN, middlewares: ['office'] }]);
const office = allowList('office', ['10.0.0.0/8', '192.168.0.0/16']);
const base = { 'route.yaml': route, 'mw.yaml': office };

const grown = allowList('office', ['10.0.0.0/8', '192.168.0.0/16', '0.0.0.0/0']);
const trusting = allowList('office', ['10.0.0.0/8', '192.168.0.0/16'], { strategy: 'depth: 1' });
const excluded = allowList('office', ['10.0.0.0/8', '192.168.0.0/16'], { strategy: 'excludedIPs: [10.0.0.1]' });
const wide = allowList('wide', ['10.0.0.0/7']);
const toWide = ingressRoute([{ match: ADMIN, middlewares: ['wide'] }]);

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base, head: base },
    { name: 'CIDRs reordered and the file moved', base, head: { 'route.yaml': route, 'x/mw.yaml': allowList('office', ['192.168.0.0/16', '10.0.0.0/8']) } },
    { name: 'an equivalent split of the same addresses', base, head: { 'route.yaml': route, 'mw.yaml': allowList('office', ['10.0.0.0/9', '10.128.0.0/9', '192.168.0.0/17', '192.168.128.0/17']) } },
    {
      name: 'a v2 ipWhiteList migrated to a v3 ipAllowList with the same ranges',
      base: { 'route.yaml': ingressRoute([{ match: ADMIN, middlewares: ['office'] }], { group: V2 }), 'mw.yaml': allowList('office', ['10.0.0.0/8', '192.168.0.0/16'], { field: 'ipWhiteList', group: V2 }) },
      head: base,
    },
    { name: 'tightened', base, head: { 'route.yaml': route, 'mw.yaml': allowList('office', ['10.1.0.0/16']) } },
    { name: 'a router switched to another Middleware with the same addresses', base, head: { 'route.yaml': toWide, 'mw.yaml': allowList('wide', ['192.168.0.0/16', '10.0.0.0/8']) } },
    { name: 'ipStrategy with depth 0 trusts nothing', base, head: { 'route.yaml': route, 'mw.yaml': allowList('office', ['10.0.0.0/8', '192.168.0.0/16'], { strategy: 'depth: 0' }) } },
    { name: 'already trusting X-Forwarded-For in base', base: { 'route.yaml': route, 'mw.yaml': trusting }, head: { 'route.yaml': route, 'mw.yaml': excluded } },
  ],
  invalid: [
    {
      name: 'a range added: on the new sourceRange item',
      base,
      head: { 'route.yaml': route, 'mw.yaml': grown },
      findings: [{ path: 'mw.yaml', line: lineOf(grown, '0.0.0.0/0'), severity: 'high', message: 'Middleware shop/office: ipAllowList.sourceRange now admits 0.0.0.0/0 except 10.0.0.0/8, 192.168.0.0/16 (4,278,124,544 addresses)' }],
    },
    {
      name: 'a v2 ipWhiteList migrated with a wider range',
      base: { 'mw.yaml': allowList('office', ['10.0.0.0/8'], { field: 'ipWhiteList', group: V2 }) },
      head: { 'mw.yaml': allowList('office', ['10.0.0.0/7']) },
      findings: [{ path: 'mw.yaml', line: lineOf(allowList('office', ['10.0.0.0/7']), '10.0.0.0/7'), message: '11.0.0.0/8 (16,777,216 addresses)' }],
    },
    {
      name: 'ipStrategy.depth starts trusting X-Forwarded-For',
      base,
      head: { 'route.yaml': route, 'mw.yaml': trusting },
      findings: [{ path: 'mw.yaml', line: lineOf(trusting, 'depth: 1'), message: 'ipAllowList.ipStrategy.depth makes the ipAllowList trust forwarded headers' }],
    },
    {
      name: 'ipStrategy.excludedIPs starts trusting X-Forwarded-For',
      base,
      head: { 'route.yaml': route, 'mw.yaml': excluded },
      findings: [{ path: 'mw.yaml', line: lineOf(excluded, 'excludedIPs'), message: 'X-Forwarded-For' }],
    },
    {
      name: 'the router switched to a wider allow-list Middleware',
      base: { 'route.yaml': route, 'mw.yaml': office + '---\n' + wide },
      head: { 'route.yaml': toWide, 'mw.yaml': office + '---\n' + wide },
      findings: [{ path: 'route.yaml', line: lineOf(toWide, 'middlewares:'), message: 'now applies the allow-list Middleware shop/wide, which admits 11.0.0.0/8' }],
    },
    {
      name: 'a chain now holds a wider allow-list: on the chain',
      base: { 'route.yaml': ingressRoute([{ match: ADMIN, middlewares: ['guards'] }]), 'mw.yaml': office + '---\n' + wide + '---\n' + chain('guards', ['office']) },
      head: { 'route.yaml': ingressRoute([{ match: ADMIN, middlewares: ['guards'] }]), 'mw.yaml': office + '---\n' + wide + '---\n' + chain('guards', ['wide']) },
      findings: [{ path: 'mw.yaml', line: lineOf(office + '---\n' + wide + '---\n' + chain('guards', ['wide']), '  middlewares:'), message: 'Middleware shop/wide' }],
    },
  ],
});

describe('traefik-allowlist-loosened related', () => {
  it('relates the base sourceRange', () => {
    const [finding] = runRule(rule, base, { 'route.yaml': route, 'mw.yaml': grown });
    expect(finding.related.map((r) => `${r.side} ${r.path}:${r.line} ${r.message}`)).toEqual([`base mw.yaml:${lineOf(office, 'sourceRange')} was 10.0.0.0/8, 192.168.0.0/16`]);
  });
});

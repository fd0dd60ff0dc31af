import rule from '../../../src/rules/ingress/ingress-path-broadened.js';
import { describe, expect, it } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { betaPath, EXT_V1BETA1, ingress, NET_V1BETA1, path, rule as hostRule, rules, V1 , relatedOf } from './fixtures.js';

const HOST = 'shop.example.com';
const orders = path('/api/orders', 'Prefix', 'api', 80);
const admin = path('/admin', 'Exact', 'admin', 8080);
// Lines: host 8, /api/orders path 11 and pathType 12, /admin path 18 and pathType 19.
const base = ingress(V1, rules(hostRule(HOST, orders, admin)));

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'ing.yaml': base }, head: { 'ing.yaml': base } },
    {
      name: 'paths and rules reordered, Ingress moved to another file',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, orders, admin), hostRule('b.example.com', path('/', 'Prefix', 'b', 80)))) },
      head: { 'other/ing.yaml': ingress(V1, rules(hostRule('b.example.com', path('/', 'Prefix', 'b', 80)), hostRule(HOST, admin, orders))) },
    },
    {
      name: '/v1 → /v10 is a different path, not a broader one (element-wise prefix)',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/v1', 'Prefix', 'api', 80)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/v10', 'Prefix', 'api', 80)))) },
    },
    {
      name: '/v10 → /v1 is not broader either: /v1 does not match /v10',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/v10', 'Prefix', 'api', 80)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/v1', 'Prefix', 'api', 80)))) },
    },
    {
      name: 'tightening: Prefix → Exact and a longer prefix',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/api', 'Prefix', 'api', 80), path('/admin', 'Prefix', 'admin', 8080)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/api/orders', 'Prefix', 'api', 80), path('/admin', 'Exact', 'admin', 8080)))) },
    },
    {
      name: 'extensions/v1beta1 without pathType (ImplementationSpecific) → v1 Prefix on the same path',
      base: { 'ing.yaml': ingress(EXT_V1BETA1, rules(hostRule(HOST, betaPath('/api/orders', undefined, 'api', 80)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/api/orders', 'Prefix', 'api', 80)))) },
    },
    {
      name: 'networking.k8s.io/v1beta1 → v1 with the same meaning',
      base: { 'ing.yaml': ingress(NET_V1BETA1, rules(hostRule(HOST, betaPath('/api/orders', 'Prefix', 'api', 80), betaPath('/admin', 'Exact', 'admin', 8080)))) },
      head: { 'ing.yaml': base },
    },
    {
      name: 'a trailing slash on a prefix changes nothing',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/api/', 'Prefix', 'api', 80)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/api', 'Prefix', 'api', 80)))) },
    },
    {
      name: 'a new path that covers no base path is a new route, not a broadening',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, orders, admin, path('/metrics', 'Prefix', 'metrics', 9090)))) },
    },
    {
      name: 'the wider path was already routed to the same backend by a base prefix',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/', 'Prefix', 'api', 80), path('/api/orders', 'Exact', 'api', 80)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/', 'Prefix', 'api', 80), path('/api', 'Prefix', 'api', 80)))) },
    },
    {
      name: 'the same path on another host is not the same route',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, orders, admin), hostRule('b.example.com', path('/', 'Prefix', 'api', 80)))) },
    },
    { name: 'a deleted Ingress', base: { 'ing.yaml': base }, head: {} },
  ],
  invalid: [
    {
      name: 'Exact → Prefix points at the pathType line',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, orders, path('/admin', 'Prefix', 'admin', 8080)))) },
      findings: [{ path: 'ing.yaml', line: 19, severity: 'medium', message: 'Ingress shop/web: the route for `shop.example.com/admin` (Exact) now matches `/admin` (Prefix) on `shop.example.com`' }],
    },
    {
      name: 'a shorter prefix points at the path line',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/api', 'Prefix', 'api', 80), admin))) },
      findings: [{ path: 'ing.yaml', line: 11, severity: 'medium', message: '`shop.example.com/api/orders` (Prefix) now matches `/api` (Prefix)' }],
    },
    {
      name: 'Prefix / is high',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/', 'Prefix', 'api', 80), admin))) },
      findings: [{ path: 'ing.yaml', line: 11, severity: 'high', message: 'every path' }],
    },
    {
      name: 'Prefix → ImplementationSpecific',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/api/orders', 'ImplementationSpecific', 'api', 80), admin))) },
      findings: [{ path: 'ing.yaml', line: 12, severity: 'medium', message: 'now matches `/api/orders` (ImplementationSpecific)' }],
    },
    {
      name: 'a broadening found by meaning after rules and paths were reordered and the file renamed',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, orders, admin), hostRule('b.example.com', path('/', 'Prefix', 'b', 80)))) },
      // Lines: b.example.com rule 8–17, shop rule host 18, /admin path 21 and pathType 22, /api 28.
      head: { 'moved.yaml': ingress(V1, rules(hostRule('b.example.com', path('/', 'Prefix', 'b', 80)), hostRule(HOST, path('/admin', 'Prefix', 'admin', 8080), orders))) },
      findings: [{ path: 'moved.yaml', line: 22, message: '`shop.example.com/admin` (Exact)' }],
    },
    {
      name: 'v1beta1 Exact → v1 Prefix in the same change as the migration',
      base: { 'ing.yaml': ingress(EXT_V1BETA1, rules(hostRule(HOST, betaPath('/api/orders', 'Prefix', 'api', 80), betaPath('/admin', 'Exact', 'admin', 8080)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, orders, path('/admin', 'Prefix', 'admin', 8080)))) },
      findings: [{ path: 'ing.yaml', line: 19 }],
    },
    {
      name: 'a rule without host: shorter prefix',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, path('/api/v1', 'Prefix', 'api', 80)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, path('/api', 'Prefix', 'api', 80)))) },
      findings: [{ path: 'ing.yaml', line: 10, message: 'on every host' }],
    },
    {
      name: 'a wider path added next to the one it covers still widens that route',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/api/orders', 'Prefix', 'api', 80)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, path('/api/orders', 'Prefix', 'api', 80), path('/api', 'Prefix', 'api', 80)))) },
      findings: [{ path: 'ing.yaml', line: 18 }],
    },
  ],
});

describe('ingress-path-broadened related', () => {
  it('relates the base line it replaced', () => {
    const head = ingress(V1, rules(hostRule(HOST, path('/api', 'Prefix', 'api', 80), path('/admin', 'Prefix', 'admin', 8080))));
    expect(relatedOf(rule, { 'ing.yaml': base }, { 'ing.yaml': head })).toEqual([['base ing.yaml:11'], ['base ing.yaml:19']]);
  });
});

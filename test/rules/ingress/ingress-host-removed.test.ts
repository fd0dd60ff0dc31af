import rule from '../../../src/rules/ingress/ingress-host-removed.js';
import { describe, expect, it } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { betaPath, EXT_V1BETA1, ingress, path, rule as hostRule, rules, V1 , relatedOf } from './fixtures.js';

const HOST = 'shop.example.com';
const api = path('/api', 'Prefix', 'api', 80);
const admin = path('/admin', 'Exact', 'admin', 8080);
const base = ingress(V1, rules(hostRule(HOST, api, admin)));

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'ing.yaml': base }, head: { 'ing.yaml': base } },
    {
      name: 'a rule that never had a host',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, api))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, api, admin))) },
    },
    {
      name: 'tightening: a host added',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, api))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, api))) },
    },
    {
      name: 'another exact host is a new route, not every host',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule('shop2.example.com', api, admin))) },
    },
    {
      name: 'the base already routed these paths to the same backend on every host',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, api), hostRule(undefined, path('/', 'Prefix', 'api', 80)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, api), hostRule(undefined, path('/', 'Prefix', 'api', 80)))) },
    },
    {
      name: 'a rule without host whose paths overlap no base path is a new route',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, api, admin), hostRule(undefined, path('/metrics', 'Prefix', 'metrics', 9090)))) },
    },
    {
      name: 'rules reordered and moved to another file',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, api), hostRule('b.example.com', admin))) },
      head: { 'b.yaml': ingress(V1, rules(hostRule('b.example.com', admin), hostRule(HOST, api))) },
    },
    { name: 'a deleted Ingress', base: { 'ing.yaml': base }, head: {} },
  ],
  invalid: [
    {
      name: 'the host line removed: points at the rule, the base host line related',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, api, admin))) },
      findings: [{ path: 'ing.yaml', line: 8, severity: 'high', message: 'Ingress shop/web: the rule for `/api` (Prefix), `/admin` (Exact) no longer has a host (was `shop.example.com`)' }],
    },
    {
      name: 'a wildcard host removed',
      base: { 'ing.yaml': ingress(V1, rules(hostRule('"*.example.com"', api))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, api))) },
      findings: [{ path: 'ing.yaml', line: 8, message: 'was `*.example.com`' }],
    },
    {
      name: 'extensions/v1beta1 with a host → v1 without',
      base: { 'ing.yaml': ingress(EXT_V1BETA1, rules(hostRule(HOST, betaPath('/api', undefined, 'api', 80)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, path('/api', 'Prefix', 'api', 80)))) },
      findings: [{ path: 'ing.yaml', line: 8 }],
    },
    {
      name: 'a catch-all rule added for a path the base served on one host only',
      base: { 'ing.yaml': base },
      // The shop rule takes lines 8–24; the rule without host starts at line 25.
      head: { 'ing.yaml': ingress(V1, rules(hostRule(HOST, api, admin), hostRule(undefined, path('/api/v2', 'Prefix', 'api', 80)))) },
      findings: [{ path: 'ing.yaml', line: 25, message: 'was `shop.example.com`' }],
    },
    {
      name: 'two hosts merged into one rule without host: one finding naming both',
      base: { 'ing.yaml': ingress(V1, rules(hostRule('a.example.com', api), hostRule('b.example.com', api))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, api))) },
      findings: [{ path: 'ing.yaml', line: 8, message: 'was `a.example.com`, `b.example.com`' }],
    },
  ],
});

describe('ingress-host-removed related', () => {
  it('relates the base host lines', () => {
    const before = ingress(V1, rules(hostRule('a.example.com', api), hostRule('b.example.com', api)));
    expect(relatedOf(rule, { 'ing.yaml': before }, { 'ing.yaml': ingress(V1, rules(hostRule(undefined, api))) })).toEqual([['base ing.yaml:8', 'base ing.yaml:18']]);
  });
});

import rule from '../../../src/rules/ingress/ingress-host-wildcarded.js';
import { describe, expect, it } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { betaPath, ingress, NET_V1BETA1, path, rule as hostRule, rules, V1 , relatedOf } from './fixtures.js';

const api = path('/api', 'Prefix', 'api', 80);
const WILD = '"*.example.com"';
const base = ingress(V1, rules(hostRule('a.example.com', api)));

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'ing.yaml': base }, head: { 'ing.yaml': base } },
    {
      name: 'tightening: a wildcard becomes an exact host',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(WILD, api))) },
      head: { 'ing.yaml': base },
    },
    {
      name: '* is exactly one label: *.a.example.com does not match a.example.com',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule('"*.a.example.com"', api))) },
    },
    {
      name: '* is exactly one label: *.example.com does not match a.b.example.com',
      base: { 'ing.yaml': ingress(V1, rules(hostRule('a.b.example.com', api))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(WILD, api))) },
    },
    {
      name: 'a wildcard host on a path that overlaps no base path is a new route',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule('a.example.com', api), hostRule(WILD, path('/static', 'Prefix', 'cdn', 80)))) },
    },
    {
      name: 'the host removed altogether is ingress-host-removed, not this rule',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, api))) },
    },
    {
      name: 'networking.k8s.io/v1beta1 wildcard → v1 wildcard',
      base: { 'ing.yaml': ingress(NET_V1BETA1, rules(hostRule(WILD, betaPath('/api', 'Prefix', 'api', 80)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(WILD, api))) },
    },
  ],
  invalid: [
    {
      name: 'an exact host becomes a wildcard',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(WILD, api))) },
      findings: [{ path: 'ing.yaml', line: 8, severity: 'medium', message: 'Ingress shop/web: host `a.example.com` became `*.example.com`' }],
    },
    {
      name: 'a wildcard rule added over an exact host, found after a move to another file',
      base: { 'ing.yaml': base },
      // The a.example.com rule takes lines 8–17; the wildcard rule starts at line 18.
      head: { 'new.yaml': ingress(V1, rules(hostRule('a.example.com', api), hostRule(WILD, path('/', 'Prefix', 'api', 8080)))) },
      findings: [{ path: 'new.yaml', line: 18, severity: 'medium' }],
    },
    {
      name: 'networking.k8s.io/v1beta1 exact host → v1 wildcard',
      base: { 'ing.yaml': ingress(NET_V1BETA1, rules(hostRule('a.example.com', betaPath('/api', 'Prefix', 'api', 80)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(WILD, api))) },
      findings: [{ path: 'ing.yaml', line: 8 }],
    },
  ],
});

describe('ingress-host-wildcarded related', () => {
  it('relates the base host line', () => {
    expect(relatedOf(rule, { 'ing.yaml': base }, { 'ing.yaml': ingress(V1, rules(hostRule(WILD, api))) })).toEqual([['base ing.yaml:8']]);
  });
});

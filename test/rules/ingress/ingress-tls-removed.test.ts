import rule from '../../../src/rules/ingress/ingress-tls-removed.js';
import { describe, expect, it } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { betaPath, EXT_V1BETA1, ingress, path, rule as hostRule, rules, tls, V1 , relatedOf } from './fixtures.js';

const A = 'a.example.com';
const B = 'b.example.com';
const api = path('/api', 'Prefix', 'api', 80);
// Lines: tls 7, its hosts 8; rules 10, a.example.com host 11, b.example.com host 21.
const base = ingress(V1, [...tls([A, B]), ...rules(hostRule(A, api), hostRule(B, api))]);

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'ing.yaml': base }, head: { 'ing.yaml': base } },
    {
      name: 'tls hosts split into entries, reordered, and the Ingress moved',
      base: { 'ing.yaml': base },
      head: { 'x.yaml': ingress(V1, [...tls([B], [A]), ...rules(hostRule(B, api), hostRule(A, api))]) },
    },
    {
      name: 'an exact tls host replaced by a wildcard that covers it',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, [...tls(['"*.example.com"']), ...rules(hostRule(A, api), hostRule(B, api))]) },
    },
    {
      name: 'a tls entry without hosts covers every host',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, ['  tls:', '    - secretName: default-tls', ...rules(hostRule(A, api), hostRule(B, api))]) },
    },
    {
      name: 'a host no longer served needs no TLS',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, [...tls([A]), ...rules(hostRule(A, api))]) },
    },
    {
      name: 'a host that had no TLS in base',
      base: { 'ing.yaml': ingress(V1, [...tls([A]), ...rules(hostRule(A, api), hostRule(B, api))]) },
      head: { 'ing.yaml': ingress(V1, [...tls([A]), ...rules(hostRule(A, api), hostRule(B, path('/', 'Prefix', 'api', 80)))]) },
    },
    {
      name: 'tightening: TLS added',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(A, api))) },
      head: { 'ing.yaml': ingress(V1, [...tls([A]), ...rules(hostRule(A, api))]) },
    },
    {
      name: 'extensions/v1beta1 → v1 with the same tls',
      base: { 'ing.yaml': ingress(EXT_V1BETA1, [...tls([A, B]), ...rules(hostRule(A, betaPath('/api', undefined, 'api', 80)), hostRule(B, betaPath('/api', undefined, 'api', 80)))]) },
      head: { 'ing.yaml': base },
    },
    { name: 'a deleted Ingress', base: { 'ing.yaml': base }, head: {} },
  ],
  invalid: [
    {
      name: 'the whole tls section removed: one finding per host, on its host line',
      base: { 'ing.yaml': base },
      // Without tls the rules start at line 7: a.example.com host 8, b.example.com host 18.
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, api), hostRule(B, api))) },
      findings: [
        { path: 'ing.yaml', line: 8, severity: 'high', message: 'Ingress shop/web: host `a.example.com` was served over TLS and is no longer listed in spec.tls' },
        { path: 'ing.yaml', line: 18, severity: 'high', message: 'b.example.com' },
      ],
    },
    {
      name: 'one host dropped from the tls hosts',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, [...tls([A]), ...rules(hostRule(A, api), hostRule(B, api))]) },
      findings: [{ path: 'ing.yaml', line: 21, message: 'b.example.com' }],
    },
    {
      name: 'a wildcard tls host narrowed to another exact host',
      base: { 'ing.yaml': ingress(V1, [...tls(['"*.example.com"']), ...rules(hostRule(A, api))]) },
      head: { 'ing.yaml': ingress(V1, [...tls([B]), ...rules(hostRule(A, api))]) },
      findings: [{ path: 'ing.yaml', line: 11, message: 'a.example.com' }],
    },
  ],
});

describe('ingress-tls-removed related', () => {
  it('relates the base tls hosts line', () => {
    const head = ingress(V1, [...tls([A]), ...rules(hostRule(A, api), hostRule(B, api))]);
    expect(relatedOf(rule, { 'ing.yaml': base }, { 'ing.yaml': head })).toEqual([['base ing.yaml:8']]);
  });
});

import rule from '../../../src/rules/ingress/ingress-backend-changed.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';
import { betaPath, defaultBackend, EXT_V1BETA1, ingress, path, rule as hostRule, rules, V1 , relatedOf } from './fixtures.js';

const A = 'a.example.com';
const api = path('/api', 'Prefix', 'api', 80);
const admin = path('/admin', 'Exact', 'admin', 8080);
// Lines: /api service name 15, port number 17; /admin service name 22, port number 24.
const base = ingress(V1, rules(hostRule(A, api, admin)));
const service = yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', '  namespace: shop', 'spec:', '  ports:', '    - name: http', '      port: 80');

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'ing.yaml': base }, head: { 'ing.yaml': base } },
    {
      name: 'paths reordered and the Ingress moved',
      base: { 'ing.yaml': base },
      head: { 'y.yaml': ingress(V1, rules(hostRule(A, admin, api))) },
    },
    {
      name: 'extensions/v1beta1 serviceName/servicePort → v1 service.name/port.number',
      base: { 'ing.yaml': ingress(EXT_V1BETA1, rules(hostRule(A, betaPath('/api', undefined, 'api', '"80"'), betaPath('/admin', 'Exact', 'admin', 8080)))) },
      head: { 'ing.yaml': base },
    },
    {
      name: 'a port number → the name the Service gives that port',
      base: { 'ing.yaml': base, 'svc.yaml': service },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, path('/api', 'Prefix', 'api', 'http'), admin))), 'svc.yaml': service },
    },
    {
      name: 'a new, more specific path to another service is a new route, not a changed one',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, api, admin, path('/api/internal', 'Prefix', 'internal', 80)))) },
    },
    { name: 'a route removed', base: { 'ing.yaml': base }, head: { 'ing.yaml': ingress(V1, rules(hostRule(A, api))) } },
    { name: 'a deleted Ingress', base: { 'ing.yaml': base }, head: {} },
  ],
  invalid: [
    {
      name: 'another service: points at the service name',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, path('/api', 'Prefix', 'api-v2', 80), admin))) },
      findings: [{ path: 'ing.yaml', line: 15, severity: 'medium', message: 'Ingress shop/web: the route `a.example.com/api` (Prefix) now routes to api-v2:80 instead of api:80' }],
    },
    {
      name: 'another port: points at the port',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, api, path('/admin', 'Exact', 'admin', 9090)))) },
      findings: [{ path: 'ing.yaml', line: 24, message: 'admin:9090 instead of admin:8080' }],
    },
    {
      name: 'a port name the Service does not resolve to the old number',
      base: { 'ing.yaml': base, 'svc.yaml': service },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, path('/api', 'Prefix', 'api', 'metrics'), admin))), 'svc.yaml': service },
      findings: [{ path: 'ing.yaml', line: 17, message: 'api:metrics instead of api:80' }],
    },
    {
      name: 'found by meaning after the paths were reordered and the apiVersion migrated',
      base: { 'ing.yaml': ingress(EXT_V1BETA1, rules(hostRule(A, betaPath('/api', 'Prefix', 'api', 80), betaPath('/admin', 'Exact', 'admin', 8080)))) },
      // /admin first: lines 11–17 (name 15); /api 18–24 (name 22).
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, admin, path('/api', 'Prefix', 'payments', 80)))) },
      findings: [{ path: 'ing.yaml', line: 22, message: 'payments:80 instead of api:80' }],
    },
    {
      name: 'a specific path removed: its requests now fall through to another service',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(A, path('/api/orders', 'Prefix', 'orders', 80), api))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, api))) },
      findings: [{ path: 'ing.yaml', line: 15, message: '`a.example.com/api/orders` (Prefix) (through the head route `a.example.com/api` (Prefix)) now routes to api:80 instead of orders:80' }],
    },
    {
      name: 'the default backend changed',
      base: { 'ing.yaml': ingress(V1, defaultBackend('web', 80)) },
      head: { 'ing.yaml': ingress(V1, defaultBackend('debug', 80)) },
      findings: [{ path: 'ing.yaml', line: 9, message: 'the default backend now routes to debug:80 instead of web:80' }],
    },
  ],
});

describe('ingress-backend-changed related', () => {
  it('relates the base backend line', () => {
    const head = ingress(V1, rules(hostRule(A, path('/api', 'Prefix', 'api-v2', 80), path('/admin', 'Exact', 'admin', 9090))));
    expect(relatedOf(rule, { 'ing.yaml': base }, { 'ing.yaml': head })).toEqual([['base ing.yaml:15'], ['base ing.yaml:24']]);
  });
});

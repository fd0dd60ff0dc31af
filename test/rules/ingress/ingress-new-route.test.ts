import rule from '../../../src/rules/ingress/ingress-new-route.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { betaPath, ingress, NET_V1BETA1, path, rule as hostRule, rules, V1 } from './fixtures.js';

const A = 'a.example.com';
const B = 'b.example.com';
const api = path('/api', 'Prefix', 'api', 80);
// Lines: host 8, /api path 11; a second path of the rule starts at 18; a second rule's host is at 18, its first path at 21.
const base = ingress(V1, rules(hostRule(A, api)));

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'ing.yaml': base }, head: { 'ing.yaml': base } },
    {
      name: 'rules reordered, the Ingress moved, networking.k8s.io/v1beta1 → v1',
      base: { 'ing.yaml': ingress(NET_V1BETA1, rules(hostRule(A, betaPath('/api', 'Prefix', 'api', 80)), hostRule(B, betaPath('/', 'Prefix', 'web', 80)))) },
      head: { 'z.yaml': ingress(V1, rules(hostRule(B, path('/', 'Prefix', 'web', 80)), hostRule(A, api))) },
    },
    {
      name: 'tightening: a longer prefix to the same backend',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, path('/api/v1', 'Prefix', 'api', 80)))) },
    },
    {
      name: 'a path under an existing prefix to the same backend opens nothing',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, api, path('/api/v2', 'Exact', 'api', 80)))) },
    },
    {
      name: 'a host-specific route already served by a catch-all rule to the same backend',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, path('/', 'Prefix', 'api', 80)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, path('/', 'Prefix', 'api', 80)), hostRule(A, api))) },
    },
    {
      name: 'a broadened path is ingress-path-broadened, not a new route',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(A, path('/api/orders', 'Prefix', 'api', 80)))) },
      head: { 'ing.yaml': base },
    },
    {
      name: 'a host removed is ingress-host-removed, not a new route',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(undefined, api))) },
    },
    { name: 'a deleted Ingress', base: { 'ing.yaml': base }, head: {} },
  ],
  invalid: [
    {
      name: 'a new path on an existing host',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, api, path('/metrics', 'Prefix', 'metrics', 9090)))) },
      findings: [{ path: 'ing.yaml', line: 18, severity: 'info', message: 'Ingress shop/web: new route `a.example.com/metrics` (Prefix) → metrics:9090' }],
    },
    {
      name: 'a new host',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, api), hostRule(B, path('/', 'Prefix', 'web', 80)))) },
      findings: [{ path: 'ing.yaml', line: 21, message: '`b.example.com/` (Prefix) → web:80' }],
    },
    {
      name: 'a new Ingress: one finding per route',
      base: {},
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, api, path('/admin', 'Exact', 'admin', 8080)))) },
      findings: [
        { path: 'ing.yaml', line: 11, message: 'Ingress shop/web (new): new route `a.example.com/api` (Prefix) → api:80' },
        { path: 'ing.yaml', line: 18, message: '`a.example.com/admin` (Exact) → admin:8080' },
      ],
    },
    {
      name: '/v1 → /v10 is a new path, not a broader one',
      base: { 'ing.yaml': ingress(V1, rules(hostRule(A, path('/v1', 'Prefix', 'api', 80)))) },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, path('/v10', 'Prefix', 'api', 80)))) },
      findings: [{ path: 'ing.yaml', line: 11, message: '`a.example.com/v10` (Prefix)' }],
    },
    {
      name: 'a more specific path to another service under an existing prefix',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, api, path('/api/internal', 'Prefix', 'internal', 80)))) },
      findings: [{ path: 'ing.yaml', line: 18, message: 'internal:80' }],
    },
    {
      name: 'a new route on a rule without host',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': ingress(V1, rules(hostRule(A, api), hostRule(undefined, path('/healthz', 'Exact', 'health', 8080)))) },
      findings: [{ path: 'ing.yaml', line: 20, message: 'every host, path `/healthz` (Exact) → health:8080' }],
    },
  ],
});

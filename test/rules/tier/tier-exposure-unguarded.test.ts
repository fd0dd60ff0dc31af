import { describe, expect, it } from 'vitest';
import { audit } from '../../../src/analyze.js';
import { rulesFor } from '../../../src/rules/index.js';
import { ruleTester, toSourceFiles } from '../../helpers/rule-tester.js';
import { tierExposureUnguarded } from '../../../src/rules/tier/tier-exposure-unguarded.js';
import { denyIngress, service } from '../connectivity/fixtures.js';
import { withTiers } from './config.js';
import { app, GATEWAY, guardedIngress, httpRoute, ingressRoute } from './fixtures.js';

const TIERS = withTiers();
/** payments/ledger: critical (tiers.namespaces). */
const LEDGER = app('ledger', 'payments');
const PLAIN = { 'payments/ingress.yaml': guardedIngress('pay', 'payments', 'pay.example.com', 'ledger') };
/** No workload manifests: the ledger's Service alone. */
const LEDGER_SERVICE = { 'payments/ledger-svc.yaml': service('ledger', 'payments', '{app: ledger}', 80, 8080) };
const WITH_TLS = { 'payments/ingress.yaml': guardedIngress('pay', 'payments', 'pay.example.com', 'ledger', { tls: true }) };

ruleTester(tierExposureUnguarded, {
  valid: [
    { name: 'tiers are not configured', base: LEDGER, head: { ...LEDGER, ...PLAIN } },
    { name: 'the new entry point has TLS for the host', base: LEDGER, head: { ...LEDGER, ...WITH_TLS }, config: TIERS },
    {
      name: 'the new entry point has an ingress-nginx allow-list',
      base: LEDGER,
      head: { ...LEDGER, 'payments/ingress.yaml': guardedIngress('pay', 'payments', 'pay.example.com', 'ledger', { annotation: 'nginx.ingress.kubernetes.io/allowlist-source-range: 10.0.0.0/8' }) },
      config: TIERS,
    },
    {
      name: 'the new entry point verifies client certificates (ingress-nginx mTLS)',
      base: LEDGER,
      head: { ...LEDGER, 'payments/ingress.yaml': guardedIngress('pay', 'payments', 'pay.example.com', 'ledger', { annotation: 'nginx.ingress.kubernetes.io/auth-tls-secret: payments/ca' }) },
      config: TIERS,
    },
    { name: 'the workload is not in the highest tier', base: app('site', 'blog'), head: { ...app('site', 'blog'), 'blog/ingress.yaml': guardedIngress('site', 'blog', 'blog.example.com', 'site') }, config: TIERS },
    {
      name: 'a NetworkPolicy keeps the ingress controller out of the pods',
      base: { ...LEDGER, 'payments/deny.yaml': denyIngress('payments') },
      head: { ...LEDGER, 'payments/deny.yaml': denyIngress('payments'), ...PLAIN },
      config: TIERS,
    },
    {
      name: 'Gateway API: the route is attached to the HTTPS listener (TLS at the gateway)',
      base: { ...LEDGER, 'gw.yaml': GATEWAY },
      head: { ...LEDGER, 'gw.yaml': GATEWAY, 'payments/route.yaml': httpRoute('pay', 'payments', 'pay.example.com', 'ledger', 'https') },
      config: TIERS,
    },
    {
      name: 'Traefik: the IngressRoute has TLS',
      base: LEDGER,
      head: { ...LEDGER, 'payments/ir.yaml': ingressRoute('pay', 'payments', 'pay.example.com', 'ledger', ['  tls: {secretName: pay-tls}']) },
      config: TIERS,
    },
    { name: 'no workload manifests: the Service\'s entry point has TLS', base: LEDGER_SERVICE, head: { ...LEDGER_SERVICE, ...WITH_TLS }, config: TIERS },
    { name: 'the unguarded entry point existed in base', base: { ...LEDGER, ...PLAIN }, head: { ...LEDGER, ...PLAIN }, config: TIERS },
  ],
  invalid: [
    {
      name: 'no workload manifests: a new unguarded Ingress to a Service of the critical tier\'s namespace',
      base: LEDGER_SERVICE,
      head: { ...LEDGER_SERVICE, ...PLAIN },
      config: TIERS,
      findings: [{ path: 'payments/ingress.yaml', line: 14, severity: 'critical', message: 'payments/ledger[Service] (critical tier) is newly reachable from outside the cluster through Ingress payments/pay' }],
    },
    {
      name: 'a new Ingress exposes a critical workload without any guard: on its route',
      base: LEDGER,
      head: { ...LEDGER, ...PLAIN },
      config: TIERS,
      findings: [{
        path: 'payments/ingress.yaml', line: 14, severity: 'critical',
        message: 'payments/ledger[Deployment] (critical tier) is newly reachable from outside the cluster through Ingress payments/pay (pay.example.com Prefix /, ingress-nginx (class nginx)) with no TLS, no client-certificate verification and no IP allow-list',
      }],
    },
    {
      name: 'TLS is removed from the entry point of a critical workload',
      base: { ...LEDGER, ...WITH_TLS },
      head: { ...LEDGER, ...PLAIN },
      config: TIERS,
      findings: [{ path: 'payments/ingress.yaml', line: 14, message: 'is newly reachable from outside the cluster' }],
    },
    {
      name: 'basic auth alone is not one of the guards',
      base: LEDGER,
      head: {
        ...LEDGER,
        'payments/ingress.yaml': guardedIngress('pay', 'payments', 'pay.example.com', 'ledger', { annotation: 'nginx.ingress.kubernetes.io/auth-url: https://auth.example.com/check' }),
      },
      config: TIERS,
      findings: [{ path: 'payments/ingress.yaml', line: 14, message: '(only auth)' }],
    },
    {
      name: 'Gateway API: the route is attached to the plain HTTP listener',
      base: { ...LEDGER, 'gw.yaml': GATEWAY },
      head: { ...LEDGER, 'gw.yaml': GATEWAY, 'payments/route.yaml': httpRoute('pay', 'payments', 'pay.example.com', 'ledger') },
      config: TIERS,
      findings: [{ path: 'payments/route.yaml', line: 8, message: 'through HTTPRoute payments/pay (pay.example.com PathPrefix /, gateway infra/public (class eg))' }],
    },
    {
      name: 'Traefik: an IngressRoute without TLS or guard middleware',
      base: LEDGER,
      head: { ...LEDGER, 'payments/ir.yaml': ingressRoute('pay', 'payments', 'pay.example.com', 'ledger') },
      config: TIERS,
      findings: [{ path: 'payments/ir.yaml', line: 7, message: 'through IngressRoute payments/pay' }],
    },
    {
      name: 'the highest tier is the first of order, whatever its name',
      base: app('site', 'blog'),
      head: { ...app('site', 'blog'), 'blog/ingress.yaml': guardedIngress('site', 'blog', 'blog.example.com', 'site') },
      config: withTiers({ order: ['public', 'internal', 'critical'] }),
      findings: [{ path: 'blog/ingress.yaml', line: 14, message: 'blog/site[Deployment] (public tier)' }],
    },
  ],
});

describe('tier-exposure-unguarded in audit mode', () => {
  it('runs in audit mode and reports the state of the tree', () => {
    expect(rulesFor('audit')).toContain(tierExposureUnguarded);
    const findings = audit(toSourceFiles({ ...LEDGER, ...PLAIN }), TIERS).findings.filter((f) => f.ruleId === tierExposureUnguarded.id);
    expect(findings.map((f) => `${f.location.path}:${f.location.line} ${f.severity}`)).toEqual(['payments/ingress.yaml:14 critical']);
  });
});

import { describe, expect, it } from 'vitest';
import { loadSnapshot, ParseCache } from '../../src/model/load.js';
import { buildExposureMap, describeBackend, describeGuard, describeWorkload, type ExposureRow } from '../../src/semantics/exposure-map.js';
import { toSourceFiles, yaml, type Files } from '../helpers/rule-tester.js';

function rowsOf(files: Files): ExposureRow[] {
  return buildExposureMap(loadSnapshot(toSourceFiles(files))).rows;
}

function line(row: ExposureRow): string {
  const guards = row.guards.map(describeGuard).join('; ') || 'unguarded';
  const backends = row.backends.map((b) => `${describeBackend(b)} -> [${b.workloads.map(describeWorkload).join(' ')}]`).join(' ');
  return `${row.object.kind} | ${row.controller} | ${row.listener} | ${row.host} (${row.hostMatch}) | ${row.match}${row.catchAll ? ' (catch-all)' : ''} | ${guards} | ${backends}`;
}

const gateway = (...extra: string[]) => yaml(
  'apiVersion: gateway.networking.k8s.io/v1', 'kind: Gateway', 'metadata: {name: public, namespace: infra}', 'spec:', '  gatewayClassName: eg', '  listeners:',
  '  - {name: https, protocol: HTTPS, port: 443, hostname: "*.example.com", allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {expose: "true"}}}}}',
  '  - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: Same}}}',
  '  - {name: tls, protocol: TLS, port: 8443, tls: {mode: Passthrough}, allowedRoutes: {namespaces: {from: All}}}',
  ...extra,
);
const namespaces = yaml(
  'apiVersion: v1', 'kind: Namespace', 'metadata: {name: shop, labels: {expose: "true"}}', '---', 'apiVersion: v1', 'kind: Namespace', 'metadata: {name: other}',
);
const app = yaml(
  'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web, namespace: shop}', 'spec:', '  template:',
  '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: web, ports: [{containerPort: 8080}]}]}',
  '---', 'apiVersion: v1', 'kind: Service', 'metadata: {name: web, namespace: shop}', 'spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}',
);
const httpRoute = (namespace: string, hostnames: string, rules: string[]) => yaml(
  'apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', `metadata: {name: web, namespace: ${namespace}}`, 'spec:',
  '  parentRefs: [{name: public, namespace: infra}]', `  hostnames: ${hostnames}`, '  rules:', ...rules,
);

describe('exposure map: Gateway API', () => {
  it('attaches to the listeners that admit the namespace and kind; hostnames intersect by suffix; a rule without matches is PathPrefix /', () => {
    const rows = rowsOf({
      'gw.yaml': gateway(), 'ns.yaml': namespaces, 'app.yaml': app,
      'route.yaml': httpRoute('shop', '["a.b.example.com", "shop.other.org"]', [
        '  - matches: [{path: {type: PathPrefix, value: /api}, headers: [{name: x-env, value: prod}]}]', '    backendRefs: [{name: web, port: 80}]',
        '  - backendRefs: [{name: web, port: 80}]',
      ]),
    });
    // The HTTP listener admits only routes of infra (Same); the TLS listener no HTTPRoute; shop.other.org is outside *.example.com.
    expect(rows.map(line)).toEqual([
      'HTTPRoute | gateway infra/public (class eg) | https HTTPS:443 | a.b.example.com (exact) | PathPrefix / (catch-all) | tls terminated at the gateway | shop/web:80 -> [shop/web[Deployment]:8080]',
      'HTTPRoute | gateway infra/public (class eg) | https HTTPS:443 | a.b.example.com (exact) | PathPrefix /api && header x-env = prod | tls terminated at the gateway | shop/web:80 -> [shop/web[Deployment]:8080]',
    ]);
  });

  it('a route without hostnames inherits the listener\'s (a suffix wildcard); a route hostname wildcard narrower than the listener\'s', () => {
    const inherit = rowsOf({ 'gw.yaml': gateway(), 'ns.yaml': namespaces, 'route.yaml': httpRoute('shop', '[]', ['  - backendRefs: [{name: web, port: 80}]']) });
    expect(inherit.map((r) => `${r.host} ${r.hostMatch}`)).toEqual(['*.example.com suffix']);
    const narrower = rowsOf({ 'gw.yaml': gateway(), 'ns.yaml': namespaces, 'route.yaml': httpRoute('shop', '["*.shop.example.com"]', ['  - backendRefs: [{name: web, port: 80}]']) });
    expect(narrower.map((r) => r.host)).toEqual(['*.shop.example.com']);
    const wider = rowsOf({ 'gw.yaml': gateway(), 'ns.yaml': namespaces, 'route.yaml': httpRoute('shop', '["*.com"]', ['  - backendRefs: [{name: web, port: 80}]']) });
    expect(wider.map((r) => r.host)).toEqual(['*.example.com']);
  });

  it('a backendRef into another namespace does not route without a ReferenceGrant there; with one it does', () => {
    const route = httpRoute('infra', '["x.example.com"]', ['  - backendRefs: [{name: web, namespace: shop, port: 80}]']).replace('parentRefs: [{name: public, namespace: infra}]', 'parentRefs: [{name: public, sectionName: http}]');
    const blocked = rowsOf({ 'gw.yaml': gateway(), 'app.yaml': app, 'route.yaml': route });
    expect(blocked.map(line)).toEqual([
      'HTTPRoute | gateway infra/public (class eg) | http HTTP:80 | x.example.com (exact) | PathPrefix / (catch-all) | unguarded | shop/web:80 (does not route: no ReferenceGrant in shop admits HTTPRoute from infra) -> []',
    ]);
    const grant = yaml('apiVersion: gateway.networking.k8s.io/v1beta1', 'kind: ReferenceGrant', 'metadata: {name: from-infra, namespace: shop}', 'spec:',
      '  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}]', '  to: [{group: "", kind: Service}]');
    const granted = rowsOf({ 'gw.yaml': gateway(), 'app.yaml': app, 'route.yaml': route, 'grant.yaml': grant });
    expect(granted[0].backends[0].blocked).toBeUndefined();
    expect(granted[0].backends[0].workloads).toEqual([{ id: 'shop/web[Deployment]', ports: [8080] }]);

    // The same route file on both sides of a change that adds the grant: the head row routes.
    const cache = new ParseCache();
    const files = { 'gw.yaml': gateway(), 'app.yaml': app, 'route.yaml': route };
    const [before, after] = [files, { ...files, 'grant.yaml': grant }].map((f) => buildExposureMap(loadSnapshot(toSourceFiles(f), {}, cache)).rows);
    expect([before[0].backends[0].blocked !== undefined, after[0].backends[0].blocked]).toEqual([true, undefined]);
  });

  it('TLSRoute on a passthrough listener; client-certificate validation as a guard, AllowInsecureFallback only as a note', () => {
    const tlsRoute = yaml('apiVersion: gateway.networking.k8s.io/v1alpha2', 'kind: TLSRoute', 'metadata: {name: db, namespace: other}', 'spec:',
      '  parentRefs: [{name: public, namespace: infra}]', '  hostnames: [db.example.com]', '  rules: [{backendRefs: [{name: db, port: 5432}]}]');
    expect(rowsOf({ 'gw.yaml': gateway(), 'r.yaml': tlsRoute }).map(line)).toEqual([
      'TLSRoute | gateway infra/public (class eg) | tls TLS:8443 | db.example.com (exact) | SNI | tls passthrough to the backend | other/db:5432 -> []',
    ]);
    const validated = (mode: string) => rowsOf({
      'gw.yaml': gateway('  tls:', `    frontend: {default: {validation: {mode: ${mode}, caCertificateRefs: [{name: client-ca}]}}}`),
      'ns.yaml': namespaces, 'route.yaml': httpRoute('shop', '["a.example.com"]', ['  - backendRefs: [{name: web, port: 80}]']),
    })[0];
    expect(validated('AllowValidOnly').guards.map(describeGuard)).toEqual(['tls terminated at the gateway', 'client-cert AllowValidOnly (ConfigMap/client-ca)']);
    const fallback = validated('AllowInsecureFallback');
    expect(fallback.guards.map(describeGuard)).toEqual(['tls terminated at the gateway']);
    expect(fallback.notes).toEqual(['client certificates: AllowInsecureFallback (missing or invalid certificates are accepted)']);
  });
});

describe('exposure map: Gateway API across the sides of a change', () => {
  it("an identical HTTPRoute is attached again when its namespace's labels change", () => {
    const route = httpRoute('shop', '["a.example.com"]', ['  - backendRefs: [{name: web, port: 80}]']);
    const files = { 'gw.yaml': gateway(), 'ns.yaml': namespaces, 'app.yaml': app, 'route.yaml': route };
    const cache = new ParseCache();
    const base = buildExposureMap(loadSnapshot(toSourceFiles(files), {}, cache)).rows;
    const head = buildExposureMap(loadSnapshot(toSourceFiles({ ...files, 'ns.yaml': namespaces.replace('expose: "true"', 'expose: "no"') }), {}, cache)).rows;
    expect(base.map((r) => r.listener)).toContain('https HTTPS:443');
    expect(head.map((r) => r.listener)).not.toContain('https HTTPS:443');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot, ParseCache } from '../../src/model/load.js';
import { buildExposureMap, describeBackend, describeGuard, describeWorkload, diffExposureMaps, newEdges, type ExposureRow } from '../../src/semantics/exposure-map.js';
import { toSourceFiles, yaml, type Files } from '../helpers/rule-tester.js';

function mapOf(files: Files) {
  return buildExposureMap(loadSnapshot(toSourceFiles(files)));
}

/** A row as one line, so a test reads like the map. */
function line(row: ExposureRow): string {
  const guards = row.guards.map(describeGuard).join('; ') || 'unguarded';
  const backends = row.backends.map((b) => `${describeBackend(b)} -> [${b.workloads.map(describeWorkload).join(' ')}]`).join(' ');
  return `${row.controller} | ${row.listener} | ${row.host} (${row.hostMatch}) | ${row.match}${row.catchAll ? ' (catch-all)' : ''} | ${guards} | ${backends}`;
}

const workloads = yaml(
  'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web, namespace: shop}', 'spec:', '  template:',
  '    metadata: {labels: {app: web}}', '    spec:', '      containers:', '      - name: web',
  '        ports: [{name: http, containerPort: 8080}]',
  '---',
  'apiVersion: v1', 'kind: Service', 'metadata: {name: web, namespace: shop}', 'spec:', '  selector: {app: web}',
  '  ports: [{name: http, port: 80, targetPort: http}]',
);

const ingress = (annotations: string[] = [], extra: string[] = []) => yaml(
  'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', '  namespace: shop',
  ...(annotations.length > 0 ? ['  annotations:', ...annotations.map((a) => `    ${a}`)] : []),
  'spec:', '  ingressClassName: nginx', '  tls: [{hosts: [shop.example.com], secretName: shop-tls}]', '  rules:',
  '  - host: shop.example.com', '    http:', '      paths:',
  '      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}',
  '      - {path: /admin, pathType: Exact, backend: {service: {name: web, port: {name: http}}}}',
  '  - host: "*.example.com"', '    http:', '      paths:',
  '      - {path: /api, pathType: ImplementationSpecific, backend: {service: {name: api, port: {number: 80}}}}',
  ...extra,
);

describe('exposure map: Ingress', () => {
  it('one row per host and path, TLS only for the listed host, Service resolved to workloads and pod ports', () => {
    const map = mapOf({ 'w.yaml': workloads, 'i.yaml': ingress() });
    expect(map.rows.map(line)).toEqual([
      'ingress-nginx (class nginx) | http | *.example.com (one-label) | ImplementationSpecific /api | unguarded | shop/api:80 -> []',
      'ingress-nginx (class nginx) | https (http redirects) | shop.example.com (exact) | Exact /admin | tls secret shop-tls | shop/web:http -> [shop/web[Deployment]:8080]',
      'ingress-nginx (class nginx) | https (http redirects) | shop.example.com (exact) | Prefix / (catch-all) | tls secret shop-tls | shop/web:80 -> [shop/web[Deployment]:8080]',
    ]);
    expect(map.rows[2].source.resource.at(map.rows[2].source.path).line).toBe(13);
  });

  it('reads the ingress-nginx guards: allow-list minus deny-list, auth, client certificates, CORS', () => {
    const map = mapOf({ 'i.yaml': ingress([
      'nginx.ingress.kubernetes.io/whitelist-source-range: "10.0.0.0/9,10.128.0.0/9"',
      'nginx.ingress.kubernetes.io/auth-url: "https://auth.example.com/check"',
      'nginx.ingress.kubernetes.io/auth-tls-secret: shop/ca',
      'nginx.ingress.kubernetes.io/auth-tls-verify-client: optional',
      'nginx.ingress.kubernetes.io/enable-cors: "true"',
    ]) });
    const row = map.rows.find((r) => r.match === 'Prefix /')!;
    expect(row.guards.map(describeGuard)).toEqual([
      'tls secret shop-tls', 'client-cert verify optional, depth 1', 'ip-allowlist 10.0.0.0-10.255.255.255', 'auth external', 'cors origin *, credentials',
    ]);
  });

  it('a class served by another controller gets no nginx guards; the default backend is a catch-all row for every host', () => {
    const other = ingress(['nginx.ingress.kubernetes.io/whitelist-source-range: 10.0.0.0/8'], ['  defaultBackend: {service: {name: web, port: {number: 80}}}'])
      .replace('ingressClassName: nginx', 'ingressClassName: haproxy');
    const cls = yaml('apiVersion: networking.k8s.io/v1', 'kind: IngressClass', 'metadata: {name: haproxy}', 'spec: {controller: haproxy.org/ingress-controller}');
    const rows = mapOf({ 'i.yaml': other, 'c.yaml': cls }).rows;
    expect(rows.every((r) => r.controller === 'ingress (class haproxy)' && r.guards.every((g) => g.kind === 'tls'))).toBe(true);
    const fallback = rows.find((r) => r.match === 'default backend')!;
    expect(line(fallback)).toBe('ingress (class haproxy) | http | * (any) | default backend (catch-all) | unguarded | shop/web:80 -> []');
  });
});

describe('exposure map: OpenShift Route', () => {
  const route = (spec: string[], annotations: string[] = []) => yaml(
    'apiVersion: route.openshift.io/v1', 'kind: Route', 'metadata:', '  name: web', '  namespace: shop',
    ...(annotations.length > 0 ? ['  annotations:', ...annotations.map((a) => `    ${a}`)] : []),
    'spec:', ...spec.map((s) => `  ${s}`),
  );

  it('edge TLS with redirect, path prefix, allow-list annotation, alternate backends (weight 0 takes nothing)', () => {
    const rows = mapOf({ 'w.yaml': workloads, 'r.yaml': route([
      'host: shop.example.com', 'path: /shop', 'to: {kind: Service, name: web, weight: 90}', 'port: {targetPort: http}',
      'alternateBackends: [{kind: Service, name: canary, weight: 10}, {kind: Service, name: old, weight: 0}]',
      'tls: {termination: edge, insecureEdgeTerminationPolicy: Redirect}',
    ], ['haproxy.router.openshift.io/ip_whitelist: "192.168.1.10 10.0.0.0/8"']) }).rows;
    expect(rows.map(line)).toEqual([
      'openshift-router | https (http redirects) | shop.example.com (exact) | Prefix /shop | tls edge; ip-allowlist 10.0.0.0-10.255.255.255, 192.168.1.10-192.168.1.10 | shop/web:http -> [shop/web[Deployment]:8080] shop/canary:http -> []',
    ]);
  });

  it('without host the router generates one; passthrough matches on SNI only; Subdomain wildcards one label', () => {
    expect(line(mapOf({ 'r.yaml': route(['to: {kind: Service, name: web}']) }).rows[0]))
      .toBe('openshift-router | http | web-shop.<router domain> (generated) | Prefix / (catch-all) | unguarded | shop/web -> []');
    expect(line(mapOf({ 'r.yaml': route(['host: a.example.com', 'path: /x', 'to: {name: web}', 'tls: {termination: passthrough}']) }).rows[0]))
      .toBe('openshift-router | https (passthrough) | a.example.com (exact) | SNI (catch-all) | tls passthrough | shop/web -> []');
    expect(mapOf({ 'r.yaml': route(['host: www.example.com', 'wildcardPolicy: Subdomain', 'to: {name: web}']) }).rows[0].host).toBe('*.example.com');
  });
});

describe('exposure map difference', () => {
  it('rows added, removed and changed (a lost guard), and the new edges; an equivalent allow-list rewrite is no change', () => {
    const base = mapOf({ 'w.yaml': workloads, 'i.yaml': ingress(['nginx.ingress.kubernetes.io/allowlist-source-range: 10.0.0.0/8']) });
    const same = mapOf({ 'w.yaml': workloads, 'i.yaml': ingress(['nginx.ingress.kubernetes.io/allowlist-source-range: "10.128.0.0/9, 10.0.0.0/9"']) });
    expect(diffExposureMaps(base, same)).toEqual({ added: [], removed: [], changed: [] });

    const headIngress = ingress().replace('      - {path: /admin, pathType: Exact, backend: {service: {name: web, port: {name: http}}}}\n', '')
      .replace('path: /api,', 'path: /v2,');
    const head = mapOf({ 'w.yaml': workloads, 'i.yaml': headIngress });
    const diff = diffExposureMaps(base, head);
    expect(diff.added.map((r) => r.match)).toEqual(['ImplementationSpecific /v2']);
    expect(diff.removed.map((r) => r.match)).toEqual(['ImplementationSpecific /api', 'Exact /admin']);
    expect(diff.changed.map((c) => [c.after.match, c.changes])).toEqual([['Prefix /', ['guards: lost ip-allowlist 10.0.0.0-10.255.255.255']]]);
    expect(newEdges(base, head).map((e) => `${e.source.name} -> ${e.destination.name} (${e.ports})`)).toEqual([
      'ingress-nginx (class nginx) -> http *.example.com ImplementationSpecific /v2 (unguarded)',
      'http *.example.com ImplementationSpecific /v2 -> shop/api:80 (no workload in the manifests) (no pods)',
      'ingress-nginx (class nginx) -> https (http redirects) shop.example.com Prefix / (tls)',
    ]);
  });

  it('an edge base draws from another row (the route moved to a copy of its Ingress) is not new', () => {
    const base = mapOf({ 'w.yaml': workloads, 'i.yaml': ingress() });
    expect(newEdges(base, base)).toEqual([]);
    const copy = ingress().replace('name: web\n  namespace', 'name: web-copy\n  namespace');
    // The copy's rows have other keys (another object) but the same entries and backends as base's rows.
    const head = mapOf({ 'w.yaml': workloads, 'i.yaml': ingress(), 'copy.yaml': copy });
    expect(diffExposureMaps(base, head).added).toHaveLength(3);
    expect(newEdges(base, head)).toEqual([]);
    const retargeted = mapOf({ 'w.yaml': workloads, 'i.yaml': ingress(), 'copy.yaml': copy.replace('name: api,', 'name: web,') });
    expect(newEdges(base, retargeted).map((e) => `${e.source.name} -> ${e.destination.name} (${e.ports})`)).toEqual([
      'http *.example.com ImplementationSpecific /api -> shop/web[Deployment] (shop/web:80 → 8080)',
    ]);
  });
});

describe('exposure map: rows shared between the sides of a change', () => {
  /** Both sides loaded as analyze() does: one ParseCache, so identical files are the same Resources. */
  function sides(base: Files, head: Files) {
    const cache = new ParseCache();
    return [buildExposureMap(loadSnapshot(toSourceFiles(base), {}, cache)), buildExposureMap(loadSnapshot(toSourceFiles(head), {}, cache))];
  }
  const ingressClass = (controller: string) => yaml(
    'apiVersion: networking.k8s.io/v1', 'kind: IngressClass', 'metadata: {name: public}', `spec: {controller: ${controller}}`,
  );
  const publicIngress = ingress().replace('ingressClassName: nginx', 'ingressClassName: public');

  it('an unchanged route is one row object on both sides, and the diff is empty', () => {
    const files = { 'w.yaml': workloads, 'i.yaml': publicIngress, 'class.yaml': ingressClass('k8s.io/ingress-nginx') };
    const policy = yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: deny, namespace: shop}', 'spec: {podSelector: {}}');
    const [base, head] = sides(files, { ...files, 'deny.yaml': policy });
    expect(head.rows).toHaveLength(3);
    head.rows.forEach((row, i) => expect(row).toBe(base.rows[i]));
    expect(diffExposureMaps(base, head)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('an identical Ingress file is read again when what it depends on changes: its IngressClass, its Service, the workloads', () => {
    const files = { 'w.yaml': workloads, 'i.yaml': publicIngress, 'class.yaml': ingressClass('k8s.io/ingress-nginx') };
    const [base, reclassed] = sides(files, { ...files, 'class.yaml': ingressClass('example.com/other') });
    expect(base.rows.map((r) => r.controller)).toEqual(base.rows.map(() => 'ingress-nginx (class public)'));
    expect(reclassed.rows.map((r) => r.controller)).toEqual(base.rows.map(() => 'ingress (class public)'));
    expect(diffExposureMaps(base, reclassed).changed.map((c) => c.changes[0])).toContain('controller: ingress-nginx (class public) → ingress (class public)');

    const [, relabelled] = sides(files, { ...files, 'w.yaml': workloads.replace('labels: {app: web}', 'labels: {app: other}') });
    expect(relabelled.rows.find((r) => r.match === 'Prefix /')?.backends[0].workloads).toEqual([]);
    expect(base.rows.find((r) => r.match === 'Prefix /')?.backends[0].workloads.map(describeWorkload)).toEqual(['shop/web[Deployment]:8080']);
  });
});

describe('exposure map: shared rows equal rows built from scratch', () => {
  const read = (dir: string): Files => Object.fromEntries(readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f)).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const plain = (map: ReturnType<typeof buildExposureMap>) => JSON.stringify(map.rows.map((r) => ({ ...r, source: r.source.path })));

  // Each example PR, and each of its changed files alone: a head that shares objects with its base must read the same
  // as the head alone (a Gateway, a Namespace's labels, a Middleware, an IngressClass changing under identical routes).
  for (const example of ['examples', 'examples/ingress-nginx', 'examples/traefik', 'examples/gateway-api']) {
    it(example, () => {
      const [base, head] = [read(join(example, 'base')), read(join(example, 'head'))];
      const changed = Object.keys({ ...base, ...head }).filter((f) => base[f] !== head[f]);
      expect(changed.length).toBeGreaterThan(0);
      const heads = [head, ...changed.map((f) => {
        const one = { ...base };
        if (f in head) one[f] = head[f];
        else delete one[f];
        return one;
      })];
      for (const variant of heads) {
        const cache = new ParseCache();
        buildExposureMap(loadSnapshot(toSourceFiles(base), {}, cache));
        expect(plain(buildExposureMap(loadSnapshot(toSourceFiles(variant), {}, cache)))).toBe(plain(mapOf(variant)));
      }
    });
  }
});

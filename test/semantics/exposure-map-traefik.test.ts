import { describe, expect, it } from 'vitest';
import { loadSnapshot, ParseCache } from '../../src/model/load.js';
import { buildExposureMap, describeBackend, describeGuard, describeWorkload, diffExposureMaps, type ExposureRow } from '../../src/semantics/exposure-map.js';
import { toSourceFiles, yaml, type Files } from '../helpers/rule-tester.js';

function rowsOf(files: Files): ExposureRow[] {
  return buildExposureMap(loadSnapshot(toSourceFiles(files))).rows;
}

function line(row: ExposureRow): string {
  const guards = row.guards.map(describeGuard).join('; ') || 'unguarded';
  const backends = row.backends.map((b) => `${describeBackend(b)} -> [${b.workloads.map(describeWorkload).join(' ')}]`).join(' ');
  return `${row.controller} | ${row.listener} | ${row.host} (${row.hostMatch}) | ${row.match}${row.catchAll ? ' (catch-all)' : ''} | ${guards} | ${backends}${row.notes ? ` | ${row.notes.join('; ')}` : ''}`;
}

const app = yaml(
  'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web, namespace: shop}', 'spec:', '  template:',
  '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: web, ports: [{containerPort: 8080}]}]}',
  '---', 'apiVersion: v1', 'kind: Service', 'metadata: {name: web, namespace: shop}', 'spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}',
);
const middleware = (group: string, field: string, ranges: string) => yaml(
  `apiVersion: ${group}/v1alpha1`, 'kind: Middleware', 'metadata: {name: office, namespace: shop}', 'spec:', `  ${field}: {sourceRange: [${ranges}]}`,
);
const ingressRoute = (group: string, match: string, extra: string[] = []) => yaml(
  `apiVersion: ${group}/v1alpha1`, 'kind: IngressRoute', 'metadata: {name: web, namespace: shop}', 'spec:', '  entryPoints: [websecure]',
  '  routes:', `  - match: "${match}"`, '    middlewares: [{name: office}]', '    services: [{name: web, port: 80}]', ...extra,
);

describe('exposure map: Traefik', () => {
  it('IngressRoute: one row per host and branch of the rule, middleware guards resolved, TLS with a verified client certificate', () => {
    const rows = rowsOf({
      'app.yaml': app,
      'mw.yaml': middleware('traefik.io', 'ipAllowList', '10.0.0.0/8'),
      'tls.yaml': yaml('apiVersion: traefik.io/v1alpha1', 'kind: TLSOption', 'metadata: {name: mtls, namespace: shop}', 'spec: {clientAuth: {clientAuthType: RequireAndVerifyClientCert}}'),
      'ir.yaml': ingressRoute('traefik.io', 'Host(`shop.example.com`) && PathPrefix(`/api`) || Host(`*.example.com`)', ['  tls: {secretName: shop-tls, options: {name: mtls}}']),
    });
    expect(rows.map(line)).toEqual([
      'traefik | websecure (tls) | *.example.com (one-label) | everything (catch-all) | tls secret shop-tls; client-cert RequireAndVerifyClientCert; ip-allowlist 10.0.0.0-10.255.255.255 | shop/web:80 -> [shop/web[Deployment]:8080]',
      'traefik | websecure (tls) | shop.example.com (exact) | PathPrefix(`/api`) | tls secret shop-tls; client-cert RequireAndVerifyClientCert; ip-allowlist 10.0.0.0-10.255.255.255 | shop/web:80 -> [shop/web[Deployment]:8080]',
    ]);
    expect(rows[0].source.resource.at(rows[0].source.path).line).toBe(7);
  });

  it('a v2 object migrated to traefik.io with ipWhiteList → ipAllowList and reordered ranges is the same map', () => {
    const before = buildExposureMap(loadSnapshot(toSourceFiles({
      'mw.yaml': middleware('traefik.containo.us', 'ipWhiteList', '10.128.0.0/9, 10.0.0.0/9'),
      'ir.yaml': ingressRoute('traefik.containo.us', 'Host(`shop.example.com`)'),
    })));
    const after = buildExposureMap(loadSnapshot(toSourceFiles({
      'mw.yaml': middleware('traefik.io', 'ipAllowList', '10.0.0.0/8'),
      'ir.yaml': ingressRoute('traefik.io', 'Host(`shop.example.com`)'),
    })));
    expect(diffExposureMaps(before, after)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('a missing Middleware is noted; ipStrategy that trusts X-Forwarded-For is said; a weak client-auth level is no guard', () => {
    const missing = rowsOf({ 'ir.yaml': ingressRoute('traefik.io', 'Host(`a.example.com`) && ClientIP(`192.168.0.0/16`)', ['  tls: {}']) });
    expect(missing.map(line)).toEqual([
      'traefik | websecure (tls) | a.example.com (exact) | ClientIP(`192.168.0.0/16`) | tls default certificate; ip-allowlist ClientIP 192.168.0.0/16 | shop/web:80 -> [] | middleware shop/office is not in the manifests: its guards are unknown',
    ]);
    const forwarded = rowsOf({
      'mw.yaml': yaml('apiVersion: traefik.io/v1alpha1', 'kind: Middleware', 'metadata: {name: office, namespace: shop}', 'spec: {ipAllowList: {sourceRange: [10.0.0.0/8], ipStrategy: {depth: 1}}}'),
      'tls.yaml': yaml('apiVersion: traefik.io/v1alpha1', 'kind: TLSOption', 'metadata: {name: default, namespace: shop}', 'spec: {clientAuth: {clientAuthType: RequireAnyClientCert}}'),
      'ir.yaml': ingressRoute('traefik.io', 'Host(`a.example.com`)', ['  tls: {}']),
    });
    expect(forwarded[0].guards.map(describeGuard)).toEqual(['tls default certificate', 'ip-allowlist 10.0.0.0-10.255.255.255 (client address from X-Forwarded-For)']);
    expect(forwarded[0].notes).toEqual(['client certificates: RequireAnyClientCert (not verified for every client)']);
  });

  it('an Ingress served by Traefik takes its router annotations: entrypoints, TLS and middlewares (basicAuth through a chain)', () => {
    const rows = rowsOf({
      'mw.yaml': yaml(
        'apiVersion: traefik.io/v1alpha1', 'kind: Middleware', 'metadata: {name: guard, namespace: shop}', 'spec: {chain: {middlewares: [{name: auth}]}}',
        '---', 'apiVersion: traefik.io/v1alpha1', 'kind: Middleware', 'metadata: {name: auth, namespace: shop}', 'spec: {basicAuth: {secret: users}}',
      ),
      'i.yaml': yaml(
        'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', '  namespace: shop', '  annotations:',
        '    traefik.ingress.kubernetes.io/router.entrypoints: websecure', '    traefik.ingress.kubernetes.io/router.tls: "true"',
        '    traefik.ingress.kubernetes.io/router.middlewares: shop-guard@kubernetescrd',
        'spec:', '  ingressClassName: traefik', '  rules:', '  - host: shop.example.com',
        '    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}',
      ),
    });
    expect(rows.map(line)).toEqual([
      'traefik (class traefik) | websecure (tls) | shop.example.com (exact) | Prefix / (catch-all) | tls default certificate; auth basic | shop/web:80 -> []',
    ]);
  });
});

describe('exposure map: Traefik across the sides of a change', () => {
  /** The guards of each row, base then head, with both sides loaded as analyze() does (identical files shared). */
  const guardsAcross = (base: Files, changes: Files) => {
    const cache = new ParseCache();
    return [base, { ...base, ...changes }].flatMap((files) => buildExposureMap(loadSnapshot(toSourceFiles(files), {}, cache)).rows)
      .map((r) => r.guards.map(describeGuard).join('; '));
  };

  it('an identical IngressRoute gets the guards of its changed Middleware', () => {
    const files = { 'app.yaml': app, 'mw.yaml': middleware('traefik.io', 'ipAllowList', '10.0.0.0/8'), 'ir.yaml': ingressRoute('traefik.io', 'Host(`shop.example.com`)') };
    const cache = new ParseCache();
    const base = buildExposureMap(loadSnapshot(toSourceFiles(files), {}, cache)).rows;
    const head = buildExposureMap(loadSnapshot(toSourceFiles({ ...files, 'mw.yaml': middleware('traefik.io', 'ipAllowList', '0.0.0.0/0') }), {}, cache)).rows;
    expect(base.map((r) => r.guards.map(describeGuard))).toEqual([['ip-allowlist 10.0.0.0-10.255.255.255']]);
    expect(head.map((r) => r.guards.map(describeGuard))).toEqual([['ip-allowlist 0.0.0.0-255.255.255.255']]);
  });

  it('an identical Ingress served by Traefik gets the guards of its changed Middleware and TLSOption', () => {
    const ingress = yaml(
      'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', '  namespace: shop', '  annotations:',
      '    traefik.ingress.kubernetes.io/router.tls: "true"', '    traefik.ingress.kubernetes.io/router.tls.options: shop-mtls@kubernetescrd',
      '    traefik.ingress.kubernetes.io/router.middlewares: shop-office@kubernetescrd',
      'spec:', '  ingressClassName: traefik', '  rules:', '  - host: shop.example.com',
      '    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}',
    );
    const tls = (level: string) => yaml('apiVersion: traefik.io/v1alpha1', 'kind: TLSOption', 'metadata: {name: mtls, namespace: shop}', `spec: {clientAuth: {clientAuthType: ${level}}}`);
    const files = { 'mw.yaml': middleware('traefik.io', 'ipAllowList', '10.0.0.0/8'), 'tls.yaml': tls('RequireAndVerifyClientCert'), 'i.yaml': ingress };
    expect(guardsAcross(files, { 'mw.yaml': middleware('traefik.io', 'ipAllowList', '0.0.0.0/0') })).toEqual([
      'tls default certificate; client-cert RequireAndVerifyClientCert; ip-allowlist 10.0.0.0-10.255.255.255',
      'tls default certificate; client-cert RequireAndVerifyClientCert; ip-allowlist 0.0.0.0-255.255.255.255',
    ]);
    expect(guardsAcross(files, { 'tls.yaml': tls('NoClientCert') })).toEqual([
      'tls default certificate; client-cert RequireAndVerifyClientCert; ip-allowlist 10.0.0.0-10.255.255.255',
      'tls default certificate; ip-allowlist 10.0.0.0-10.255.255.255',
    ]);
  });

  it('an identical IngressRoute gets the client-certificate level of its changed TLSOption', () => {
    const files = {
      'tls.yaml': yaml('apiVersion: traefik.io/v1alpha1', 'kind: TLSOption', 'metadata: {name: mtls, namespace: shop}', 'spec: {clientAuth: {clientAuthType: RequireAndVerifyClientCert}}'),
      'ir.yaml': ingressRoute('traefik.io', 'Host(`shop.example.com`)', ['  tls: {options: {name: mtls}}']).replace('    middlewares: [{name: office}]\n', ''),
    };
    expect(guardsAcross(files, { 'tls.yaml': files['tls.yaml'].replace('RequireAndVerifyClientCert', 'NoClientCert') })).toEqual([
      'tls default certificate; client-cert RequireAndVerifyClientCert',
      'tls default certificate',
    ]);
  });
});

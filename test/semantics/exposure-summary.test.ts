import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot, ParseCache } from '../../src/model/load.js';
import { buildExposureMap, diffExposureMaps, exposureChange, isEmptyDiff, newEdges, rowData } from '../../src/semantics/exposure-map.js';
import { toSourceFiles, yaml, type Files } from '../helpers/rule-tester.js';

/**
 * The summary's exposure change (analyze → summary.exposure) is computed only when a changed object is one the
 * exposure map reads (readByExposureMap): each kind it reads, changed alone, must still show; a change of anything
 * else, or none at all, shows nothing.
 */
const namespaces = (exposeShop: boolean) => yaml(
  'apiVersion: v1', 'kind: Namespace', `metadata: {name: shop, labels: {expose: "${exposeShop}"}}`,
);
const deployment = (app: string) => yaml(
  'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web, namespace: shop}', 'spec:', '  template:',
  `    metadata: {labels: {app: ${app}}}`, '    spec: {containers: [{name: web, ports: [{containerPort: 8080}]}]}',
);
const pod = (app: string) => yaml('apiVersion: v1', 'kind: Pod', `metadata: {name: db, namespace: shop, labels: {app: ${app}}}`, 'spec: {containers: [{name: db, ports: [{containerPort: 5432}]}]}');
const service = (name: string, app: string, port: number) => yaml(
  'apiVersion: v1', 'kind: Service', `metadata: {name: ${name}, namespace: shop}`, `spec: {selector: {app: ${app}}, ports: [{port: 80, targetPort: ${port}}]}`,
);
const ingressClass = (controller: string) => yaml('apiVersion: networking.k8s.io/v1', 'kind: IngressClass', 'metadata: {name: edge}', `spec: {controller: ${controller}}`);
const ingress = (path: string) => yaml(
  'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: shop, namespace: shop}', 'spec:', '  ingressClassName: edge', '  rules:',
  '    - host: shop.example.com', '      http:', '        paths:',
  `          - {path: ${path}, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}`,
  '          - {path: /db, pathType: Prefix, backend: {service: {name: db, port: {number: 80}}}}',
);
const gateway = yaml(
  'apiVersion: gateway.networking.k8s.io/v1', 'kind: Gateway', 'metadata: {name: public, namespace: infra}', 'spec:', '  gatewayClassName: eg', '  listeners:',
  '  - {name: https, protocol: HTTPS, port: 443, hostname: "*.example.com", allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {expose: "true"}}}}}',
);
const route = yaml(
  'apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', 'metadata: {name: web, namespace: shop}', 'spec:',
  '  parentRefs: [{name: public, namespace: infra}]', '  hostnames: ["api.example.com"]', '  rules:', '  - backendRefs: [{name: web, port: 80}]',
);
const policy = (port: number) => yaml(
  'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: web, namespace: shop}', 'spec:',
  '  podSelector: {matchLabels: {app: web}}', `  ingress: [{ports: [{port: ${port}}]}]`,
);

const base: Files = {
  'ns.yaml': namespaces(true), 'web.yaml': deployment('web'), 'db.yaml': pod('db'), 'svc-web.yaml': service('web', 'web', 8080),
  'svc-db.yaml': service('db', 'db', 5432), 'class.yaml': ingressClass('k8s.io/ingress-nginx'), 'ingress.yaml': ingress('/'),
  'gateway.yaml': gateway, 'route.yaml': route, 'policy.yaml': policy(8080),
};
const exposureAfter = (changes: Files) => analyze(toSourceFiles(base), toSourceFiles({ ...base, ...changes })).summary.exposure;

describe('the summary\'s exposure change', () => {
  it.each<[string, Files]>([
    ['an Ingress', { 'ingress.yaml': ingress('/shop') }],
    ['a Service (its selector)', { 'svc-web.yaml': service('web', 'other', 8080) }],
    ['a Deployment (its pod labels)', { 'web.yaml': deployment('other') }],
    ['a Pod (its labels)', { 'db.yaml': pod('other') }],
    ['an IngressClass (its controller)', { 'class.yaml': ingressClass('traefik.io/ingress-controller') }],
    ['a Namespace (the labels a Gateway listener admits routes by)', { 'ns.yaml': namespaces(false) }],
    ['a Gateway (deleted)', { 'gateway.yaml': '' }],
  ])('shows a change of %s alone', (_, changes) => {
    const exposure = exposureAfter(changes);
    expect(exposure).toBeDefined();
    expect(exposure!.added.length + exposure!.removed.length + exposure!.changed.length).toBeGreaterThan(0);
  });

  it('shows nothing for a change the map does not read (a NetworkPolicy), nor for moved and split files', () => {
    expect(exposureAfter({ 'policy.yaml': policy(9090) })).toBeUndefined();
    const moved = Object.fromEntries(Object.entries(base).map(([path, text]) => [`apps/${path}`, text]));
    expect(analyze(toSourceFiles(base), toSourceFiles(moved)).summary.exposure).toBeUndefined();
    const merged = { 'all.yaml': Object.values(base).join('---\n') };
    expect(analyze(toSourceFiles(base), toSourceFiles(merged)).summary.exposure).toBeUndefined();
  });
});

/** The change as the difference of the two full maps: every row of both sides resolved and compared. */
function fullMapsChange(baseFiles: Files, headFiles: Files) {
  const cache = new ParseCache();
  const head = loadSnapshot(toSourceFiles(headFiles), {}, cache);
  const base = loadSnapshot(toSourceFiles(baseFiles), {}, cache);
  const [before, after] = [buildExposureMap(base), buildExposureMap(head)];
  const diff = diffExposureMaps(before, after);
  const reference = isEmptyDiff(diff) ? undefined : {
    rows: { base: before.rows.length, head: after.rows.length },
    added: diff.added.map((r) => rowData(r, 'head')),
    removed: diff.removed.map((r) => rowData(r, 'base')),
    changed: diff.changed.map((c) => ({ before: rowData(c.before, 'base'), after: rowData(c.after, 'head'), changes: c.changes })),
    newEdges: newEdges(before, after),
  };
  return { reference, incremental: exposureChange(base, head) };
}

describe('exposureChange resolves only the rows that may differ', () => {
  const sameEntry = (name: string, service: string) => yaml(
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', `metadata: {name: ${name}, namespace: shop}`, 'spec:', '  ingressClassName: edge', '  rules:',
    '    - host: shop.example.com', '      http:', '        paths:', `          - {path: /, pathType: Prefix, backend: {service: {name: ${service}, port: {number: 80}}}}`,
  );
  it.each<[string, Files]>([
    ['an Ingress path', { 'ingress.yaml': ingress('/shop') }],
    ['a Service selector', { 'svc-web.yaml': service('web', 'other', 8080) }],
    ['pod labels', { 'web.yaml': deployment('other'), 'db.yaml': pod('other') }],
    ['the class controller', { 'class.yaml': ingressClass('traefik.io/ingress-controller') }],
    ['a Namespace label', { 'ns.yaml': namespaces(false) }],
    // The new Ingress's entry and its edges are those of an unchanged one: no new edge (found among the rows not compared).
    ['a second Ingress with the entry and backend of an unchanged one', { 'second.yaml': sameEntry('second', 'web') }],
    ['a second Ingress with the entry of an unchanged one and another backend', { 'second.yaml': sameEntry('second', 'db') }],
    ['nothing', {}],
  ])('is the full maps\' difference for a change of %s', (_, changes) => {
    const withEntry = { ...base, 'first.yaml': sameEntry('first', 'web') };
    const { reference, incremental } = fullMapsChange(withEntry, { ...withEntry, ...changes });
    expect(incremental).toEqual(reference);
  });

  // Moved files are new Resources of the same decoded objects: their rows are equal to the base's, not compared. The
  // objects the route APIs read (class, Gateway, Namespace) stay where they are, so the routing contexts are the same.
  it.each<[string, Files]>([
    ['nothing else', {}],
    ['a Service selector', { 'svc-web.yaml': service('web', 'other', 8080) }],
    ['an Ingress path', { 'ingress.yaml': ingress('/shop') }],
    ['pod labels', { 'web.yaml': deployment('other') }],
    ['a Service deleted', { 'svc-db.yaml': '' }],
    ['the class controller', { 'class.yaml': ingressClass('traefik.io/ingress-controller') }],
  ])('is the full maps\' difference when the routes and workloads moved, with a change of %s', (_, changes) => {
    const kept = new Set(['class.yaml', 'gateway.yaml', 'ns.yaml']);
    const moved = Object.fromEntries(Object.entries({ ...base, ...changes }).map(([path, text]) => [kept.has(path) ? path : `platform/${path}`, text]));
    const { reference, incremental } = fullMapsChange(base, moved);
    expect(incremental).toEqual(reference);
  });

  // Rows are compared one by one: a row is left out only when its Services are the same objects selecting the same
  // workloads on both sides, whatever else changed in their namespace.
  const neighbour = (app: string, port = 8080) => yaml(
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: api, namespace: shop}', 'spec:', '  template:',
    `    metadata: {labels: {app: ${app}}}`, `    spec: {containers: [{name: api, ports: [{containerPort: ${port}}]}]}`,
  );
  it.each<[string, Files]>([
    ["a neighbour relabelled into an unchanged Service's selection", { 'api.yaml': neighbour('web') }],
    ['a neighbour relabelled, behind no Service', { 'api.yaml': neighbour('other') }],
    ['a neighbour behind no Service declaring another port', { 'api.yaml': neighbour('api', 9090) }],
    ['the workload behind one of two paths declaring another port', { 'db.yaml': pod('db').replace('5432', '5433') }],
    ['a neighbour relabelled while the other path\'s Service changes', { 'api.yaml': neighbour('other'), 'svc-db.yaml': service('db', 'db', 5433) }],
  ])('is the full maps\' difference for a change of %s', (_, changes) => {
    const withNeighbour = { ...base, 'api.yaml': neighbour('api') };
    const { reference, incremental } = fullMapsChange(withNeighbour, { ...withNeighbour, ...changes });
    expect(incremental).toEqual(reference);
  });

  it('the second Ingress of an unchanged entry adds rows but no edge', () => {
    const withEntry = { ...base, 'first.yaml': sameEntry('first', 'web') };
    const { incremental } = fullMapsChange(withEntry, { ...withEntry, 'second.yaml': sameEntry('second', 'web') });
    expect(incremental?.added.map((r) => r.object.name)).toEqual(['second']);
    expect(incremental?.newEdges).toEqual([]);
  });
});

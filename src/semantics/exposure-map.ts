import type { EdgeEnd, FindingEdge, Side } from '../findings/finding.js';
import type { FieldPath } from '../model/field-path.js';
import { deepEqual } from '../model/json.js';
import type { Model } from '../model/load.js';
import { memoWhileSame, sameItems } from '../model/memo.js';
import type { Resource } from '../model/resource.js';
import { isGatewayRoute } from '../model/gateway.js';
import { isIngress } from '../model/ingress.js';
import { isIngressRoute } from '../model/traefik.js';
import { pushTo } from './connectivity.js';
import { backendInputs, resolveBackends, sameResolution } from './exposure/backends.js';
import { gatewayDrafts } from './exposure/gateway.js';
import { ingressDrafts } from './exposure/ingress.js';
import { isOpenshiftRoute, openshiftRouteDrafts } from './exposure/openshift.js';
import { ingressRouteDrafts } from './exposure/traefik.js';
import { buildTopology, definesBackends, type Topology } from './topology.js';

/**
 * The exposure map: every way into the cluster, one row per entry point, in one shape whatever API wrote it:
 * controller/class → listener or entrypoint → host pattern → path match → guards → backend Service → workloads
 * (:port). Pure: one Model in, rows out. docs/exposure.md says how each API is read.
 */

/** How a row's host pattern matches request hosts; each API has its own wildcard semantics. */
export type HostMatch =
  /** One name, case-insensitive. */
  | 'exact'
  /** `*.example.com` where `*` is exactly one label (Ingress, Traefik `Host`). */
  | 'one-label'
  /** `*.example.com` matching any number of labels (Gateway API listeners and routes). */
  | 'suffix'
  /** Every host (no host set anywhere). */
  | 'any'
  /** A host the platform generates (an OpenShift Route without `spec.host`). */
  | 'generated'
  /** A regular expression (Traefik `HostRegexp`). */
  | 'regex';

export type GuardKind = 'tls' | 'client-cert' | 'ip-allowlist' | 'auth' | 'cors';
export const GUARD_KINDS: readonly GuardKind[] = ['tls', 'client-cert', 'ip-allowlist', 'auth', 'cors'];

/** A protection (or, for CORS, a declared cross-origin policy) in front of a row; `detail` says which. */
export interface Guard {
  kind: GuardKind;
  detail: string;
}

export interface ExposureWorkload {
  /** `namespace/name[Kind]`, as in the connectivity engine. */
  id: string;
  /** Pod ports the entry reaches (numbers; a named port that no container declares stays a name). */
  ports: (number | string)[];
}

export interface ExposureBackend {
  namespace: string;
  service: string;
  /** Service port (number or name); undefined: every port of the Service. */
  port?: number | string;
  /** A non-Service backend (`apiGroup/kind/name`): nothing to resolve to workloads. */
  resource?: string;
  /** Set when the controller will not route there (e.g. a cross-namespace backendRef without a ReferenceGrant). */
  blocked?: string;
  workloads: ExposureWorkload[];
}

/** Where in the manifests a row comes from, for attribution. */
export interface RowSource {
  resource: Resource;
  /** The route (an Ingress path, a Route's `spec.to`, a route rule). */
  path: FieldPath;
  /** Where the row's host is written, or the field that lacks one (an Ingress rule without `host`). */
  hostPath: FieldPath;
}

export interface ExposureRow {
  /**
   * The row's identity across base and head (no line numbers, no list indexes that shift): the object, and what
   * inside it the row is (host, match, and for Gateway API the listener it attaches to).
   */
  key: string;
  /** The object that defines the route: `Ingress shop/web`. */
  object: { kind: string; namespace: string; name: string };
  /** The controller or class: `ingress-nginx (class nginx)`, `traefik`, `gateway infra/public`, `openshift-router`. */
  controller: string;
  /** Listener or entrypoints: `http`, `http+https`, `web,websecure`, `https:443 (listener https)`. */
  listener: string;
  /** The host pattern, `*` for every host. */
  host: string;
  hostMatch: HostMatch;
  /** The request match: `Prefix /api`, `Exact /login`, `PathPrefix(\`/\`)`, `default backend`, `SNI`, `TCP`. */
  match: string;
  /** Matches every request path for its host(s): Prefix `/`, a default backend, a route without matches. */
  catchAll: boolean;
  guards: Guard[];
  backends: ExposureBackend[];
  source: RowSource;
  /** Things the reader should know about this row (an unresolved Middleware, an unknown class, ...). */
  notes?: string[];
}

/** A row before its backends are resolved to workloads: what the per-API builders produce. */
export type DraftRow = Omit<ExposureRow, 'backends'> & { backends: Omit<ExposureBackend, 'workloads'>[] };

export interface ExposureMap {
  rows: ExposureRow[];
}

const cache = new WeakMap<Model, ExposureMap>();

export function buildExposureMap(model: Model): ExposureMap {
  let map = cache.get(model);
  if (!map) {
    map = computeMap(model);
    cache.set(model, map);
  }
  return map;
}

/**
 * The route objects of each API, their builders (the draft rows of one object) and the kinds of the other objects
 * those builders read from the model. `reads` must list every such kind: rows are reused across the sides of a
 * change while the objects of those kinds are the same (the tests change each one).
 */
interface RouteApi {
  isRoute: (resource: Resource) => boolean;
  drafts: (resource: Resource, model: Model) => DraftRow[];
  reads: ReadonlySet<string>;
}

const ROUTES: RouteApi[] = [
  // The class decides the controller (ingress-nginx or Traefik); Traefik's router annotations name Middlewares and TLSOptions.
  { isRoute: isIngress, drafts: ingressDrafts, reads: new Set(['IngressClass', 'Middleware', 'TLSOption']) },
  { isRoute: isIngressRoute, drafts: ingressRouteDrafts, reads: new Set(['Middleware', 'TLSOption']) },
  // Listeners admit routes by the labels of their Namespace; cross-namespace backends need a ReferenceGrant.
  { isRoute: isGatewayRoute, drafts: gatewayDrafts, reads: new Set(['Gateway', 'ReferenceGrant', 'Namespace']) },
  { isRoute: isOpenshiftRoute, drafts: openshiftRouteDrafts, reads: new Set() },
];

/**
 * Whether a changed object can alter an exposure map: a route object, an object a route API reads, or a workload or
 * Service behind the backends. A change of nothing else leaves both sides' maps the same (exposureChange is then
 * undefined without building them: a pull request that only moves or splits files changes no object at all).
 */
export function readByExposureMap(resource: Resource): boolean {
  return ROUTES.some((api) => api.isRoute(resource) || api.reads.has(resource.kind)) || definesBackends(resource);
}

function computeMap(model: Model): ExposureMap {
  const topology = buildTopology(model);
  const rows = routeDraftsOf(model).flatMap(({ drafts }) => drafts.map((draft) => resolved(draft, topology)));
  return { rows: rows.sort(byKey) };
}

/** The draft rows of one route object (before their backends are resolved to workloads). */
interface RouteDrafts {
  resource: Resource;
  drafts: DraftRow[];
  /** The objects of the kinds its API reads, as a token (RoutingContext). */
  context: RoutingContext;
}

const routeDrafts = new WeakMap<Model, RouteDrafts[]>();

/** The route objects of a model in model order, each with its draft rows: one row per draft. */
function routeDraftsOf(model: Model): RouteDrafts[] {
  let routes = routeDrafts.get(model);
  if (!routes) {
    routes = [];
    for (const resource of model.resources) {
      const api = ROUTES.find((candidate) => candidate.isRoute(resource));
      if (api) routes.push({ resource, drafts: draftsOf(resource, model, api), context: routingContext(model, api) });
    }
    routeDrafts.set(model, routes);
  }
  return routes;
}

/**
 * Most route objects are the same Resource on both sides of a change (identical files): their rows are built once
 * and shared while the objects they read are the same too, which also lets the diff compare them by identity.
 */
const drafted = new WeakMap<Resource, { context: RoutingContext; drafts: DraftRow[] }>();

function draftsOf(resource: Resource, model: Model, api: RouteApi): DraftRow[] {
  const context = routingContext(model, api);
  const known = drafted.get(resource);
  if (known?.context === context) return known.drafts;
  const drafts = api.drafts(resource, model);
  drafted.set(resource, { context, drafts });
  return drafts;
}

const resolvedRow = memoWhileSame((draft: DraftRow, topology: Topology): ExposureRow => ({ ...draft, backends: resolveBackends(draft.backends, topology) }));

function resolved(draft: DraftRow, topology: Topology): ExposureRow {
  return resolvedRow(draft, backendInputs(draft.backends, topology), topology);
}

/** The objects of the kinds an API's drafts read, as one token: models whose such objects are the same Resources share it. */
interface RoutingContext {
  resources: Resource[];
}

const contexts = new WeakMap<Model, Map<RouteApi, RoutingContext>>();
const recentContexts = new Map<RouteApi, WeakRef<RoutingContext>>();

function routingContext(model: Model, api: RouteApi): RoutingContext {
  let byApi = contexts.get(model);
  if (!byApi) contexts.set(model, (byApi = new Map()));
  let context = byApi.get(api);
  if (context) return context;
  const resources = api.reads.size === 0 ? [] : model.resources.filter((r) => api.reads.has(r.kind));
  const recent = recentContexts.get(api)?.deref();
  context = recent && sameItems(recent.resources, resources) ? recent : { resources };
  recentContexts.set(api, new WeakRef(context));
  byApi.set(api, context);
  return context;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const byKey = (a: ExposureRow, b: ExposureRow) => compare(a.key, b.key);

// ---------------------------------------------------------------------------------------------------------------
// Descriptions (shared by every formatter, so text, Markdown and JSON say the same thing)

export function describeGuard(guard: Guard): string {
  return `${guard.kind} ${guard.detail}`.trim();
}

export function describeBackend(backend: ExposureBackend): string {
  if (backend.resource) return `resource ${backend.resource}`;
  const service = `${backend.namespace}/${backend.service}${backend.port === undefined ? '' : `:${backend.port}`}`;
  return backend.blocked ? `${service} (does not route: ${backend.blocked})` : service;
}

export function describeWorkload(workload: ExposureWorkload): string {
  return workload.ports.length === 0 ? workload.id : `${workload.id}:${workload.ports.join(',')}`;
}

/** `host match` with `*` for every host: the entry as a user would type it. */
export function describeEntry(row: Pick<ExposureRow, 'host' | 'match'>): string {
  return `${row.host} ${row.match}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The difference between two maps

export interface RowChange {
  before: ExposureRow;
  after: ExposureRow;
  /** What differs, one phrase each: `guards: lost ip-allowlist 10.0.0.0/8`, `backends: shop/web:80 → shop/api:80`. */
  changes: string[];
}

export interface ExposureDiff {
  added: ExposureRow[];
  removed: ExposureRow[];
  changed: RowChange[];
}

export function isEmptyDiff(diff: ExposureDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

export function diffExposureMaps(base: ExposureMap, head: ExposureMap): ExposureDiff {
  const before = new Map(base.rows.map((r) => [r.key, r]));
  const after = new Map(head.rows.map((r) => [r.key, r]));
  const added = head.rows.filter((r) => !before.has(r.key));
  const removed = base.rows.filter((r) => !after.has(r.key));
  const changed: RowChange[] = [];
  for (const row of head.rows) {
    const old = before.get(row.key);
    if (!old) continue;
    const changes = rowChanges(old, row);
    if (changes.length > 0) changed.push({ before: old, after: row, changes });
  }
  return { added, removed, changed };
}

/** Whether two rows read the same in every field the diff and the edges use: most rows of a change are. */
function sameRow(a: ExposureRow, b: ExposureRow): boolean {
  return a === b || a.controller === b.controller && a.listener === b.listener && a.host === b.host && a.hostMatch === b.hostMatch &&
    a.match === b.match && deepEqual(a.guards, b.guards) && deepEqual(a.backends, b.backends);
}

function rowChanges(a: ExposureRow, b: ExposureRow): string[] {
  if (sameRow(a, b)) return [];
  const out: string[] = [];
  const scalar = (name: string, x: string, y: string) => {
    if (x !== y) out.push(`${name}: ${x} → ${y}`);
  };
  scalar('controller', a.controller, b.controller);
  scalar('listener', a.listener, b.listener);
  scalar('host match', a.hostMatch, b.hostMatch);
  const set = (name: string, x: string[], y: string[]) => {
    const lost = x.filter((v) => !y.includes(v));
    const gained = y.filter((v) => !x.includes(v));
    if (lost.length > 0) out.push(`${name}: lost ${lost.join(', ')}`);
    if (gained.length > 0) out.push(`${name}: gained ${gained.join(', ')}`);
  };
  set('guards', a.guards.map(describeGuard), b.guards.map(describeGuard));
  set('backends', a.backends.map(describeBackend), b.backends.map(describeBackend));
  set('workloads', workloadsOf(a).map(describeWorkload), workloadsOf(b).map(describeWorkload));
  return out;
}

export function workloadsOf(row: ExposureRow): ExposureWorkload[] {
  return row.backends.filter((b) => !b.blocked).flatMap((b) => b.workloads);
}

// ---------------------------------------------------------------------------------------------------------------
// Edges, for graphs: controller → entry (listener, host, match) → workload, in the shape of Finding.edges so the
// Markdown summary draws them with the same Mermaid code as new connections.

/** What a row's edges are drawn from: an ExposureRow or its data form. */
export type EdgeRow = Pick<ExposureRow, 'controller' | 'listener' | 'host' | 'match' | 'guards' | 'backends'>;

/** The graph of a set of rows: controller → entry (labelled with its guards) → workload (labelled Service → pod ports). */
export function edgesOf(rows: readonly EdgeRow[]): FindingEdge[] {
  const edges = new Map<string, FindingEdge>();
  const add = (e: FindingEdge) => edges.set(edgeKey(e), e);
  for (const row of rows) {
    const entry: EdgeEnd = { type: 'entry', name: entryName(row) };
    add({ source: { type: 'ingress-controller', name: row.controller }, destination: entry, ports: row.guards.length === 0 ? 'unguarded' : row.guards.map((g) => g.kind).join(', ') });
    for (const b of row.backends) {
      if (b.blocked) continue;
      const service = describeBackend(b);
      if (b.workloads.length === 0) add({ source: entry, destination: { type: 'workload', name: `${service} (no workload in the manifests)` }, ports: 'no pods' });
      for (const w of b.workloads) add({ source: entry, destination: { type: 'workload', name: w.id }, ports: `${service} → ${w.ports.join(',') || 'no port'}` });
    }
  }
  return [...edges.values()];
}

/** The edges of `head` that `base` does not have (what a change newly connects). */
export function newEdges(base: ExposureMap, head: ExposureMap): FindingEdge[] {
  const byEntry = new Map<string, ExposureRow[]>();
  for (const row of base.rows) pushTo(byEntry, entryName(row), row);
  return edgesNotIn(base.rows, head.rows, (entry) => byEntry.get(entry) ?? []);
}

/**
 * The edges of `headRows` that no base row draws: `baseRows` are the base rows of the same keys (a head row equal to
 * its base row draws edges base has, so only the other rows can add one), `baseRowsAt` every base row of an entry.
 */
function edgesNotIn(baseRows: readonly ExposureRow[], headRows: readonly ExposureRow[], baseRowsAt: (entry: string) => ExposureRow[]): FindingEdge[] {
  const before = new Map(baseRows.map((r) => [r.key, r]));
  const candidates = edgesOf(headRows.filter((r) => {
    const old = before.get(r.key);
    return !old || !sameRow(old, r);
  }));
  if (candidates.length === 0) return [];
  // Every edge of a row starts or ends at the row's entry: only base rows with a candidate's end as entry can have it.
  const ends = new Set(candidates.flatMap((e) => [e.source.name, e.destination.name]));
  const seen = new Set(edgesOf([...ends].flatMap(baseRowsAt)).map(edgeKey));
  return candidates.filter((e) => !seen.has(edgeKey(e)));
}

function entryName(row: Pick<ExposureRow, 'listener' | 'host' | 'match'>): string {
  return `${row.listener} ${describeEntry(row)}`;
}

function edgeKey(edge: FindingEdge): string {
  return JSON.stringify([edge.source.name, edge.destination.name, edge.ports]);
}

// ---------------------------------------------------------------------------------------------------------------
// Plain data (no Resource objects), for JSON and for the analysis summary

export type ExposureRowData = Omit<ExposureRow, 'source'> & { location: { path: string; line: number; side: Side } };

export function rowData(row: ExposureRow, side: Side): ExposureRowData {
  const { source, ...rest } = row;
  const at = source.resource.at(source.path);
  return { ...rest, location: { path: at.path, line: at.line, side } };
}

/** What a change does to the exposure map, as data: carried on the analysis summary for the reports. */
export interface ExposureChange {
  rows: { base: number; head: number };
  added: ExposureRowData[];
  removed: ExposureRowData[];
  changed: { before: ExposureRowData; after: ExposureRowData; changes: string[] }[];
  /** Edges of head that base does not have. */
  newEdges: FindingEdge[];
}

/**
 * The difference of the exposure maps of two models; undefined when the maps are the same. Only the rows that can
 * differ are resolved and compared: those of a route object that is not the same decoded object in the same routing
 * context on both sides (its drafts are then equal but for where they are written), and each row whose backends
 * resolve through other Services or to other workloads. The others yield equal rows, so the result is the full maps'
 * difference without resolving every row of both sides; a moved file (a new Resource of the same object) is no difference.
 */
export function exposureChange(base: Model, head: Model): ExposureChange | undefined {
  const [baseRoutes, headRoutes] = [routeDraftsOf(base), routeDraftsOf(head)];
  const [baseTopology, headTopology] = [buildTopology(base), buildTopology(head)];
  const baseByKey = new Map(baseRoutes.map((route) => [route.resource.key, route]));
  const same = new Set<DraftRow>();
  for (const route of headRoutes) {
    const was = baseByKey.get(route.resource.key);
    // Drafts depend on the object and the routing context alone (the draft cache relies on it): equal drafts, paired by index.
    if (!was || was.resource.object !== route.resource.object || was.context !== route.context || was.drafts.length !== route.drafts.length) continue;
    route.drafts.forEach((d, i) => {
      if (sameResolution(was.drafts[i].backends, baseTopology, d.backends, headTopology)) same.add(was.drafts[i]).add(d);
    });
  }
  const rowsThatMayDiffer = (routes: RouteDrafts[], topology: Topology): ExposureRow[] =>
    routes.flatMap(({ drafts }) => drafts.filter((draft) => !same.has(draft)).map((draft) => resolved(draft, topology))).sort(byKey);
  const [before, after] = [rowsThatMayDiffer(baseRoutes, baseTopology), rowsThatMayDiffer(headRoutes, headTopology)];
  const diff = diffExposureMaps({ rows: before }, { rows: after });
  if (isEmptyDiff(diff)) return undefined;
  const baseByEntry = new Map<string, DraftRow[]>();
  for (const { drafts } of baseRoutes) for (const draft of drafts) pushTo(baseByEntry, entryName(draft), draft);
  const count = (routes: RouteDrafts[]) => routes.reduce((n, route) => n + route.drafts.length, 0);
  return {
    rows: { base: count(baseRoutes), head: count(headRoutes) },
    added: diff.added.map((r) => rowData(r, 'head')),
    removed: diff.removed.map((r) => rowData(r, 'base')),
    changed: diff.changed.map((c) => ({ before: rowData(c.before, 'base'), after: rowData(c.after, 'head'), changes: c.changes })),
    newEdges: edgesNotIn(before, after, (entry) => (baseByEntry.get(entry) ?? []).map((draft) => resolved(draft, baseTopology))),
  };
}

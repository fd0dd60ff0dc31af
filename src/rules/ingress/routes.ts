import { code } from '../../findings/code-span.js';
import type { FieldPath } from '../../model/field-path.js';
import { ingressOf, isIngress, type IngressBackend, type IngressModel, type IngressPath, type IngressRule } from '../../model/ingress.js';
import { lookup } from '../../model/lookup.js';
import { asArray, isObject } from '../../model/json.js';
import type { Model } from '../../model/load.js';
import type { Resource } from '../../model/resource.js';
import type { DiffContext, Place, ResourcePair } from '../rule.js';
import { hostCovers, hostRank, isWildcard, normalizeHost, sameHost, type Host } from './hosts.js';
import { describePath, matchLength, pathBroader, pathCovers, pathKey } from './paths.js';

/** A changed Ingress: both sides for a change, `after` only for a new one, `before` only for a deletion. */
export interface IngressPair {
  before?: IngressModel;
  after?: IngressModel;
}

export function ingressPairs(changed: readonly ResourcePair[]): IngressPair[] {
  const pairs: IngressPair[] = [];
  for (const { before, after } of changed) {
    const b = before && isIngress(before) ? ingressOf(before) : undefined;
    const a = after && isIngress(after) ? ingressOf(after) : undefined;
    if (b || a) pairs.push({ before: b, after: a });
  }
  return pairs;
}

export function pathsOf(model: IngressModel): IngressPath[] {
  return model.rules.flatMap((rule) => rule.paths);
}

/** `Ingress shop/web`: how messages name the object. */
export function subjectOf(model: IngressModel): string {
  return `Ingress ${model.resource.namespace}/${model.resource.name}`;
}

/** `shop.example.com/api (Prefix)` or `every host /api (Prefix)`. */
export function describeRoute(route: IngressPath): string {
  return route.host === undefined ? `every host, path ${describePath(route)}`
    : `${code(`${route.host}${route.path.startsWith('/') ? '' : ' '}${route.path}`)} (${route.pathType})`;
}

/** A fingerprint key for a route: its meaning, never its list index or line. */
export function routeKey(route: IngressPath): string {
  return `${normalizeHost(route.host) ?? '*'} ${pathKey(route)} ${route.pathType}`;
}

/** Both sides of the change, to resolve a named service port through the Service of each side. */
export interface Snapshots {
  base: Model;
  head: Model;
}

/** A backend's port, as a number when it is a name that the Service of the same snapshot defines. */
function portOf(backend: IngressBackend, model: Model | undefined, ingress: { namespace: string; scope?: string }): string {
  if (typeof backend.port === 'string' && backend.service && model) {
    const service = lookup(model, { group: '', kind: 'Service', namespace: ingress.namespace, name: backend.service }, ingress);
    const port = asArray(service?.spec.ports)?.find((p) => isObject(p) && p.name === backend.port);
    if (isObject(port) && typeof port.port === 'number') return String(port.port);
  }
  return String(backend.port);
}

/** Whether a base backend and a head backend of an Ingress (`ingress`: its namespace and render target) are the same service port. */
export function sameBackend(was: IngressBackend | undefined, now: IngressBackend | undefined, ingress: { namespace: string; scope?: string }, snapshots?: Snapshots): boolean {
  if (!was || !now) return was === now;
  return was.service === now.service && was.resource === now.resource &&
    portOf(was, snapshots?.base, ingress) === portOf(now, snapshots?.head, ingress);
}

export function place(model: IngressModel, path: FieldPath, side: 'base' | 'head'): Place & { resource: Resource } {
  return { resource: model.resource, path, side };
}

/** The line to blame for a backend: the service name when the service differs, else its port. */
export function backendLine(backend: IngressBackend, other: IngressBackend | undefined): FieldPath {
  if (other && backend.service === other.service && backend.resource === other.resource) return backend.portPath ?? backend.path;
  return backend.servicePath ?? backend.path;
}

/**
 * Which route of `model` serves a request for `host` (a host pattern: the requests it stands for) and
 * `requestPath`: the most specific host (exact, then wildcard, then no host), then the longest path, Exact before
 * Prefix before ImplementationSpecific; undefined when only the default backend would take it.
 */
export function serve(model: IngressModel, host: Host, requestPath: string): IngressPath | undefined {
  let best: IngressPath | undefined;
  let bestScore: number[] = [];
  for (const route of pathsOf(model)) {
    if (!hostCovers(route.host, host)) continue;
    const length = matchLength(route, requestPath);
    if (length === undefined) continue;
    const score = [hostRank(route.host, host), length, route.pathType === 'Exact' ? 2 : route.pathType === 'Prefix' ? 1 : 0];
    if (!best || compareScores(score, bestScore) > 0) {
      best = route;
      bestScore = score;
    }
  }
  return best;
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * What a head route is, judged against the base routes (never by list index):
 * - `unchanged`: the base had this route (same host and path), or already sent every request it admits to the
 *   same backend; a tightening (Prefix → Exact, a longer prefix, ImplementationSpecific → Prefix) lands here too;
 * - `path-broadened`: on the same host, it admits every request of a base route and more;
 * - `host-broadened`: it has no host or a wildcard host, and now takes requests for other hosts than the base
 *   routes (on hosts it covers) whose paths overlap its own;
 * - `new-route`: none of the above, a host/path → backend route the base did not have.
 */
export type RouteVerdict =
  | { kind: 'unchanged' }
  | { kind: 'path-broadened'; base: IngressPath; changed: 'path' | 'pathType' }
  | { kind: 'host-broadened'; bases: IngressPath[] }
  | { kind: 'new-route' };

export function classifyRoute(route: IngressPath, before: IngressModel | undefined, after: IngressModel, snapshots: Snapshots): RouteVerdict {
  if (!before) return { kind: 'new-route' };
  const basePaths = pathsOf(before);
  const admittedToSameBackend = basePaths.some((b) => hostCovers(b.host, route.host) && pathCovers(b, route) && sameBackend(b.backend, route.backend, after.resource, snapshots));
  if (admittedToSameBackend) return { kind: 'unchanged' };
  const sameHostPaths = basePaths.filter((b) => sameHost(b.host, route.host));
  const sameKey = sameHostPaths.filter((b) => pathKey(b) === pathKey(route));
  if (sameKey.length > 0) {
    // The route existed; only a wider path type can make it admit more.
    if (sameKey.some((b) => pathCovers(b, route))) return { kind: 'unchanged' };
    const wider = sameKey.find((b) => pathBroader(route, b));
    return wider ? { kind: 'path-broadened', base: wider, changed: 'pathType' } : { kind: 'unchanged' };
  }
  const covered = sameHostPaths.filter((b) => pathBroader(route, b));
  if (covered.length > 0) return { kind: 'path-broadened', base: replacedRoute(covered, after), changed: 'path' };
  if (route.host === undefined || isWildcard(route.host)) {
    const bases = basePaths.filter((b) => !sameHost(b.host, route.host) && hostCovers(route.host, b.host) && (pathCovers(route, b) || pathCovers(b, route)));
    if (bases.length > 0) return { kind: 'host-broadened', bases };
  }
  return { kind: 'new-route' };
}

/** Of the base routes a head route covers, the one it most likely replaced: gone from the head, then the longest. */
function replacedRoute(candidates: IngressPath[], after: IngressModel): IngressPath {
  const headKeys = new Set(pathsOf(after).map(routeKey));
  return [...candidates].sort((a, b) => Number(headKeys.has(routeKey(a))) - Number(headKeys.has(routeKey(b))) || b.path.length - a.path.length)[0];
}

/** Every head route of every changed Ingress with its verdict. */
export function* classifiedRoutes({ base, head, changed }: DiffContext): Generator<{ pair: IngressPair; after: IngressModel; route: IngressPath; verdict: RouteVerdict }> {
  for (const pair of ingressPairs(changed)) {
    const { before, after } = pair;
    if (!after) continue;
    for (const route of pathsOf(after)) yield { pair, after, route, verdict: classifyRoute(route, before, after, { base, head }) };
  }
}

/** Head rules with no host or a wildcard host that now take requests for base hosts they cover, one entry per rule. */
export function* hostBroadenedRules({ base, head, changed }: DiffContext): Generator<{ before: IngressModel; after: IngressModel; rule: IngressRule; routes: IngressPath[]; bases: IngressPath[] }> {
  for (const { before, after } of ingressPairs(changed)) {
    if (!before || !after) continue;
    for (const rule of after.rules) {
      const routes: IngressPath[] = [];
      const bases = new Set<IngressPath>();
      for (const route of rule.paths) {
        const verdict = classifyRoute(route, before, after, { base, head });
        if (verdict.kind !== 'host-broadened') continue;
        routes.push(route);
        for (const replaced of verdict.bases) bases.add(replaced);
      }
      if (routes.length > 0) yield { before, after, rule, routes, bases: [...bases] };
    }
  }
}

/** The distinct hosts of some routes, each with the first route naming it (for its line). */
export function byHost(routes: readonly IngressPath[]): Map<string, IngressPath> {
  const hosts = new Map<string, IngressPath>();
  for (const route of routes) {
    const host = normalizeHost(route.host) ?? '*';
    if (!hosts.has(host)) hosts.set(host, route);
  }
  return hosts;
}

/** The `host` field of the rule a route belongs to (routes live at spec.rules[i].http.paths[j]). */
export function hostFieldOf(route: IngressPath): FieldPath {
  return [...route.fieldPath.slice(0, 3), 'host'];
}

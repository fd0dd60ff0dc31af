import { code } from '../../findings/code-span.js';
import type { FieldPath } from '../../model/field-path.js';
import { describeBackend, ingressOf, isIngress } from '../../model/ingress.js';
import type { Model } from '../../model/load.js';
import type { Resource } from '../../model/resource.js';
import {
  conjunctKey, formatConjunct, guardsOf, hasTraefikAnnotations, ingressRouteOf, isIngressRoute, isMiddleware, isTlsOption,
  resolveMiddleware, traefikIngressOf, type AppliedGuard, type Conjunct, type MatchLiteral, type MiddlewareModel, type MiddlewareRef,
  type TlsOptionRef,
} from '../../model/traefik.js';
import type { DiffContext, Place } from '../rule.js';
import { conjunctCovers } from './match.js';

/**
 * One Traefik router, whichever object declares it: an IngressRoute route, or a path of an Ingress that Traefik
 * serves (a Traefik router annotation or a Traefik class), so a guard moved from one form to the other compares
 * by what it applies to.
 */
export interface Router {
  resource: Resource;
  index: number;
  /** `IngressRoute shop/web` or `Ingress shop/web`. */
  subject: string;
  conjuncts: Conjunct[];
  middlewares: MiddlewareRef[];
  /** `api:80`-like names of the services it sends to, sorted. */
  backends: string[];
  /** The route line (its `match`, or the Ingress path). */
  matchPath: FieldPath;
  /** Where the middlewares are listed, the route line when there are none. */
  middlewaresPath: FieldPath;
  /** Traefik's default priority is the rule's length; an explicit one wins. */
  priority: number;
  entryPoints: string[] | undefined;
  tls: { path: FieldPath; options?: TlsOptionRef } | undefined;
}

const cache = new WeakMap<Model, Router[]>();

/** Every router of a snapshot (computed once per snapshot). */
export function routersOf(model: Model): Router[] {
  let routers = cache.get(model);
  if (!routers) {
    routers = model.resources.flatMap((r) => (isIngressRoute(r) ? ingressRouteRouters(r) : isTraefikIngress(r) ? ingressRouters(r) : []));
    cache.set(model, routers);
  }
  return routers;
}

function ingressRouteRouters(resource: Resource): Router[] {
  const model = ingressRouteOf(resource);
  const tls = model.tls ? { path: model.tls.fieldPath, options: model.tls.options } : undefined;
  return model.routes.flatMap((route) => {
    if (!route.conjuncts) return [];
    return [{
      resource,
      index: route.index,
      subject: `IngressRoute ${resource.namespace}/${resource.name}`,
      conjuncts: route.conjuncts,
      middlewares: route.middlewares,
      backends: route.services.map((s) => `${s.namespace}/${s.name}:${String(s.port ?? '')}`).sort(),
      matchPath: route.matchPath,
      middlewaresPath: route.middlewares.length > 0 ? [...route.fieldPath, 'middlewares'] : route.matchPath,
      priority: route.priority ?? route.match.length,
      entryPoints: model.entryPoints,
      tls,
    }];
  });
}

function isTraefikIngress(resource: Resource): boolean {
  return isIngress(resource) && (hasTraefikAnnotations(resource) || /traefik/i.test(ingressOf(resource).className ?? ''));
}

function ingressRouters(resource: Resource): Router[] {
  const traefik = traefikIngressOf(resource)!;
  const ingress = ingressOf(resource);
  const paths = ingress.rules.flatMap((rule) => rule.paths);
  return paths.map((path, index) => {
    const conjunct: MatchLiteral[] = [];
    if (path.host !== undefined) conjunct.push({ name: 'Host', args: [path.host], negated: false });
    if (path.pathType === 'Exact') conjunct.push({ name: 'Path', args: [path.path], negated: false });
    else if (path.path !== '/') conjunct.push({ name: 'PathPrefix', args: [path.path], negated: false });
    return {
      resource,
      index,
      subject: `Ingress ${resource.namespace}/${resource.name}`,
      conjuncts: [conjunct],
      middlewares: traefik.middlewares,
      backends: [`${resource.namespace}/${describeBackend(path.backend)}`],
      matchPath: path.fieldPath,
      middlewaresPath: traefik.middlewares[0]?.fieldPath ?? path.fieldPath,
      priority: formatConjunct(conjunct).length,
      entryPoints: traefik.entryPoints,
      tls: traefik.tls ? { path: traefik.tlsPath!, options: traefik.tlsOptions } : undefined,
    };
  });
}

/** Whether the change touches anything Traefik routing depends on (else the Traefik rules have nothing to do). */
export function touchesTraefik(changed: DiffContext['changed']): boolean {
  return changed.some(({ before, after }) => [before, after].some((r) => r && (isIngressRoute(r) || isMiddleware(r) || isTlsOption(r) || isTraefikIngress(r))));
}

function entryPointsOverlap(a: string[] | undefined, b: string[] | undefined): boolean {
  return a === undefined || b === undefined || a.some((e) => b.includes(e));
}

/** A base router's conjunction and a head router's conjunction that serves (some of) the same requests. */
export interface Served {
  base: Router;
  baseConjunct: Conjunct;
  head: Router;
  headConjunct: Conjunct;
  /** The head conjunction is the base one, covers it (takes all its requests), or is narrower (takes some). */
  relation: 'same' | 'covering' | 'narrower';
}

/**
 * For every base router's conjunction, the head routers that now serve its requests: those with the same
 * conjunction; failing that, the most specific head conjunction that covers it (Traefik picks the highest
 * priority) and every narrower head conjunction it was split into. A conjunction nobody serves any more yields
 * nothing: removing a route exposes nothing.
 */
export function* servedRequests({ base, head }: Pick<DiffContext, 'base' | 'head'>): Generator<Served> {
  const headRouters = routersOf(head);
  const byKey = new Map<string, { router: Router; conjunct: Conjunct }[]>();
  for (const router of headRouters) {
    for (const conjunct of router.conjuncts) {
      const key = conjunctKey(conjunct);
      byKey.set(key, [...(byKey.get(key) ?? []), { router, conjunct }]);
    }
  }
  for (const router of routersOf(base)) {
    for (const baseConjunct of router.conjuncts) {
      const reachable = (r: Router) => entryPointsOverlap(r.entryPoints, router.entryPoints);
      const same = (byKey.get(conjunctKey(baseConjunct)) ?? []).filter((s) => reachable(s.router));
      if (same.length > 0) {
        for (const s of same) yield { base: router, baseConjunct, head: s.router, headConjunct: s.conjunct, relation: 'same' };
        continue;
      }
      const all = headRouters.filter(reachable).flatMap((r) => r.conjuncts.map((conjunct) => ({ router: r, conjunct })));
      const covering = all.filter((s) => conjunctCovers(s.conjunct, baseConjunct));
      const top = Math.max(...covering.map((s) => s.router.priority));
      for (const s of covering.filter((c) => c.router.priority === top)) {
        yield { base: router, baseConjunct, head: s.router, headConjunct: s.conjunct, relation: 'covering' };
      }
      for (const s of all.filter((c) => conjunctCovers(baseConjunct, c.conjunct))) {
        yield { base: router, baseConjunct, head: s.router, headConjunct: s.conjunct, relation: 'narrower' };
      }
    }
  }
}

/** `shop.example.com /api`-like human form of a router's conjunction. */
export function describeRouter(router: Router, conjunct: Conjunct): string {
  return `${router.subject} (${code(formatConjunct(conjunct))})`;
}

export type GuardCategory = 'allow-list' | 'authentication';

export function categoryOf(guard: AppliedGuard): GuardCategory {
  return guard.kind === 'ipAllowList' ? 'allow-list' : 'authentication';
}

const guardCache = new WeakMap<Router, AppliedGuard[]>();

/** The guards a router applies in its own snapshot (computed once per router). */
export function routerGuards(model: Model, router: Router): AppliedGuard[] {
  let guards = guardCache.get(router);
  if (!guards) {
    guards = guardsOf(model, router.middlewares);
    guardCache.set(router, guards);
  }
  return guards;
}

/**
 * The guards a head router applies. A reference the head snapshot cannot resolve but the base could (the
 * Middleware lives outside the files of the change, or was only moved) is taken to still apply what it applied.
 */
export function headGuards(router: Router, head: Model, base: Model): AppliedGuard[] {
  const unresolved = router.middlewares.filter((ref) => !resolveMiddleware(head, ref));
  return [...routerGuards(head, router), ...guardsOf(base, unresolved)];
}

const byKeyCache = new WeakMap<Model, Map<string, Router[]>>();

/** The routers of a snapshot with exactly this conjunction (indexed once per snapshot). */
export function routersAt(model: Model, conjunct: Conjunct): Router[] {
  let index = byKeyCache.get(model);
  if (!index) {
    index = new Map();
    for (const router of routersOf(model)) {
      for (const c of router.conjuncts) {
        const key = conjunctKey(c);
        index.set(key, [...(index.get(key) ?? []), router]);
      }
    }
    byKeyCache.set(model, index);
  }
  return index.get(conjunctKey(conjunct)) ?? [];
}

/**
 * Whether the head router may be a route the base already had for these requests, so that what it lacks is
 * not this change's doing when the base router with its conjunction lacked it too: the base router itself, a
 * narrower one (the more specific route won in the base too), or a broader one to other services (the base route
 * was removed and its requests go elsewhere). A broader router to the same services takes the base route over.
 */
export function mayPreexist({ relation, base, head }: Served): boolean {
  return relation !== 'covering' || base.backends.join() !== head.backends.join();
}

/** Whether the base already had the head router's conjunction without a guard of `category` (see mayPreexist). */
export function baseServedUnguarded(base: Model, served: Served, category: GuardCategory): boolean {
  return mayPreexist(served) && routersAt(base, served.headConjunct).some((r) => !routerGuards(base, r).some((g) => categoryOf(g) === category));
}

/**
 * The head line that changed what a base guard path leads to: the router's middleware list when it no longer names the base reference;
 * otherwise the chain (or the Middleware itself) along the base path to the guard that changed.
 */
export function blameGuard(guard: AppliedGuard, router: Router, head: Model): Place {
  const first = guard.via[0];
  if (!router.middlewares.some((ref) => ref.text === first.text)) return { resource: router.resource, path: router.middlewaresPath, side: 'head' };
  const start = resolveMiddleware(head, first);
  if (!start) return { resource: router.resource, path: router.middlewaresPath, side: 'head' };
  let current: MiddlewareModel = start;
  for (const ref of guard.via.slice(1)) {
    const members: MiddlewareRef[] = current.chain?.middlewares ?? [];
    const next: MiddlewareModel | undefined = members.some((m) => m.text === ref.text) ? resolveMiddleware(head, ref) : undefined;
    if (!next) {
      const path: FieldPath = current.chain ? [...current.chain.fieldPath, 'middlewares'] : ['spec'];
      return { resource: current.resource, path, side: 'head' };
    }
    current = next;
  }
  return { resource: current.resource, path: ['spec'], side: 'head' };
}

import type { Model } from '../../model/load.js';
import type { Resource } from '../../model/resource.js';
import {
  clientAuthFor, formatConjunct, guardsOf, ingressRouteOf, resolveMiddleware,
  type Conjunct, type MatchLiteral, type MiddlewareRef, type TlsOptionRef,
} from '../../model/traefik.js';
import type { DraftRow, Guard, HostMatch } from '../exposure-map.js';
import { uniqueKeys } from './keys.js';

/**
 * Traefik: the guards its middlewares and TLS options put in front of a router (for IngressRoutes and for
 * Ingresses served by Traefik), and the rows of IngressRoutes (`traefik.io` and the v2 `traefik.containo.us`
 * group, which the model maps to one identity). The models are src/model/traefik.ts.
 */
export function traefikGuards(model: Model, refs: readonly MiddlewareRef[], tls: { on: boolean; options?: TlsOptionRef; secret?: string }): { guards: Guard[]; notes: string[] } {
  const guards: Guard[] = [];
  const notes: string[] = [];
  if (tls.on) {
    guards.push({ kind: 'tls', detail: tls.secret ? `secret ${tls.secret}` : 'default certificate' });
    const clientAuth = clientAuthFor(model, tls.options);
    // Only verified client certificates keep clients out; the weaker levels are noted, not counted as a guard.
    if (clientAuth === 'RequireAndVerifyClientCert') guards.push({ kind: 'client-cert', detail: clientAuth });
    else if (clientAuth !== 'NoClientCert') notes.push(`client certificates: ${clientAuth} (not verified for every client)`);
  }
  for (const applied of guardsOf(model, refs)) {
    if (applied.kind === 'ipAllowList') {
      const list = applied.middleware.ipAllowList!;
      guards.push({ kind: 'ip-allowlist', detail: `${list.sourceRange.toString()}${list.trustsForwardedFor ? ' (client address from X-Forwarded-For)' : ''}` });
    } else {
      guards.push({ kind: 'auth', detail: applied.kind === 'forwardAuth' ? 'forward' : applied.kind === 'basicAuth' ? 'basic' : 'digest' });
    }
  }
  for (const ref of refs) {
    if (!resolveMiddleware(model, ref)) notes.push(`middleware ${ref.text} is not in the manifests: its guards are unknown`);
  }
  return { guards, notes };
}

export function ingressRouteDrafts(resource: Resource, model: Model): DraftRow[] {
  return uniqueKeys(rowsOf(resource, model));
}

const HOST_MATCHERS = new Set(['Host', 'HostRegexp']);

function rowsOf(resource: Resource, model: Model): DraftRow[] {
  const route = ingressRouteOf(resource);
  const listener = `${route.entryPoints?.join(',') ?? 'every entrypoint'}${route.tls ? ' (tls)' : ''}`;
  const object = { kind: 'IngressRoute', namespace: resource.namespace, name: resource.name };
  const rows: DraftRow[] = [];
  for (const r of route.routes) {
    const { guards, notes } = traefikGuards(model, r.middlewares, { on: route.tls !== undefined, options: route.tls?.options, secret: route.tls?.secretName });
    const backends: DraftRow['backends'] = r.services.map((s) => (s.kind === 'Service'
      ? { namespace: s.namespace, service: s.name, ...(s.port !== undefined ? { port: s.port } : {}) }
      : { namespace: s.namespace, service: s.name, resource: `traefik.io/${s.kind}/${s.namespace}/${s.name}` }));
    if (r.services.some((s) => s.namespace !== resource.namespace)) notes.push('a service in another namespace routes only when the provider sets allowCrossNamespace');
    // An unparsable rule is not served (Traefik rejects the router): no row, the model reports the problem.
    for (const conjunct of r.conjuncts ?? []) {
      for (const { host, hostMatch } of hostsOf(conjunct)) {
        const rest = conjunct.filter((l) => !(HOST_MATCHERS.has(l.name) && !l.negated));
        const match = rest.length === 0 ? 'everything' : formatConjunct(rest);
        const ipGuards: Guard[] = conjunct.filter((l) => l.name === 'ClientIP' && !l.negated).map((l) => ({ kind: 'ip-allowlist', detail: `ClientIP ${l.args.join(', ')}` }));
        rows.push({
          key: `IngressRoute/${resource.namespace}/${resource.name}|${host.toLowerCase()}|${match}`,
          object, controller: 'traefik', listener, host, hostMatch, match,
          catchAll: rest.every((l) => l.name === 'PathPrefix' && !l.negated && l.args.every((a) => a === '/')),
          guards: [...guards, ...ipGuards], backends,
          source: { resource, path: r.matchPath, hostPath: r.matchPath },
          ...(notes.length > 0 ? { notes } : {}),
        });
      }
    }
  }
  return rows;
}

/** The hosts a conjunction matches: each argument of its (non-negated) Host matcher; every host without one. */
function hostsOf(conjunct: Conjunct): { host: string; hostMatch: HostMatch }[] {
  const literal: MatchLiteral | undefined = conjunct.find((l) => HOST_MATCHERS.has(l.name) && !l.negated);
  if (!literal) return [{ host: '*', hostMatch: 'any' }];
  if (literal.name === 'HostRegexp') return literal.args.map((host) => ({ host, hostMatch: 'regex' }));
  return literal.args.map((host) => ({ host, hostMatch: host.startsWith('*.') ? 'one-label' : 'exact' }));
}

import type { RouteMatch, ValueMatch } from '../../model/gateway.js';
import { pathCovers, type PathMatch } from '../ingress/paths.js';

/**
 * Which requests a route match admits. Every condition of a match must hold, so `outer` covers `inner` when each
 * condition of `outer` is implied by one of `inner`. Paths: Exact is the string, PathPrefix is element-wise on `/`
 * (as for Ingress Prefix); a RegularExpression only covers the same expression.
 */
function asIngressPath(path: NonNullable<RouteMatch['path']>): PathMatch | undefined {
  if (path.type === 'RegularExpression') return undefined;
  return { path: path.value, pathType: path.type === 'Exact' ? 'Exact' : 'Prefix' };
}

function pathCoversGateway(outer: RouteMatch['path'], inner: RouteMatch['path']): boolean {
  if (!outer) return true;
  if (!inner) return false;
  if (outer.type === 'PathPrefix' && /^\/*$/.test(outer.value)) return true;
  const o = asIngressPath(outer);
  const i = asIngressPath(inner);
  if (!o || !i) return outer.type === inner.type && outer.value === inner.value;
  return pathCovers(o, i);
}

const sameValue = (name: (m: ValueMatch) => string) => (a: ValueMatch, b: ValueMatch) => name(a) === name(b) && a.type === b.type && a.value === b.value;
const sameHeader = sameValue((m) => m.name.toLowerCase());
const sameQuery = sameValue((m) => m.name);

function grpcCovers(outer: RouteMatch['grpc'], inner: RouteMatch['grpc']): boolean {
  if (!outer) return true;
  if (!inner || outer.type !== inner.type) return false;
  return (outer.service === undefined || outer.service === inner.service) && (outer.method === undefined || outer.method === inner.method);
}

export function matchCovers(outer: RouteMatch, inner: RouteMatch): boolean {
  return pathCoversGateway(outer.path, inner.path) &&
    (outer.method === undefined || outer.method === inner.method) &&
    grpcCovers(outer.grpc, inner.grpc) &&
    outer.headers.every((h) => inner.headers.some((x) => sameHeader(h, x))) &&
    outer.queryParams.every((q) => inner.queryParams.some((x) => sameQuery(q, x)));
}

export function matchBroader(now: RouteMatch, was: RouteMatch): boolean {
  return matchCovers(now, was) && !matchCovers(was, now);
}

/** `PathPrefix /api, method GET, header x-env=prod`. */
export function describeMatch(match: RouteMatch): string {
  const parts: string[] = [];
  if (match.path) parts.push(`${match.path.type} ${match.path.value}`);
  if (match.grpc) parts.push(`gRPC ${match.grpc.service ?? '*'}/${match.grpc.method ?? '*'}`);
  if (match.method) parts.push(`method ${match.method}`);
  for (const h of match.headers) parts.push(`header ${h.name}${h.type === 'Exact' ? '=' : '~'}${h.value}`);
  for (const q of match.queryParams) parts.push(`query ${q.name}${q.type === 'Exact' ? '=' : '~'}${q.value}`);
  return parts.length === 0 ? 'every request' : parts.join(', ');
}

/** What `now` no longer requires of `was`'s requests. */
export function broadeningReasons(now: RouteMatch, was: RouteMatch): string[] {
  const reasons: string[] = [];
  if (!pathCoversGateway(was.path, now.path) && was.path && now.path) {
    reasons.push(now.path.type === was.path.type ? `the path ${was.path.value} became the shorter ${now.path.value}` : `the path ${was.path.type} ${was.path.value} became ${now.path.type} ${now.path.value}`);
  }
  if (was.method && !now.method) reasons.push(`the method ${was.method} is no longer required`);
  if (!grpcCovers(was.grpc, now.grpc)) reasons.push('the gRPC method condition was widened');
  for (const h of was.headers) if (!now.headers.some((x) => sameHeader(h, x))) reasons.push(`the header ${h.name} is no longer required`);
  for (const q of was.queryParams) if (!now.queryParams.some((x) => sameQuery(q, x))) reasons.push(`the query parameter ${q.name} is no longer required`);
  return reasons;
}

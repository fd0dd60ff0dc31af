import { code } from '../../findings/code-span.js';
import type { PathType } from '../../model/ingress.js';

/**
 * Ingress path matching. `Exact` matches the path string only (case-sensitive). `Prefix` matches element-wise on
 * `/`: `/foo` matches `/foo` and `/foo/bar`, not `/foobar`, and a trailing slash is ignored; Prefix `/` matches
 * every path. `ImplementationSpecific` is up to the controller (a prefix, a regex…): it is assumed to admit at
 * least what Prefix would, and never to be covered by anything narrower than Prefix `/`.
 */
export interface PathMatch {
  path: string;
  pathType: PathType;
}

function elements(path: string): string[] {
  return path.split('/').filter((e) => e !== '');
}

function isElementPrefix(prefix: string, path: string): boolean {
  const p = elements(prefix);
  const q = elements(path);
  return p.length <= q.length && p.every((e, i) => e === q[i]);
}

/** Prefix `/` (or an implementation-specific `/`): every path of the host. */
export function matchesEveryPath(match: PathMatch): boolean {
  return match.pathType !== 'Exact' && elements(match.path).length === 0;
}

/** Whether every request path admitted by `inner` is also admitted by `outer`. */
export function pathCovers(outer: PathMatch, inner: PathMatch): boolean {
  switch (outer.pathType) {
    case 'Exact':
      return inner.pathType === 'Exact' && inner.path === outer.path;
    case 'Prefix':
      return inner.pathType === 'ImplementationSpecific' ? matchesEveryPath(outer) : isElementPrefix(outer.path, inner.path);
    case 'ImplementationSpecific':
      return isElementPrefix(outer.path, inner.path);
  }
}

/** `head` admits every path `base` did and more. */
export function pathBroader(head: PathMatch, base: PathMatch): boolean {
  return pathCovers(head, base) && !pathCovers(base, head);
}

/** Whether a request for `requestPath` is matched by `match`; for ranking, how long the match is (longest wins). */
export function matchLength(match: PathMatch, requestPath: string): number | undefined {
  if (match.pathType === 'Exact') return match.path === requestPath ? elements(requestPath).length : undefined;
  return isElementPrefix(match.path, requestPath) ? elements(match.path).length : undefined;
}

/** The route's path identity: an Exact path as written, a prefix without its trailing slash. */
export function pathKey(match: PathMatch): string {
  return match.pathType === 'Exact' ? match.path : `/${elements(match.path).join('/')}`;
}

export function describePath(match: PathMatch): string {
  return `${code(match.path)} (${match.pathType})`;
}

/**
 * A request that stands for what the route serves: an Exact path itself; for a prefix, a path strictly below it
 * that no real route names, so a more specific route that merely sits under the prefix does not stand in for it.
 */
export function representativeRequest(match: PathMatch): string {
  return match.pathType === 'Exact' ? match.path : `/${[...elements(match.path), '\u0000'].join('/')}`;
}

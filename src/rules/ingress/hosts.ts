import { code } from '../../findings/code-span.js';
/**
 * Ingress host matching. A host is an exact name, a wildcard `*.example.com` whose `*` is the whole first label
 * and matches exactly ONE label (`a.example.com`, not `a.b.example.com`, not `example.com`), or undefined (the
 * rule has no host and matches every host). Hosts are DNS names, so they compare case-insensitively.
 */
export type Host = string | undefined;

export function normalizeHost(host: Host): Host {
  return host === undefined ? undefined : host.toLowerCase();
}

export function isWildcard(host: Host): boolean {
  return host !== undefined && host.startsWith('*.');
}

/** Whether every request host matched by `inner` is also matched by `outer` (both patterns). */
export function hostCovers(outer: Host, inner: Host): boolean {
  const o = normalizeHost(outer);
  const i = normalizeHost(inner);
  if (o === undefined) return true;
  if (i === undefined) return false;
  if (o === i) return true;
  if (!isWildcard(o) || isWildcard(i)) return false;
  const suffix = o.slice(1);
  return i.endsWith(suffix) && i.length > suffix.length && !i.slice(0, -suffix.length).includes('.');
}

/** How specifically `pattern` names `host`: the controller picks the exact host over a wildcard over no host. */
export function hostRank(pattern: Host, host: Host): number {
  if (normalizeHost(pattern) === normalizeHost(host)) return 2;
  return pattern === undefined ? 0 : 1;
}

export function sameHost(a: Host, b: Host): boolean {
  return normalizeHost(a) === normalizeHost(b);
}

export function describeHost(host: Host): string {
  return host === undefined ? 'every host' : `host ${code(host)}`;
}

import { IpSet, parseCidr } from '../../model/ip-set.js';
import { isObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import type { DraftRow, Guard, HostMatch } from '../exposure-map.js';

/** The OpenShift router's per-route source allow-list: space-separated addresses and CIDRs. */
export const ROUTE_ALLOWLIST_ANNOTATION = 'haproxy.router.openshift.io/ip_whitelist';

/**
 * Rows of the OpenShift Routes of a model (route.openshift.io/v1): one per Route. `spec.path` is a prefix; without
 * `spec.host` the router generates `<name>-<namespace>.<router domain>`; `wildcardPolicy: Subdomain` serves every
 * host one label under the host's parent domain. TLS from `spec.tls.termination` and
 * `insecureEdgeTerminationPolicy` (None by default: no plain HTTP).
 */
export function isOpenshiftRoute(resource: Resource): boolean {
  return resource.kind === 'Route' && resource.group === 'route.openshift.io';
}

export function openshiftRouteDrafts(resource: Resource): DraftRow[] {
  return [rowOf(resource)];
}

function rowOf(resource: Resource): DraftRow {
  const spec = resource.spec;
  const { host, hostMatch } = hostOf(resource);
  const tls = isObject(spec.tls) ? spec.tls : undefined;
  const termination = typeof tls?.termination === 'string' ? tls.termination.toLowerCase() : undefined;
  const passthrough = termination === 'passthrough';
  // A passthrough route is matched on SNI only: the router cannot see the path.
  const path = !passthrough && typeof spec.path === 'string' && spec.path !== '' ? spec.path : '/';
  const match = passthrough ? 'SNI' : `Prefix ${path}`;
  const guards: Guard[] = [];
  const notes: string[] = [];
  let listener = 'http';
  if (termination) {
    guards.push({ kind: 'tls', detail: termination });
    const insecure = typeof tls?.insecureEdgeTerminationPolicy === 'string' ? tls.insecureEdgeTerminationPolicy : 'None';
    listener = passthrough ? 'https (passthrough)' : insecure === 'Allow' ? 'http+https' : insecure === 'Redirect' ? 'https (http redirects)' : 'https';
  }
  const allowlist = resource.annotations()[ROUTE_ALLOWLIST_ANNOTATION];
  if (allowlist !== undefined && allowlist.trim() !== '') {
    const entries = allowlist.trim().split(/\s+/);
    const invalid = entries.filter((e) => !parseCidr(e));
    if (invalid.length > 0) notes.push(`${ROUTE_ALLOWLIST_ANNOTATION}: not addresses: ${invalid.join(', ')}`);
    const set = IpSet.unionAll(entries.map(IpSet.fromCidr));
    guards.push({ kind: 'ip-allowlist', detail: set.toString() });
  }
  const port = isObject(spec.port) && (typeof spec.port.targetPort === 'number' || typeof spec.port.targetPort === 'string')
    ? spec.port.targetPort : undefined;
  const backends: DraftRow['backends'] = [];
  const push = (target: unknown) => {
    if (!isObject(target) || typeof target.name !== 'string') return;
    if (target.kind !== undefined && target.kind !== '' && target.kind !== 'Service') return;
    // weight 0: the router sends this backend no traffic.
    if (target.weight === 0) return;
    backends.push({ namespace: resource.namespace, service: target.name, ...(port !== undefined ? { port } : {}) });
  };
  push(spec.to);
  (Array.isArray(spec.alternateBackends) ? spec.alternateBackends : []).forEach(push);
  return {
    key: `Route/${resource.namespace}/${resource.name}|${host.toLowerCase()}|${match}`,
    object: { kind: 'Route', namespace: resource.namespace, name: resource.name },
    controller: 'openshift-router', listener, host, hostMatch, match,
    catchAll: path === '/',
    guards, backends,
    source: { resource, path: ['spec', 'to'], hostPath: typeof spec.host === 'string' && spec.host !== '' ? ['spec', 'host'] : ['spec'] },
    ...(notes.length > 0 ? { notes } : {}),
  };
}

function hostOf(resource: Resource): { host: string; hostMatch: HostMatch } {
  const spec = resource.spec;
  if (typeof spec.host !== 'string' || spec.host === '') return { host: `${resource.name}-${resource.namespace}.<router domain>`, hostMatch: 'generated' };
  if (spec.wildcardPolicy === 'Subdomain' && spec.host.includes('.')) return { host: `*${spec.host.slice(spec.host.indexOf('.'))}`, hostMatch: 'one-label' };
  return { host: spec.host, hostMatch: 'exact' };
}

import {
  GATEWAY_GROUP, gatewayHostCovers, gatewayOf, gatewayRouteOf, grantToCovers, isReferenceGrant, referenceGrantOf,
  terminatesTls, validationFor, type BackendRef, type GatewayListener, type GatewayModel, type GatewayRouteModel, type ReferenceGrantModel, type RouteKind, type RouteMatch,
} from '../../model/gateway.js';
import { lookup } from '../../model/lookup.js';
import type { Model } from '../../model/load.js';
import type { Resource } from '../../model/resource.js';
import { matches } from '../../model/selector.js';
import type { DraftRow, Guard, HostMatch } from '../exposure-map.js';
import { NAMESPACE_NAME_LABEL } from '../topology.js';
import { uniqueKeys } from './keys.js';

/**
 * Gateway API rows: a route attaches to the listeners of each parent Gateway that its `sectionName`/`port` name,
 * whose protocol serves its kind and whose `allowedRoutes.namespaces` admit its namespace; its hostnames are
 * intersected with the listener's (suffix wildcards on both sides; no intersection = not attached); a
 * `backendRef` into another namespace routes only when a ReferenceGrant in that namespace allows it.
 */
export function gatewayDrafts(resource: Resource, model: Model): DraftRow[] {
  const route = gatewayRouteOf(resource);
  const drafts: DraftRow[] = [];
  for (const parent of route.parentRefs) {
    if (parent.group !== GATEWAY_GROUP || parent.kind !== 'Gateway') continue;
    const gatewayResource = lookup(model, { group: GATEWAY_GROUP, kind: 'Gateway', namespace: parent.namespace, name: parent.name }, resource);
    if (!gatewayResource) continue;
    const gateway = gatewayOf(gatewayResource);
    for (const listener of gateway.listeners) {
      if (parent.sectionName !== undefined && parent.sectionName !== listener.name) continue;
      if (parent.port !== undefined && parent.port !== listener.port) continue;
      if (!serves(listener, route.kind) || !admits(model, gateway, listener, resource.namespace)) continue;
      for (const host of intersect(listener.hostname, route.hostnames)) {
        const hostPath = route.hostnames.length > 0 ? route.hostnamesPath : parent.fieldPath;
        drafts.push(...ruleRows(route, gateway, listener, host, hostPath, grantsOf(model)));
      }
    }
  }
  return uniqueKeys(drafts);
}

const grantsByModel = new WeakMap<Model, ReferenceGrantModel[]>();

function grantsOf(model: Model): ReferenceGrantModel[] {
  let grants = grantsByModel.get(model);
  if (!grants) grantsByModel.set(model, (grants = model.resources.filter(isReferenceGrant).map(referenceGrantOf)));
  return grants;
}

const LISTENER_KINDS: Record<RouteKind, string[]> = {
  HTTPRoute: ['HTTP', 'HTTPS'], GRPCRoute: ['HTTP', 'HTTPS'], TLSRoute: ['TLS'], TCPRoute: ['TCP'], UDPRoute: ['UDP'],
};

function serves(listener: GatewayListener, kind: RouteKind): boolean {
  return listener.protocol !== undefined && LISTENER_KINDS[kind].includes(listener.protocol);
}

function admits(model: Model, gateway: GatewayModel, listener: GatewayListener, namespace: string): boolean {
  if (listener.allowedFrom === 'All') return true;
  if (listener.allowedFrom === 'Same') return namespace === gateway.resource.namespace;
  const declared = lookup(model, { group: '', kind: 'Namespace', namespace: '', name: namespace }, gateway.resource);
  const labels = { ...(declared?.labels() ?? {}), [NAMESPACE_NAME_LABEL]: namespace };
  return listener.selector !== undefined && matches(listener.selector, labels);
}

/** The hostnames a route serves on a listener: the narrower of each intersecting pair; the listener's when the route has none. */
function intersect(listenerHost: string | undefined, routeHosts: readonly string[]): string[] {
  if (routeHosts.length === 0) return [listenerHost ?? '*'];
  const out: string[] = [];
  for (const host of routeHosts) {
    if (gatewayHostCovers(listenerHost, host)) out.push(host);
    else if (listenerHost !== undefined && gatewayHostCovers(host, listenerHost)) out.push(listenerHost);
  }
  return [...new Set(out.map((h) => h.toLowerCase()))];
}

function hostMatchOf(host: string): HostMatch {
  return host === '*' ? 'any' : host.startsWith('*.') ? 'suffix' : 'exact';
}

function ruleRows(route: GatewayRouteModel, gateway: GatewayModel, listener: GatewayListener, host: string, hostPath: DraftRow['source']['hostPath'],
  grants: ReturnType<typeof referenceGrantOf>[]): DraftRow[] {
  const resource = route.resource;
  const { guards, notes } = listenerGuards(gateway, listener);
  const gw = gateway.resource;
  const controller = `gateway ${gw.namespace}/${gw.name}${gateway.className ? ` (class ${gateway.className})` : ''}`;
  const listenerText = `${listener.name} ${listener.protocol ?? '?'}:${listener.port ?? '?'}`;
  const rows: DraftRow[] = [];
  for (const rule of route.rules) {
    const backends = rule.backendRefs.filter((b) => b.weight !== 0).map((b) => backendOf(b, route, grants));
    // TLSRoute/TCPRoute/UDPRoute rules have no matches: every connection of the listener (and SNI hostname).
    const ruleMatches: RouteMatch[] = rule.matches.length > 0 ? rule.matches : [{ headers: [], queryParams: [] }];
    for (const match of ruleMatches) {
      const text = matchText(route.kind, match);
      rows.push({
        key: `${route.kind}/${resource.namespace}/${resource.name}|${gw.namespace}/${gw.name}/${listener.name}|${host}|${text}`,
        object: { kind: route.kind, namespace: resource.namespace, name: resource.name },
        controller, listener: listenerText, host, hostMatch: hostMatchOf(host), match: text,
        catchAll: rule.matchesEverything || isEverything(route.kind, match),
        guards, backends,
        source: { resource, path: match.fieldPath ?? rule.fieldPath, hostPath },
        ...(notes.length > 0 ? { notes } : {}),
      });
    }
  }
  return rows;
}

function listenerGuards(gateway: GatewayModel, listener: GatewayListener): { guards: Guard[]; notes: string[] } {
  const guards: Guard[] = [];
  const notes: string[] = [];
  if (listener.protocol === 'HTTPS' || listener.protocol === 'TLS') {
    guards.push({ kind: 'tls', detail: listener.tlsMode === 'Passthrough' ? 'passthrough to the backend' : 'terminated at the gateway' });
  }
  if (terminatesTls(listener)) {
    const validation = validationFor(gateway, listener);
    if (validation?.mode === 'AllowValidOnly') guards.push({ kind: 'client-cert', detail: `AllowValidOnly (${validation.caCertificateRefs.join(', ') || 'no CA'})` });
    else if (validation) notes.push('client certificates: AllowInsecureFallback (missing or invalid certificates are accepted)');
  }
  return { guards, notes };
}

function matchText(kind: RouteKind, match: RouteMatch): string {
  const parts: string[] = [];
  if (kind === 'HTTPRoute' && match.path) parts.push(`${match.path.type} ${match.path.value}`);
  if (kind === 'GRPCRoute') parts.push(match.grpc ? `gRPC ${match.grpc.service ?? '*'}/${match.grpc.method ?? '*'}${match.grpc.type === 'RegularExpression' ? ' (regex)' : ''}` : 'gRPC */*');
  if (kind === 'TLSRoute') parts.push('SNI');
  if (kind === 'TCPRoute' || kind === 'UDPRoute') parts.push(kind === 'TCPRoute' ? 'TCP' : 'UDP');
  if (match.method) parts.push(`method ${match.method}`);
  for (const h of match.headers) parts.push(`header ${h.name}${h.type === 'RegularExpression' ? ' ~ ' : ' = '}${h.value}`);
  for (const q of match.queryParams) parts.push(`query ${q.name}${q.type === 'RegularExpression' ? ' ~ ' : ' = '}${q.value}`);
  return parts.join(' && ');
}

/** A match that admits every HTTP request (PathPrefix `/`, nothing else) or every gRPC call. */
function isEverything(kind: RouteKind, match: RouteMatch): boolean {
  if (match.headers.length > 0 || match.queryParams.length > 0 || match.method) return false;
  if (kind === 'HTTPRoute') return match.path?.type === 'PathPrefix' && match.path.value === '/';
  return kind === 'GRPCRoute' && match.grpc === undefined;
}

function backendOf(ref: BackendRef, route: GatewayRouteModel, grants: ReturnType<typeof referenceGrantOf>[]): DraftRow['backends'][number] {
  const isService = ref.group === '' && ref.kind === 'Service';
  const base = isService
    ? { namespace: ref.namespace, service: ref.name, ...(ref.port !== undefined ? { port: ref.port } : {}) }
    : { namespace: ref.namespace, service: ref.name, resource: `${ref.group}/${ref.kind}/${ref.namespace}/${ref.name}` };
  if (ref.namespace === route.resource.namespace) return base;
  const granted = grants.some((g) => g.namespace === ref.namespace
    && g.from.some((f) => f.group === GATEWAY_GROUP && f.kind === route.kind && f.namespace === route.resource.namespace)
    && g.to.some((t) => grantToCovers(t, { group: ref.group, kind: ref.kind, name: ref.name })));
  return granted ? base : { ...base, blocked: `no ReferenceGrant in ${ref.namespace} admits ${route.kind} from ${route.resource.namespace}` };
}

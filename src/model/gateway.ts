import { code } from '../findings/code-span.js';
import { listOf, nonEmptyString, numberOf, objectOf } from './crd.js';
import { perResource } from './memo.js';
import type { FieldPath } from './field-path.js';
import { isObject, type JsonObject } from './json.js';
import type { Resource } from './resource.js';
import { parseSelector, type LabelSelector } from './selector.js';

/**
 * Gateway API objects (`gateway.networking.k8s.io`, every version) with their defaults applied: Gateway listeners
 * and frontend client-certificate validation, HTTPRoute/GRPCRoute/TLSRoute/TCPRoute/UDPRoute and ReferenceGrant.
 * Each model is computed once per Resource.
 */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export type Problem = { path: FieldPath; message: string };


function isGatewayKind(resource: Resource, kind: string): boolean {
  return resource.group === GATEWAY_GROUP && resource.kind === kind;
}

// ---------------------------------------------------------------------------------------------------------------
// Gateway
// ---------------------------------------------------------------------------------------------------------------

/** Which namespaces may attach routes to a listener, narrowest first. */
export const ALLOWED_FROM = ['Same', 'Selector', 'All'] as const;
export type AllowedFrom = (typeof ALLOWED_FROM)[number];

export interface GatewayListener {
  index: number;
  name: string;
  port?: number;
  protocol?: string;
  /** Undefined: every hostname. `*.example.com` is a suffix match (`a.b.example.com` too, not `example.com`). */
  hostname: string | undefined;
  /** `Terminate` (default for HTTPS/TLS) or `Passthrough`; undefined without TLS. */
  tlsMode?: 'Terminate' | 'Passthrough';
  allowedFrom: AllowedFrom;
  /** For `Selector`: the namespace selector. */
  selector?: LabelSelector;
  /** Legacy per-listener client validation (`tls.frontendValidation`, experimental before spec.tls.frontend). */
  legacyValidation?: FrontendValidation;
  fieldPath: FieldPath;
}

export type ValidationMode = 'AllowValidOnly' | 'AllowInsecureFallback';

/** Client-certificate validation of the listeners on a port (or every port, for the default). */
export interface FrontendValidation {
  mode: ValidationMode;
  caCertificateRefs: string[];
  /** The `validation` object, and its `mode` field when written. */
  fieldPath: FieldPath;
  modePath?: FieldPath;
}

export interface GatewayModel {
  resource: Resource;
  className?: string;
  listeners: GatewayListener[];
  /** `spec.tls.frontend.default.validation`. */
  defaultValidation?: FrontendValidation;
  /** `spec.tls.frontend.perPort[]`: a port's entry overrides the default; its `validation` may be absent. */
  perPort: { port: number; validation?: FrontendValidation; fieldPath: FieldPath }[];
  problems: Problem[];
}

export function isGateway(resource: Resource): boolean {
  return isGatewayKind(resource, 'Gateway');
}

export const gatewayOf = perResource((resource: Resource): GatewayModel => {
  const spec = resource.spec;
  const problems: Problem[] = [];
  const listeners = listOf(spec.listeners).map((raw, index): GatewayListener => {
    const l = objectOf(raw);
    const fieldPath: FieldPath = ['spec', 'listeners', index];
    const namespaces = objectOf(objectOf(l.allowedRoutes).namespaces);
    let allowedFrom: AllowedFrom = 'Same';
    if (namespaces.from !== undefined) {
      if ((ALLOWED_FROM as readonly unknown[]).includes(namespaces.from)) allowedFrom = namespaces.from as AllowedFrom;
      else problems.push({ path: [...fieldPath, 'allowedRoutes', 'namespaces', 'from'], message: `unknown allowedRoutes.namespaces.from ${code(String(namespaces.from))} (Same, Selector or All)` });
    }
    const tls = isObject(l.tls) ? l.tls : undefined;
    const tlsMode = tls ? (tls.mode === 'Passthrough' ? 'Passthrough' : 'Terminate') : undefined;
    return {
      index,
      name: nonEmptyString(l.name) ?? '',
      port: numberOf(l.port),
      protocol: nonEmptyString(l.protocol),
      hostname: nonEmptyString(l.hostname),
      tlsMode,
      allowedFrom,
      selector: allowedFrom === 'Selector' ? parseSelector(namespaces.selector ?? {}) : undefined,
      legacyValidation: tls && isObject(tls.frontendValidation) ? validationOf(tls.frontendValidation, [...fieldPath, 'tls', 'frontendValidation']) : undefined,
      fieldPath,
    };
  });
  const frontend = objectOf(objectOf(spec.tls).frontend);
  const defaultPath: FieldPath = ['spec', 'tls', 'frontend', 'default', 'validation'];
  const defaultValidation = isObject(objectOf(frontend.default).validation) ? validationOf(objectOf(objectOf(frontend.default).validation), defaultPath) : undefined;
  const perPort = listOf(frontend.perPort).flatMap((raw, i) => {
    const entry = objectOf(raw);
    const port = numberOf(entry.port);
    const fieldPath: FieldPath = ['spec', 'tls', 'frontend', 'perPort', i];
    if (port === undefined) {
      problems.push({ path: fieldPath, message: 'a perPort entry needs a port' });
      return [];
    }
    const validation = objectOf(entry.tls).validation;
    return [{ port, validation: isObject(validation) ? validationOf(validation, [...fieldPath, 'tls', 'validation']) : undefined, fieldPath }];
  });
  return { resource, className: nonEmptyString(spec.gatewayClassName), listeners, defaultValidation, perPort, problems };
});

function validationOf(raw: JsonObject, fieldPath: FieldPath): FrontendValidation {
  return {
    mode: raw.mode === 'AllowInsecureFallback' ? 'AllowInsecureFallback' : 'AllowValidOnly',
    caCertificateRefs: listOf(raw.caCertificateRefs).map((r) => {
      const ref = objectOf(r);
      return `${nonEmptyString(ref.kind) ?? 'ConfigMap'}/${nonEmptyString(ref.namespace) ? `${String(ref.namespace)}/` : ''}${nonEmptyString(ref.name) ?? ''}`;
    }),
    fieldPath,
    modePath: raw.mode === undefined ? undefined : [...fieldPath, 'mode'],
  };
}

/**
 * The client-certificate validation that applies to a listener: its port's perPort entry when there is one (even
 * without validation: it overrides the default), else the default, else the legacy per-listener field.
 */
export function validationFor(gateway: GatewayModel, listener: GatewayListener): FrontendValidation | undefined {
  const entry = gateway.perPort.find((p) => p.port === listener.port);
  if (entry) return entry.validation;
  return gateway.defaultValidation ?? listener.legacyValidation;
}

/** Whether a listener terminates TLS for clients (HTTPS, or TLS in Terminate mode), where client validation applies. */
export function terminatesTls(listener: GatewayListener): boolean {
  return listener.protocol === 'HTTPS' || (listener.protocol === 'TLS' && listener.tlsMode !== 'Passthrough');
}

/**
 * Gateway hostname matching: undefined matches everything; `*.example.com` matches every name ending in
 * `.example.com` (any depth), not `example.com` itself. Names compare case-insensitively.
 */
export function gatewayHostCovers(outer: string | undefined, inner: string | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  const o = outer.toLowerCase();
  const i = inner.toLowerCase();
  if (o === i) return true;
  if (!o.startsWith('*.')) return false;
  const suffix = o.slice(1);
  const name = i.startsWith('*.') ? i.slice(1) : i;
  return name.endsWith(suffix) && name.length > suffix.length;
}

// ---------------------------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------------------------

export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export interface ParentRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  sectionName?: string;
  port?: number;
  fieldPath: FieldPath;
}

export interface BackendRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  port?: number;
  weight: number;
  fieldPath: FieldPath;
}

export type PathMatchType = 'Exact' | 'PathPrefix' | 'RegularExpression';

export interface ValueMatch {
  type: 'Exact' | 'RegularExpression';
  name: string;
  value: string;
}

/** One `matches[]` entry; every field it sets must hold (AND). */
export interface RouteMatch {
  /** HTTPRoute: the path (PathPrefix `/` when unset). GRPCRoute: undefined. */
  path?: { type: PathMatchType; value: string };
  method?: string;
  /** GRPCRoute: `service`/`method` (undefined = any), Exact by default. */
  grpc?: { type: 'Exact' | 'RegularExpression'; service?: string; method?: string };
  headers: ValueMatch[];
  queryParams: ValueMatch[];
  /** Undefined for the implicit match of a rule without `matches`. */
  fieldPath?: FieldPath;
}

export interface RouteRule {
  index: number;
  /** Never empty: a rule without matches gets the implicit match-everything entry. */
  matches: RouteMatch[];
  /** The rule had no `matches` (or an empty list): it matches every request. */
  matchesEverything: boolean;
  backendRefs: BackendRef[];
  fieldPath: FieldPath;
}

export interface GatewayRouteModel {
  resource: Resource;
  kind: RouteKind;
  parentRefs: ParentRef[];
  /** Empty: the route inherits the listener's hostnames (TCPRoute/UDPRoute have none). */
  hostnames: string[];
  hostnamesPath: FieldPath;
  rules: RouteRule[];
  problems: Problem[];
}

export function isGatewayRoute(resource: Resource): boolean {
  return resource.group === GATEWAY_GROUP && (ROUTE_KINDS as readonly string[]).includes(resource.kind);
}

export const gatewayRouteOf = perResource((resource: Resource): GatewayRouteModel => {
  const spec = resource.spec;
  const kind = resource.kind as RouteKind;
  const ns = resource.namespace;
  const problems: Problem[] = [];
  const parentRefs = listOf(spec.parentRefs).map((raw, i): ParentRef => {
    const p = objectOf(raw);
    return {
      group: typeof p.group === 'string' ? p.group : GATEWAY_GROUP,
      kind: nonEmptyString(p.kind) ?? 'Gateway',
      namespace: nonEmptyString(p.namespace) ?? ns,
      name: nonEmptyString(p.name) ?? '',
      sectionName: nonEmptyString(p.sectionName),
      port: numberOf(p.port),
      fieldPath: ['spec', 'parentRefs', i],
    };
  });
  const hostnames = kind === 'TCPRoute' || kind === 'UDPRoute' ? [] : listOf(spec.hostnames).map(String);
  const rules = listOf(spec.rules).map((raw, index): RouteRule => {
    const r = objectOf(raw);
    const fieldPath: FieldPath = ['spec', 'rules', index];
    const rawMatches = listOf(r.matches);
    const matchesEverything = rawMatches.length === 0 && (kind === 'HTTPRoute' || kind === 'GRPCRoute');
    const matches = matchesEverything
      ? [implicitMatch(kind)]
      : rawMatches.map((m, i) => matchOf(kind, objectOf(m), [...fieldPath, 'matches', i], problems));
    const backendRefs = listOf(r.backendRefs).map((b, i): BackendRef => {
      const ref = objectOf(b);
      return {
        group: typeof ref.group === 'string' ? ref.group : '',
        kind: nonEmptyString(ref.kind) ?? 'Service',
        namespace: nonEmptyString(ref.namespace) ?? ns,
        name: nonEmptyString(ref.name) ?? '',
        port: numberOf(ref.port),
        weight: numberOf(ref.weight) ?? 1,
        fieldPath: [...fieldPath, 'backendRefs', i],
      };
    });
    return { index, matches, matchesEverything, backendRefs, fieldPath };
  });
  return { resource, kind, parentRefs, hostnames, hostnamesPath: ['spec', 'hostnames'], rules, problems };
});

function implicitMatch(kind: RouteKind): RouteMatch {
  return kind === 'HTTPRoute' ? { path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] } : { headers: [], queryParams: [] };
}

function valueMatches(raw: unknown): ValueMatch[] {
  return listOf(raw).map((v) => {
    const m = objectOf(v);
    return { type: m.type === 'RegularExpression' ? 'RegularExpression' : 'Exact', name: String(m.name ?? ''), value: String(m.value ?? '') };
  });
}

function matchOf(kind: RouteKind, raw: JsonObject, fieldPath: FieldPath, problems: Problem[]): RouteMatch {
  const match: RouteMatch = { headers: valueMatches(raw.headers), queryParams: valueMatches(raw.queryParams), fieldPath };
  if (kind === 'GRPCRoute') {
    if (isObject(raw.method)) {
      match.grpc = { type: raw.method.type === 'RegularExpression' ? 'RegularExpression' : 'Exact', service: nonEmptyString(raw.method.service), method: nonEmptyString(raw.method.method) };
    }
    return match;
  }
  const path = objectOf(raw.path);
  const type = path.type ?? 'PathPrefix';
  if (type !== 'Exact' && type !== 'PathPrefix' && type !== 'RegularExpression') {
    problems.push({ path: [...fieldPath, 'path', 'type'], message: `unknown path type ${code(String(type))} (Exact, PathPrefix or RegularExpression)` });
  }
  match.path = { type: type === 'Exact' || type === 'RegularExpression' ? type : 'PathPrefix', value: nonEmptyString(path.value) ?? '/' };
  match.method = nonEmptyString(raw.method);
  return match;
}

// ---------------------------------------------------------------------------------------------------------------
// ReferenceGrant
// ---------------------------------------------------------------------------------------------------------------

export interface GrantFrom {
  group: string;
  kind: string;
  namespace: string;
  fieldPath: FieldPath;
}

export interface GrantTo {
  group: string;
  kind: string;
  /** Undefined: every object of the kind in the grant's namespace. */
  name?: string;
  fieldPath: FieldPath;
}

export interface ReferenceGrantModel {
  resource: Resource;
  /** The grant lives in the namespace it opens (the target). */
  namespace: string;
  from: GrantFrom[];
  to: GrantTo[];
}

export function isReferenceGrant(resource: Resource): boolean {
  return isGatewayKind(resource, 'ReferenceGrant');
}

export const referenceGrantOf = perResource((resource: Resource): ReferenceGrantModel => ({
  resource,
  namespace: resource.namespace,
  from: listOf(resource.spec.from).map((raw, i) => {
    const f = objectOf(raw);
    return { group: typeof f.group === 'string' ? f.group : '', kind: String(f.kind ?? ''), namespace: String(f.namespace ?? ''), fieldPath: ['spec', 'from', i] };
  }),
  to: listOf(resource.spec.to).map((raw, i) => {
    const t = objectOf(raw);
    return { group: typeof t.group === 'string' ? t.group : '', kind: String(t.kind ?? ''), name: nonEmptyString(t.name), fieldPath: ['spec', 'to', i] };
  }),
}));

/** Whether a grant `to` entry lets references reach the object `group/kind/name`. */
export function grantToCovers(to: Pick<GrantTo, 'group' | 'kind' | 'name'>, target: Pick<GrantTo, 'group' | 'kind' | 'name'>): boolean {
  return to.group === target.group && to.kind === target.kind && (to.name === undefined || to.name === target.name);
}

import { code } from '../findings/code-span.js';
import type { FieldPath } from './field-path.js';
import { lookup } from './lookup.js';
import { ingressOf, isIngress } from './ingress.js';
import { IpSet, parseCidr } from './ip-set.js';
import type { Model } from './load.js';
import type { Resource } from './resource.js';
import { perResource } from './memo.js';

/**
 * The meaning of an Ingress's ingress-nginx annotations (`nginx.ingress.kubernetes.io/*`), with the controller's
 * defaults applied, so rules and the exposure map compare meanings rather than annotation text.
 */
export const NGINX_PREFIX = 'nginx.ingress.kubernetes.io/';
/** `spec.controller` of an IngressClass served by ingress-nginx. */
export const NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** One nginx annotation as written: `name` without the prefix, `key` the full annotation key. */
export interface NginxAnnotation {
  name: string;
  key: string;
  value: string;
  /** `['metadata', 'annotations', key]`: the line a finding points at. */
  path: FieldPath;
}

export interface NginxIpList {
  /** Every address the list names (valid entries only). */
  set: IpSet;
  /** The entries as written, trimmed. */
  entries: string[];
  invalid: string[];
  /** The annotation the list was read from (`whitelist-source-range` when the alias was used). */
  annotation: NginxAnnotation;
}

export type VerifyClient = 'on' | 'off' | 'optional' | 'optional_no_ca';
export type Satisfy = 'all' | 'any';

export interface NginxModel {
  resource: Resource;
  /** Every nginx annotation, by name without the prefix. */
  annotations: ReadonlyMap<string, NginxAnnotation>;
  /** Undefined when no allow-list is set (every source is allowed). */
  allowList: NginxIpList | undefined;
  denyList: NginxIpList | undefined;
  auth: {
    /** `basic` or `digest` (as written, lower-cased) when `auth-type` is set. */
    type: string | undefined;
    secret: string | undefined;
    url: string | undefined;
    /** `enable-global-auth`, default true: the controller's global auth URL applies. */
    globalAuth: boolean;
    satisfy: Satisfy;
  };
  mtls: {
    secret: string | undefined;
    /** `auth-tls-verify-client`: `on` by default (when a secret is set); undefined without a secret. */
    verifyClient: VerifyClient | undefined;
    verifyDepth: number;
    matchCn: string | undefined;
  };
  https: {
    /** The Ingress has a `spec.tls` entry, so the controller terminates TLS for it. */
    tls: boolean;
    /** `ssl-redirect`: default true, effective only with TLS. */
    sslRedirect: boolean;
    forceSslRedirect: boolean;
    /** HTTP by default, upper-cased. */
    backendProtocol: string;
    /** `proxy-ssl-verify`, default off. */
    proxySslVerify: boolean;
  };
  cors: {
    enabled: boolean;
    /** `*` when `cors-allow-origin` is absent or lists `*`. */
    origins: '*' | string[];
    /** `cors-allow-credentials`, default true. */
    credentials: boolean;
  };
  /** Every annotation whose name ends in `-snippet` (raw nginx configuration). */
  snippets: NginxAnnotation[];
  /** The annotations whose values ingress-nginx pastes into its configuration (IngressNightmare and later CVEs). */
  injectionVectors: NginxAnnotation[];
  sideEffects: {
    useRegex: boolean;
    sslPassthrough: boolean;
    canary: boolean;
    canaryByHeader: string | undefined;
    canaryByCookie: string | undefined;
  };
  problems: { path: FieldPath; message: string }[];
}

/** The annotations whose values reach nginx.conf and have been injection vectors, with the CVE that showed it. */
export const INJECTION_VECTORS: Readonly<Record<string, string>> = {
  'auth-url': 'CVE-2025-24514',
  'auth-tls-match-cn': 'CVE-2025-1097',
  'mirror-target': 'CVE-2025-1098',
  'mirror-host': 'CVE-2025-1098',
  'permanent-redirect': 'CVE-2023-5044',
  'auth-proxy-set-headers': 'CVE-2025-15566',
};

const VERIFY_CLIENT = new Set<string>(['on', 'off', 'optional', 'optional_no_ca']);

/** The nginx meaning of an Ingress's annotations (whether or not ingress-nginx serves it: see `nginxServes`). */
export const nginxOf: (resource: Resource) => NginxModel = perResource(buildNginx);

function buildNginx(resource: Resource): NginxModel {
  const annotations = new Map<string, NginxAnnotation>();
  for (const [key, value] of Object.entries(resource.annotations())) {
    if (!key.startsWith(NGINX_PREFIX)) continue;
    const name = key.slice(NGINX_PREFIX.length);
    annotations.set(name, { name, key, value, path: ['metadata', 'annotations', key] });
  }
  const problems: NginxModel['problems'] = [];
  const text = (name: string): string | undefined => {
    const value = annotations.get(name)?.value.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const value = text(name);
    if (value === undefined) return fallback;
    const parsed = parseGoBool(value);
    if (parsed === undefined) {
      problems.push({ path: annotations.get(name)!.path, message: `${name}: ${code(value)} is not a boolean; ingress-nginx uses its default (${fallback})` });
      return fallback;
    }
    return parsed;
  };
  const ipList = (name: string): NginxIpList | undefined => {
    const annotation = annotations.get(name);
    if (text(name) === undefined || !annotation) return undefined;
    const entries = annotation.value.split(',').map((e) => e.trim()).filter((e) => e !== '');
    const invalid = entries.filter((e) => !parseCidr(e));
    for (const entry of invalid) problems.push({ path: annotation.path, message: `${name}: ${code(entry)} is not a CIDR or IP address` });
    const set = IpSet.unionAll(entries.map(IpSet.fromCidr));
    return { set, entries, invalid, annotation };
  };

  // The alias is read only when the canonical key is absent or empty (ingress-nginx ipallowlist parser).
  const allowList = ipList('allowlist-source-range') ?? ipList('whitelist-source-range');
  const denyList = ipList('denylist-source-range');

  const satisfy = text('satisfy')?.toLowerCase() === 'any' ? 'any' : 'all';
  const auth = {
    type: text('auth-type')?.toLowerCase(),
    secret: text('auth-secret'),
    url: text('auth-url'),
    globalAuth: bool('enable-global-auth', true),
    satisfy,
  } satisfies NginxModel['auth'];

  const mtlsSecret = text('auth-tls-secret');
  const rawVerify = text('auth-tls-verify-client');
  if (rawVerify !== undefined && !VERIFY_CLIENT.has(rawVerify)) {
    problems.push({ path: annotations.get('auth-tls-verify-client')!.path, message: `auth-tls-verify-client: ${code(rawVerify)} is not on, off, optional or optional_no_ca; ingress-nginx uses on` });
  }
  const verifyClient = mtlsSecret === undefined ? undefined : rawVerify !== undefined && VERIFY_CLIENT.has(rawVerify) ? rawVerify as VerifyClient : 'on';
  const rawDepth = text('auth-tls-verify-depth');
  const depth = rawDepth !== undefined && /^\d+$/.test(rawDepth) ? Number(rawDepth) : 1;
  if (rawDepth !== undefined && !/^\d+$/.test(rawDepth)) {
    problems.push({ path: annotations.get('auth-tls-verify-depth')!.path, message: `auth-tls-verify-depth: ${code(rawDepth)} is not a number; ingress-nginx uses 1` });
  }
  const mtls = { secret: mtlsSecret, verifyClient, verifyDepth: depth, matchCn: text('auth-tls-match-cn') };

  const https = {
    tls: ingressOf(resource).tls.length > 0,
    sslRedirect: bool('ssl-redirect', true),
    forceSslRedirect: bool('force-ssl-redirect', false),
    backendProtocol: (text('backend-protocol') ?? 'HTTP').toUpperCase(),
    proxySslVerify: text('proxy-ssl-verify')?.toLowerCase() === 'on',
  };

  const origins = (text('cors-allow-origin') ?? '*').split(',').map((o) => o.trim()).filter((o) => o !== '');
  const cors = {
    enabled: bool('enable-cors', false),
    origins: origins.length === 0 || origins.includes('*') ? '*' as const : origins,
    credentials: bool('cors-allow-credentials', true),
  };

  const all = [...annotations.values()];
  return {
    resource,
    annotations,
    allowList,
    denyList,
    auth,
    mtls,
    https,
    cors,
    snippets: all.filter((a) => a.name.endsWith('-snippet')),
    injectionVectors: all.filter((a) => a.name in INJECTION_VECTORS),
    sideEffects: {
      useRegex: bool('use-regex', false),
      sslPassthrough: bool('ssl-passthrough', false),
      canary: bool('canary', false),
      canaryByHeader: text('canary-by-header'),
      canaryByCookie: text('canary-by-cookie'),
    },
    problems,
  };
}

/** Go's strconv.ParseBool, which ingress-nginx uses for boolean annotations. */
function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

/**
 * Whether ingress-nginx serves this Ingress in `model` (the snapshot it belongs to): class `nginx`, or a class
 * whose IngressClass names the `k8s.io/ingress-nginx` controller. A class whose IngressClass names another
 * controller is not nginx. A class the manifests do not define, or no class at all (unless the manifests mark a
 * non-nginx IngressClass as the default), is assumed to be nginx when any nginx annotation is present: the author
 * wrote them for that controller.
 */
export function nginxServes(resource: Resource, model: Model): boolean {
  const claim = controllerClaim(resource, model);
  return claim === undefined ? isIngress(resource) && nginxOf(resource).annotations.size > 0 : claim === 'nginx';
}

/**
 * What the manifests say about the controller of an Ingress: `nginx` (class `nginx`, or its IngressClass names
 * ingress-nginx), `other` (another controller, or not an Ingress), undefined when they do not say (no class and
 * no declared default IngressClass, or a class without an IngressClass in the manifests).
 */
export function controllerClaim(resource: Resource, model: Model): 'nginx' | 'other' | undefined {
  if (!isIngress(resource)) return 'other';
  const className = ingressOf(resource).className;
  if (className === 'nginx') return 'nginx';
  const controller = className !== undefined ? controllerOf(model, className, resource) : defaultController(model);
  if (controller === undefined) return undefined;
  return controller === NGINX_CONTROLLER ? 'nginx' : 'other';
}

export function controllerOf(model: Model, className: string, from: { scope?: string }): string | undefined {
  const ingressClass = lookup(model, { group: 'networking.k8s.io', kind: 'IngressClass', namespace: '', name: className }, from);
  const controller = ingressClass?.spec.controller;
  return typeof controller === 'string' ? controller : undefined;
}

/** Per model: every Ingress without a class asks, and the answer needs a scan of the whole model. */
const defaultControllers = new WeakMap<Model, { controller: string | undefined }>();

export function defaultController(model: Model): string | undefined {
  let known = defaultControllers.get(model);
  if (!known) {
    const defaults = model.resources.filter((r) => r.kind === 'IngressClass' && r.annotations()[DEFAULT_CLASS_ANNOTATION] === 'true');
    const controller = defaults.length === 1 ? defaults[0].spec.controller : undefined;
    defaultControllers.set(model, (known = { controller: typeof controller === 'string' ? controller : undefined }));
  }
  return known.controller;
}

/** The guards ingress-nginx puts in front of an Ingress's routes, for the exposure map. */
export interface NginxGuards {
  tls: {
    /** The controller terminates TLS (spec.tls is set and ssl-passthrough is off). */
    terminated: boolean;
    /** Plain-HTTP requests are redirected to HTTPS (ssl-redirect with TLS, or force-ssl-redirect). */
    redirect: boolean;
    /** ssl-passthrough: TLS goes through to the backend, and nginx applies none of the other guards. */
    passthrough: boolean;
    /** The connection to the backend is TLS (backend-protocol HTTPS/GRPCS) and its certificate is verified. */
    backendVerified: boolean;
  };
  /** Only these source addresses, minus the deny-list; undefined when every source is allowed. */
  allowList: IpSet | undefined;
  /** Sources refused; undefined when there is no deny-list. */
  denyList: IpSet | undefined;
  /** Undefined when nothing authenticates requests at this Ingress (the global auth URL may still, see `globalAuth`). */
  auth: { kind: 'basic' | 'digest' | 'external'; satisfyAny: boolean } | undefined;
  /** Whether the controller's global auth URL (if configured) applies. */
  globalAuth: boolean;
  /** Undefined when no client certificate is required or checked. */
  mtls: { verify: Exclude<VerifyClient, 'off'>; depth: number } | undefined;
  /** Undefined when CORS is off. */
  cors: { origins: '*' | string[]; credentials: boolean } | undefined;
}

/**
 * The guards of an Ingress as ingress-nginx applies them; undefined when ingress-nginx does not serve it (pass the
 * snapshot's model to resolve the class; without it the Ingress is treated as served by nginx).
 */
export function nginxGuardsOf(resource: Resource, model?: Model): NginxGuards | undefined {
  if (model ? !nginxServes(resource, model) : !isIngress(resource)) return undefined;
  const n = nginxOf(resource);
  const passthrough = n.sideEffects.sslPassthrough;
  const backendTls = n.https.backendProtocol === 'HTTPS' || n.https.backendProtocol === 'GRPCS';
  const tls = {
    terminated: n.https.tls && !passthrough,
    redirect: !passthrough && (n.https.forceSslRedirect || (n.https.tls && n.https.sslRedirect)),
    passthrough,
    backendVerified: backendTls && n.https.proxySslVerify,
  };
  // ssl-passthrough works at layer 4: every other annotation is ignored.
  if (passthrough) return { tls, allowList: undefined, denyList: undefined, auth: undefined, globalAuth: false, mtls: undefined, cors: undefined };
  const authKind = n.auth.url !== undefined ? 'external' : n.auth.type === 'basic' || n.auth.type === 'digest' ? n.auth.type : undefined;
  return {
    tls,
    allowList: n.allowList && n.allowList.entries.length > 0 ? n.allowList.set : undefined,
    denyList: n.denyList?.set,
    auth: authKind === undefined ? undefined : { kind: authKind, satisfyAny: n.auth.satisfy === 'any' },
    globalAuth: n.auth.globalAuth,
    mtls: n.mtls.verifyClient === undefined || n.mtls.verifyClient === 'off' ? undefined : { verify: n.mtls.verifyClient, depth: n.mtls.verifyDepth },
    cors: n.cors.enabled ? { origins: n.cors.origins, credentials: n.cors.credentials } : undefined,
  };
}

import { internPath } from '../../model/field-path.js';
import { ingressOf, type IngressBackend, type IngressModel } from '../../model/ingress.js';
import type { Model } from '../../model/load.js';
import { controllerOf, defaultController, nginxGuardsOf, nginxOf, type NginxGuards } from '../../model/nginx.js';
import { hasTraefikAnnotations, traefikIngressOf, type TraefikIngressModel } from '../../model/traefik.js';
import type { Resource } from '../../model/resource.js';
import type { DraftRow, Guard, HostMatch } from '../exposure-map.js';
import { uniqueKeys } from './keys.js';
import { traefikGuards } from './traefik.js';

/**
 * Rows of the Ingresses of a model: one per (rule host, path), plus the default backend. Host wildcards match one
 * label (`*.example.com` ≠ `a.b.example.com`); a rule without host matches every host. Guards come from
 * `spec.tls` (TLS for the listed hosts only) and from the controller's annotations (ingress-nginx: src/model/nginx.ts;
 * Traefik router annotations and the Middlewares/TLSOptions they name: src/model/traefik.ts).
 */
export function ingressDrafts(resource: Resource, model: Model): DraftRow[] {
  return uniqueKeys(rowsOf(resource, model));
}

function rowsOf(resource: Resource, model: Model): DraftRow[] {
  const ingress = ingressOf(resource);
  const nginx = nginxGuardsOf(resource, model);
  const traefik = !nginx && traefikServes(ingress, model) ? traefikIngressOf(resource) : undefined;
  const controller = controllerName(ingress, nginx ? 'ingress-nginx' : traefik ? 'traefik' : 'ingress');
  const hostGuards = (host: string | undefined) => (traefik ? traefikHostGuards(ingress, host, traefik, model) : nginxHostGuards(ingress, host, nginx));
  const object = { kind: 'Ingress', namespace: resource.namespace, name: resource.name };
  const base = `Ingress/${resource.namespace}/${resource.name}`;
  const rows: DraftRow[] = [];
  for (const rule of ingress.rules) {
    // The same for every path of the rule (and never mutated): one copy for all its rows.
    const guarded = hostGuards(rule.host);
    for (const p of rule.paths) {
      const match = `${p.pathType} ${p.path}`;
      const host = rule.host ?? '*';
      rows.push({
        key: `${base}|${host.toLowerCase()}|${match}`,
        object, controller, host, hostMatch: hostMatchOf(rule.host), match,
        // ingress-nginx treats ImplementationSpecific as a prefix (without use-regex), like every common controller.
        catchAll: p.path === '/' && p.pathType !== 'Exact',
        ...guarded,
        backends: backendsOf(p.backend, resource.namespace),
        source: { resource, path: p.fieldPath, hostPath: rule.host === undefined ? rule.fieldPath : internPath([...rule.fieldPath, 'host']) },
      });
    }
  }
  if (ingress.defaultBackend) {
    rows.push({
      key: `${base}|*|default backend`,
      object, controller, host: '*', hostMatch: 'any', match: 'default backend', catchAll: true,
      ...hostGuards(undefined),
      backends: backendsOf(ingress.defaultBackend, resource.namespace),
      source: { resource, path: ingress.defaultBackend.path, hostPath: ingress.defaultBackend.path },
    });
  }
  return rows;
}

function controllerName(ingress: IngressModel, controller: string): string {
  return `${controller} (${ingress.className === undefined ? 'default class' : `class ${ingress.className}`})`;
}

const TRAEFIK_CONTROLLER = 'traefik.io/ingress-controller';

/**
 * Traefik serves the Ingress when its class is `traefik` or an IngressClass naming Traefik's controller; with a
 * class the manifests do not define (or none, and no default IngressClass), when it carries Traefik annotations.
 */
function traefikServes(ingress: IngressModel, model: Model): boolean {
  if (ingress.className === 'traefik') return true;
  const controller = ingress.className !== undefined ? controllerOf(model, ingress.className, ingress.resource) : defaultController(model);
  if (controller !== undefined) return controller === TRAEFIK_CONTROLLER;
  return hasTraefikAnnotations(ingress.resource);
}

/** The TLS secret of `spec.tls` that lists `host`. */
function tlsFor(ingress: IngressModel, host: string | undefined) {
  return host === undefined ? undefined : ingress.tls.find((t) => t.hosts.some((h) => h.toLowerCase() === host.toLowerCase()));
}

/** Traefik routers of an Ingress: its entrypoints, TLS (router.tls or spec.tls), TLS options and middlewares. */
function traefikHostGuards(ingress: IngressModel, host: string | undefined, traefik: TraefikIngressModel, model: Model): Pick<DraftRow, 'listener' | 'guards' | 'notes'> {
  const { guards, notes } = traefikGuards(model, traefik.middlewares, { on: traefik.tls, options: traefik.tlsOptions, secret: tlsFor(ingress, host)?.secretName });
  const listener = `${traefik.entryPoints?.join(',') ?? 'every entrypoint'}${traefik.tls ? ' (tls)' : ''}`;
  return { listener, guards, ...(notes.length > 0 ? { notes } : {}) };
}

export function hostMatchOf(host: string | undefined): HostMatch {
  if (host === undefined || host === '*') return 'any';
  return host.startsWith('*.') ? 'one-label' : 'exact';
}

/**
 * The listener and guards of the routes for `host` with ingress-nginx (or a controller segguard does not model):
 * TLS only when a `spec.tls` entry lists that host; the nginx annotations when ingress-nginx serves it.
 */
function nginxHostGuards(ingress: IngressModel, host: string | undefined, nginx: NginxGuards | undefined): Pick<DraftRow, 'listener' | 'guards' | 'notes'> {
  const guards: Guard[] = [];
  const notes: string[] = [];
  const tls = tlsFor(ingress, host);
  let listener = 'http';
  if (nginx?.tls.passthrough) {
    listener = 'https (ssl-passthrough)';
    guards.push({ kind: 'tls', detail: 'passthrough to the backend' });
    notes.push('ssl-passthrough: ingress-nginx applies none of the other annotations');
  } else if (tls) {
    // ingress-nginx redirects plain HTTP to HTTPS for a TLS host unless ssl-redirect is off.
    const redirect = nginx ? nginx.tls.redirect : false;
    listener = redirect ? 'https (http redirects)' : 'http+https';
    guards.push({ kind: 'tls', detail: tls.secretName ? `secret ${tls.secretName}` : 'default certificate' });
  } else if (nginx && nginxOf(ingress.resource).https.forceSslRedirect) {
    // ssl-redirect only applies to hosts with a certificate; force-ssl-redirect to every host (default certificate).
    listener = 'https (http redirects)';
  }
  if (nginx) {
    if (nginx.mtls) guards.push({ kind: 'client-cert', detail: `verify ${nginx.mtls.verify}, depth ${nginx.mtls.depth}` });
    if (nginx.allowList) {
      const allowed = nginx.denyList ? nginx.allowList.subtract(nginx.denyList) : nginx.allowList;
      guards.push({ kind: 'ip-allowlist', detail: allowed.toString() });
    }
    if (nginx.auth) guards.push({ kind: 'auth', detail: `${nginx.auth.kind}${nginx.auth.satisfyAny ? ' (satisfy any)' : ''}` });
    if (!nginx.globalAuth) notes.push('global auth disabled (enable-global-auth: false)');
    if (nginx.cors) {
      const origins = nginx.cors.origins === '*' ? '*' : nginx.cors.origins.join(',');
      guards.push({ kind: 'cors', detail: `origin ${origins}${nginx.cors.credentials ? ', credentials' : ''}` });
    }
  }
  return { listener, guards, ...(notes.length > 0 ? { notes } : {}) };
}

function backendsOf(backend: IngressBackend, namespace: string): DraftRow['backends'] {
  if (backend.resource) return [{ namespace, service: '', resource: backend.resource }];
  if (!backend.service) return [];
  return [{ namespace, service: backend.service, ...(backend.port !== undefined ? { port: backend.port } : {}) }];
}

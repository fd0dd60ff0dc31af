import { ingressOf, isIngress, type IngressBackend, type IngressModel } from '../../model/ingress.js';
import type { Model } from '../../model/load.js';
import { nginxGuardsOf, nginxOf, type NginxGuards } from '../../model/nginx.js';
import type { Resource } from '../../model/resource.js';
import type { DraftRow, Guard, HostMatch } from '../exposure-map.js';
import { uniqueKeys } from './keys.js';

/**
 * Rows of the Ingresses of a model: one per (rule host, path), plus the default backend. Host wildcards match one
 * label (`*.example.com` ≠ `a.b.example.com`); a rule without host matches every host. Guards come from
 * `spec.tls` (TLS for the listed hosts only) and from the controller's annotations (ingress-nginx: src/model/nginx.ts).
 */
export function ingressDrafts(model: Model): DraftRow[] {
  const rows: DraftRow[] = [];
  for (const resource of model.resources) {
    if (!isIngress(resource)) continue;
    rows.push(...uniqueKeys(rowsOf(resource, model)));
  }
  return rows;
}

function rowsOf(resource: Resource, model: Model): DraftRow[] {
  const ingress = ingressOf(resource);
  const nginx = nginxGuardsOf(resource, model);
  const controller = controllerName(ingress, nginx);
  const object = { kind: 'Ingress', namespace: resource.namespace, name: resource.name };
  const base = `Ingress/${resource.namespace}/${resource.name}`;
  const rows: DraftRow[] = [];
  for (const rule of ingress.rules) {
    for (const p of rule.paths) {
      const match = `${p.pathType} ${p.path}`;
      const host = rule.host ?? '*';
      rows.push({
        key: `${base}|${host.toLowerCase()}|${match}`,
        object, controller, host, hostMatch: hostMatchOf(rule.host), match,
        // ingress-nginx treats ImplementationSpecific as a prefix (without use-regex), like every common controller.
        catchAll: p.path === '/' && p.pathType !== 'Exact',
        ...hostGuards(ingress, rule.host, nginx),
        backends: backendsOf(p.backend, resource.namespace),
        source: { resource, path: p.fieldPath, hostPath: rule.host === undefined ? rule.fieldPath : [...rule.fieldPath, 'host'] },
      });
    }
  }
  if (ingress.defaultBackend) {
    rows.push({
      key: `${base}|*|default backend`,
      object, controller, host: '*', hostMatch: 'any', match: 'default backend', catchAll: true,
      ...hostGuards(ingress, undefined, nginx),
      backends: backendsOf(ingress.defaultBackend, resource.namespace),
      source: { resource, path: ingress.defaultBackend.path, hostPath: ingress.defaultBackend.path },
    });
  }
  return rows;
}

function controllerName(ingress: IngressModel, nginx: NginxGuards | undefined): string {
  const cls = ingress.className === undefined ? 'default class' : `class ${ingress.className}`;
  return nginx ? `ingress-nginx (${cls})` : `ingress (${cls})`;
}

export function hostMatchOf(host: string | undefined): HostMatch {
  if (host === undefined || host === '*') return 'any';
  return host.startsWith('*.') ? 'one-label' : 'exact';
}

/** The listener and guards of the routes for `host`: TLS only when a `spec.tls` entry lists that host. */
function hostGuards(ingress: IngressModel, host: string | undefined, nginx: NginxGuards | undefined): Pick<DraftRow, 'listener' | 'guards' | 'notes'> {
  const guards: Guard[] = [];
  const notes: string[] = [];
  const tls = host === undefined ? undefined : ingress.tls.find((t) => t.hosts.some((h) => h.toLowerCase() === host.toLowerCase()));
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

import { yaml } from '../../helpers/rule-tester.js';

export { lineOf } from '../traefik/fixtures.js';

export interface ListenerSpec {
  name: string;
  port?: number;
  protocol?: string;
  hostname?: string;
  /** Lines under `allowedRoutes:`, e.g. ['namespaces:', '  from: All']. */
  allowedRoutes?: string[];
}

/** A Gateway `infra/<name>`; `tls` lines go under `spec.tls` (e.g. the frontend validation). */
export function gateway(listeners: ListenerSpec[], options: { name?: string; tls?: string[] } = {}): string {
  return yaml(
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: Gateway',
    'metadata:',
    `  name: ${options.name ?? 'edge'}`,
    '  namespace: infra',
    'spec:',
    '  gatewayClassName: eg',
    ...(options.tls ? ['  tls:', ...options.tls.map((l) => `    ${l}`)] : []),
    '  listeners:',
    ...listeners.flatMap((l) => [
      `    - name: ${l.name}`,
      `      port: ${l.port ?? 443}`,
      `      protocol: ${l.protocol ?? 'HTTPS'}`,
      ...(l.hostname === undefined ? [] : [`      hostname: "${l.hostname}"`]),
      ...((l.protocol ?? 'HTTPS') === 'HTTPS' ? ['      tls:', '        certificateRefs: [{name: cert}]'] : []),
      ...(l.allowedRoutes ? ['      allowedRoutes:', ...l.allowedRoutes.map((a) => `        ${a}`)] : []),
    ]),
  );
}

/** An HTTPRoute (or other route kind) `shop/<name>`; `rules` are the lines under `spec.rules:`. */
export function route(rules: string[], options: { kind?: string; name?: string; hostnames?: string[] } = {}): string {
  return yaml(
    `apiVersion: gateway.networking.k8s.io/${options.kind === 'TLSRoute' ? 'v1alpha2' : 'v1'}`,
    `kind: ${options.kind ?? 'HTTPRoute'}`,
    'metadata:',
    `  name: ${options.name ?? 'web'}`,
    '  namespace: shop',
    'spec:',
    '  parentRefs:',
    '    - {name: edge, namespace: infra}',
    ...(options.hostnames === undefined ? [] : ['  hostnames:', ...options.hostnames.map((h) => `    - "${h}"`)]),
    '  rules:',
    ...rules.map((l) => `    ${l}`),
  );
}

/** A rule with one PathPrefix (or given type) match and a backend: 5 lines. */
export function prefixRule(path: string, type = 'PathPrefix', service = 'api'): string[] {
  return ['- matches:', `    - path: {type: ${type}, value: ${path}}`, '  backendRefs:', `    - name: ${service}`, '      port: 80'];
}

export function grant(from: string[], to: string[], options: { name?: string; namespace?: string } = {}): string {
  return yaml(
    'apiVersion: gateway.networking.k8s.io/v1beta1',
    'kind: ReferenceGrant',
    'metadata:',
    `  name: ${options.name ?? 'shop-to-db'}`,
    `  namespace: ${options.namespace ?? 'db'}`,
    'spec:',
    '  from:',
    ...from.map((f) => `    - ${f}`),
    '  to:',
    ...to.map((t) => `    - ${t}`),
  );
}

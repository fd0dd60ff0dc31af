import { yaml } from '../../helpers/rule-tester.js';

/** Traefik manifests for rule tests; `lineOf` finds the line a test expects, by a fragment unique in the text. */
export const V3 = 'traefik.io/v1alpha1';
export const V2 = 'traefik.containo.us/v1alpha1';

export interface RouteSpec {
  match: string;
  middlewares?: string[];
  service?: string;
}

/** An IngressRoute `shop/<name>`; middleware entries are `name` or `namespace/name`. */
export function ingressRoute(routes: RouteSpec[], options: { name?: string; group?: string; tls?: string[]; entryPoints?: string[] } = {}): string {
  return yaml(
    `apiVersion: ${options.group ?? V3}`,
    'kind: IngressRoute',
    'metadata:',
    `  name: ${options.name ?? 'web'}`,
    '  namespace: shop',
    'spec:',
    ...(options.entryPoints ? [`  entryPoints: [${options.entryPoints.join(', ')}]`] : []),
    '  routes:',
    ...routes.flatMap((r) => [
      `    - match: ${r.match}`,
      ...(r.middlewares && r.middlewares.length > 0
        ? ['      middlewares:', ...r.middlewares.map((m) => (m.includes('/') ? `        - {name: ${m.split('/')[1]}, namespace: ${m.split('/')[0]}}` : `        - name: ${m}`))]
        : []),
      '      services:',
      `        - name: ${r.service ?? 'api'}`,
      '          port: 80',
    ]),
    ...(options.tls ? ['  tls:', ...options.tls.map((l) => `    ${l}`)] : []),
  );
}

/** A Middleware `shop/<name>` with the given spec lines (indented under `spec:`). */
export function middleware(name: string, spec: string[], group = V3, namespace = 'shop'): string {
  return yaml(`apiVersion: ${group}`, 'kind: Middleware', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', ...spec.map((l) => `  ${l}`));
}

export function allowList(name: string, ranges: string[], options: { field?: 'ipAllowList' | 'ipWhiteList'; group?: string; strategy?: string } = {}): string {
  return middleware(name, [
    `${options.field ?? 'ipAllowList'}:`,
    '  sourceRange:',
    ...ranges.map((r) => `    - ${r}`),
    ...(options.strategy ? ['  ipStrategy:', `    ${options.strategy}`] : []),
  ], options.group);
}

export const basicAuth = (name: string) => middleware(name, ['basicAuth:', '  secret: users']);

export function chain(name: string, members: string[]): string {
  return middleware(name, ['chain:', '  middlewares:', ...members.map((m) => `    - name: ${m}`)]);
}

export function tlsOption(name: string, clientAuthType?: string, namespace = 'shop'): string {
  return yaml('apiVersion: traefik.io/v1alpha1', 'kind: TLSOption', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:',
    ...(clientAuthType ? ['  clientAuth:', '    secretNames: [ca]', `    clientAuthType: ${clientAuthType}`] : ['  minVersion: VersionTLS12']));
}

/** A v1 Ingress `shop/<name>` with one host and Prefix paths, and the given annotations. */
export function traefikIngress(annotations: string[], host: string, paths: string[], options: { name?: string; tls?: boolean } = {}): string {
  return yaml(
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    `  name: ${options.name ?? 'web'}`,
    '  namespace: shop',
    ...(annotations.length > 0 ? ['  annotations:', ...annotations.map((a) => `    ${a}`)] : []),
    'spec:',
    '  ingressClassName: traefik',
    ...(options.tls ? ['  tls:', `    - hosts: [${host}]`, '      secretName: web-tls'] : []),
    '  rules:',
    `    - host: ${host}`,
    '      http:',
    '        paths:',
    ...paths.flatMap((p) => [`          - path: ${p}`, '            pathType: Prefix', '            backend:', '              service: {name: api, port: {number: 80}}']),
  );
}

/** The 1-based line of the `occurrence`-th line containing `fragment`. */
export function lineOf(text: string, fragment: string, occurrence = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes(fragment) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`"${fragment}" (occurrence ${occurrence}) not in:\n${text}`);
}

import { yaml } from '../../helpers/rule-tester.js';
import { deployment, ingress, service } from '../connectivity/fixtures.js';

/** A workload with its Service (port 80 → 8080) in `<namespace>/<name>.yaml` and `<namespace>/<name>-svc.yaml`. */
export function app(name: string, namespace: string, labels = `{app: ${name}}`): Record<string, string> {
  return {
    [`${namespace}/${name}.yaml`]: deployment(name, namespace, labels, 8080),
    [`${namespace}/${name}-svc.yaml`]: service(name, namespace, `{app: ${name}}`, 80, 8080),
  };
}

/** An Ingress routing `host` to one service of its namespace on port 80: the route is on line 12, the backend on 14. */
export function ingressTo(name: string, namespace: string, host: string, serviceName: string): string {
  return ingress(name, namespace, host, serviceName, 80);
}

/**
 * An Ingress with two paths on one host: `/` → `first` (route on line 12) and `/admin` → `second` (route on line 17).
 * `tls` adds a spec.tls entry for the host and `annotations` annotations (both after the routes, so lines stay put).
 */
export function twoPaths(name: string, namespace: string, host: string, first: string, second: string, extra: string[] = []): string {
  return yaml(
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:',
    '  ingressClassName: nginx', '  rules:', `    - host: ${host}`, '      http:', '        paths:',
    '          - path: /', '            pathType: Prefix', '            backend:', `              service: {name: ${first}, port: {number: 80}}`,
    '',
    '          - path: /admin', '            pathType: Prefix', '            backend:', `              service: {name: ${second}, port: {number: 80}}`,
    ...extra,
  );
}

/**
 * An Ingress of class nginx routing `host` `/` to a service on port 80, with one annotation line (the route is on
 * line 14 whatever it is) and, with `tls`, a spec.tls entry for the host on line 18.
 */
export function guardedIngress(name: string, namespace: string, host: string, serviceName: string, options: { annotation?: string; tls?: boolean } = {}): string {
  return yaml(
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, '  annotations:',
    `    ${options.annotation ?? 'example.com/team: payments'}`, 'spec:', '  ingressClassName: nginx', '  rules:', `    - host: ${host}`,
    '      http:', '        paths:', '          - path: /', '            pathType: Prefix', '            backend:',
    `              service: {name: ${serviceName}, port: {number: 80}}`,
    ...(options.tls ? [`  tls: [{hosts: [${host}], secretName: ${name}-cert}]`] : []),
  );
}

/** Gateway infra/public: listener `http` (HTTP 80) and listener `https` (HTTPS 443, TLS terminated), both admitting every namespace. */
export const GATEWAY = yaml(
  'apiVersion: gateway.networking.k8s.io/v1', 'kind: Gateway', 'metadata: {name: public, namespace: infra}', 'spec:', '  gatewayClassName: eg', '  listeners:',
  '  - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}',
  '  - {name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: cert}]}, allowedRoutes: {namespaces: {from: All}}}',
);

/** An HTTPRoute attached to listener `listener` of GATEWAY, sending `host` to a service on port 80; its rule is on line 8. */
export function httpRoute(name: string, namespace: string, host: string, serviceName: string, listener = 'http'): string {
  return yaml(
    'apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', `metadata: {name: ${name}, namespace: ${namespace}}`, 'spec:',
    `  parentRefs: [{name: public, namespace: infra, sectionName: ${listener}}]`, `  hostnames: ["${host}"]`, '  rules:',
    `  - backendRefs: [{name: ${serviceName}, port: 80}]`,
  );
}

/** A Traefik IngressRoute on entrypoint websecure sending Host(`host`) to a service on port 80; its route is on line 7. */
export function ingressRoute(name: string, namespace: string, host: string, serviceName: string, extra: string[] = []): string {
  return yaml(
    'apiVersion: traefik.io/v1alpha1', 'kind: IngressRoute', `metadata: {name: ${name}, namespace: ${namespace}}`, 'spec:', '  entryPoints: [websecure]',
    '  routes:', `  - match: "Host(\`${host}\`)"`, `    services: [{name: ${serviceName}, port: 80}]`, ...extra,
  );
}

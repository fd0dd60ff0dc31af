import type { Rule } from '../../../src/rules/rule.js';
import { runRule, yaml, type Files } from '../../helpers/rule-tester.js';

/**
 * Ingress manifests with a fixed layout, so tests can state exact lines: `apiVersion` is line 1, the metadata
 * lines follow `namespace: shop` (line 5), then `spec:`; with no extra metadata, spec content starts at line 7.
 */
export const V1 = 'networking.k8s.io/v1';
export const EXT_V1BETA1 = 'extensions/v1beta1';
export const NET_V1BETA1 = 'networking.k8s.io/v1beta1';

export function ingress(apiVersion: string, spec: string[], metadata: string[] = [], name = 'web'): string {
  return yaml(`apiVersion: ${apiVersion}`, 'kind: Ingress', 'metadata:', `  name: ${name}`, '  namespace: shop', ...metadata, 'spec:', ...spec);
}

/** `  rules:` with one entry per rule. */
export function rules(...entries: string[][]): string[] {
  return ['  rules:', ...entries.flat()];
}

/** A rule: 3 lines (`- host:`, `http:`, `paths:`), or 2 without a host (`- http:`, `paths:`), then its paths. */
export function rule(host: string | undefined, ...paths: string[][]): string[] {
  const head = host === undefined ? ['    - http:'] : [`    - host: ${host}`, '      http:'];
  return [...head, '        paths:', ...paths.flat()];
}

/** A v1 path: 7 lines (path, pathType, backend, service, name, port, number|name); 6 without a pathType. */
export function path(p: string, pathType: string | undefined, service: string, port: number | string): string[] {
  return [
    `          - path: ${p}`,
    ...(pathType === undefined ? [] : [`            pathType: ${pathType}`]),
    '            backend:',
    '              service:',
    `                name: ${service}`,
    '                port:',
    typeof port === 'number' ? `                  number: ${port}` : `                  name: ${port}`,
  ];
}

/** A v1beta1 path: 5 lines (path, pathType, backend, serviceName, servicePort); 4 without a pathType. */
export function betaPath(p: string, pathType: string | undefined, service: string, port: number | string): string[] {
  return [
    `          - path: ${p}`,
    ...(pathType === undefined ? [] : [`            pathType: ${pathType}`]),
    '            backend:',
    `              serviceName: ${service}`,
    `              servicePort: ${port}`,
  ];
}

/** `  tls:` with one entry per host list: 2 lines each (`- hosts:`, `secretName:`). */
export function tls(...entries: string[][]): string[] {
  return ['  tls:', ...entries.flatMap((hosts, i) => [`    - hosts: [${hosts.join(', ')}]`, `      secretName: tls-${i}`])];
}

/** A v1 `defaultBackend` (5 lines). */
export function defaultBackend(service: string, port: number): string[] {
  return ['  defaultBackend:', '    service:', `      name: ${service}`, '      port:', `        number: ${port}`];
}

/** `side path:line` of every related location, per finding of `rule`. */
export function relatedOf(rule: Rule, base: Files, head: Files): string[][] {
  return runRule(rule, base, head).map((f) => f.related.map((r) => `${r.side} ${r.path}:${r.line}`));
}

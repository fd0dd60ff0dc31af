import type { Rule } from '../../../src/rules/rule.js';
import { runRule, yaml, type Files } from '../../helpers/rule-tester.js';

export const P = 'nginx.ingress.kubernetes.io/';

/** Annotations in order, by name without the prefix; values are written as JSON strings (quotes, newlines kept). */
export type Annotations = [string, string][];

export interface IngressOptions {
  /** `ingressClassName`; null for none. Default `nginx`. */
  className?: string | null;
  tls?: boolean;
  name?: string;
  host?: string;
}

/**
 * An Ingress with a fixed layout: metadata lines 1-5, `annotations:` on line 6, the i-th annotation on line
 * `annotationLine(i)` = 7 + i; spec follows.
 */
export function nginxIngress(annotations: Annotations, options: IngressOptions = {}): string {
  const { className = 'nginx', tls = false, name = 'web', host = 'shop.example.com' } = options;
  return yaml(
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', `  name: ${name}`, '  namespace: shop',
    ...(annotations.length > 0 ? ['  annotations:', ...annotations.map(([k, v]) => `    ${P}${k}: ${JSON.stringify(v)}`)] : []),
    'spec:',
    ...(className === null ? [] : [`  ingressClassName: ${className}`]),
    ...(tls ? ['  tls:', `    - hosts: [${host}]`, '      secretName: web-tls'] : []),
    '  rules:', `    - host: ${host}`, '      http:', '        paths:', '          - path: /', '            pathType: Prefix',
    '            backend:', '              service:', '                name: web', '                port:', '                  number: 80',
  );
}

export function annotationLine(index: number): number {
  return 7 + index;
}

/** One-file sides: `{ 'ing.yaml': nginxIngress(...) }`. */
export function side(annotations: Annotations, options?: IngressOptions): Files {
  return { 'ing.yaml': nginxIngress(annotations, options) };
}

/** `side path:line` of every related location, per finding of `rule`. */
export function relatedOf(rule: Rule, base: Files, head: Files): string[][] {
  return runRule(rule, base, head).map((f) => f.related.map((r) => `${r.side} ${r.path}:${r.line}`));
}

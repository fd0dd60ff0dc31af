import { yaml } from '../../helpers/rule-tester.js';

/**
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy manifests for the admin rule tests, written so tests can count
 * lines: `anp` puts the priority on line 6, the subject's selector on line 8 and the first spec line given on line 9;
 * `banp` puts the subject's selector on line 7 and the first spec line given on line 8.
 */
export function anp(name: string, priority: number | string, ...spec: string[]): string {
  return yaml(
    'apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: AdminNetworkPolicy', 'metadata:', `  name: ${name}`, 'spec:',
    `  priority: ${priority}`, '  subject:', `    namespaces: ${PAYMENTS}`, ...spec,
  );
}

export function banp(...spec: string[]): string {
  return yaml(
    'apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: BaselineAdminNetworkPolicy', 'metadata:', '  name: default', 'spec:',
    '  subject:', `    namespaces: ${PAYMENTS}`, ...spec,
  );
}

export const PAYMENTS = '{matchLabels: {kubernetes.io/metadata.name: payments}}';
export const SHOP = '{matchLabels: {kubernetes.io/metadata.name: shop}}';

/**
 * One ingress rule (the `ingress:` line, then the rule: name, action on the third line, `from:`, the peers, then
 * the ports lines when given).
 */
export function ingress(name: string, action: string, peers: string[] = [`namespaces: ${SHOP}`], ports: string[] = []): string[] {
  return ['  ingress:', ...ingressRule(name, action, peers, ports)];
}

/** A rule of an `ingress:` list (name on its first line, action on the second, `from:`, one line per peer, ports). */
export function ingressRule(name: string, action: string, peers: string[] = [`namespaces: ${SHOP}`], ports: string[] = []): string[] {
  return [`    - name: ${name}`, `      action: ${action}`, '      from:', ...peers.map((p) => `        - ${p}`), ...(ports.length ? ['      ports:', ...ports.map((p) => `        - ${p}`)] : [])];
}

/** One egress rule, laid out as `ingress` lays out its rule. */
export function egress(name: string, action: string, peers: string[], ports: string[] = []): string[] {
  return ['  egress:', ...ingressRule(name, action, peers, ports).map((l) => l.replace('      from:', '      to:'))];
}

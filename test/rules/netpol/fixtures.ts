import { yaml } from '../../helpers/rule-tester.js';

/**
 * NetworkPolicy manifests for the netpol rule tests. `policy` writes a six-line header (apiVersion … `spec:`),
 * so the first spec line given is line 7 of the file: tests can count the expected line exactly.
 */
export function policy(name: string, namespace: string, ...spec: string[]): string {
  return yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', ...spec);
}

/** A default deny for the given directions in `namespace` (podSelector {} on line 7, policyTypes on line 8). */
export function defaultDeny(namespace = 'shop', types: string[] = ['Ingress'], name = 'default-deny'): string {
  return policy(name, namespace, '  podSelector: {}', `  policyTypes: [${types.join(', ')}]`);
}

/** Several documents in one file. */
export function docs(...documents: string[]): string {
  return documents.join('---\n');
}

/** shop/web selecting {app: web} with these ingress rule lines; the first rule line is line 10. */
export function web(...ingress: string[]): string {
  return policy('web', 'shop', '  podSelector:', '    matchLabels: {app: web}', '  ingress:', ...ingress);
}

/** shop/web isolating egress only, with these egress rule lines; the first rule line is line 11. */
export function webEgress(...egress: string[]): string {
  return policy('web', 'shop', '  podSelector:', '    matchLabels: {app: web}', '  policyTypes: [Egress]', '  egress:', ...egress);
}

/** A Deployment in shop whose pods are {app: web} and name their container port 8080 `http`. */
export const webDeployment = yaml(
  'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web, namespace: shop}', 'spec:', '  template:',
  '    metadata: {labels: {app: web}}', '    spec:', '      containers:', '      - name: web', '        ports:',
  '        - {name: http, containerPort: 8080}',
);

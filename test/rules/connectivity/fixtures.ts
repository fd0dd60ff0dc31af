import { yaml } from '../../helpers/rule-tester.js';

/**
 * Manifests for the connectivity rule tests, with fixed line numbers: a Deployment's pod labels are on line 9,
 * a NetworkPolicy's spec starts on line 7.
 */
export function deployment(name: string, namespace: string, labels: string, port = 8080): string {
  return yaml(
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:',
    '  template:', '    metadata:', `      labels: ${labels}`, '    spec:', '      containers:', '        - name: main',
    '          image: app', '          ports:', `            - containerPort: ${port}`, '              name: http',
  );
}

export function policy(name: string, namespace: string, ...spec: string[]): string {
  return yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', ...spec);
}

/** Denies all ingress to the namespace (podSelector on line 7). */
export function denyIngress(namespace: string): string {
  return policy('deny-ingress', namespace, '  podSelector: {}', '  policyTypes: [Ingress]');
}

export function service(name: string, namespace: string, selector: string, port: number, targetPort: number | string): string {
  return yaml(
    'apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:',
    `  selector: ${selector}`, '  ports:', `    - port: ${port}`, `      targetPort: ${targetPort}`,
  );
}

/** An Ingress with one rule; the backend is on line 16. */
export function ingress(name: string, namespace: string, host: string, serviceName: string, port: number): string {
  return yaml(
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:',
    '  ingressClassName: nginx', '  rules:', `    - host: ${host}`, '      http:', '        paths:', '          - path: /',
    '            pathType: Prefix', '            backend:', '              service:', `                name: ${serviceName}`,
    `                port: {number: ${port}}`,
  );
}

/** Two workloads: shop/api and payments/ledger (port 5432), with payments isolated for ingress. */
export const SHOP = {
  'shop/api.yaml': deployment('api', 'shop', '{app: api}'),
  'payments/ledger.yaml': deployment('ledger', 'payments', '{app: ledger}', 5432),
  'payments/deny.yaml': denyIngress('payments'),
};

/** Lets pods {app: api} of namespace shop reach the ledger on TCP 5432; the peer is on line 11. */
export const ALLOW_API = policy('allow-api', 'payments',
  '  podSelector:', '    matchLabels: {app: ledger}', '  ingress:', '    - from:',
  '        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}', '          podSelector: {matchLabels: {app: api}}',
  '      ports:', '        - port: 5432');

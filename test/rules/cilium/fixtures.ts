import { yaml } from '../../helpers/rule-tester.js';

/**
 * Cilium manifests for the cilium rule tests. `cnp` writes a six-line header (apiVersion … `spec:`), so the first
 * spec line given is line 7 of the file: tests can count the expected line exactly.
 */
export function cnp(name: string, namespace: string, ...spec: string[]): string {
  return yaml('apiVersion: cilium.io/v2', 'kind: CiliumNetworkPolicy', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', ...spec);
}

/** A CiliumClusterwideNetworkPolicy; its first spec line is line 6. */
export function ccnp(name: string, ...spec: string[]): string {
  return yaml('apiVersion: cilium.io/v2', 'kind: CiliumClusterwideNetworkPolicy', 'metadata:', `  name: ${name}`, 'spec:', ...spec);
}

/** shop/web selecting {app: web} with these ingress rule lines; the first rule line is line 10. */
export function web(...ingress: string[]): string {
  return cnp('web', 'shop', '  endpointSelector:', '    matchLabels: {app: web}', '  ingress:', ...ingress);
}

/** Pods of shop: web (TCP/80 and 443) and api; a pod of another namespace, lab/tool. */
export const PODS = yaml(
  'apiVersion: v1', 'kind: Pod', 'metadata: {name: web, namespace: shop, labels: {app: web}}',
  'spec: {containers: [{name: c, ports: [{containerPort: 80}, {containerPort: 443}]}]}', '---',
  'apiVersion: v1', 'kind: Pod', 'metadata: {name: api, namespace: shop, labels: {app: api}}', 'spec: {containers: [{name: c}]}', '---',
  'apiVersion: v1', 'kind: Pod', 'metadata: {name: tool, namespace: lab, labels: {app: tool}}', 'spec: {containers: [{name: c}]}',
);

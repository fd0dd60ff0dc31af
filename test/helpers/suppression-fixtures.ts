/** Manifests for the suppression tests: workloads in shop, and a web policy admitting an address block. */

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: c, image: ${name}}]}
`;

/** Two workloads in shop: web (behind the policy below) and db. */
export const WORKLOADS = `${deployment('web')}---\n${deployment('db')}`;

/** The web policy admitting `cidr`; the `segguard.io/ignore` annotation (when given) is on line 7. */
export const webPolicy = (cidr: string, ignore?: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
  annotations:
    ${ignore === undefined ? 'owner: shop-team' : `segguard.io/ignore: "${ignore}"`}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]
  ingress:
    - from:
        - ipBlock: {cidr: ${cidr}}
`;

/** The rule ids a widened ipBlock of the web policy triggers. */
export const WIDEN_IDS = 'netpol-ipblock-widened,connectivity-added';

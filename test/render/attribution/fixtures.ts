/**
 * A shop repository as real ones lay out Kustomize: a base, dev and prod overlays, components, patches of both
 * kinds. `head` is `base` plus what the pull request changes. Comments (`# <- name`) mark the lines the tests
 * expect, so that each expectation names its line by content.
 */
export const KUSTOMIZE_BASE: Record<string, string> = {
  'deploy/base/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - netpol.yaml
  - deployment.yaml
labels:
  - pairs:
      app.kubernetes.io/part-of: shop # <- part-of
`,
  'deploy/base/netpol.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
spec: # <- api spec
  podSelector:
    matchLabels:
      app: api # <- api pods
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: web # <- from web
      ports:
        - port: 8080
          protocol: TCP
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
spec:
  podSelector:
    matchLabels:
      app: db # <- db pods
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: api # <- from api
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-monitoring # <- allow-monitoring
spec:
  podSelector: {}
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: monitoring
`,
  'deploy/base/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: shop/api:1.0.0 # <- base image
          ports:
            - containerPort: 8080 # <- container port
              name: http
`,
  'deploy/components/default-deny/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
resources:
  - deny.yaml
patches:
  - target:
      kind: NetworkPolicy
      name: db
    patch: |-
      - op: add # <- policyTypes op
        path: /spec/policyTypes
        value:
          - Ingress
          - Egress # <- egress type
`,
  'deploy/components/default-deny/deny.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {} # <- deny all pods
  policyTypes: [Ingress]
`,
  'deploy/components/scrape/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
resources:
  - allow-scrape.yaml
`,
  'deploy/components/scrape/allow-scrape.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-scrape
spec:
  podSelector:
    matchLabels:
      app: api
  ingress:
    - from:
        - namespaceSelector: {}
      ports:
        - port: 9090 # <- scrape port
`,
  'deploy/overlays/dev/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: shop-dev # <- dev namespace
namePrefix: dev-
resources:
  - ../../base
components:
  - ../../components/scrape
patches:
  - path: sidecar.yaml
`,
  'deploy/overlays/dev/sidecar.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: proxy
          image: envoyproxy/envoy:v1.30 # <- sidecar image
`,
  'deploy/overlays/prod/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: shop-prod # <- prod namespace
namePrefix: prod- # <- prod prefix
commonLabels:
  env: prod # <- env label
resources:
  - ../../base
components:
  - ../../components/default-deny
  - ../../components/scrape
patches:
  - patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            containers:
              - name: api
                image: shop/api:2.0.0 # <- prod image
`,
};

/** The pull request: prod opens the api policy to every namespace, widens the db peers and deletes the monitoring policy. */
export const KUSTOMIZE_HEAD: Record<string, string> = {
  ...KUSTOMIZE_BASE,
  'deploy/overlays/prod/kustomization.yaml': `${KUSTOMIZE_BASE['deploy/overlays/prod/kustomization.yaml']}  - path: open-api.yaml
  - path: db-peers.yaml
    target:
      kind: NetworkPolicy
      name: db
  - patch: |-
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow-monitoring
      $patch: delete # <- delete monitoring
`,
  'deploy/overlays/prod/open-api.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
spec:
  ingress:
    - from: # <- open from
        - namespaceSelector: {} # <- every namespace
`,
  'deploy/overlays/prod/db-peers.yaml': `- op: replace # <- db peers op
  path: /spec/ingress/0/from/0/podSelector/matchLabels/app
  value: anything
`,
};

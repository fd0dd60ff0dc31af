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
      - op: add
        path: /spec/policyTypes
        value: # <- policyTypes op
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
        replicas: 3
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
  'deploy/overlays/prod/db-peers.yaml': `- op: replace
  path: /spec/ingress/0/from/0/podSelector/matchLabels/app
  value: anything # <- db peers op
`,
};

/**
 * A chart with a guarded NetworkPolicy (its peers from a `range` over values, its selector from a helper), an
 * Ingress whose `tls:` is guarded too, a prod values file, and a vendored subchart with its own policy.
 */
export const HELM_BASE: Record<string, string> = {
  'charts/shop/Chart.yaml': `apiVersion: v2
name: shop
version: 1.4.0
dependencies:
  - name: cache
    version: 0.3.0
`,
  'charts/shop/values.yaml': `replicaCount: 2
image:
  repository: shop/api
  tag: 1.0.0
networkPolicy:
  enabled: true # <- policy enabled
  allowFrom:
    - web
    - gateway # <- gateway peer
  extraIngress: []
ingress:
  host: shop.example.com
  tls:
    enabled: true # <- tls enabled
    secretName: shop-tls
cache:
  networkPolicy:
    enabled: true
`,
  'charts/shop/values-prod.yaml': `replicaCount: 4
ingress:
  host: shop.example.org # <- prod host
`,
  'charts/shop/templates/_helpers.tpl': `{{- define "shop.fullname" -}}
{{ .Release.Name }}-{{ .Chart.Name }}
{{- end }}

{{- define "shop.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- if .Values.extraSelector }}
tier: {{ .Values.extraSelector }} # <- extra selector
{{- end }}
{{- end }}
`,
  'charts/shop/templates/networkpolicy.yaml': `{{- if .Values.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "shop.fullname" . }}
spec:
  podSelector:
    matchLabels:
      {{- include "shop.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
  ingress:
    - from:
        {{- range .Values.networkPolicy.allowFrom }}
        - podSelector:
            matchLabels:
              app: {{ . }}
        {{- end }}
      ports:
        - port: 8080
    {{- with .Values.networkPolicy.extraIngress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end }}
`,
  'charts/shop/templates/ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "shop.fullname" . }}
spec:
  {{- with .Values.ingress }}
  {{- if .tls.enabled }}
  tls: # <- tls key
    - hosts: [{{ .host | quote }}]
      secretName: {{ .tls.secretName }}
  {{- end }}
  rules:
    - host: {{ .host | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ include "shop.fullname" $ }}
                port:
                  number: 80
  {{- end }}
`,
  'charts/shop/templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "shop.fullname" . }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      {{- include "shop.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "shop.selectorLabels" . | nindent 8 }}
    spec:
      containers:
        - name: api
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`,
  'charts/shop/charts/cache/Chart.yaml': `apiVersion: v2
name: cache
version: 0.3.0
`,
  'charts/shop/charts/cache/values.yaml': `port: 6379
networkPolicy:
  enabled: false
`,
  'charts/shop/charts/cache/templates/networkpolicy.yaml': `{{- if .Values.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ .Release.Name }}-cache
spec:
  podSelector:
    matchLabels:
      app: cache
  ingress:
    - ports:
        - port: {{ .Values.port }}
{{- end }}
`,
};

/** The pull request: the policy and TLS switched off, the cache opened to everyone by its template, a chart version bump. */
export const HELM_HEAD: Record<string, string> = {
  ...HELM_BASE,
  'charts/shop/Chart.yaml': HELM_BASE['charts/shop/Chart.yaml'].replace('version: 1.4.0', 'version: 1.5.0'),
  'charts/shop/values.yaml': HELM_BASE['charts/shop/values.yaml']
    .replace('enabled: true # <- policy enabled', 'enabled: false # <- policy enabled')
    .replace('enabled: true # <- tls enabled', 'enabled: false # <- tls enabled'),
  'charts/shop/charts/cache/templates/networkpolicy.yaml': HELM_BASE['charts/shop/charts/cache/templates/networkpolicy.yaml'].replace(
    '  ingress:\n    - ports:',
    '  ingress:\n    - from:\n        - namespaceSelector: {} # <- cache opened\n      ports:',
  ),
};

/** An older overlay: the legacy patch fields, a name suffix, labels that reach selectors, a generator, `$patch` directives. */
export const KUSTOMIZE_LEGACY: Record<string, string> = {
  'apps/base/kustomization.yaml': `resources:
  - policies.yaml
  - web.yaml
`,
  'apps/base/policies.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes: [Ingress, Egress]
`,
  'apps/base/web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: shop/web:3
        - name: proxy
          image: envoyproxy/envoy:v1.30
`,
  'apps/staging/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
nameSuffix: -v2 # <- suffix
commonAnnotations:
  contact: storefront@example.com # <- contact
labels:
  - pairs:
      team: storefront # <- team label
    includeSelectors: true
resources:
  - ../base
images:
  - name: shop/web
    newTag: "3.1" # <- web tag
configMapGenerator:
  - name: settings # <- generator
    literals:
      - LOG_LEVEL=debug
patchesStrategicMerge:
  - replace-selector.yaml
  - |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      template:
        spec:
          containers:
            - name: proxy # <- drop proxy
              $patch: delete
patches:
  - target:
      kind: Deployment
      name: web
    patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: any-name
      spec:
        template:
          spec:
            automountServiceAccountToken: false # <- no token
  - target:
      kind: NetworkPolicy
    patch: '[{"op": "add", "path": "/metadata/annotations", "value": {"owner": "storefront"}}]' # <- quoted patch
patchesJson6902:
  - target:
      group: networking.k8s.io
      version: v1
      kind: NetworkPolicy
      name: web
    path: egress.yaml
`,
  'apps/staging/replace-selector.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
spec:
  podSelector:
    $patch: replace # <- replace selector
    matchLabels:
      tier: front # <- tier
`,
  'apps/staging/egress.yaml': `- op: add
  path: /spec/egress
  value:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0 # <- egress anywhere
- op: add
  path: /metadata/labels/team
  value: platform # <- late team
`,
};

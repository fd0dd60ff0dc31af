import type { SourceFile } from '../src/model/load.js';

/**
 * A synthetic platform repository of about `n` manifests: namespaces with a Deployment, a Service, a default-deny
 * and an allow policy per app, and an Ingress per namespace. Deterministic. The head changes one manifest in 20
 * (5%), as a real PR touches few files: the other files are byte-identical on both sides.
 */
export interface Repository {
  base: SourceFile[];
  head: SourceFile[];
  manifests: number;
  bytes: number;
}

const APPS_PER_NAMESPACE = 8;

function namespaceDoc(ns: string, i: number): string {
  return `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
    team: team-${i % 17}
    environment: ${i % 3 === 0 ? 'production' : 'staging'}
`;
}

function deployment(ns: string, app: string, port: number): string {
  return `# ${app}: generated workload
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: ${ns}
  labels: {app: ${app}, tier: backend}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}, tier: backend}
    spec:
      containers:
        - name: ${app}
          image: registry.example.com/${ns}/${app}:1.0.0
          ports:
            - {name: http, containerPort: ${port}}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 500m, memory: 256Mi}
`;
}

function service(ns: string, app: string, port: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  selector: {app: ${app}}
  ports:
    - name: http
      port: 80
      targetPort: ${port}
`;
}

function defaultDeny(ns: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: ${ns}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;
}

function allow(ns: string, app: string, peerNs: string, port: number, cidr: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-${app}
  namespace: ${ns}
spec:
  podSelector:
    matchLabels: {app: ${app}}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels: {kubernetes.io/metadata.name: ${peerNs}}
          podSelector:
            matchLabels: {app: client, tier: web}
        - ipBlock:
            cidr: ${cidr}
            except: [${cidr.replace(/\/\d+$/, '/26')}]
      ports:
        - port: ${port}
          protocol: TCP
  egress:
    - to:
        - namespaceSelector:
            matchLabels: {kubernetes.io/metadata.name: kube-system}
      ports:
        - {port: 53, protocol: UDP}
`;
}

function ingress(ns: string, apps: string[]): string {
  const paths = apps.map((app) => `          - path: /${app}
            pathType: Prefix
            backend:
              service: {name: ${app}, port: {number: 80}}`).join('\n');
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${ns}
  namespace: ${ns}
spec:
  ingressClassName: nginx
  tls:
    - hosts: [${ns}.example.com]
      secretName: ${ns}-tls
  rules:
    - host: ${ns}.example.com
      http:
        paths:
${paths}
`;
}

/** The head's edit of the k-th changed manifest: a mix of harmless edits and real regressions. */
function change(text: string, k: number): string {
  switch (k % 5) {
    case 0: return text.replace('replicas: 2', 'replicas: 3');
    case 1: return text.replace('{app: client, tier: web}', '{app: client}');
    case 2: return text.replace(/except: \[[^\]]*\]/, 'except: []');
    case 3: return text.replace('pathType: Prefix', 'pathType: Exact');
    default: return `# reviewed\n${text}`;
  }
}

export function generate(n: number): Repository {
  const base: SourceFile[] = [];
  let manifests = 0;
  for (let i = 0; manifests < n; i++) {
    const ns = `team-${i}`;
    base.push({ path: `${ns}/namespace.yaml`, content: namespaceDoc(ns, i) });
    base.push({ path: `${ns}/network/default-deny.yaml`, content: defaultDeny(ns) });
    manifests += 2;
    const apps: string[] = [];
    for (let a = 0; a < APPS_PER_NAMESPACE && manifests < n; a++) {
      const app = `app-${a}`;
      const port = 8000 + a;
      apps.push(app);
      // Workload and service in one multi-document file, as many repositories do.
      base.push({ path: `${ns}/${app}/workload.yaml`, content: `${deployment(ns, app, port)}---\n${service(ns, app, port)}` });
      base.push({ path: `${ns}/${app}/network-policy.yaml`, content: allow(ns, app, `team-${(i + 1) % 50}`, port, `10.${i % 250}.${a * 16}.0/24`) });
      manifests += 3;
    }
    base.push({ path: `${ns}/ingress.yaml`, content: ingress(ns, apps) });
    manifests += 1;
  }
  let changed = 0;
  const head = base.map((file, index) => {
    if (index % 20 !== 7) return file;
    return { path: file.path, content: change(file.content as string, changed++) };
  });
  const bytes = base.reduce((sum, f) => sum + Buffer.byteLength(f.content as string), 0);
  return { base, head, manifests, bytes };
}

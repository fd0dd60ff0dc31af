import type { SourceFile } from '../src/model/load.js';

/**
 * A synthetic platform repository of about `n` manifests: namespaces with a Deployment, a Service, a default-deny
 * and an allow policy per app, and an Ingress per namespace. Deterministic. The head is one of the shapes real
 * pull requests take (SHAPES): each keeps most objects as they are, but not always in the same files.
 */
export interface Repository {
  base: SourceFile[];
  head: SourceFile[];
  manifests: number;
  bytes: number;
}

/**
 * `edits`: one file in 20 (5%) edited in place, every other file byte-identical at its path. `moves`: 30% of the
 * files moved unchanged into per-team folders, 5% edited. `splits`: the workload files (Deployment + Service) of
 * half the namespaces split into one file per object, the policies of the other half merged into one file.
 * `relabels`: 10% of the workloads take a new `app` label, with their Service's and policy's selectors.
 */
export const SHAPES = ['edits', 'moves', 'splits', 'relabels'] as const;
export type Shape = (typeof SHAPES)[number];

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

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const namespaceOf = (path: string) => path.slice(0, path.indexOf('/'));

const heads: Record<Shape, (base: SourceFile[]) => SourceFile[]> = {
  edits: (base) => editSome(base, [7]),
  // Half the edits are in moved files (a rename with changes), as git shows many.
  moves: (base) => editSome(base, [2, 7]).map((file, index) => (index % 10 < 3 ? { ...file, path: moved(file.path, index) } : file)),
  splits: (base) => {
    const head: SourceFile[] = [];
    const merged = new Map<string, SourceFile>();
    for (const file of base) {
      const ns = namespaceOf(file.path);
      const even = Number(ns.slice('team-'.length)) % 2 === 0;
      if (even && fileName(file.path) === 'workload.yaml') {
        // The documents as they were, each in a file of its own.
        const [workload, svc] = (file.content as string).split('---\n');
        const folder = file.path.slice(0, -'workload.yaml'.length);
        head.push({ path: `${folder}deployment.yaml`, content: workload }, { path: `${folder}service.yaml`, content: svc });
      } else if (!even && fileName(file.path) === 'network-policy.yaml') {
        const into = merged.get(ns);
        if (into) into.content = `${into.content as string}---\n${file.content as string}`;
        else {
          const created = { path: `${ns}/network/policies.yaml`, content: file.content };
          merged.set(ns, created);
          head.push(created);
        }
      } else head.push(file);
    }
    return head;
  },
  relabels: (base) => {
    // The k-th app of every tenth namespace slot is relabelled: 10% of the workloads, with what selects them.
    const relabelled = (path: string) => {
      const ns = Number(namespaceOf(path).slice('team-'.length));
      const app = /\/app-(\d+)\//.exec(path)?.[1];
      return app !== undefined && (ns * APPS_PER_NAMESPACE + Number(app)) % 10 === 3;
    };
    return base.map((file) => {
      if (!relabelled(file.path)) return file;
      const content = (file.content as string).replace(/app: (app-\d+)([,}])/g, 'app: $1-v2$2');
      return { path: file.path, content };
    });
  },
};

/** One file in 20 edited with `change`: those whose index is one of `offsets` modulo 20 × offsets.length. */
function editSome(base: SourceFile[], offsets: number[]): SourceFile[] {
  let changed = 0;
  const every = 20 * offsets.length;
  return base.map((file, index) => (offsets.includes(index % every) ? { path: file.path, content: change(file.content as string, changed++) } : file));
}

/** A file moved into a per-team folder, or renamed where it is. */
function moved(path: string, index: number): string {
  return index % 10 === 0 ? path.replace(/\.yaml$/, '.k8s.yaml') : `platform/${path}`;
}

export function generate(n: number, shape: Shape = 'edits'): Repository {
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
  const head = heads[shape](base);
  const bytes = base.reduce((sum, f) => sum + Buffer.byteLength(f.content as string), 0);
  return { base, head, manifests, bytes };
}

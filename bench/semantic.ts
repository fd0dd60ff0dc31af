// Semantic bench scenario: 2,000 workloads, 1,000 NetworkPolicies, 20 AdminNetworkPolicies and the
// BaselineAdminNetworkPolicy, 200 CiliumNetworkPolicies and a cluster-wide Cilium deny, 500 Ingresses (with their
// Services) in 40 namespaces; the head changes 5% of the objects (policies widened, workloads relabelled, Ingress
// hosts, an ANP's action loosened and another's priority moved).
// Times the full check (load both sides, every rule, both connectivity maps and their diff), as bench/run.mjs does.
//   npx tsx bench/semantic.ts   →   bench: semantic workloads=2000 check_ms=C peak_rss_mb=M
import { analyze } from '../src/analyze.js';
import type { SourceFile } from '../src/model/load.js';

const NAMESPACES = 40;
const WORKLOADS = 2000;
const POLICIES = 1000;
const INGRESSES = 500;
const ADMIN_POLICIES = 20;
const CILIUM_POLICIES = 200;
const TIERS = ['web', 'api', 'db'];

function namespaceOf(i: number): string {
  return `ns-${i % NAMESPACES}`;
}

function deployment(i: number, relabel: boolean): string {
  const tier = TIERS[(i + (relabel ? 1 : 0)) % TIERS.length];
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ${namespaceOf(i)}
spec:
  replicas: 2
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}, tier: ${tier}${relabel ? ', canary: "true"' : ''}}
    spec:
      containers:
        - name: main
          image: registry.example.com/app-${i}:1.0
          ports:
            - {name: http, containerPort: 8080}
            - {name: metrics, containerPort: 9090}
`;
}

function policy(p: number, widen: boolean): string {
  const ns = `ns-${p % NAMESPACES}`;
  const name = `pol-${p}`;
  if (p < NAMESPACES) {
    return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: ${ns}}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  egress:
    - to:
        - namespaceSelector: {}
      ports: [{port: 53, protocol: UDP}]
`;
  }
  const target = p % WORKLOADS;
  const sourceTier = TIERS[p % TIERS.length];
  const peers = widen
    ? `        - namespaceSelector: {matchLabels: {team: t${p % 10}}}`
    : `        - podSelector: {matchLabels: {tier: ${sourceTier}}}`;
  const ipBlock = p % 7 === 0 ? `\n        - ipBlock: {cidr: 10.${p % 256}.0.0/16, except: [10.${p % 256}.${p % 200}.0/24]}` : '';
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: ${ns}}
spec:
  podSelector:
    matchLabels: {app: app-${target}}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
${peers}${ipBlock}
      ports:
        - port: http
        - {port: 9000, endPort: ${widen ? 9100 : 9010}}
  egress:
    - to:
        - podSelector: {matchLabels: {tier: db}}
      ports: [{port: 8080}]
`;
}

/**
 * ANP `a`: over the namespaces of one team, denies ingress from another team's namespaces (a Deny the head turns into
 * a Pass for a = 3), passes the metrics port, allows the web pods of a monitoring namespace, denies or allows egress
 * to a /16.
 */
function adminPolicy(a: number, loosen: boolean, reorder: boolean): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: guard-${a}}
spec:
  priority: ${reorder ? 5 : 10 + a}
  subject:
    namespaces: {matchLabels: {team: t${a % 10}}}
  ingress:
    - name: metrics
      action: Pass
      from: [{namespaces: {}}]
      ports: [{portNumber: {port: 9090}}]
    - name: deny-team
      action: ${loosen ? 'Pass' : 'Deny'}
      from: [{namespaces: {matchLabels: {team: t${(a + 3) % 10}}}}]
    - name: monitoring
      action: Allow
      from:
        - pods:
            namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns-${a % 2}}}
            podSelector: {matchLabels: {tier: web}}
      ports: [{portRange: {start: 9100, end: 9199}}, {namedPort: http}]
  egress:
    - name: deny-range
      action: ${a % 2 ? 'Deny' : 'Allow'}
      to: [{networks: [172.${16 + a}.0.0/16]}]
`;
}

const BASELINE = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject:
    namespaces: {}
  ingress:
    - name: deny-dev
      action: Deny
      from: [{namespaces: {matchLabels: {env: dev}}}]
  egress:
    - name: deny-smtp
      action: Deny
      to: [{networks: [0.0.0.0/0]}]
      ports: [{portNumber: {port: 25}}]
`;

/** A CiliumNetworkPolicy for one app: ingress from a tier on its http port, DNS egress, some deny world. */
function ciliumPolicy(c: number, widen: boolean): string {
  const target = (c * 7) % WORKLOADS;
  const deny = c % 10 === 0 ? '\n  ingressDeny:\n  - fromEntities: [world]\n    toPorts: [{ports: [{port: "9090", protocol: TCP}]}]' : '';
  return `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: cnp-${c}, namespace: ${namespaceOf(target)}}
spec:
  endpointSelector:
    matchLabels: {app: app-${target}}
  ingress:
  - fromEndpoints:
    - matchLabels: {tier: ${TIERS[c % TIERS.length]}}${widen ? '\n  - fromEntities: [world]' : ''}
    toPorts:
    - ports: [{port: "8080", protocol: TCP}]${deny}
  egress:
  - toEndpoints:
    - matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, k8s-app: kube-dns}
    toPorts:
    - ports: [{port: "53", protocol: ANY}]
`;
}

/** A cluster-wide deny of the cloud metadata address that isolates nothing. */
const METADATA_DENY = `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: deny-metadata}
spec:
  endpointSelector: {}
  enableDefaultDeny: {ingress: false, egress: false}
  egressDeny:
  - toCIDR: [169.254.169.254/32]
`;

function namespace(n: number): string {
  return `apiVersion: v1
kind: Namespace
metadata:
  name: ns-${n}
  labels: {team: t${n % 10}, env: ${n % 2 ? 'prod' : 'dev'}}
`;
}

function serviceAndIngress(i: number, newHost: boolean): string {
  return `apiVersion: v1
kind: Service
metadata: {name: svc-${i}, namespace: ${namespaceOf(i)}}
spec:
  selector: {app: app-${i}}
  ports: [{name: web, port: 80, targetPort: http}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ing-${i}, namespace: ${namespaceOf(i)}}
spec:
  ingressClassName: nginx
  rules:
    - host: ${newHost ? `new-${i}` : `app-${i}`}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: svc-${i}, port: {number: 80}}
`;
}

export function scenario(): { base: SourceFile[]; head: SourceFile[] } {
  const base: SourceFile[] = [];
  const head: SourceFile[] = [];
  const add = (path: string, before: string, after = before) => {
    base.push({ path, content: before });
    head.push({ path, content: after });
  };
  for (let n = 0; n < NAMESPACES; n++) add(`namespaces/ns-${n}.yaml`, namespace(n));
  // 5% of the 3,762 objects change: 60 policies and 13 Cilium policies widened, 90 workloads relabelled, 25 Ingress
  // hosts, 2 ANPs.
  for (let i = 0; i < WORKLOADS; i++) add(`apps/app-${i}.yaml`, deployment(i, false), deployment(i, i % 22 === 5));
  for (let p = 0; p < POLICIES; p++) add(`policies/pol-${p}.yaml`, policy(p, false), policy(p, p >= NAMESPACES && p % 16 === 3));
  for (let i = 0; i < INGRESSES; i++) add(`ingress/ing-${i}.yaml`, serviceAndIngress(i, false), serviceAndIngress(i, i % 20 === 7));
  for (let a = 0; a < ADMIN_POLICIES; a++) add(`admin/guard-${a}.yaml`, adminPolicy(a, false, false), adminPolicy(a, a === 3, a === 17));
  add('admin/baseline.yaml', BASELINE);
  for (let c = 0; c < CILIUM_POLICIES; c++) add(`cilium/cnp-${c}.yaml`, ciliumPolicy(c, false), ciliumPolicy(c, c % 16 === 3));
  add('cilium/deny-metadata.yaml', METADATA_DENY);
  return { base, head };
}

if (process.env.SEGGUARD_BENCH_IMPORT) { /* imported by a profiler */ } else {
  // Measured like the size lines of bench/run.mjs: CPU milliseconds (the machine is shared), best of 3; the first
  // (cold, JIT not warmed) run's wall time is on the detail line.
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const { base, head } = scenario();
  let best = Infinity;
  let coldWall = 0;
  let result;
  for (let i = 0; i < 3; i++) {
    const [startedCpu, startedWall] = [cpuMs(), performance.now()];
    result = analyze(base, head);
    best = Math.min(best, cpuMs() - startedCpu);
    if (i === 0) coldWall = performance.now() - startedWall;
  }
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const changedFiles = head.filter((f, i) => f.content !== base[i].content).length;
  console.log(`semantic: ${changedFiles} of ${head.length} files changed; ${result?.findings.length} findings; first run wall ${coldWall.toFixed(0)} ms; ` +
    (result?.summary.notes ?? []).join('; '));
  console.log(`bench: semantic workloads=${WORKLOADS} check_ms=${best.toFixed(0)} peak_rss_mb=${peakRssMb}`);
}

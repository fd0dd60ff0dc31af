import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ciliumPolicyOf } from '../../src/model/cilium-policy.js';
import { loadSnapshot } from '../../src/model/load.js';
import { formatConnlist } from '../../src/report/connectivity/format.js';
import { Connectivity } from '../../src/semantics/connectivity.js';

/** Cilium's L3/L4 semantics through the connectivity engine (docs/cilium.md). */
function connectivity(...docs: string[]): Connectivity {
  return Connectivity.fromModel(loadSnapshot([{ path: 'all.yaml', content: docs.join('\n---\n') }]));
}

function list(c: Connectivity): string[] {
  return formatConnlist(c.connections(), 'txt').trim().split('\n').filter((l) => l !== '');
}

function fixture(dir: string): string[] {
  const root = join(import.meta.dirname, '../fixtures/cilium', dir);
  const files = readdirSync(root).filter((f) => f.endsWith('.yaml')).map((f) => ({ path: f, content: readFileSync(join(root, f), 'utf8') }));
  return list(Connectivity.fromModel(loadSnapshot(files)));
}

const pod = (name: string, ns: string, labels: string, ports = '[]') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: ${labels}}\nspec:\n  containers: [{name: c, ports: ${ports}}]`;
const cnp = (name: string, ns: string, spec: string) =>
  `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: ${spec}`;
const ccnp = (name: string, spec: string) =>
  `apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: ${name}}\nspec: ${spec}`;
const netpol = (name: string, ns: string, spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: ${spec}`;

const web = pod('web', 'shop', '{app: web}', '[{containerPort: 80}, {containerPort: 443}]');
const api = pod('api', 'shop', '{app: api}');
const other = pod('other', 'lab', '{app: api}');

/** The connections into shop/web, without the rest of the list. */
function intoWeb(c: Connectivity): string[] {
  return list(c).filter((line) => line.includes('=> shop/web[Pod]'));
}

describe('Cilium policies in the connectivity model', () => {
  it('the Star Wars demo: only org=empire ships reach the Death Star, on TCP/80 (its L7 rule analyzed as L4)', () => {
    const lines = fixture('star-wars');
    expect(lines).toContain('default/tiefighter[Pod] => default/deathstar[Deployment] : TCP 80');
    expect(lines.filter((l) => l.includes('=> default/deathstar'))).toEqual(['default/tiefighter[Pod] => default/deathstar[Deployment] : TCP 80']);
  });

  it('the documentation examples together: a deny of world over an allow of all, a cluster-wide default deny with DNS, CIDRs with except', () => {
    const lines = fixture('docs-examples');
    // external-lockdown: ns1 admits every pod but no external address.
    expect(lines).toContain('kube-system/coredns[Deployment] => ns1/backend[Deployment] : All Connections');
    expect(lines.some((l) => l.startsWith('0.0.0.0') && l.includes('=> ns1/'))).toBe(false);
    // from-world-to-role-public: world on TCP/443 only; isolate-ns2: ns2 pods among themselves, egress permitting.
    expect(lines).toContain('0.0.0.0-255.255.255.255[External] => ns2/public[Deployment] : TCP 443');
    // default-deny (CCNP): egress of every namespace but kube-system is DNS only (plus cidr-rule for the crawler).
    expect(lines).toContain('ns1/frontend[Deployment] => kube-system/coredns[Deployment] : UDP 53');
    expect(lines.filter((l) => l.startsWith('ns2/crawler'))).toEqual([
      'ns2/crawler[Deployment] => 10.0.0.0-10.95.255.255[External] : All Connections',
      'ns2/crawler[Deployment] => 10.112.0.0-10.255.255.255[External] : All Connections',
      'ns2/crawler[Deployment] => 20.1.1.1-20.1.1.1[External] : All Connections',
      'ns2/crawler[Deployment] => kube-system/coredns[Deployment] : UDP 53',
    ]);
  });

  it('fromEndpoints [{}] in a CNP is every endpoint of its own namespace; in a CCNP every pod of the cluster', () => {
    const own = connectivity(web, api, other, cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, ingress: [{fromEndpoints: [{}]}]}'));
    expect(intoWeb(own)).toEqual(['shop/api[Pod] => shop/web[Pod] : All Connections']);
    const everywhere = connectivity(web, api, other, ccnp('p', '{endpointSelector: {matchLabels: {app: web}}, ingress: [{fromEndpoints: [{}]}]}'));
    expect(intoWeb(everywhere)).toEqual(['lab/other[Pod] => shop/web[Pod] : All Connections', 'shop/api[Pod] => shop/web[Pod] : All Connections']);
  });

  it('k8s:io.kubernetes.pod.namespace names the peer namespace; namespace labels alone stay in the own namespace', () => {
    const named = connectivity(web, api, other, cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, ingress: [{fromEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": lab, "k8s:app": api}}]}]}'));
    expect(intoWeb(named)).toEqual(['lab/other[Pod] => shop/web[Pod] : All Connections']);
    const labelled = connectivity(web, api, other, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: lab, labels: {team: x}}',
      cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, ingress: [{fromEndpoints: [{matchLabels: {"io.cilium.k8s.namespace.labels.team": x}}]}]}'));
    expect(intoWeb(labelled)).toEqual([]);
  });

  it('entities: world is every external address, cluster every pod, all both; host admits nothing modelled', () => {
    const world = connectivity(web, api, cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, ingress: [{fromEntities: [world], toPorts: [{ports: [{port: "443"}]}]}]}'));
    expect(intoWeb(world)).toEqual(['0.0.0.0-255.255.255.255[External] => shop/web[Pod] : SCTP 443,TCP 443,UDP 443']);
    const cluster = connectivity(web, api, other, cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, ingress: [{fromEntities: [cluster]}]}'));
    expect(intoWeb(cluster)).toEqual(['lab/other[Pod] => shop/web[Pod] : All Connections', 'shop/api[Pod] => shop/web[Pod] : All Connections']);
    const all = connectivity(web, api, cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, ingress: [{fromEntities: [all]}]}'));
    expect(intoWeb(all)).toEqual(['0.0.0.0-255.255.255.255[External] => shop/web[Pod] : All Connections', 'shop/api[Pod] => shop/web[Pod] : All Connections']);
    const host = connectivity(web, api, cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, ingress: [{fromEntities: [host]}]}'));
    expect(intoWeb(host)).toEqual([]);
  });

  it('an L4-only rule admits every peer; an empty rule {} admits none but isolates', () => {
    const l4 = connectivity(web, api, cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, ingress: [{toPorts: [{ports: [{port: "80", protocol: TCP}]}]}]}'));
    expect(intoWeb(l4)).toEqual(['0.0.0.0-255.255.255.255[External] => shop/web[Pod] : TCP 80', 'shop/api[Pod] => shop/web[Pod] : TCP 80']);
    const empty = connectivity(web, api, cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, ingress: [{}]}'));
    expect(intoWeb(empty)).toEqual([]);
  });

  it('an empty fromEndpoints list is no L3 selector: with toPorts, every peer', () => {
    const c = connectivity(web, api, cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, ingress: [{fromEndpoints: [], toPorts: [{ports: [{port: "80", protocol: TCP}]}]}]}'));
    expect(intoWeb(c)).toEqual(['0.0.0.0-255.255.255.255[External] => shop/web[Pod] : TCP 80', 'shop/api[Pod] => shop/web[Pod] : TCP 80']);
  });

  it('a named port resolves on the destination pod, for each protocol of ANY', () => {
    const named = pod('web', 'shop', '{app: web}', '[{name: http, containerPort: 8080}]');
    const c = connectivity(named, api, cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, ingress: [{fromEndpoints: [{matchLabels: {app: api}}], toPorts: [{ports: [{port: http}]}]}]}'));
    expect(intoWeb(c)).toEqual(['shop/api[Pod] => shop/web[Pod] : TCP 8080']);
  });

  it('port ranges and protocol ANY', () => {
    const c = connectivity(web, api, cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, ingress: [{fromEndpoints: [{matchLabels: {app: api}}], toPorts: [{ports: [{port: "8000", endPort: 8080, protocol: ANY}]}]}]}'));
    expect(intoWeb(c)).toEqual(['shop/api[Pod] => shop/web[Pod] : SCTP 8000-8080,TCP 8000-8080,UDP 8000-8080']);
  });

  it('a deny rule overrides any allow, a NetworkPolicy\'s too, and applies without default deny', () => {
    const c = connectivity(web, api,
      netpol('allow', 'shop', '{podSelector: {matchLabels: {app: web}}, ingress: [{}]}'),
      cnp('deny', 'shop', '{endpointSelector: {matchLabels: {app: web}}, enableDefaultDeny: {ingress: false}, ingressDeny: [{fromEndpoints: [{matchLabels: {app: api}}], toPorts: [{ports: [{port: "80", protocol: TCP}]}]}]}'));
    expect(intoWeb(c)).toEqual(['0.0.0.0-255.255.255.255[External] => shop/web[Pod] : All Connections', 'shop/api[Pod] => shop/web[Pod] : SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535']);
    const alone = connectivity(web, api, cnp('deny', 'shop', '{endpointSelector: {matchLabels: {app: web}}, enableDefaultDeny: {ingress: false}, ingressDeny: [{fromEntities: [world]}]}'));
    expect(intoWeb(alone)).toEqual(['shop/api[Pod] => shop/web[Pod] : All Connections']);
  });

  it('the per-class deny rows give what testing every deny rule gives, for every pair of classes', () => {
    const pods = [0, 1, 2, 3, 4, 5].map((i) => pod(`p${i}`, i % 2 ? 'shop' : 'lab', `{app: a${i}}`, '[{name: http, containerPort: 8080}]'));
    // Rules that deny most classes (NotIn), one that denies a few, with ports that overlap.
    const rules = [
      ccnp('n1', '{endpointSelector: {}, enableDefaultDeny: {ingress: false, egress: false}, ingressDeny: [{fromEndpoints: [{matchExpressions: [{key: app, operator: NotIn, values: [a1]}]}], toPorts: [{ports: [{port: "80"}]}]}]}'),
      ccnp('n2', '{endpointSelector: {}, enableDefaultDeny: {ingress: false, egress: false}, ingressDeny: [{fromEndpoints: [{matchExpressions: [{key: app, operator: NotIn, values: [a1, a2]}]}], toPorts: [{ports: [{port: "81", protocol: TCP}]}]}]}'),
      ccnp('n3', '{endpointSelector: {matchExpressions: [{key: app, operator: NotIn, values: [a3]}]}, enableDefaultDeny: {ingress: false, egress: false}, ingressDeny: [{fromEndpoints: [{matchExpressions: [{key: app, operator: NotIn, values: [a4]}]}], toPorts: [{ports: [{port: "http"}]}]}]}'),
      ccnp('few', '{endpointSelector: {}, enableDefaultDeny: {ingress: false, egress: false}, ingressDeny: [{fromEndpoints: [{matchLabels: {app: a5}}]}], egressDeny: [{toEndpoints: [{matchLabels: {app: a0}}], toPorts: [{ports: [{port: "http", protocol: TCP}]}]}]}'),
    ];
    const c = connectivity(...pods, ...rules);
    let compared = 0;
    for (const direction of ['ingress', 'egress'] as const) {
      for (const self of c.classes) {
        for (const other of c.classes) {
          const dst = direction === 'ingress' ? self : other;
          const slow = c.deny.denied(direction, self, { type: 'pods', cls: other }, { type: 'pods', cls: dst });
          expect(c.deny.deniedPods(direction, self, other.index, dst).toString(), `${direction} ${self.labels.app} ${other.labels.app}`).toBe(slow.toString());
          if (!slow.isEmpty()) compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('enableDefaultDeny false does not isolate, but its allows add to another policy\'s', () => {
    const open = connectivity(web, api, cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, enableDefaultDeny: {ingress: false}, ingress: [{fromEndpoints: [{matchLabels: {app: api}}], toPorts: [{ports: [{port: "80"}]}]}]}'));
    expect(intoWeb(open)).toHaveLength(2);
    const added = connectivity(web, api, netpol('dd', 'shop', '{podSelector: {}, policyTypes: [Ingress]}'),
      cnp('p', 'shop', '{endpointSelector: {matchLabels: {app: web}}, enableDefaultDeny: {ingress: false}, ingress: [{fromEndpoints: [{matchLabels: {app: api}}], toPorts: [{ports: [{port: "80", protocol: TCP}]}]}]}'));
    expect(intoWeb(added)).toEqual(['shop/api[Pod] => shop/web[Pod] : TCP 80']);
  });

  it('specs: each rule selects its own endpoints; egress rules isolate egress only', () => {
    const c = connectivity(web, api, `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: two, namespace: shop}\nspecs:\n` +
      '- {endpointSelector: {matchLabels: {app: web}}, ingress: [{fromEndpoints: [{matchLabels: {app: api}}]}]}\n' +
      '- {endpointSelector: {matchLabels: {app: api}}, egress: [{toEndpoints: [{matchLabels: {app: web}}], toPorts: [{ports: [{port: "443", protocol: TCP}]}]}]}');
    expect(list(c)).toEqual([
      '0.0.0.0-255.255.255.255[External] => shop/api[Pod] : All Connections',
      'shop/api[Pod] => shop/web[Pod] : TCP 443',
      'shop/web[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/web[Pod] => shop/api[Pod] : All Connections',
    ]);
  });

  it('records what it does not evaluate, and what the API server rejects, with paths', () => {
    const resource = loadSnapshot([{ path: 'p.yaml', content: readFileSync(join(import.meta.dirname, '../fixtures/cilium/star-wars/rule1.yaml'), 'utf8') }]).resources[0];
    const doc = ciliumPolicyOf(resource);
    expect(doc.approximations).toEqual([{ path: ['spec', 'ingress', 0, 'toPorts', 0, 'rules', 'http'], message: expect.stringContaining('L7 `http` rules are not evaluated') }]);
    const bad = loadSnapshot([{ path: 'b.yaml', content: cnp('b', 'shop', '{endpointSelector: {}, ingress: [{fromEntities: [wrld], fromCIDR: ["10.0.0.0/33"]}]}') }]).resources[0];
    expect(ciliumPolicyOf(bad).problems.map((p) => p.path)).toEqual([['spec', 'ingress', 0, 'fromEntities', 0], ['spec', 'ingress', 0, 'fromCIDR', 0]]);
  });
});

describe('Cilium deny rules among the AdminNetworkPolicy tiers (docs/admin-network-policy.md)', () => {
  const anp = (spec: string) =>
    `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: guard}\nspec: ${spec}`;
  const banp = (spec: string) =>
    `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec: ${spec}`;
  const denyAllIntoWeb = cnp('deny', 'shop', '{endpointSelector: {matchLabels: {app: web}}, enableDefaultDeny: {ingress: false}, ingressDeny: [{fromEntities: [all]}]}');
  const webRow = (c: Connectivity) => intoWeb(c);
  /** The same pair through the per-pair evaluator, which the rows must agree with. */
  const pair = (c: Connectivity, from: string) => {
    const src = c.topology.workloads.find((w) => w.id.startsWith(from))!;
    const dst = c.topology.workloads.find((w) => w.id.startsWith('shop/web'))!;
    return c.direction('ingress', c.classOf(dst), { type: 'pods', cls: c.classOf(src) }, { type: 'pods', cls: c.classOf(dst) }).toString();
  };

  it('an ANP Allow decides before the NetworkPolicy tier: a Cilium deny does not take it away', () => {
    const c = connectivity(web, api, other, denyAllIntoWeb,
      anp('{priority: 5, subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}, ingress: [{name: lab, action: Allow, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: lab}}}], ports: [{portNumber: {port: 80, protocol: TCP}}]}]}'));
    expect(webRow(c)).toEqual(['lab/other[Pod] => shop/web[Pod] : TCP 80']);
    expect(pair(c, 'lab/other')).toBe('TCP 80');
    expect(pair(c, 'shop/api')).toBe('No Connections');
  });

  it('an ANP Pass hands the pair to the NetworkPolicy tier, where the Cilium deny closes it', () => {
    const c = connectivity(web, api, other, denyAllIntoWeb,
      anp('{priority: 5, subject: {namespaces: {}}, ingress: [{name: pass, action: Pass, from: [{namespaces: {}}]}]}'));
    expect(webRow(c)).toEqual([]);
    expect(pair(c, 'lab/other')).toBe('No Connections');
  });

  it('a pod no policy isolates: the BANP Allow is still subject to the Cilium deny above it', () => {
    const c = connectivity(web, api, other, denyAllIntoWeb.replace('ingressDeny: [{fromEntities: [all]}]', 'ingressDeny: [{fromEndpoints: [{}], toPorts: [{ports: [{port: "443", protocol: TCP}]}]}]'),
      banp('{subject: {namespaces: {}}, ingress: [{name: deny-lab, action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: lab}}}]}]}'));
    // shop/api: the deny (TCP 443 from its own namespace) above, nothing below; lab/other: the BANP Deny.
    expect(webRow(c).filter((l) => l.startsWith('lab/'))).toEqual([]);
    const fromApi = webRow(c).find((l) => l.startsWith('shop/api'));
    expect(fromApi).toBeDefined();
    expect(fromApi).not.toContain('All Connections');
    expect(pair(c, 'lab/other')).toBe('No Connections');
  });
});

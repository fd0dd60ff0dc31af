import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/model/load.js';
import { formatConnlist } from '../../src/report/connectivity/format.js';
import { ConnectionSet } from '../../src/semantics/connection-set.js';
import { Connectivity } from '../../src/semantics/connectivity.js';

// Cases written from the API's evaluation order (https://network-policy-api.sigs.k8s.io/api-overview/): ANPs by
// ascending priority, the first matching rule deciding each port (Allow / Deny / Pass), then the NetworkPolicies of
// pods they select, else the BANP, else allow; ingress and egress must both allow.

function connectivity(...docs: string[]): Connectivity {
  return Connectivity.fromModel(loadSnapshot([{ path: 'all.yaml', content: docs.join('\n---\n') }]));
}

/** The connections from `src` to `dst` (workload ids) as np-guard prints them. */
function between(c: Connectivity, src: string, dst: string): string {
  const line = formatConnlist(c.connections(), 'txt').split('\n').find((l) => l.startsWith(`${src} => ${dst} : `));
  return line ? line.slice(`${src} => ${dst} : `.length) : 'No Connections';
}

const ns = (name: string, tier: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: {tier: ${tier}}}`;
const pod = (name: string, namespace: string, ports = '[{name: web, containerPort: 8080}]') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${namespace}, labels: {app: ${name}}}\nspec:\n  containers: [{name: c, ports: ${ports}}]`;
const netpol = (name: string, namespace: string, spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: ${spec}`;
/** An ANP whose subject is the namespaces of a tier. */
const anp = (name: string, priority: number, subjectTier: string, rules: string) =>
  `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n  priority: ${priority}\n` +
  `  subject: {namespaces: {matchLabels: {tier: ${subjectTier}}}}\n${rules}`;
const banp = (subjectTier: string, rules: string) =>
  `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec:\n` +
  `  subject: {namespaces: {matchLabels: {tier: ${subjectTier}}}}\n${rules}`;
/** One ingress rule from the namespaces of a tier. */
const fromTier = (action: string, tier: string, ports = '') => `  - {action: ${action}, from: [{namespaces: {matchLabels: {tier: ${tier}}}}]${ports ? `, ports: ${ports}` : ''}}\n`;

const CLUSTER = [ns('apps', 'apps'), ns('sandbox', 'sandbox'), pod('api', 'apps'), pod('probe', 'sandbox')];
const API = 'apps/api[Pod]';
const PROBE = 'sandbox/probe[Pod]';
const denyAllIngress = netpol('deny', 'apps', '{podSelector: {}, policyTypes: [Ingress]}');

describe('AdminNetworkPolicy tiers', () => {
  it('lets the ANP of the lowest priority number decide, whatever the file order', () => {
    const deny10 = anp('deny', 10, 'apps', `  ingress:\n${fromTier('Deny', 'sandbox')}`);
    const allow20 = anp('allow', 20, 'apps', `  ingress:\n${fromTier('Allow', 'sandbox')}`);
    expect(between(connectivity(...CLUSTER, allow20, deny10), PROBE, API)).toBe('No Connections');
    const allow5 = anp('allow', 5, 'apps', `  ingress:\n${fromTier('Allow', 'sandbox')}`);
    // An ANP Allow cannot be overridden by a NetworkPolicy.
    expect(between(connectivity(...CLUSTER, deny10, allow5, denyAllIngress), PROBE, API)).toBe('All Connections');
  });

  it('lets the first matching rule of one ANP decide', () => {
    const denyFirst = anp('p', 1, 'apps', `  ingress:\n${fromTier('Deny', 'sandbox')}${fromTier('Allow', 'sandbox')}`);
    const allowFirst = anp('p', 1, 'apps', `  ingress:\n${fromTier('Allow', 'sandbox')}${fromTier('Deny', 'sandbox')}`);
    expect(between(connectivity(...CLUSTER, denyFirst), PROBE, API)).toBe('No Connections');
    expect(between(connectivity(...CLUSTER, allowFirst, denyAllIngress), PROBE, API)).toBe('All Connections');
  });

  it('hands Pass to the NetworkPolicies, else to the BANP, else allows; and skips the ANPs after it', () => {
    const pass = anp('pass', 1, 'apps', `  ingress:\n${fromTier('Pass', 'sandbox')}`);
    const laterDeny = anp('deny', 2, 'apps', `  ingress:\n${fromTier('Deny', 'sandbox')}`);
    const banpDeny = banp('apps', `  ingress:\n${fromTier('Deny', 'sandbox')}`);
    const allowProbe = netpol('allow-probe', 'apps', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {tier: sandbox}}}], ports: [{port: 8080}]}]}');
    expect(between(connectivity(...CLUSTER, pass, laterDeny), PROBE, API)).toBe('All Connections');
    expect(between(connectivity(...CLUSTER, pass, laterDeny, banpDeny), PROBE, API)).toBe('No Connections');
    // A NetworkPolicy that selects the pod decides instead of the BANP.
    expect(between(connectivity(...CLUSTER, pass, banpDeny, allowProbe), PROBE, API)).toBe('TCP 8080');
    expect(between(connectivity(...CLUSTER, pass, denyAllIngress), PROBE, API)).toBe('No Connections');
  });

  it('decides each port on its own: one connection can be decided by every tier', () => {
    const c = connectivity(...CLUSTER,
      anp('allow-80', 1, 'apps', `  ingress:\n${fromTier('Allow', 'sandbox', '[{portNumber: {port: 80}}]')}`),
      anp('deny-low', 2, 'apps', `  ingress:\n${fromTier('Deny', 'sandbox', '[{portRange: {start: 1, end: 100}}, {portNumber: {protocol: UDP, port: 53}}]')}` +
        fromTier('Pass', 'sandbox', '[{portRange: {protocol: TCP, start: 101, end: 65535}}]')),
      netpol('np', 'apps', '{podSelector: {}, ingress: [{ports: [{port: 1, endPort: 200}, {port: 53, protocol: UDP}]}]}'));
    // TCP 80 by the first ANP; 1-100 and UDP 53 denied by the second; 101-200 passed and allowed by the NetworkPolicy;
    // the rest of TCP passed and closed by it; UDP and SCTP unmatched, so the NetworkPolicy closes them too.
    expect(between(c, PROBE, API)).toBe('TCP 80,101-200');
  });

  it('needs the egress and the ingress tiers both to allow', () => {
    const egressDeny = `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: out}\nspec:\n  priority: 3\n` +
      '  subject: {pods: {namespaceSelector: {matchLabels: {tier: sandbox}}, podSelector: {matchLabels: {app: probe}}}}\n' +
      '  egress:\n  - {action: Deny, to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}}], ports: [{namedPort: web}]}\n';
    const ingressAllow = anp('in', 1, 'apps', `  ingress:\n${fromTier('Allow', 'sandbox')}`);
    // The named port resolves on the destination's container port 8080 (TCP).
    expect(between(connectivity(...CLUSTER, egressDeny, ingressAllow), PROBE, API)).toBe('SCTP 1-65535,TCP 1-8079,8081-65535,UDP 1-65535');
    expect(between(connectivity(...CLUSTER, egressDeny, ingressAllow), API, PROBE)).toBe('All Connections');
  });

  it('applies the BANP only to pods no NetworkPolicy selects in that direction', () => {
    const banpDeny = banp('apps', `  ingress:\n${fromTier('Deny', 'sandbox')}`);
    const egressOnly = netpol('egress-only', 'apps', '{podSelector: {}, policyTypes: [Egress], egress: [{}]}');
    expect(between(connectivity(...CLUSTER, banpDeny), PROBE, API)).toBe('No Connections');
    expect(between(connectivity(...CLUSTER, banpDeny, egressOnly), PROBE, API)).toBe('No Connections');
    const ingressOpen = netpol('open', 'apps', '{podSelector: {}, ingress: [{}]}');
    expect(between(connectivity(...CLUSTER, banpDeny, ingressOpen), PROBE, API)).toBe('All Connections');
  });

  it('evaluates egress `networks` by address, cut at every CIDR, and never matches ingress from an address', () => {
    const c = connectivity(...CLUSTER,
      anp('out', 1, 'apps', '  egress:\n  - {action: Allow, to: [{networks: [10.1.0.0/16]}], ports: [{portNumber: {port: 443}}]}\n' +
        '  - {action: Deny, to: [{networks: [10.0.0.0/8]}]}\n  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}\n'),
      banp('apps', '  egress:\n  - {action: Deny, to: [{networks: [0.0.0.0/0]}], ports: [{portNumber: {protocol: UDP, port: 53}}]}\n'));
    const external = formatConnlist(c.connections(), 'txt').split('\n').filter((l) => l.startsWith(`${API} => `) && l.includes('[External]'));
    expect(external).toEqual([
      `${API} => 0.0.0.0-9.255.255.255[External] : SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535`,
      `${API} => 10.0.0.0-10.0.255.255[External] : No Connections`,
      `${API} => 10.1.0.0-10.1.255.255[External] : TCP 443`,
      `${API} => 10.2.0.0-10.255.255.255[External] : No Connections`,
      `${API} => 11.0.0.0-255.255.255.255[External] : SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535`,
    ].filter((l) => !l.endsWith('No Connections')));
    expect(between(c, '0.0.0.0-255.255.255.255[External]', API)).toBe('All Connections');
    expect(between(c, PROBE, API)).toBe('No Connections');
  });

  it('gives the same answer through the rows (connection lists) and the per-pair evaluator (attribution)', () => {
    const c = connectivity(...CLUSTER, pod('db', 'apps', '[{name: web, containerPort: 5432}]'), ns('ops', 'ops'), pod('admin', 'ops'),
      anp('a', 1, 'apps', `  ingress:\n${fromTier('Allow', 'ops', '[{namedPort: web}]')}${fromTier('Pass', 'sandbox', '[{portRange: {start: 1, end: 9000}}]')}` +
        '  egress:\n  - {action: Deny, to: [{namespaces: {}}], ports: [{namedPort: web}]}\n'),
      anp('b', 2, 'apps', `  ingress:\n${fromTier('Deny', 'sandbox')}${fromTier('Deny', 'apps', '[{portNumber: {protocol: UDP, port: 53}}]')}`),
      banp('sandbox', '  egress:\n  - {action: Deny, to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: db}}}}]}\n'),
      netpol('db', 'apps', '{podSelector: {matchLabels: {app: db}}, ingress: [{from: [{namespaceSelector: {}}], ports: [{port: 5432}, {port: 8080}]}]}'));
    for (const src of c.topology.workloads) {
      for (const dst of c.topology.workloads) {
        const [s, d] = [{ type: 'pods', cls: c.classOf(src) } as const, { type: 'pods', cls: c.classOf(dst) } as const];
        const perPair = c.direction('egress', s.cls, d, d, []).intersect(c.direction('ingress', d.cls, s, d, []));
        expect(c.allowed(s, d).toString(), `${src.id} => ${dst.id}`).toBe(perPair.toString());
      }
    }
    // 5432 by the ANP's named port (db's `web`), 8080 left open by the ANPs and allowed by the NetworkPolicy.
    expect(between(c, 'ops/admin[Pod]', 'apps/db[Pod]')).toBe('TCP 5432,8080');
    // The BANP closes the probe's egress to db; to api, the ports the ANP passed are open (no NetworkPolicy, no BANP there).
    expect(between(c, PROBE, 'apps/db[Pod]')).toBe('No Connections');
    expect(between(c, PROBE, API)).toBe('TCP 1-9000');
  });

  it('reports what it admits through which rule, for attribution', () => {
    const c = connectivity(...CLUSTER, anp('allow-web', 4, 'apps', `  ingress:\n${fromTier('Allow', 'sandbox', '[{portNumber: {port: 8080}}]')}`), denyAllIngress);
    const [probe, api] = ['sandbox/probe[Pod]', 'apps/api[Pod]'].map((id) => ({ type: 'pods' as const, cls: c.classOf(c.topology.byId.get(id)!) }));
    const admissions: Parameters<Connectivity['direction']>[4] = [];
    expect(c.direction('ingress', api.cls, probe, api, admissions).toString()).toBe('TCP 8080');
    expect(admissions).toHaveLength(1);
    expect(admissions![0]).toMatchObject({ layer: 'admin', action: 'Allow', peerIndex: 0 });
    expect(admissions![0].conns.equals(ConnectionSet.of('TCP', 8080, 8080))).toBe(true);
  });

  it('warns like np-guard about equal priorities and the peers it does not model', () => {
    const c = connectivity(...CLUSTER, anp('one', 7, 'apps', `  ingress:\n${fromTier('Deny', 'sandbox')}`), anp('two', 7, 'apps', `  ingress:\n${fromTier('Allow', 'sandbox')}`),
      anp('three', 8, 'apps', '  egress:\n  - {name: infra, action: Allow, to: [{nodes: {matchLabels: {role: infra}}}, {networks: ["fd00::/8"]}]}\n'));
    expect(c.warnings()).toEqual([
      'AdminNetworkPolicies one and two have the same priority 7: which one is evaluated first is undefined (they are evaluated in file order here)',
      'AdminNetworkPolicy three, egress rule "infra": `nodes` peers are not modelled (they match nothing)',
      'AdminNetworkPolicy three, egress rule "infra": IPv6 `networks` are not modelled (they match nothing)',
    ]);
    // File order decides between equal priorities.
    expect(between(c, PROBE, API)).toBe('No Connections');
  });
});

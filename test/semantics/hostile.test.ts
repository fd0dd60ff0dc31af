import { describe, expect, it } from 'vitest';
import { analyze, audit } from '../../src/analyze.js';
import type { Model } from '../../src/model/load.js';
import { semanticChange, MAX_CONNECTIONS } from '../../src/semantics/change.js';
import { Connectivity, type PeerRef } from '../../src/semantics/connectivity.js';
import { diffConnections, type ConnectionDiff } from '../../src/semantics/diff.js';
import { toSourceFiles } from '../helpers/rule-tester.js';
import { deployment, policy } from '../rules/connectivity/fixtures.js';

/**
 * Inputs that are small on disk and costly to analyze pair by pair (issue 9): their findings must stay exact and
 * grouped. Timings are measured by `npm run bench:hostile`, not here.
 */
type Files = Record<string, string>;

const pods = (n: number, namespace: string, labels = (_i: number) => '') => Array.from({ length: n }, (_, i) =>
  `{apiVersion: v1, kind: Pod, metadata: {name: pod-${i}, namespace: ${namespace}${labels(i)}}}\n`).join('---\n');
const DENY_ALL = policy('default-deny', 'shop', '  podSelector: {}', '  policyTypes: [Ingress, Egress]');

const check = (base: Files, head: Files) => analyze(toSourceFiles(base), toSourceFiles(head));
const lines = (result: ReturnType<typeof check>) => result.findings.map((f) => `${f.ruleId} ${f.location.side} ${f.location.path}:${f.location.line} ${f.message}`);

/** The workload pairs a diff stands for: a collapsed workload stands for each of its members. */
function expand(diffs: readonly ConnectionDiff[]): string[] {
  const names = (peer: PeerRef) => (peer.type === 'workload' ? (peer.workload.members ?? [peer.workload]).map((w) => w.id) : [peer.name]);
  return diffs.flatMap((d) => names(d.src).flatMap((s) => names(d.dst).filter((t) => t !== s)
    .map((t) => `${s} => ${t}: ${d.before.toString()} -> ${d.after.toString()}`)));
}

/** np-guard's per-workload diff of two models, with nothing collapsed or scoped (what conndiff prints). */
function exactDiff(base: Model, head: Model): string[] {
  const options = { external: 'spans', ingressController: false } as const;
  const [before, after] = [base, head].map((m) => Connectivity.fromModel(m));
  const diffs = diffConnections(before.connections(undefined, options), after.connections(undefined, options),
    new Set(before.topology.workloads.map((w) => w.id)), new Set(after.topology.workloads.map((w) => w.id)));
  return expand(diffs).sort();
}

describe('alike workloads are analyzed once', () => {
  it('300 unlabeled Pods and a removed default deny: one finding per direction, naming the group', () => {
    const base = { 'shop/deny.yaml': DENY_ALL, 'shop/pods.yaml': pods(300, 'shop') };
    const result = check(base, { 'shop/pods.yaml': base['shop/pods.yaml'] });
    expect(lines(result)).toEqual([
      'netpol-default-deny-removed base shop/deny.yaml:1 NetworkPolicy shop/default-deny, the default deny for ingress and egress of namespace shop, was deleted and ' +
        'no other policy isolates every pod of the namespace for ingress and egress: pods of shop that no other policy isolates now accept all ingress and egress traffic, and new workloads are open by default.',
      'connectivity-added base shop/deny.yaml:7 New connection: shop/pod-0[Pod] and 299 more Pods alike may now reach 0.0.0.0-255.255.255.255[External] on All Connections, ' +
        'because of the deletion of NetworkPolicy shop/default-deny, which isolated these pods for egress.',
      'connectivity-added base shop/deny.yaml:7 New connections: 0.0.0.0-255.255.255.255[External] may now reach shop/pod-0[Pod] and 299 more Pods alike on All Connections, and 1 more connection, ' +
        'because of the deletion of NetworkPolicy shop/default-deny, which isolated these pods for ingress (shop/pod-0[Pod] and 299 more Pods alike become reachable from 0.0.0.0/0).',
      'workload-unisolated base shop/deny.yaml:7 Workloads shop/pod-0[Pod] and 299 more Pods alike are no longer isolated for egress: NetworkPolicy shop/default-deny was deleted; they may now reach every destination.',
      'workload-unisolated base shop/deny.yaml:7 Workloads shop/pod-0[Pod] and 299 more Pods alike are no longer isolated for ingress: NetworkPolicy shop/default-deny was deleted; every source in and outside the cluster may now reach them.',
    ]);
    const change = semanticChange(result.base, result.head);
    // The 300 × 299 pairs between the Pods are one diff of the group with itself, and exactly those pairs.
    const pairs = change.added.flatMap((g) => g.diffs).filter((d) => d.src.type === 'workload' && d.dst.type === 'workload');
    expect(pairs.map((d) => `${d.src.name} => ${d.dst.name}`)).toEqual(['shop/pod-0[Pod] and 299 more Pods alike => shop/pod-0[Pod] and 299 more Pods alike']);
    expect(expand(pairs)).toHaveLength(300 * 299);
  });

  it('collapses only what no policy can tell apart, and its diff is np-guard\'s pair by pair', () => {
    const labels = (i: number) => (i % 3 === 0 ? ', labels: {app: web}' : i % 3 === 1 ? ', labels: {app: api}' : '');
    const allowWeb = policy('allow-web', 'shop', '  podSelector: {matchLabels: {app: api}}', '  ingress:', '    - from:',
      '        - podSelector: {matchLabels: {app: web}}', '      ports: [{port: 8080}]');
    const base = {
      'shop/deny.yaml': DENY_ALL, 'shop/pods.yaml': pods(30, 'shop', labels), 'other/pods.yaml': pods(12, 'other'),
      'shop/web.yaml': deployment('web', 'shop', '{app: web}'), 'shop/web2.yaml': deployment('web2', 'shop', '{app: web}'),
    };
    // Head: the deny only for ingress, web may reach api, 5 more unlabeled Pods, one Pod relabelled.
    const head = {
      ...base, 'shop/deny.yaml': policy('default-deny', 'shop', '  podSelector: {}', '  policyTypes: [Ingress]'), 'shop/allow.yaml': allowWeb,
      'shop/pods.yaml': pods(35, 'shop', (i) => (i === 4 ? ', labels: {app: web}' : labels(i))),
    };
    const result = check(base, head);
    const change = semanticChange(result.base, result.head);
    const collapsed = change.head.topology.workloads.filter((w) => w.members).map((w) => `${w.id}: ${w.members?.length}`);
    // New Pods (30-34) group apart from the old ones with their labels; pod-4, relabelled, stays alone (as does pod-32, the
    // only new unlabeled one); two Deployments alike are one.
    expect(collapsed.sort()).toEqual([
      'other/pod-0[Pod] and 11 more Pods alike: 12', 'shop/pod-0[Pod] and 9 more Pods alike: 10', 'shop/pod-1[Pod] and 8 more Pods alike: 9',
      'shop/pod-2[Pod] and 9 more Pods alike: 10', 'shop/pod-30[Pod] and 1 more Pod alike: 2', 'shop/pod-31[Pod] and 1 more Pod alike: 2',
      'shop/web[Deployment] and 1 more Deployment alike: 2',
    ]);
    const diffs = [...change.added.flatMap((g) => g.diffs), ...change.removed];
    const grouped = [...new Set(expand(diffs.filter((d) => d.src.type === 'workload' && d.dst.type === 'workload')))].sort();
    expect(grouped.length).toBeGreaterThan(500);
    expect(grouped).toEqual(exactDiff(result.base, result.head).filter((line) => !line.includes('[External]')));
  });
});

describe('distinct selectors', () => {
  /** n policies, each selecting its own pods and admitting its own peers (selector mode: no workloads). */
  const policies = (n: number) => Array.from({ length: n }, (_, i) => policy(`np-${i}`, 'shop',
    `  podSelector: {matchLabels: {app: app-${i}}}`, '  policyTypes: [Ingress, Egress]', '  ingress:', '    - from:',
    `        - podSelector: {matchLabels: {app: client-${i}}}`, `      ports: [{port: ${1000 + i}}]`, '  egress:', '    - to:',
    `        - podSelector: {matchLabels: {app: backend-${i}}}`)).join('---\n');

  it('500 policies, one peer widened to every pod: one finding for the new pairs, from that line', () => {
    const base = { 'shop/policies.yaml': policies(500) };
    const result = check(base, { 'shop/policies.yaml': base['shop/policies.yaml'].replace('{app: client-7}', '{}') });
    const added = result.findings.filter((f) => f.ruleId === 'connectivity-added');
    expect(added).toHaveLength(1);
    // np-7's peer: its document (15 lines and `---`) starts on line 1 + 16 × 7, the peer is its 11th line.
    expect(added[0].location).toMatchObject({ path: 'shop/policies.yaml', line: 1 + 16 * 7 + 10, side: 'head' });
    // Every peer not isolated for egress (500 backends, 499 other clients, and the new peer `{}`) may now send.
    expect(added[0].message).toBe('New connections: shop/[pod with {app: backend-0}] may now reach shop/[pod with {app: app-7}] on TCP 1007, and 999 more connections, ' +
      'because of ingress rule 0, peer 0 of NetworkPolicy shop/np-7.');
    expect(result.findings.map((f) => f.ruleId)).not.toContain('manifest-too-complex');
  });

  it('500 policies added where base had none: only closed connections, and the gate passes', () => {
    const result = check({}, { 'shop/policies.yaml': policies(500) });
    expect(result.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['connectivity-removed info']);
    // Base lets the 500 selected peers send to all 1,500: more than it lists, so only what head still allows is compared.
    expect(result.findings[0].message).toContain(`base allowed more than ${MAX_CONNECTIONS} connections here`);
  });
  it('selectors that only exclude labels give peers alike, which are analyzed as one', () => {
    const notIn = (n: number) => Array.from({ length: n }, (_, i) => policy(`np-${i}`, 'shop',
      `  podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [app-${i}]}]}`, '  policyTypes: [Ingress]', '  ingress:', '    - from:',
      `        - podSelector: {matchExpressions: [{key: role, operator: NotIn, values: [role-${i}]}]}`)).join('---\n');
    const result = check({}, { 'shop/policies.yaml': notIn(400) });
    const change = semanticChange(result.base, result.head);
    expect(change.head.topology.workloads.map((w) => w.id)).toEqual(['shop/[pod with {app NotIn (app-0)}] and 799 more peers alike']);
    // The peers still admit each other (their labels are excluded by no policy); only outside addresses are closed.
    expect(lines(result)).toEqual(['connectivity-removed head shop/policies.yaml:1 In head, 1 connection allowed in base is no longer allowed ' +
      '(first: 0.0.0.0-255.255.255.255[External] => shop/[pod with {app NotIn (app-0)}] and 799 more peers alike, All Connections -> No Connections); ' +
      'check that the application does not need it.']);
  });
});

describe('more connections than an analysis lists', () => {
  /** n Pods, each with its own label, where nothing isolates them: n² connections, none alike. */
  const distinct = (n: number) => pods(n, 'open', (i) => `, labels: {app: a${i}}`);
  const n = Math.ceil(Math.sqrt(MAX_CONNECTIONS)) + 10;

  it('a head past the limit is reported as too complex (high) on the first changed object, not skipped', () => {
    const result = check({}, { 'open/pods.yaml': distinct(n) });
    expect(lines(result)).toEqual([
      `manifest-too-complex head open/pods.yaml:1 Pod open/pod-0: the change affects more than ${MAX_CONNECTIONS} connections between workloads, too many to compare one by one, ` +
        'so the connections it opens and closes are not listed (connectivity-added, connectivity-removed); any of them may be new (at metadata.name). ' +
        'segguard cannot analyze it exactly, so what it reports here may be broader than the change; check it by hand or simplify it.',
    ]);
    expect(result.findings[0].severity).toBe('high');
    // An audit (one tree's state) compares no connectivity, so it has nothing to approximate.
    expect(audit(toSourceFiles({ 'open/pods.yaml': distinct(n) })).findings.map((f) => f.ruleId)).not.toContain('manifest-too-complex');
  });

  it('a base past the limit: what head adds is still exact, the closed connections are said to be uncounted', () => {
    const base = { 'open/pods.yaml': distinct(n) };
    // Every Pod may now send only to pod-1, on TCP 80: base's n² connections are too many to list.
    const deny = policy('egress', 'open', '  podSelector: {}', '  policyTypes: [Egress]', '  egress:', '    - to: [{podSelector: {matchLabels: {app: a1}}}]', '      ports: [{port: 80}]');
    const result = check(base, { ...base, 'open/deny.yaml': deny });
    expect(lines(result)).toEqual([
      // Each Pod's connections to pod-1 narrowed to TCP 80 (n - 1) and to outside the cluster closed (n).
      expect.stringMatching(new RegExp(`^connectivity-removed head open/pods.yaml:3 In head, ${2 * n - 1} connections allowed in base are no longer allowed .*; base allowed more than ${MAX_CONNECTIONS} connections here, too many to compare one by one, so more may be closed;`)),
    ]);
    const change = semanticChange(result.base, result.head);
    expect(change.removedPast?.limit).toBe(MAX_CONNECTIONS);
  });
});

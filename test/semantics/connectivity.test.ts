import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/model/load.js';
import { parseSelector } from '../../src/model/selector.js';
import { representative } from '../../src/semantics/abstract.js';
import { ConnectionSet } from '../../src/semantics/connection-set.js';
import { Connectivity } from '../../src/semantics/connectivity.js';
import { diffConnections } from '../../src/semantics/diff.js';
import { formatConnlist } from '../../src/report/connectivity/format.js';

function connectivity(...docs: string[]): Connectivity {
  return Connectivity.fromModel(loadSnapshot([{ path: 'all.yaml', content: docs.join('\n---\n') }]));
}

function list(c: Connectivity): string[] {
  return formatConnlist(c.connections(), 'txt').trim().split('\n').filter((l) => l !== '');
}

const pod = (name: string, ns: string, labels: string, ports = '[]') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: ${labels}}\nspec:\n  containers: [{name: c, ports: ${ports}}]`;
const netpol = (name: string, ns: string, spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: ${spec}`;

describe('ConnectionSet', () => {
  it('normalizes, combines and prints like np-guard (protocols in byte order)', () => {
    const a = ConnectionSet.of('TCP', 80, 80).union(ConnectionSet.of('TCP', 81, 90)).union(ConnectionSet.of('UDP', 53, 53));
    expect(a.toString()).toBe('TCP 80-90,UDP 53');
    expect(ConnectionSet.of('SCTP', 5, 5).union(ConnectionSet.of('TCP', 1, 1)).toString()).toBe('SCTP 5,TCP 1');
    expect(a.intersect(ConnectionSet.of('TCP', 85, 100)).toString()).toBe('TCP 85-90');
    expect(ConnectionSet.ALL.subtract(ConnectionSet.of('TCP', 2, 65535)).toString()).toBe('SCTP 1-65535,TCP 1,UDP 1-65535');
    expect(ConnectionSet.of('TCP').union(ConnectionSet.of('UDP')).union(ConnectionSet.of('SCTP')).toString()).toBe('All Connections');
    expect(ConnectionSet.NONE.toString()).toBe('No Connections');
    expect(a.equals(ConnectionSet.of('UDP', 53, 53).union(ConnectionSet.of('TCP', 80, 90)))).toBe(true);
  });
});

describe('Connectivity', () => {
  it('needs the egress of the source AND the ingress of the destination', () => {
    const c = connectivity(
      pod('a', 'ns', '{app: a}', '[{containerPort: 80}]'), pod('b', 'ns', '{app: b}', '[{containerPort: 80}]'),
      netpol('b-in', 'ns', '{podSelector: {matchLabels: {app: b}}, ingress: [{from: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: 80}, {port: 90}]}]}'),
      netpol('a-out', 'ns', '{podSelector: {matchLabels: {app: a}}, policyTypes: [Egress], egress: [{ports: [{port: 90}, {port: 53, protocol: UDP}]}]}'),
    );
    expect(list(c)).toEqual([
      '0.0.0.0-255.255.255.255[External] => ns/a[Pod] : All Connections',
      'ns/a[Pod] => 0.0.0.0-255.255.255.255[External] : TCP 90,UDP 53',
      'ns/a[Pod] => ns/b[Pod] : TCP 90',
      'ns/b[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'ns/b[Pod] => ns/a[Pod] : All Connections',
    ]);
  });

  it('resolves a named port on each destination, only for the rule protocol, and honours endPort', () => {
    const c = connectivity(
      pod('src', 'ns', '{app: src}'),
      pod('x', 'ns', '{app: dst}', '[{name: web, containerPort: 8080}]'),
      pod('y', 'ns', '{app: dst, v: "2"}', '[{name: web, containerPort: 9090}]'),
      pod('z', 'ns', '{app: dst, v: "3"}', '[{name: web, containerPort: 7070, protocol: UDP}]'),
      netpol('dst', 'ns', '{podSelector: {matchLabels: {app: dst}}, ingress: [{from: [{podSelector: {matchLabels: {app: src}}}], ports: [{port: web}, {port: 100, endPort: 110, protocol: SCTP}]}]}'),
    );
    const fromSrc = list(c).filter((l) => l.startsWith('ns/src[Pod] => ns/'));
    expect(fromSrc).toEqual([
      'ns/src[Pod] => ns/x[Pod] : SCTP 100-110,TCP 8080',
      'ns/src[Pod] => ns/y[Pod] : SCTP 100-110,TCP 9090',
      'ns/src[Pod] => ns/z[Pod] : SCTP 100-110',
    ]);
  });

  it('splits the outside into disjoint blocks at every cidr and except edge', () => {
    const c = connectivity(
      pod('p', 'ns', '{app: p}'),
      netpol('p', 'ns', '{podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]}]}'),
    );
    expect(list(c).filter((l) => l.includes('=> ns/p'))).toEqual([
      '10.0.0.0-10.0.255.255[External] => ns/p[Pod] : All Connections',
      '10.2.0.0-10.255.255.255[External] => ns/p[Pod] : All Connections',
    ]);
    expect(c.externalBlocks('ingress').length).toBe(5);
  });

  it('does not deny egress for `egress: []` without policyTypes, and matches an undeclared namespace by its name label', () => {
    const c = connectivity(
      pod('a', 'one', '{app: a}'), pod('b', 'two', '{app: b}'),
      netpol('b', 'two', '{podSelector: {}, egress: [], ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: one}}}]}]}'),
    );
    expect(list(c)).toContain('two/b[Pod] => one/a[Pod] : All Connections');
    expect(list(c)).toContain('one/a[Pod] => two/b[Pod] : All Connections');
    expect(list(c)).not.toContain('0.0.0.0-255.255.255.255[External] => two/b[Pod] : All Connections');
  });

  it('groups pods of equal namespace, labels and ports into one class', () => {
    const pods = Array.from({ length: 50 }, (_, i) => pod(`web-${i}`, 'ns', '{app: web}', '[{containerPort: 80}]'));
    const c = connectivity(...pods, pod('db', 'ns', '{app: db}'));
    expect(c.classes.length).toBe(3); // web, db and the ingress controller
    expect(list(c)).toContain('ns/web-7[Pod] => ns/web-8[Pod] : All Connections');
  });

  it('names pods of a controller after the owner', () => {
    const owned = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api-5d8f-abcde\n  namespace: ns\n  labels: {app: api}\n  ownerReferences: [{kind: ReplicaSet, name: api-5d8f, controller: true}]\nspec: {containers: [{name: c}]}`;
    expect(connectivity(owned).topology.workloads.map((w) => w.id)).toEqual(['ns/api-5d8f[ReplicaSet]']);
  });
});

describe('Connectivity.connections with a scope', () => {
  const pairs = (list: ReturnType<Connectivity['connections']>) => list.map((x) => `${x.src.name} => ${x.dst.name} : ${x.conns.toString()}`).sort();
  const inScope = (c: Connectivity, sources: Set<string>, destinations: Set<string>) =>
    pairs(c.connections(undefined, { ingressController: false }).filter((x) => sources.has(x.src.name) || destinations.has(x.dst.name)));

  it('lists exactly the pairs of the full list whose source or destination is in scope', () => {
    const c = connectivity(
      pod('a', 'ns', '{app: a}', '[{name: web, containerPort: 80}]'), pod('b', 'ns', '{app: b}', '[{name: web, containerPort: 81}]'),
      pod('c', 'ns', '{app: c}', '[{containerPort: 82}]'), pod('d', 'other', '{app: d}', '[{name: web, containerPort: 83}]'),
      // a may only send to b; b to every pod on its named port `web`; c and d are not isolated for egress.
      netpol('a-out', 'ns', '{podSelector: {matchLabels: {app: a}}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: b}}}]}]}'),
      netpol('b-out', 'ns', '{podSelector: {matchLabels: {app: b}}, policyTypes: [Egress], egress: [{ports: [{port: web}]}]}'),
      netpol('c-in', 'ns', '{podSelector: {matchLabels: {app: c}}, ingress: [{from: [{podSelector: {}}]}]}'),
    );
    const ids = ['ns/a[Pod]', 'ns/b[Pod]', 'ns/c[Pod]', 'other/d[Pod]'];
    for (const sources of [['ns/a[Pod]'], ['ns/b[Pod]'], ['ns/a[Pod]', 'other/d[Pod]'], []]) {
      for (const destinations of [[], ['ns/c[Pod]'], ids]) {
        const scope = { sources: new Set(sources), destinations: new Set(destinations) };
        expect(pairs(c.connections(scope, { ingressController: false }))).toEqual(inScope(c, scope.sources, scope.destinations));
      }
    }
    // The scoped list of a, whose egress reaches only b, has its pair with b and none with c or d.
    expect(pairs(c.connections({ sources: new Set(['ns/a[Pod]']), destinations: new Set() })).filter((l) => l.startsWith('ns/a[Pod] => ns/') || l.startsWith('ns/a[Pod] => other/')))
      .toEqual(['ns/a[Pod] => ns/b[Pod] : All Connections']);
  });
});

describe('selector-level peers', () => {
  it('builds labels that satisfy a selector, or none when nothing can', () => {
    expect(representative(parseSelector({ matchLabels: { app: 'a' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['x'] }, { key: 'env', operator: 'Exists' }] })))
      .toEqual({ app: 'a', env: 'any' });
    expect(representative(parseSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: ['x'] }, { key: 'a', operator: 'NotIn', values: ['x'] }] }))).toBeUndefined();
  });
});

describe('diffConnections', () => {
  it('compares external ranges address by address and merges neighbours with equal changes', () => {
    const before = connectivity(pod('p', 'ns', '{app: p}'), netpol('p', 'ns', '{podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}}]}]}'));
    const after = connectivity(pod('p', 'ns', '{app: p}'));
    const ids = new Set(['ns/p[Pod]']);
    const diffs = diffConnections(before.connections(), after.connections(), ids, ids);
    expect(diffs.map((d) => `${d.type} ${d.src.name} ${d.before.toString()} -> ${d.after.toString()}`)).toEqual([
      'added 0.0.0.0-9.255.255.255[External] No Connections -> All Connections',
      'added 11.0.0.0-255.255.255.255[External] No Connections -> All Connections',
    ]);
  });
});

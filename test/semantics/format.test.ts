import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/model/load.js';
import { formatConndiff, formatConnlist } from '../../src/report/connectivity/format.js';
import { Connectivity } from '../../src/semantics/connectivity.js';
import { diffConnections } from '../../src/semantics/diff.js';

const pod = (name: string, labels = '{app: x}') => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ns, labels: ${labels}}\nspec: {containers: [{name: c}]}`;
const deny = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: d, namespace: ns}\nspec: {podSelector: {matchLabels: {app: b}}, ingress: [{ports: [{port: 80}, {port: 53, protocol: UDP}]}]}';
const build = (...docs: string[]) => Connectivity.fromModel(loadSnapshot([{ path: 'a.yaml', content: docs.join('\n---\n') }]));

describe('connectivity formats', () => {
  const c = build(pod('a'), pod('b', '{app: b}'), deny);
  const conns = c.connections().filter((x) => x.src.name === 'ns/a[Pod]' && x.dst.name === 'ns/b[Pod]');

  it('renders np-guard md, csv and json', () => {
    expect(formatConnlist(conns, 'md')).toBe('| src | dst | conn |\n|-----|-----|------|\n| ns/a[Pod] | ns/b[Pod] | TCP 80,UDP 53 |\n');
    expect(formatConnlist(conns, 'csv')).toBe('src,dst,conn\nns/a[Pod],ns/b[Pod],"TCP 80,UDP 53"\n');
    expect(JSON.parse(formatConnlist(conns, 'json'))).toEqual([{ src: 'ns/a[Pod]', dst: 'ns/b[Pod]', conn: 'TCP 80,UDP 53' }]);
  });

  it('renders graphs with one node per peer and one edge per connection', () => {
    expect(formatConnlist(conns, 'dot')).toContain('n0 -> n1 [label="TCP 80,UDP 53"');
    // Labels go through the one Mermaid escaper: brackets, quotes and other syntax become entity codes.
    expect(formatConnlist(conns, 'mermaid')).toBe('flowchart LR\n  n0["ns/a#91;Pod#93;"]\n  n1["ns/b#91;Pod#93;"]\n  n0 -- "TCP 80,UDP 53" --> n1\n');
  });

  it('prints nothing for an empty diff and a header otherwise; escapes pipes in Markdown', () => {
    const same = c.connections();
    const ids = new Set(c.topology.workloads.map((w) => w.id));
    expect(formatConndiff(diffConnections(same, same, ids, ids), 'txt')).toBe('');
    const after = build(pod('a'), pod('b', '{app: b}'));
    const diffs = diffConnections(c.connections(), after.connections(), ids, ids);
    expect(formatConndiff(diffs, 'txt').split('\n')[0]).toBe('Connectivity diff:');
    expect(formatConndiff(diffs, 'md')).toContain('| changed | ns/a[Pod] | ns/b[Pod] | TCP 80,UDP 53 | All Connections |  |');
    const piped = [{ ...diffs[0], src: { ...diffs[0].src, name: 'a|b' } }];
    expect(formatConndiff(piped, 'md')).toContain('| a\\|b |');
  });
});

describe('conndiff order', () => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: b, namespace: ns}\nspec: {selector: {app: b}, ports: [{port: 80}]}';
  const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: ns}\n' +
    'spec: {rules: [{host: b.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: b, port: {number: 80}}}}]}}]}';
  const isolateA = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: iso, namespace: ns}\nspec: {podSelector: {matchLabels: {app: a}}, policyTypes: [Ingress]}';

  // The Service reaches only a port the pod declares.
  const serving = 'apiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: ns, labels: {app: b}}\nspec: {containers: [{name: c, ports: [{containerPort: 80}]}]}';

  it('lists the {ingress-controller} lines after the policies\' lines of every type, as np-guard does', () => {
    const before = build(pod('a', '{app: a}'), serving, service);
    const after = build(pod('a', '{app: a}'), serving, service, ingress, isolateA);
    const ids = new Set(before.topology.workloads.map((w) => w.id));
    const lines = formatConndiff(diffConnections(before.connections(), after.connections(), ids, ids), 'txt').trimEnd().split('\n');
    const summary = lines.slice(1).map((l) => /^diff-type: (\w+), source: ([^,]+),/.exec(l)!.slice(1, 3).join(' '));
    // A removed policy line sorts before an added {ingress-controller} line, although "added" comes before "removed".
    expect(summary).toEqual([
      'removed 0.0.0.0-255.255.255.255[External]',
      'removed ns/b[Pod]',
      'added {ingress-controller}',
    ]);
  });
});

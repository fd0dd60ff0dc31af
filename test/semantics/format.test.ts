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

import { describe, expect, it } from 'vitest';
import type { FindingEdge } from '../../src/findings/finding.js';
import { reachesInternet } from '../../src/report/addresses.js';
import { edgeDiagram, escapeMermaid } from '../../src/report/mermaid.js';
import { HOSTILE } from './sample.js';

/** What Mermaid shows for an escaped label: its entity codes decoded. */
function decode(label: string): string {
  return label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

/** Every line a diagram may contain: a node of one of the four shapes, or an arrow with a quoted label. */
const NODE = /^ {2}n\d+(\["[^"]*"\]|\(\["[^"]*"\]\)|\{\{"[^"]*"\}\}|>"[^"]*"\])$/;
const ARROW = /^ {2}n\d+ -->\|"[^"|]*"\| n\d+$/;

const NASTY = [
  HOSTILE,
  'a"] --> evil["pwned',
  'x|y',
  '<img src=x onerror=alert(1)>',
  'name\n```\n# heading outside the fence',
  '%% comment',
  'one; click n0 call alert()',
  'quote #quot; entity #35;',
  '`**markdown string**`',
  '{{curly}} ((round)) >flag]',
  'ünïcödé 🚀',
];

function edge(source: string, destination: string, ports = 'TCP 80', types: [FindingEdge['source']['type'], FindingEdge['destination']['type']] = ['workload', 'workload']): FindingEdge {
  return { source: { name: source, type: types[0] }, destination: { name: destination, type: types[1] }, ports };
}

describe('escapeMermaid', () => {
  it('leaves only letters, digits, spaces and . / : , = _ - as they are', () => {
    expect(escapeMermaid('shop/api-1.v2: TCP 80,443 a=b_c')).toBe('shop/api-1.v2: TCP 80,443 a=b_c');
    for (const name of NASTY) expect(escapeMermaid(name)).toMatch(/^[A-Za-z0-9 ./:,=_\-#;]*$/);
  });

  it('encodes the syntax characters as entity codes Mermaid decodes back to the same text', () => {
    expect(escapeMermaid('"')).toBe('#34;');
    expect(escapeMermaid('|')).toBe('#124;');
    expect(escapeMermaid('<>')).toBe('#60;#62;');
    expect(escapeMermaid('[x]')).toBe('#91;x#93;');
    expect(escapeMermaid('#quot;')).toBe('#35;quot#59;');
    for (const name of NASTY) expect(decode(escapeMermaid(name))).toBe(name.replace(/\r\n?|\n/g, ' '));
  });

  it('folds line breaks, so a label cannot end the statement or the code fence', () => {
    expect(escapeMermaid('a\nb\r\nc\rd')).toBe('a b c d');
    expect(escapeMermaid('x\n```')).toBe('x #96;#96;#96;');
  });
});

describe('edgeDiagram', () => {
  it('draws nothing without edges', () => {
    expect(edgeDiagram([])).toEqual([]);
  });

  it('is one fenced graph LR: each node declared once with its shape, then arrows labelled with the ports', () => {
    const lines = edgeDiagram([
      edge('0.0.0.0-9.255.255.255[External]', 'shop/api[Deployment]', 'TCP 8443', ['external', 'workload']),
      edge('shop.example.com/', 'shop/api[Deployment]', 'TCP 8080', ['entry', 'workload']),
      edge('{ingress-controller}', 'shop/api[Deployment]', 'TCP 8080', ['ingress-controller', 'workload']),
      edge('shop/api[Deployment]', 'payments/ledger[Deployment]', 'TCP 5432'),
    ]);
    expect(lines).toEqual([
      '```mermaid',
      'graph LR',
      '  n0(["0.0.0.0/5, 8.0.0.0/7"])',
      '  n1["shop/api#91;Deployment#93;"]',
      '  n0 -->|"TCP 8443"| n1',
      '  n2>"shop.example.com/"]',
      '  n2 -->|"TCP 8080"| n1',
      '  n3{{"#123;ingress-controller#125;"}}',
      '  n3 -->|"TCP 8080"| n1',
      '  n4["payments/ledger#91;Deployment#93;"]',
      '  n1 -->|"TCP 5432"| n4',
      '```',
      '',
      '<sub>Only what this change opens: arrows are new connections, labelled with their ports or guards.</sub>',
    ]);
  });

  it('names the address blocks that reach one place on the same ports as one node of the fewest CIDRs', () => {
    const lines = edgeDiagram([
      edge('0.0.0.0-198.51.99.255[External]', 'admin/console[Deployment]', 'TCP 8443', ['external', 'workload']),
      edge('198.51.101.0-255.255.255.255[External]', 'admin/console[Deployment]', 'TCP 8443', ['external', 'workload']),
      edge('198.51.101.0-255.255.255.255[External]', 'admin/console[Deployment]', 'TCP 22', ['external', 'workload']),
    ]);
    expect(lines.filter((l) => NODE.test(l))).toEqual(['  n0(["0.0.0.0/0 except 198.51.100.0/24"])', '  n1["admin/console#91;Deployment#93;"]', '  n2(["192.0.0.0/2 except 192.0.0.0/6, 196.0.0.0/7, 198.0.0.0/11, 198.32.0.0/12 and 6 more"])']);
    expect(lines.filter((l) => ARROW.test(l))).toEqual(['  n0 -->|"TCP 8443"| n1', '  n2 -->|"TCP 22"| n1']);
  });

  it('tells internet addresses from private ones', () => {
    expect(reachesInternet('0.0.0.0-9.255.255.255[External]')).toBe(true);
    expect(reachesInternet('10.0.0.0-10.255.255.255[External]')).toBe(false);
    expect(reachesInternet('192.168.0.0-192.168.0.255[External]')).toBe(false);
    expect(reachesInternet('shop/web[Deployment]')).toBe(false);
  });

  it('draws weakened and unguarded edges red and dashed, and says so in the legend', () => {
    const lines = edgeDiagram([
      { ...edge('nginx', 'www.example.com /', '−tls', ['ingress-controller', 'entry']), style: 'weakened' },
      edge('www.example.com /', 'shop/web[Deployment]', 'shop/web:80 → 8080', ['entry', 'workload']),
      { ...edge('nginx', 'new.example.com /', 'unguarded', ['ingress-controller', 'entry']), style: 'unguarded' },
    ]);
    expect(lines).toContain('  linkStyle 0,2 stroke:#d1242f,stroke-width:2px,stroke-dasharray:6 4,color:#d1242f');
    expect(lines.indexOf('  linkStyle 0,2 stroke:#d1242f,stroke-width:2px,stroke-dasharray:6 4,color:#d1242f')).toBe(lines.indexOf('```', 1) - 1);
    expect(lines.at(-1)).toBe('<sub>Only what this change opens: arrows are new connections, labelled with their ports or guards; red dashed arrows lost a guard or have none.</sub>');
  });

  it('keeps its syntax whatever the names and ports are', () => {
    const edges = NASTY.flatMap((name, i) => [edge(name, NASTY[(i + 1) % NASTY.length], name), edge(name, 'x', 'TCP 1', ['entry', 'external'])]);
    const lines = edgeDiagram(edges);
    expect(lines.slice(0, 2)).toEqual(['```mermaid', 'graph LR']);
    const end = lines.indexOf('```', 1);
    expect(lines.slice(end + 1)).toEqual(['', '<sub>Only what this change opens: arrows are new connections, labelled with their ports or guards.</sub>']);
    const body = lines.slice(2, end);
    for (const line of body) expect(line).toMatch(new RegExp(`${NODE.source}|${ARROW.source}`));
    // Every label reads back as the original name.
    const labels = body.filter((l) => NODE.test(l)).map((l) => decode(/"([^"]*)"/.exec(l)?.[1] ?? ''));
    for (const name of NASTY) expect(labels).toContain(name.replace(/\n/g, ' '));
  });

  it('draws each repeated edge once', () => {
    const lines = edgeDiagram([edge('a', 'b'), edge('a', 'b'), edge('a', 'b', 'TCP 81')]);
    expect(lines.filter((l) => ARROW.test(l))).toHaveLength(2);
  });

  it('draws at most 40 arrows and counts the rest in text', () => {
    const edges = Array.from({ length: 55 }, (_, i) => edge(`src-${i}`, 'dst'));
    const lines = edgeDiagram(edges);
    expect(lines.filter((l) => ARROW.test(l))).toHaveLength(40);
    expect(lines.at(-1)).toBe('… and 15 more new connections not drawn (see the findings).');
    expect(edgeDiagram(edges, { maxEdges: 5 }).filter((l) => ARROW.test(l))).toHaveLength(5);
  });

  it('stays under a length budget, and says so when not even one arrow fits', () => {
    const edges = Array.from({ length: 40 }, (_, i) => edge(`${'long-name-'.repeat(20)}${i}`, 'dst'));
    const lines = edgeDiagram(edges, { maxLength: 2_000 });
    expect(lines.join('\n').length).toBeLessThanOrEqual(2_000);
    const drawn = lines.filter((l) => ARROW.test(l)).length;
    expect(drawn).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe(`… and ${40 - drawn} more new connections not drawn (see the findings).`);
    expect(edgeDiagram(edges, { maxLength: 100 })).toEqual(['40 new connections (too many to draw here; see the findings).']);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { escapeMarkdown } from '../../src/report/markdown-escape.js';
import { docsUrlOf } from '../../src/report/links.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { edgeFindings, HOSTILE, sampleFindings, sampleReport } from './sample.js';

/** Cells of a GFM table row: split on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
  return row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

describe('escapeMarkdown', () => {
  it('keeps a table cell in one cell: pipes escaped, line breaks folded', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('one\ntwo\r\nthree\rfour')).toBe('one two three four');
    expect(cells(`| ${escapeMarkdown('x | y | z')} | b |`)).toHaveLength(2);
  });

  it('turns HTML into text', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
    expect(escapeMarkdown('<!-- segguard:marker -->')).not.toMatch(/<|>/);
    expect(escapeMarkdown('&amp;')).toBe('&amp;amp;');
  });

  it('neutralises code spans, links, images, emphasis, headings, lists and math', () => {
    expect(escapeMarkdown('`code`')).toBe('\\`code\\`');
    expect(escapeMarkdown('[link](x)')).toBe('\\[link\\]\\(x\\)');
    expect(escapeMarkdown('![img](x)')).toBe('\\!\\[img\\]\\(x\\)');
    expect(escapeMarkdown('**b** _i_ ~~s~~')).toBe('\\*\\*b\\*\\* \\_i\\_ \\~\\~s\\~\\~');
    expect(escapeMarkdown('# title')).toBe('\\#&#8203; title');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('$x$')).toBe('\\$x\\$');
    expect(escapeMarkdown('back\\slash')).toBe('back\\\\slash');
  });

  it('pings nobody and links no issue or URL', () => {
    expect(escapeMarkdown('@octocat')).toBe('@&#8203;octocat');
    expect(escapeMarkdown('@org/team')).toBe('@&#8203;org/team');
    expect(escapeMarkdown('fixes #12')).toBe('fixes \\#&#8203;12');
    expect(escapeMarkdown('https://evil.example')).toBe('https&#58;//evil\\.example');
  });

  it('leaves plain words alone', () => {
    expect(escapeMarkdown('NetworkPolicy shop web')).toBe('NetworkPolicy shop web');
  });
});

describe('markdown report', () => {
  const body = renderMarkdown(sampleReport());
  const lines = body.split('\n');

  it('starts with the verdict, counted once: no counts table', () => {
    expect(lines[0]).toBe('### ❌ Blocks merge: 1 critical, 1 high new openings, 1 high not fully analyzed (gate: high); 1 suppressed');
    expect(body).not.toContain('| critical | high | medium | low | info |');
  });

  it('says what the PR opens up, one sentence per cause, worst first, with its place and rules', () => {
    const start = lines.indexOf('#### What this PR opens up');
    const bullets = lines.slice(start + 2, lines.indexOf('', start + 2));
    expect(bullets).toHaveLength(3);
    expect(bullets[0]).toMatch(/^- \*\*critical\*\* NetworkPolicy shop\/evil\\\|name .* now allows all ingress\\\. · head\/shop\/netpol\\\.yaml&#58;10 · \[netpol\\-default\\-deny\\-removed\]\(https:\/\/.*\/docs\/rules\/netpol-default-deny-removed\.md\)$/);
    // A short message whole (its second sentence may be what matters), a long one by its first sentence.
    expect(bullets[1]).toBe(`- **high** Flow map must end with a \\}\\. Nothing in this file was analyzed\\. · head/shop/broken\\.yaml&#58;4 · [manifest\\-parse\\-error](${docsUrlOf('manifest-parse-error')})`);
    const long = { ...sampleFindings()[2], message: `NetworkPolicy payments/deny-all was deleted. ${'It mattered. '.repeat(30)}` };
    expect(renderMarkdown(sampleReport([long]))).toContain('- **high** NetworkPolicy payments/deny\\-all was deleted\\. · base/payments');
    expect(bullets[2]).toMatch(/^- \*\*high\*\* NetworkPolicy payments\/deny\\-all was deleted\\\. · base\/payments\/deny\\\.yaml&#58;1 \(base\) · /);
  });

  it('folds every active finding in a table of four columns, worst first', () => {
    const start = lines.indexOf('<details><summary>All 3 findings, worst first</summary>');
    expect(start).toBeGreaterThan(lines.indexOf('#### What this PR opens up'));
    expect(lines[start + 2]).toBe('| Severity | Rule | Location | What |');
    const rows = lines.slice(start + 4, lines.indexOf('', start + 4));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(cells(row)).toHaveLength(4);
    expect(rows.map((r) => cells(r)[0])).toEqual(['critical', 'high', 'high']);
    expect(cells(rows[0])[2]).toBe('head/shop/netpol\\.yaml&#58;10');
    expect(cells(rows[2])[2]).toBe('base/payments/deny\\.yaml&#58;1 (base)');
    // The resource is in the message only once.
    expect(cells(rows[2])[3]).toBe('NetworkPolicy payments/deny\\-all was deleted\\.');
  });

  it('escapes everything that comes from the manifests', () => {
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<b>');
    expect(body).not.toMatch(/@(?!&#8203;)\w/);
    expect(body).not.toMatch(/(?<!\\)\[link\]/);
    expect(body).not.toContain('\nnext line');
    // In a message a backtick pair is a code span (how rules quote values, src/findings/code-span.ts): inert
    // text, with everything around it escaped.
    const [before, after] = HOSTILE.split('`code`');
    expect(body).toContain(`| ${escapeMarkdown(`NetworkPolicy shop/${before}`)}\`code\`${escapeMarkdown(`${after} now allows all ingress.`)} |`);
  });

  it('lists suppressed findings apart, folded, with their reason', () => {
    const start = lines.indexOf('<details><summary>1 suppressed finding (segguard.io/ignore)</summary>');
    expect(start).toBeGreaterThan(0);
    const row = lines[start + 4];
    expect(cells(row)).toHaveLength(5);
    expect(cells(row)[0]).toBe('high (suppressed)');
    expect(cells(row)[1]).toContain('manifest\\-invalid');
    expect(cells(row)[4]).toBe('accepted by @&#8203;security &lt;b&gt;until&lt;/b&gt; Q3 \\| see \\#&#8203;12');
    expect(lines.at(-2)).toBe('</details>');
  });

  it('has no diagram when no finding carries connections', () => {
    expect(body).not.toContain('```mermaid');
    expect(body).not.toContain('#### New connections');
  });

  it('says so when nothing is opened up', () => {
    expect(renderMarkdown(sampleReport([]))).toContain('No segmentation regressions');
    const onlySuppressed = renderMarkdown(sampleReport([sampleFindings()[3]]));
    expect(onlySuppressed).toContain('No segmentation regressions');
    expect(onlySuppressed).toContain('1 suppressed finding');
  });

  it('stays under the size limit of a comment and says how many rows it left out', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ ...sampleFindings()[1], fingerprint: `f${i}`, location: { ...sampleFindings()[1].location, line: i + 1 } }));
    const big = renderMarkdown(sampleReport(many), { maxLength: 20_000 });
    expect(big.length).toBeLessThanOrEqual(20_000);
    expect(big).toMatch(/\| … \| \| \| \d+ more findings not shown here/);
    const shown = big.split('\n').filter((l) => l.startsWith('| critical | [')).length;
    expect(big).toContain(`| ${2000 - shown} more findings not shown`);
  });
});

describe('markdown report: notes and new connections', () => {
  const report = sampleReport([...sampleFindings(), ...edgeFindings()]);
  report.summary.notes = ['connectivity: selector mode: the repository has no workloads (Deployment, Job…), <b>so</b> [abstract] peers'];
  const body = renderMarkdown(report);
  const lines = body.split('\n');

  it('shows the analysis notes at the bottom, escaped', () => {
    expect(lines.at(-2)).toBe('> connectivity&#58; selector mode&#58; the repository has no workloads \\(Deployment, Job…\\), &lt;b&gt;so&lt;/b&gt; \\[abstract\\] peers');
    const empty = sampleReport([]);
    empty.summary.notes = ['connectivity: workload mode'];
    expect(renderMarkdown(empty)).toBe('### ✅ No new opening\n\nNo segmentation regressions: this change opens up nothing that the base did not already allow.\n\n' +
      '<sub>Analysis notes</sub>\n\n> connectivity&#58; workload mode\n');
  });

  it('says who can now reach what, address blocks as CIDRs, in the sentence of its cause', () => {
    const start = lines.indexOf('#### What this PR opens up');
    const bullets = lines.slice(start + 2, lines.indexOf('', start + 2));
    expect(bullets).toHaveLength(5);
    // Equal severities in the core's order (file, line).
    expect(bullets[1]).toBe(`- **critical** NetworkPolicy payments/allow: 0\\.0\\.0\\.0/5, 8\\.0\\.0\\.0/7 (outside the cluster) → payments/${escapeMarkdown(HOSTILE)}\\[Deployment\\] on TCP 5432, and 1 more connection · ` +
      `head/payments/allow\\.yaml&#58;11 · [connectivity\\-added](${docsUrlOf('connectivity-added')})`);
    expect(bullets[4]).toMatch(/^- \*\*high\*\* Ingress web\/web: anyone through shop\\\.example\\\.com\/ → web\/web\\\[Deployment\\\] on TCP 8080 · /);
  });

  it('folds a Mermaid diagram of the new connections after it, labels escaped for Mermaid, with a legend', () => {
    const start = lines.indexOf('<details><summary>Diagram: what this PR newly connects</summary>');
    expect(start).toBeGreaterThan(lines.indexOf('#### What this PR opens up'));
    expect(start).toBeLessThan(lines.indexOf('<details><summary>All 5 findings, worst first</summary>'));
    const block = lines.slice(lines.indexOf('```mermaid', start), lines.indexOf('```', start + 3) + 1);
    expect(block[1]).toBe('graph LR');
    expect(block.filter((l) => l.includes('-->'))).toEqual(['  n0 -->|"TCP 5432"| n1', '  n2 -->|"TCP 5432"| n1', '  n3 -->|"TCP 8080"| n4']);
    expect(block).toContain('  n0(["0.0.0.0/5, 8.0.0.0/7"])');
    for (const line of block.slice(1, -1)) expect(line).not.toMatch(/[<`]|evil\|/);
    expect(block).toContain('  n3>"shop.example.com/"]');
    // The connection from internet addresses is guarded by nothing: red and dashed, and the legend says so.
    expect(block).toContain('  linkStyle 0 stroke:#d1242f,stroke-width:2px,stroke-dasharray:6 4,color:#d1242f');
    expect(lines[lines.indexOf('```', start + 3) + 2]).toMatch(/^<sub>Only what this change opens: .*; red dashed arrows lost a guard or have none\.<\/sub>$/);
  });

  it('keeps the diagram within the length budget, the findings table still there', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ ...edgeFindings()[0], fingerprint: `e${i}`,
      edges: [{ source: { name: `ns-${i}/${'x'.repeat(200)}[Deployment]`, type: 'workload' as const }, destination: { name: 'db/db[StatefulSet]', type: 'workload' as const }, ports: 'TCP 5432' }] }));
    const big = renderMarkdown(sampleReport(many), { maxLength: 20_000 });
    expect(big.length).toBeLessThanOrEqual(20_000);
    const diagram = big.slice(big.indexOf('```mermaid'), big.indexOf('<details><summary>All 300 findings'));
    expect(diagram.length).toBeLessThan(20_000 / 4);
    expect(diagram).toMatch(/… and \d+ more new connections not drawn/);
    expect(big).toMatch(/\| … \| \| \| \d+ more findings not shown here/);
  });
});

describe('markdown report of a real analysis with hostile label values', () => {
  it('keeps the Mermaid block well-formed when selector-level peer names carry quotes, pipes, brackets and HTML', () => {
    const evil = `'x"] --> pwned["y|<b>z</b>\`%%'`;
    const policy = (name: string, from: string) => [
      'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', `metadata: {name: ${name}, namespace: payments}`, 'spec:',
      `  podSelector: {matchLabels: {app: ${evil}}}`, '  policyTypes: [Ingress]', ...(from ? ['  ingress:', `    - from: [${from}]`] : []), '',
    ].join('\n');
    const base = [{ path: 'deny.yaml', content: policy('deny', '') }];
    const head = [...base, { path: 'allow.yaml', content: policy('allow', '{ipBlock: {cidr: 10.0.0.0/8}}') }];
    const result = analyze(base, head);
    expect(result.findings.some((f) => f.ruleId === 'connectivity-added' && f.edges?.length)).toBe(true);
    const body = renderMarkdown({ findings: result.findings, summary: result.summary, failOn: 'high' });
    const lines = body.split('\n');
    const start = lines.indexOf('```mermaid');
    const block = lines.slice(start + 2, lines.indexOf('```', start + 1));
    expect(block.length).toBeGreaterThan(1);
    for (const line of block) expect(line).toMatch(/^ {2}n\d+(\["[^"<>`|]*"\]|\(\["[^"<>`|]*"\]\)|\{\{"[^"<>`|]*"\}\}|>"[^"<>`|]*"\]| -->\|"[^"<>`|]*"\| n\d+)$/);
    expect(block.join('\n')).toContain('#34;#93; --#62; pwned#91;#34;y#124;#60;b#62;z#60;/b#62;#96;#37;#37;');
  });
});

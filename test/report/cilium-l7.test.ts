import { describe, expect, it } from 'vitest';
import { analyze, audit } from '../../src/analyze.js';
import { deliverAudit } from '../../src/github/deliver.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { expectWellFormedMarkdown } from '../github/helpers/markdown.js';
import { GitHubMock, testClient } from '../github/helpers/github-mock.js';
import { toSourceFiles, yaml } from '../helpers/rule-tester.js';

/**
 * Cilium's L7 rules and toFQDNs are recorded, not evaluated: the pull request's summary comment, the check run
 * (summary and annotations) and the text output all say so, with the manifest's values escaped.
 */
const NOTE = 'cilium: L7 rules and toFQDNs are not evaluated';
const HOSTILE_KIND = 'http|<img src=x onerror=alert(1)>';
const HOSTILE_NAME = '[x](https://evil.example) @octocat';

/** shop/web admitting shop's api pods on TCP/80, with these lines under its port rule (L7 rules) and an egress to a DNS name. */
const policy = (...l7: string[]) => yaml(
  'apiVersion: cilium.io/v2', 'kind: CiliumNetworkPolicy', 'metadata: {name: web, namespace: shop}', 'spec:',
  '  endpointSelector: {matchLabels: {app: web}}', '  ingress:', '  - fromEndpoints: [{matchLabels: {app: api}}]',
  '    toPorts:', '    - ports: [{port: "80", protocol: TCP}]', ...l7,
  ...(l7.length > 0 ? ['  egress:', `  - toFQDNs: [{matchName: ${JSON.stringify(HOSTILE_NAME)}}]`] : []),
);
const WITH_L7 = policy('      rules:', `        ${JSON.stringify(HOSTILE_KIND)}: [{method: GET}]`);
const REPORT = { failOn: 'high' as const };

/** The manifest's values reach the page only as code spans: outside them, no HTML tag, link or mention. */
function expectInert(markdown: string): void {
  const prose = markdown.replace(/`[^`]*`/g, '');
  expect(prose).not.toContain('<img');
  expect(prose).not.toContain('](https://evil.example)');
  expect(prose).not.toContain(' @octocat');
}

describe('Cilium L7 rules in the reports', () => {
  it('a pull request that adds an L7 rule: the note and the escaped findings in the Markdown summary and the text output', () => {
    const result = analyze(toSourceFiles({ 'web.yaml': policy() }), toSourceFiles({ 'web.yaml': WITH_L7 }));
    expect(result.summary.notes?.filter((n) => n.startsWith(NOTE))).toHaveLength(1);
    const approximations = result.findings.filter((f) => f.ruleId === 'cilium-approximated');
    expect(approximations.map((f) => [f.location.line, f.severity])).toEqual([[11, 'info'], [13, 'info']]);

    const markdown = renderMarkdown({ ...REPORT, ...result });
    expectWellFormedMarkdown(markdown);
    expect(markdown).toContain('Analysis notes');
    expect(markdown).toContain('L7 rules and toFQDNs are not evaluated');
    expect(markdown).toContain('`[x](https://evil.example) @octocat`');
    expectInert(markdown);

    const text = renderText({ ...REPORT, ...result });
    expect(text).toContain(`note: ${NOTE}`);
    expect(text).toContain(`toFQDNs \`${HOSTILE_NAME}\` is not resolved`);
  });

  it('the policy unchanged: no note, no finding', () => {
    const result = analyze(toSourceFiles({ 'web.yaml': WITH_L7 }), toSourceFiles({ 'web.yaml': WITH_L7 }));
    expect(result.summary.notes ?? []).not.toContainEqual(expect.stringContaining(NOTE));
    expect(result.findings.filter((f) => f.ruleId === 'cilium-approximated')).toEqual([]);
  });

  it('audit: the check run has the note in its summary and each approximation as an annotation', async () => {
    const mock = new GitHubMock();
    mock.on('POST', '/repos/acme/infra/check-runs', { status: 201, body: { id: 5 } });
    const result = audit(toSourceFiles({ 'web.yaml': WITH_L7 }));
    await deliverAudit(testClient([]), { owner: 'acme', repo: 'infra', headSha: 'c'.repeat(40) }, result, { failOn: 'high', annotations: true });
    const { output } = mock.requests[0].body as { output: { summary: string; annotations: { start_line: number; message: string }[] } };
    expect(output.summary).toContain('L7 rules and toFQDNs are not evaluated');
    expectWellFormedMarkdown(output.summary);
    expectInert(output.summary);
    const approximated = output.annotations.filter((a) => a.message.includes('not evaluated') || a.message.includes('not resolved'));
    expect(approximated.map((a) => a.start_line)).toEqual([11, 13]);
    const { pending, violations } = mock.finish();
    expect(pending).toEqual([]);
    expect(violations).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { deliverToPullRequest } from '../../src/github/deliver.js';
import { LIMITS } from '../../src/github/limits.js';
import { SUMMARY_MARKER } from '../../src/github/markers.js';
import { fitMarkdown } from '../../src/report/markdown.js';
import { GitHubMock, testClient } from './helpers/github-mock.js';
import { expectWellFormedMarkdown } from './helpers/markdown.js';

const TARGET = { owner: 'acme', repo: 'infra', pullNumber: 7, headSha: 'c'.repeat(40), baseSha: 'b'.repeat(40) };
const R = '/repos/acme/infra';
const PAGE1 = 'per_page=100&page=1';

/** A default deny per namespace, named with 100,000 characters (Kubernetes allows 253; segguard must still not lie). */
function hostileChange(policies: number) {
  const deny = (i: number) => ({
    path: `k8s/np-${i}.yaml`,
    content: ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', `  name: ${String.fromCharCode(97 + i).repeat(100_000)}`,
      `  namespace: ns-${i}`, 'spec:', '  podSelector: {}', '  policyTypes: [Ingress]', ''].join('\n'),
  });
  const base = Array.from({ length: policies }, (_, i) => deny(i));
  // Each policy now admits everyone: the default deny is gone and every source may connect.
  const head = base.map((f) => ({ ...f, content: f.content.replace('  podSelector: {}', '  podSelector: {}\n  ingress: [{}]') }));
  return analyze(base, head);
}

/** The first line of a summary: the verdict and the counts. */
const headline = (markdown: string) => markdown.split('\n').find((l) => l.startsWith('### segguard: '));

let mock: GitHubMock;

beforeEach(() => {
  mock = new GitHubMock();
});

afterEach(() => {
  const { pending, violations } = mock.finish();
  expect(pending).toEqual([]);
  expect(violations).toEqual([]);
});

describe('summaries of findings about objects with 100,000-character names', () => {
  const result = hostileChange(5);
  const total = result.findings.length;
  const verdict = `### segguard: ${total} findings (${result.summary.counts.critical} critical), 0 suppressed; fails the gate (fail-on: high)`;

  it('is a change the gate fails', () => {
    expect(total).toBeGreaterThanOrEqual(5);
    expect(result.summary.counts.critical).toBe(total);
  });

  it('the job summary keeps the verdict and the counts of the analysis, within its budget', () => {
    const fitted = fitMarkdown({ ...result, failOn: 'high' }, { maxLength: 256 * 1024, elsewhere: 'the step log lists every finding.' });
    expect(fitted.markdown.length).toBeLessThanOrEqual(256 * 1024);
    expect(headline(fitted.markdown)).toBe(verdict);
    expect(fitted.markdown).not.toContain('passes the gate');
    expect(fitted.markdown).not.toContain('No segmentation regressions');
    expectWellFormedMarkdown(fitted.markdown);
  });

  it('the check run and the sticky comment fit GitHub, say the PR fails the gate like the conclusion, and say where the rest is', async () => {
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/issues/7/comments`, { status: 201, body: { id: 2 } });
    const report = await deliverToPullRequest(testClient(), TARGET, result, { failOn: 'high', comment: 'summary', annotations: true });

    const check = mock.requests[0].body as { conclusion: string; output: { summary: string; text?: string; annotations: { title: string; message: string; raw_details?: string }[] } };
    expect(check.conclusion).toBe('failure');
    expect(report.conclusion).toBe('failure');
    for (const text of [check.output.summary, check.output.text ?? '']) {
      expect(text.length).toBeLessThanOrEqual(LIMITS.checkRunText);
      expectWellFormedMarkdown(text);
    }
    expect(headline(check.output.summary)).toBe(verdict);
    expect(check.output.summary).not.toContain('passes the gate');
    expect(check.output.summary).not.toContain('No segmentation regressions');

    const sticky = (mock.requests[2].body as { body: string }).body;
    expect(sticky.length).toBeLessThanOrEqual(LIMITS.commentBody);
    expect(sticky.endsWith(SUMMARY_MARKER)).toBe(true);
    expect(headline(sticky)).toBe(verdict);
    expect(sticky).not.toContain('passes the gate');
    expectWellFormedMarkdown(sticky);

    // Every finding is somewhere a reviewer sees it, and the annotations fit their fields.
    expect(report.undelivered).toEqual([]);
    expect(check.output.annotations.length).toBe(result.findings.filter((f) => f.location.side === 'head').length);
    for (const a of check.output.annotations) {
      expect(Buffer.byteLength(a.title)).toBeLessThanOrEqual(LIMITS.annotationTitle);
      expect(Buffer.byteLength(a.message)).toBeLessThanOrEqual(LIMITS.annotationBytes);
      if (a.raw_details) expect(Buffer.byteLength(a.raw_details)).toBeLessThanOrEqual(LIMITS.annotationBytes);
    }
  });
});

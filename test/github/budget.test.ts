import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { deliverAudit, deliverToPullRequest } from '../../src/github/deliver.js';
import { LIMITS } from '../../src/github/limits.js';
import { findingMarker, SUMMARY_MARKER } from '../../src/github/markers.js';
import { MAX_REVIEW_COMMENTS } from '../../src/github/review.js';
import { fitMarkdown } from '../../src/report/markdown.js';
import { finding, resultOf } from './helpers/findings.js';
import { gitHubMockPerTest, testClient } from './helpers/github-mock.js';
import { expectWellFormedMarkdown } from './helpers/markdown.js';

const TARGET = { owner: 'acme', repo: 'infra', pullNumber: 7, headSha: 'c'.repeat(40), baseSha: 'b'.repeat(40) };
const R = '/repos/acme/infra';
const PAGE1 = 'per_page=100&page=1';

/** A default deny per namespace, named with 100,000 characters (Kubernetes allows 253; segguard must still not lie). */
function hostileChange(policies: number) {
  const deny = (i: number) => ({
    path: `k8s/np-${i}.yaml`,
    content: ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', `  name: ${i}${String.fromCharCode(97 + (i % 26)).repeat(100_000)}`,
      `  namespace: ns-${i}`, 'spec:', '  podSelector: {}', '  policyTypes: [Ingress]', ''].join('\n'),
  });
  const base = Array.from({ length: policies }, (_, i) => deny(i));
  // Each policy now admits everyone: the default deny is gone and every source may connect.
  const head = base.map((f) => ({ ...f, content: f.content.replace('  podSelector: {}', '  podSelector: {}\n  ingress: [{}]') }));
  return analyze(base, head);
}

/** The first line of a summary: the verdict and the counts. */
const headline = (markdown: string) => markdown.split('\n').find((l) => l.startsWith('### '));

const github = gitHubMockPerTest();

describe('summaries of findings about objects with 100,000-character names', () => {
  // 5 MB of names: more findings than one summary can list.
  const result = hostileChange(50);
  const total = result.findings.length;
  const verdict = `### ❌ Blocks merge: ${result.summary.counts.critical} critical new openings (gate: high)`;

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
    github().on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/issues/7/comments`, { status: 201, body: { id: 2 } });
    const report = await deliverToPullRequest(testClient(), TARGET, result, { failOn: 'high', comment: 'summary', annotations: true });

    const check = github().requests[0].body as { conclusion: string; output: { summary: string; text?: string; annotations: { title: string; message: string; raw_details?: string }[] } };
    expect(check.conclusion).toBe('failure');
    expect(report.conclusion).toBe('failure');
    for (const text of [check.output.summary, check.output.text ?? '']) {
      expect(text.length).toBeLessThanOrEqual(LIMITS.checkRunText);
      expectWellFormedMarkdown(text);
    }
    expect(headline(check.output.summary)).toBe(verdict);
    expect(check.output.summary).not.toContain('passes the gate');
    expect(check.output.summary).not.toContain('No segmentation regressions');
    // What the summary leaves out is counted, and continues in the check run's text.
    const listed = /This summary lists (\d+) of (\d+) findings, the most severe first, to stay within 65,535 characters; the rest are listed below\./.exec(check.output.summary);
    expect(listed?.[2]).toBe(String(total));
    expect(Number(listed?.[1])).toBeLessThan(total);
    expect(check.output.text).toContain(`#### ${total - Number(listed?.[1])} more findings (no room for them in the summary)`);
    // A 100,000-character name is shown by its start and end.
    expect(check.output.summary).toMatch(/NetworkPolicy ns\\-0\/0a{100,300}…a{50,200}/);

    const sticky = (github().matching('POST', `${R}/issues/7/comments`)[0].body as { body: string }).body;
    expect(sticky.length).toBeLessThanOrEqual(LIMITS.commentBody);
    expect(sticky.endsWith(SUMMARY_MARKER)).toBe(true);
    expect(headline(sticky)).toBe(verdict);
    expect(sticky).not.toContain('passes the gate');
    expect(sticky).toMatch(/This summary lists \d+ of \d+ findings, the most severe first, to stay within 65,5\d\d characters; the `segguard` check run lists the rest\./);
    expectWellFormedMarkdown(sticky);

    // Every finding is somewhere a reviewer sees it, and the annotations fit their fields.
    expect(report.undelivered).toEqual([]);
    // One annotation per cause: the removed default deny and the connections it opens are one edit.
    const annotations = check.output.annotations;
    expect(annotations.length).toBe(total / 2);
    expect(report.channels.get(result.findings[0])).toContain('check-run-annotation');
    // A message naming the object keeps its end (what happened to it) around the shortened name.
    const naming = annotations.filter((a) => a.title === 'critical: netpol-default-deny-removed, connectivity-added');
    expect(naming.length).toBe(total / 2);
    for (const a of naming) expect(a.message).toMatch(/…[a-z]+, the default deny for ingress of namespace ns-\d+, now has ingress rule 0/);
    for (const a of annotations) {
      expect(Buffer.byteLength(a.title)).toBeLessThanOrEqual(LIMITS.annotationTitle);
      expect(Buffer.byteLength(a.message)).toBeLessThanOrEqual(LIMITS.annotationBytes);
      if (a.raw_details) expect(Buffer.byteLength(a.raw_details)).toBeLessThanOrEqual(LIMITS.annotationBytes);
    }
  });
});

describe('review comments within budget', () => {
  const BOT = { login: 'github-actions[bot]', type: 'Bot' };

  it('one review carries the worst findings inline, at most MAX_REVIEW_COMMENTS, and says how many it left to the summary', async () => {
    // 150 findings on diff lines; the 20 critical ones come last in file order.
    const files = Array.from({ length: 150 }, (_, i) => ({ filename: `m/${i}.yaml`, status: 'modified', patch: '@@ -1,2 +1,3 @@\n a\n+b\n c' }));
    const findings = Array.from({ length: 150 }, (_, i) => finding(`m/${i}.yaml`, 2, { severity: i >= 130 ? 'critical' : 'low' }));
    const next = { link: `<https://api.github.com${R}/pulls/7/files?per_page=100&page=2>; rel="next"` };
    github().on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } })
      .on('PATCH', `${R}/check-runs/1`, { body: { id: 1 } }).on('PATCH', `${R}/check-runs/1`, { body: { id: 1 } })
      .on('GET', `${R}/pulls/7/files?${PAGE1}`, { body: files.slice(0, 100), headers: next })
      .on('GET', `${R}/pulls/7/files?per_page=100&page=2`, { body: files.slice(100) })
      .on('GET', `${R}/pulls/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/pulls/7/reviews`, { body: { id: 3 } })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/issues/7/comments`, { status: 201, body: { id: 4 } });
    const report = await deliverToPullRequest(testClient(), TARGET, resultOf(findings), { failOn: 'high', comment: 'review', annotations: true });
    const review = github().matching('POST', `${R}/pulls/7/reviews`)[0].body as { body: string; comments: { path: string }[] };
    expect(review.comments).toHaveLength(MAX_REVIEW_COMMENTS);
    // Every critical finding is commented inline, in file order.
    const commented = review.comments.map((c) => Number(/m\/(\d+)\.yaml/.exec(c.path)![1]));
    expect(commented.filter((n) => n >= 130)).toHaveLength(20);
    expect(commented).toEqual([...commented].sort((a, b) => a - b));
    expect(review.body).toContain(`the ${MAX_REVIEW_COMMENTS} most severe are commented inline (one review carries at most ${MAX_REVIEW_COMMENTS}), the other 50 are not.`);
    expect(report.review?.posted).toBe(MAX_REVIEW_COMMENTS);
    expect(report.undelivered).toEqual([]);
  });

  it('marks a full-size comment resolved within the limit, its original in a closed <details> block', async () => {
    const original = `**high** · rule\n\n<details><summary>Details</summary>\n\n${Array.from({ length: 2_000 }, (_, i) => `line ${i} ${'x'.repeat(40)}<br>`).join('\n')}\n\n</details>`
      .slice(0, LIMITS.commentBody - 40);
    const closed = `${original.slice(0, original.lastIndexOf('\n'))}\n\n</details>\n\n${findingMarker('feedfacefeedface')}`;
    github().on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } })
      .on('GET', `${R}/pulls/7/files?${PAGE1}`, { body: [] })
      .on('GET', `${R}/pulls/7/comments?${PAGE1}`, { body: [{ id: 9, body: closed, user: BOT }] })
      .on('PATCH', `${R}/pulls/comments/9`, { body: { id: 9 } })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] });
    const report = await deliverToPullRequest(testClient(), TARGET, resultOf([]), { failOn: 'high', comment: 'review', annotations: true });
    expect(report.failures).toEqual([]);
    expect(report.resolvedComments).toBe(1);
    const body = (github().matching('PATCH', `${R}/pulls/comments/9`)[0].body as { body: string }).body;
    expect(body.length).toBeLessThanOrEqual(LIMITS.commentBody);
    expect(body).toMatch(/^✅ \*\*Resolved\*\*/);
    expect(body).toContain(findingMarker('feedfacefeedface'));
    expectWellFormedMarkdown(body);
  });
});

describe('where the rest is', () => {
  it('does not point at annotations that are turned off', async () => {
    const findings = Array.from({ length: 1_200 }, (_, i) => finding(`dir/file-${i}.yaml`, 1, { severity: 'low', message: `${'x'.repeat(200)} ${i}` }));
    github().on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } });
    await deliverAudit(testClient(), TARGET, resultOf(findings), { failOn: 'high', annotations: false });
    const { output } = github().requests[0].body as { output: { summary: string; text: string; annotations: unknown[] } };
    expect(output.annotations).toEqual([]);
    expect(output.text).toMatch(/> \d+ more findings do not fit here either; `segguard check` on the two commits lists them all\.\n$/);
    expect(output.text).not.toContain('annotated');
  });
});

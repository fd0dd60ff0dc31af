import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverAudit, deliverToPullRequest, gateConclusion, type DeliveryOptions } from '../../src/github/deliver.js';
import { findingMarker, SUMMARY_MARKER } from '../../src/github/markers.js';
import { MAX_REVIEW_COMMENTS } from '../../src/github/review.js';
import { finding, resultOf } from './helpers/findings.js';
import { expectWellFormedMarkdown } from './helpers/markdown.js';
import { GitHubMock, testClient } from './helpers/github-mock.js';

const TARGET = { owner: 'acme', repo: 'infra', pullNumber: 7, headSha: 'c'.repeat(40), baseSha: 'b'.repeat(40) };
const R = '/repos/acme/infra';
const PAGE1 = 'per_page=100&page=1';
const OPTIONS: DeliveryOptions = { failOn: 'high', comment: 'review', annotations: true };
const BOT = { login: 'github-actions[bot]', type: 'Bot' };

// policy.yaml: lines 3-6 are in the hunk (3 and 4 added); old.yaml was deleted (LEFT lines 1-5).
const FILES = [
  { filename: 'k8s/policy.yaml', status: 'modified', patch: '@@ -1,4 +1,6 @@\n a\n b\n+c\n+d\n e\n f' },
  { filename: 'k8s/old.yaml', status: 'removed', patch: '@@ -1,5 +0,0 @@\n-a\n-b\n-c\n-d\n-e' },
  { filename: 'logo.png', status: 'added' },
];

let mock: GitHubMock;
let log: string[];

beforeEach(() => {
  mock = new GitHubMock();
  log = [];
});

afterEach(() => {
  const { pending, violations } = mock.finish();
  expect(pending).toEqual([]);
  expect(violations).toEqual([]);
});

function scenario() {
  const onLine = finding('k8s/policy.yaml', 3, { severity: 'high' });
  const deleted = finding('k8s/old.yaml', 2, { side: 'base', severity: 'medium', ruleId: 'netpol-default-deny-removed' });
  const outside = finding('k8s/policy.yaml', 40, { severity: 'low' });
  const suppressed = finding('k8s/policy.yaml', 4, { severity: 'critical', suppressed: true });
  return { onLine, deleted, outside, suppressed, result: resultOf([onLine, deleted, outside, suppressed]) };
}

/** The requests of a first delivery to a PR: check run, files, no earlier comment, one review, a new sticky comment. */
function fullDelivery(): void {
  mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 11, html_url: 'https://github.com/acme/infra/runs/11' } })
    .on('GET', `${R}/pulls/7/files?${PAGE1}`, { body: FILES })
    .on('GET', `${R}/pulls/7/comments?${PAGE1}`, { body: [] })
    .on('POST', `${R}/pulls/7/reviews`, { body: { id: 21 } })
    .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] })
    .on('POST', `${R}/issues/7/comments`, { status: 201, body: { id: 31 } });
}

describe('deliverToPullRequest', () => {
  it('creates the check run, one review on diff lines (RIGHT and LEFT) and the sticky summary', async () => {
    const { onLine, deleted, outside, suppressed, result } = scenario();
    fullDelivery();

    const report = await deliverToPullRequest(testClient(log), TARGET, result, OPTIONS);

    expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${R}/check-runs`, `GET ${R}/pulls/7/files?${PAGE1}`, `GET ${R}/pulls/7/comments?${PAGE1}`,
      `POST ${R}/pulls/7/reviews`, `GET ${R}/issues/7/comments?${PAGE1}`, `POST ${R}/issues/7/comments`,
    ]);
    const [check, , , review, , sticky] = mock.requests;
    expect(check.body).toEqual({
      name: 'segguard', head_sha: TARGET.headSha, status: 'completed', conclusion: 'failure',
      output: {
        title: '❌ Blocks merge: 1 high, 1 medium, 1 low new openings (gate: high); 1 suppressed',
        // Locations link to their line at the commit of their side.
        summary: expect.stringContaining(`| [k8s/policy\\.yaml&#58;3](https://github.com/acme/infra/blob/${TARGET.headSha}/k8s/policy.yaml#L3) | Policy 1 now admits`),
        annotations: [
          { path: 'k8s/policy.yaml', start_line: 3, end_line: 3, annotation_level: 'failure', title: 'high: netpol-ingress-widened', message: onLine.message },
          { path: 'k8s/policy.yaml', start_line: 40, end_line: 40, annotation_level: 'warning', title: 'low: netpol-ingress-widened', message: outside.message },
        ],
      },
    });
    expect(review.body).toEqual({
      commit_id: TARGET.headSha, event: 'COMMENT', body: expect.stringContaining('2 new finding(s)'),
      comments: [
        { path: 'k8s/policy.yaml', line: 3, side: 'RIGHT', body: expect.stringContaining(findingMarker(onLine.fingerprint)) },
        { path: 'k8s/old.yaml', line: 2, side: 'LEFT', body: expect.stringContaining(findingMarker(deleted.fingerprint)) },
      ],
    });
    const stickyBody = (sticky.body as { body: string }).body;
    expect(stickyBody).toContain(SUMMARY_MARKER);
    expect(stickyBody).toContain('netpol\\-default\\-deny\\-removed');

    expect(report.conclusion).toBe('failure');
    expect(report.checkRun).toEqual({ id: 11, url: 'https://github.com/acme/infra/runs/11' });
    expect(report.channels.get(onLine)).toEqual(['check-run-summary', 'check-run-annotation', 'review-comment', 'summary-comment']);
    expect(report.channels.get(deleted)).toEqual(['check-run-summary', 'review-comment', 'summary-comment']);
    expect(report.channels.get(outside)).toEqual(['check-run-summary', 'check-run-annotation', 'summary-comment']);
    expect(report.channels.get(suppressed)).toEqual(['check-run-summary', 'summary-comment']);
    expect(report.undelivered).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(report.summaryComment).toBe('created');
  });

  it('retries 500 and 502 and then succeeds', async () => {
    const result = resultOf([finding('a.yaml', 1)]);
    mock.on('POST', `${R}/check-runs`, { status: 500, body: { message: 'Server Error' } })
      .on('POST', `${R}/check-runs`, { status: 502, body: { message: 'Bad Gateway' } })
      .on('POST', `${R}/check-runs`, { status: 201, body: { id: 12 } });
    const report = await deliverAudit(testClient(log), TARGET, result, { failOn: 'high', annotations: true });
    expect(mock.matching('POST', `${R}/check-runs`)).toHaveLength(3);
    expect(new Set(mock.requests.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(report.checkRun?.id).toBe(12);
    expect(report.failures).toEqual([]);
    expect(report.channels.get(result.findings[0])).toEqual(['check-run-summary', 'check-run-annotation']);
  });

  it('waits out a secondary rate limit (403 with retry-after) and then succeeds', async () => {
    const result = resultOf([finding('a.yaml', 1)]);
    mock.on('POST', `${R}/check-runs`, {
      status: 403, headers: { 'retry-after': '2' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    }).on('POST', `${R}/check-runs`, { status: 201, body: { id: 13 } });
    const report = await deliverAudit(testClient(log), TARGET, result, { failOn: 'high', annotations: true });
    expect(report.checkRun?.id).toBe(13);
    expect(log).toEqual(['GitHub secondary rate limit on POST /repos/{owner}/{repo}/check-runs: retrying in 2s']);
    expect(report.readOnly).toBe(false);
  });

  it('appends annotations 50 at a time: one create, then PATCHes', async () => {
    const findings = Array.from({ length: 120 }, (_, i) => finding('big.yaml', i + 1, { severity: 'medium' }));
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 14 } })
      .on('PATCH', `${R}/check-runs/14`, { body: { id: 14 } })
      .on('PATCH', `${R}/check-runs/14`, { body: { id: 14 } });
    const report = await deliverAudit(testClient(log), TARGET, resultOf(findings), { failOn: 'high', annotations: true });
    const sizes = mock.requests.map((r) => (r.body as { output: { annotations: unknown[] } }).output.annotations.length);
    expect(sizes).toEqual([50, 50, 20]);
    const lines = mock.requests.flatMap((r) => (r.body as { output: { annotations: { start_line: number }[] } }).output.annotations.map((a) => a.start_line));
    expect(lines).toEqual(findings.map((f) => f.location.line));
    expect(report.conclusion).toBe('success');
    expect(findings.every((f) => report.channels.get(f)!.includes('check-run-annotation'))).toBe(true);
  });

  it('sends the review again without its comments after a 422 and moves those findings to the summary', async () => {
    const { onLine, deleted, result } = scenario();
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 15 } })
      .on('GET', `${R}/pulls/7/files?${PAGE1}`, { body: FILES })
      .on('GET', `${R}/pulls/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/pulls/7/reviews`, { status: 422, body: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] } })
      .on('POST', `${R}/pulls/7/reviews`, { body: { id: 22 } })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/issues/7/comments`, { status: 201, body: { id: 32 } });
    const report = await deliverToPullRequest(testClient(log), TARGET, result, OPTIONS);
    const [first, second] = mock.matching('POST', `${R}/pulls/7/reviews`).map((r) => r.body as { comments: unknown[]; body: string });
    expect(first.comments).toHaveLength(2);
    expect(second.comments).toEqual([]);
    expect(second.body).toContain('Line could not be resolved');
    expect(report.review).toEqual({ id: 22, posted: 0, alreadyCommented: 0, movedToSummary: 2 });
    const sticky = (mock.matching('POST', `${R}/issues/7/comments`)[0].body as { body: string }).body;
    expect(sticky).toContain('2 finding(s) could not be commented on their line');
    for (const f of [onLine, deleted]) expect(report.channels.get(f)).toContain('summary-comment');
    expect(report.undelivered).toEqual([]);
  });

  it('reports a read-only token (403 on every write) and which findings reached nothing', async () => {
    const { result } = scenario();
    const denied = { status: 403, body: { message: 'Resource not accessible by integration' } };
    mock.on('POST', `${R}/check-runs`, denied)
      .on('GET', `${R}/pulls/7/files?${PAGE1}`, { body: FILES })
      .on('GET', `${R}/pulls/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/pulls/7/reviews`, denied)
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/issues/7/comments`, denied);
    const report = await deliverToPullRequest(testClient(), TARGET, result, { ...OPTIONS, log: (m) => log.push(m) });
    expect(report.readOnly).toBe(true);
    expect(report.failures.map((f) => [f.step, f.status])).toEqual([['check-run', 403], ['review', 403], ['summary-comment', 403]]);
    expect(report.undelivered).toEqual(result.findings);
    expect(log.some((l) => l.includes('Resource not accessible by integration'))).toBe(true);
  });

  it('reads PR files beyond the first page', async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => ({ filename: `f${i}.yaml`, status: 'added', patch: '@@ -0,0 +1,1 @@\n+a' }));
    const late = finding('late.yaml', 2);
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 16 } })
      .on('GET', `${R}/pulls/7/files?${PAGE1}`, { body: page1, headers: { link: `<https://api.github.com${R}/pulls/7/files?per_page=100&page=2>; rel="next"` } })
      .on('GET', `${R}/pulls/7/files?per_page=100&page=2`, { body: [{ filename: 'late.yaml', status: 'added', patch: '@@ -0,0 +1,3 @@\n+a\n+b\n+c' }] })
      .on('GET', `${R}/pulls/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/pulls/7/reviews`, { body: { id: 23 } })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/issues/7/comments`, { status: 201, body: { id: 33 } });
    const report = await deliverToPullRequest(testClient(log), TARGET, resultOf([late]), OPTIONS);
    const review = mock.matching('POST', `${R}/pulls/7/reviews`)[0].body as { comments: { path: string; line: number }[] };
    expect(review.comments.map((c) => [c.path, c.line])).toEqual([['late.yaml', 2]]);
    expect(report.channels.get(late)).toContain('review-comment');
  });

  it('finds its earlier comments beyond the first page and does not repeat them', async () => {
    const known = finding('k8s/policy.yaml', 3);
    const others = Array.from({ length: 100 }, (_, i) => ({ id: 1000 + i, body: 'lgtm', user: { login: 'dev', type: 'User' } }));
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 17 } })
      .on('GET', `${R}/pulls/7/files?${PAGE1}`, { body: FILES })
      .on('GET', `${R}/pulls/7/comments?${PAGE1}`, { body: others, headers: { link: `<https://api.github.com${R}/pulls/7/comments?per_page=100&page=2>; rel="next"` } })
      .on('GET', `${R}/pulls/7/comments?per_page=100&page=2`, { body: [{ id: 2000, body: `old\n${findingMarker(known.fingerprint)}`, user: BOT }] })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/issues/7/comments`, { status: 201, body: { id: 34 } });
    const report = await deliverToPullRequest(testClient(log), TARGET, resultOf([known]), OPTIONS);
    expect(mock.matching('POST', `${R}/pulls/7/reviews`)).toEqual([]);
    expect(report.review).toEqual({ posted: 0, alreadyCommented: 1, movedToSummary: 0 });
    expect(report.channels.get(known)).toContain('review-comment');
  });

  it('reruns idempotently: nothing new is posted, the summary is edited, a vanished finding is marked resolved', async () => {
    const { onLine, deleted, outside, result } = scenario();
    const gone = 'feedfacefeedface';
    const existing = [
      { id: 501, body: `a\n${findingMarker(onLine.fingerprint)}`, user: BOT },
      { id: 502, body: `b\n${findingMarker(deleted.fingerprint)}`, user: BOT },
      { id: 503, body: `c\n${findingMarker(gone)}`, user: BOT },
      // A human quoting a marker is neither trusted nor edited.
      { id: 504, body: `quote ${findingMarker('abababababababab')}`, user: { login: 'dev', type: 'User' } },
    ];
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 18 } })
      .on('GET', `${R}/pulls/7/files?${PAGE1}`, { body: FILES })
      .on('GET', `${R}/pulls/7/comments?${PAGE1}`, { body: existing })
      .on('PATCH', `${R}/pulls/comments/503`, { body: { id: 503 } })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [{ id: 77, body: `old summary\n${SUMMARY_MARKER}`, user: BOT }] })
      .on('PATCH', `${R}/issues/comments/77`, { body: { id: 77 } });
    const report = await deliverToPullRequest(testClient(log), TARGET, result, OPTIONS);
    expect(mock.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([`${R}/check-runs`]);
    const resolved = (mock.matching('PATCH', `${R}/pulls/comments/503`)[0].body as { body: string }).body;
    expect(resolved).toMatch(/^✅ \*\*Resolved\*\* in ccccccc/);
    expect(resolved).toContain('<!-- segguard:resolved -->');
    expect(report.resolvedComments).toBe(1);
    expect(report.summaryComment).toBe('updated');
    expect(report.channels.get(outside)).toEqual(['check-run-summary', 'check-run-annotation', 'summary-comment']);
    expect(report.review).toEqual({ posted: 0, alreadyCommented: 2, movedToSummary: 0 });
  });

  it('tells a PR that became clean, and creates no comment on a PR that always was', async () => {
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 19 } })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [{ id: 78, body: `x\n${SUMMARY_MARKER}`, user: BOT }] })
      .on('PATCH', `${R}/issues/comments/78`, { body: { id: 78 } })
      .on('POST', `${R}/check-runs`, { status: 201, body: { id: 20 } })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] });
    const clean = resultOf([]);
    const first = await deliverToPullRequest(testClient(log), TARGET, clean, { ...OPTIONS, comment: 'summary' });
    expect(first.summaryComment).toBe('updated');
    expect((mock.matching('PATCH', `${R}/issues/comments/78`)[0].body as { body: string }).body).toContain('No segmentation regressions');
    const second = await deliverToPullRequest(testClient(log), TARGET, clean, { ...OPTIONS, comment: 'summary' });
    expect(second.summaryComment).toBe('skipped');
    expect((mock.requests[0].body as { conclusion: string }).conclusion).toBe('success');
  });

  it('keeps bodies within GitHub limits and says what was cut', async () => {
    const findings = Array.from({ length: 600 }, (_, i) => finding(`dir/file-${i}.yaml`, 1, { severity: 'low', message: `${'x'.repeat(200)} ${i}` }));
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 40 } });
    for (let i = 0; i < 11; i++) mock.on('PATCH', `${R}/check-runs/40`, { body: { id: 40 } });
    const report = await deliverAudit(testClient(log), TARGET, resultOf(findings), { failOn: 'high', annotations: true });
    const { summary, text } = (mock.requests[0].body as { output: { summary: string; text: string } }).output;
    expect(summary.length).toBeLessThanOrEqual(65_535);
    expect(text.length).toBeLessThanOrEqual(65_535);
    const listed = (markdown: string) => findings.filter((f) => markdown.includes(`file\\-${f.location.path.slice(9, -5)}\\.yaml&#58;1](`));
    const inSummary = listed(summary);
    const inText = listed(text);
    expect(inSummary.length).toBeGreaterThan(0);
    // The findings the summary has no room for continue in the text, without repeats.
    expect(inText.length).toBeGreaterThan(0);
    expect(inText.filter((f) => inSummary.includes(f))).toEqual([]);
    expect(summary).toContain(`This summary lists ${inSummary.length} of 600 findings, the most severe first, to stay within 65,535 characters; the rest are listed below.`);
    const left = 600 - inSummary.length - inText.length;
    expect(left).toBeGreaterThan(0);
    expect(text).toContain(`${left} more findings do not fit here either; every head-side finding is annotated on its line`);
    expect(findings.filter((f) => report.channels.get(f)!.includes('check-run-summary'))).toEqual(findings.filter((f) => inSummary.includes(f) || inText.includes(f)));
    expectWellFormedMarkdown(summary);
    expectWellFormedMarkdown(text);
    expect(report.undelivered).toEqual([]);
  });

  it('stays within 20 requests for 300 changed files and 500 findings', async () => {
    const files = Array.from({ length: 300 }, (_, i) => ({ filename: `m/${i}.yaml`, status: 'modified', patch: '@@ -1,2 +1,3 @@\n a\n+b\n c' }));
    const findings = Array.from({ length: 500 }, (_, i) => finding(`m/${i % 300}.yaml`, 2 + (i % 2) * 10));
    const next = (page: number) => ({ link: `<https://api.github.com${R}/pulls/7/files?per_page=100&page=${page}>; rel="next"` });
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 50 } });
    for (let i = 0; i < 9; i++) mock.on('PATCH', `${R}/check-runs/50`, { body: { id: 50 } });
    mock.on('GET', `${R}/pulls/7/files?${PAGE1}`, { body: files.slice(0, 100), headers: next(2) })
      .on('GET', `${R}/pulls/7/files?per_page=100&page=2`, { body: files.slice(100, 200), headers: next(3) })
      .on('GET', `${R}/pulls/7/files?per_page=100&page=3`, { body: files.slice(200) })
      .on('GET', `${R}/pulls/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/pulls/7/reviews`, { body: { id: 51 } })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/issues/7/comments`, { status: 201, body: { id: 52 } });
    const report = await deliverToPullRequest(testClient(log), TARGET, resultOf(findings), OPTIONS);
    expect(mock.requests.length).toBe(17);
    // 250 findings are on diff lines: one review carries the 100 worst inline, and says so.
    const review = mock.matching('POST', `${R}/pulls/7/reviews`)[0].body as { body: string; comments: unknown[] };
    expect(review.comments).toHaveLength(MAX_REVIEW_COMMENTS);
    expect(review.body).toContain(`segguard found 250 new finding(s) on changed lines of ccccccc; the 100 most severe are commented inline (one review carries at most 100), the other 150 are not.`);
    expect(report.undelivered).toEqual([]);
  });
});

describe('edge cases', () => {
  it('creates the check run without annotations when GitHub refuses them (422)', async () => {
    const result = resultOf([finding('gone.yaml', 3)]);
    mock.on('POST', `${R}/check-runs`, { status: 422, body: { message: 'Validation Failed', errors: ['path is not in the commit'] } })
      .on('POST', `${R}/check-runs`, { status: 201, body: { id: 60 } });
    const report = await deliverAudit(testClient(), TARGET, result, { failOn: 'high', annotations: true, log: (m) => log.push(m) });
    const [refused, resent] = mock.requests.map((r) => (r.body as { output: { annotations: unknown[] } }).output.annotations);
    expect([refused.length, resent.length]).toEqual([1, 0]);
    expect(report.checkRun?.id).toBe(60);
    expect(report.channels.get(result.findings[0])).toEqual(['check-run-summary']);
    expect(log).toEqual(['segguard: GitHub refused some annotations (Validation Failed: path is not in the commit); the check run went on without them.']);
  });

  it('requests changes when configured and a new comment reaches the gate; comments LEFT on the old path of a renamed file', async () => {
    const renamedBase = finding('old/name.yaml', 2, { side: 'base', severity: 'critical' });
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 61 } })
      .on('GET', `${R}/pulls/7/files?${PAGE1}`, { body: [{ filename: 'new/name.yaml', previous_filename: 'old/name.yaml', status: 'renamed', patch: '@@ -1,3 +1,2 @@\n a\n-b\n c' }] })
      .on('GET', `${R}/pulls/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/pulls/7/reviews`, { body: { id: 62 } })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/issues/7/comments`, { status: 201, body: { id: 63 } });
    await deliverToPullRequest(testClient(), TARGET, resultOf([renamedBase]), { ...OPTIONS, reviewEvent: 'REQUEST_CHANGES' });
    const review = mock.matching('POST', `${R}/pulls/7/reviews`)[0].body as { event: string; comments: object[] };
    expect(review.event).toBe('REQUEST_CHANGES');
    expect(review.comments).toEqual([{ path: 'new/name.yaml', line: 2, side: 'LEFT', body: expect.stringContaining('**critical**') }]);
  });

  it('escapes what comes from the manifests in comment bodies', async () => {
    const evil = finding('a.yaml', 1, { message: 'Policy <img src=x onerror=alert(1)> for @admins in #12 [click](https://evil)' });
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 64 } })
      .on('GET', `${R}/pulls/7/files?${PAGE1}`, { body: [{ filename: 'a.yaml', status: 'added', patch: '@@ -0,0 +1,1 @@\n+a' }] })
      .on('GET', `${R}/pulls/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/pulls/7/reviews`, { body: { id: 65 } })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/issues/7/comments`, { status: 201, body: { id: 66 } });
    await deliverToPullRequest(testClient(), TARGET, resultOf([evil]), OPTIONS);
    const comment = (mock.matching('POST', `${R}/pulls/7/reviews`)[0].body as { comments: { body: string }[] }).comments[0].body;
    expect(comment).not.toContain('<img');
    expect(comment).not.toContain('@admins');
    expect(comment).not.toContain('[click](https');
    expect(comment).toContain('\\[click\\]');
  });
});

describe('gateConclusion', () => {
  it('fails at the gate, is neutral with only suppressed or info findings, succeeds otherwise', () => {
    expect(gateConclusion([finding('a', 1, { severity: 'high' })], 'high')).toBe('failure');
    expect(gateConclusion([finding('a', 1, { severity: 'medium' })], 'high')).toBe('success');
    expect(gateConclusion([finding('a', 1, { severity: 'critical', suppressed: true })], 'high')).toBe('neutral');
    expect(gateConclusion([finding('a', 1, { severity: 'info' })], 'high')).toBe('neutral');
    expect(gateConclusion([finding('a', 1, { severity: 'critical' })], 'none')).toBe('success');
    expect(gateConclusion([], 'high')).toBe('success');
  });
});

describe('one change, one comment', () => {
  /** A widened ipBlock (line 4) and the connection it opens (lines 3-4), linked as the same change by the analysis. */
  function sameCause() {
    const widened = finding('k8s/policy.yaml', 4, { severity: 'critical', ruleId: 'netpol-ipblock-widened' });
    const opened = { ...finding('k8s/policy.yaml', 3, { severity: 'critical', ruleId: 'connectivity-added' }), resource: widened.resource,
      edges: [{ source: { name: '0.0.0.0-9.255.255.255[External]', type: 'external' as const }, destination: { name: 'shop/web[Deployment]', type: 'workload' as const }, ports: 'TCP 80' }] };
    widened.related.push({ ...opened.location, message: 'the same change, reported by connectivity-added' });
    opened.related.push({ ...widened.location, message: 'the same change, reported by netpol-ipblock-widened' });
    return { widened, opened, result: resultOf([opened, widened]) };
  }

  it('is one annotation, one review comment and one summary entry naming both rules; both findings count and reach every channel', async () => {
    const { widened, opened, result } = sameCause();
    fullDelivery();
    const report = await deliverToPullRequest(testClient(log), TARGET, result, OPTIONS);
    const [check, , , review, , sticky] = mock.requests;
    const output = (check.body as { output: { title: string; annotations: { title: string; start_line: number; end_line: number; message: string }[] } }).output;
    expect(output.title).toBe('❌ Blocks merge: 2 critical new openings (gate: high)');
    expect(output.annotations).toEqual([expect.objectContaining({ title: 'critical: netpol-ipblock-widened, connectivity-added', start_line: 3, end_line: 4 })]);
    expect(output.annotations[0].message).toBe(`netpol-ipblock-widened: ${widened.message}\n\nconnectivity-added: ${opened.message}`);
    const comments = (review.body as { comments: { line: number; body: string }[] }).comments;
    expect(comments).toHaveLength(1);
    expect(comments[0].line).toBe(4);
    expect(comments[0].body).toContain(`${findingMarker(widened.fingerprint)}\n${findingMarker(opened.fingerprint)}`);
    const summary = (sticky.body as { body: string }).body;
    expect(summary.split('\n').filter((l) => l.startsWith('- **critical**'))).toHaveLength(1);
    expect(summary).toMatch(/^- \*\*critical\*\* .* · \[k8s\/policy\\\.yaml&#58;4\]\(https:\/\/github\.com\/acme\/infra\/blob\/c{40}\/k8s\/policy\.yaml#L4\) · \[netpol\\-ipblock\\-widened\]\([^)]+\), \[connectivity\\-added\]/m);
    for (const f of [widened, opened]) expect(report.channels.get(f)).toEqual(['check-run-summary', 'check-run-annotation', 'review-comment', 'summary-comment']);
  });

  it('is not commented again when an earlier run commented the cause, and resolves a cause comment only when none of its findings is left', async () => {
    const { widened, opened, result } = sameCause();
    const earlier = { id: 5, user: BOT, body: `old\n\n${findingMarker(widened.fingerprint)}\n${findingMarker(opened.fingerprint)}` };
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 11 } })
      .on('GET', `${R}/pulls/7/files?${PAGE1}`, { body: FILES })
      .on('GET', `${R}/pulls/7/comments?${PAGE1}`, { body: [earlier] })
      .on('GET', `${R}/issues/7/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/issues/7/comments`, { status: 201, body: { id: 31 } });
    const report = await deliverToPullRequest(testClient(log), TARGET, result, OPTIONS);
    expect(report.review).toMatchObject({ posted: 0, alreadyCommented: 2 });
    expect(report.resolvedComments).toBe(0);
    expect(mock.matching('POST', `${R}/pulls/7/reviews`)).toEqual([]);
  });
});

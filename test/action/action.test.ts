import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAction, type ActionOutcome } from '../../src/action/run.js';
import { planRun, type RunContext } from '../../src/action/event.js';
import { findingMarker } from '../../src/github/markers.js';
import { causesOf } from '../../src/findings/causes.js';
import { GitHubMock, testClient } from '../github/helpers/github-mock.js';
import { apiTree, emptyRepo, forkPayload, graphqlBlobs, gitIn, MANIFESTS, makeRepo, OPENED_API, OWNER, prPayload, pullFiles, pushPayload, readOutputs, REPO, reviewPayload, shallowClone, stepEnv,
  type TestRepo } from './helpers.js';
import { webPolicy, WIDEN_IDS, WORKLOADS } from '../helpers/suppression-fixtures.js';
import { makeTempDir } from '../helpers/temp.js';
import { WEB_DEPLOYMENT, WEB_NETPOL } from '../helpers/render.js';
import { renderTools } from '../helpers/render-tools.js';

const R = `/repos/${OWNER}/${REPO}`;
const PAGE1 = 'per_page=100&page=1';
const BOT = { login: 'github-actions[bot]', type: 'Bot' };

let mock: GitHubMock;
let stdout: string[];
let step: ReturnType<typeof stepEnv>;

function scenario(): TestRepo {
  return makeRepo(
    { 'k8s/deny.yaml': MANIFESTS.deny, 'k8s/api.yaml': MANIFESTS.api, '.github/segguard.yml': 'rules:\n  netpol-mutable-namespace-label: off\n' },
    { 'k8s/deny.yaml': null, 'k8s/api.yaml': OPENED_API, 'k8s/ingress.yaml': MANIFESTS.ingress(1) },
  );
}

function context(eventName: string, payload: Record<string, unknown>, sha: string): RunContext {
  return { eventName, sha, repo: { owner: OWNER, repo: REPO }, payload };
}

async function run(ctx: RunContext, workspace: string, inputs: Record<string, string> = {}): Promise<ActionOutcome> {
  step = stepEnv(inputs);
  return runAction(ctx, { client: testClient(), workspace });
}

/** Every finding reached at least one channel where a person can see it. */
function expectAllDelivered(outcome: ActionOutcome): void {
  expect(outcome.result!.findings.length).toBeGreaterThan(0);
  const lost = outcome.result!.findings.filter((f) => outcome.channels.get(f)!.length === 0);
  expect(lost).toEqual([]);
}

/** The mocks of a full pull-request delivery; `overrides` replaces the replies of some of them. */
function prMocks(repo: TestRepo, pull: number, overrides: Partial<Record<'check' | 'review' | 'sticky', { status: number; body: unknown; times?: number }>> = {}) {
  const reply = (key: 'check' | 'review' | 'sticky', ok: { status: number; body: unknown; times?: number }) => {
    const o = overrides[key] ?? ok;
    return Array.from({ length: o.times ?? 1 }, () => o);
  };
  for (const r of reply('check', { status: 201, body: { id: 1 } })) mock.on('POST', `${R}/check-runs`, r);
  mock.on('GET', `${R}/pulls/${pull}/files?${PAGE1}`, { body: pullFiles(repo) })
    .on('GET', `${R}/pulls/${pull}/comments?${PAGE1}`, { body: [] });
  for (const r of reply('review', { status: 200, body: { id: 2 } })) mock.on('POST', `${R}/pulls/${pull}/reviews`, r);
  if (overrides.review?.status === 422) mock.on('POST', `${R}/pulls/${pull}/reviews`, { status: 200, body: { id: 3 } });
  mock.on('GET', `${R}/issues/${pull}/comments?${PAGE1}`, { body: [] });
  for (const r of reply('sticky', { status: 201, body: { id: 4 } })) mock.on('POST', `${R}/issues/${pull}/comments`, r);
}

beforeEach(() => {
  mock = new GitHubMock();
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  step?.restore();
  process.exitCode = undefined;
  const { pending, violations } = mock.finish();
  expect(pending).toEqual([]);
  expect(violations).toEqual([]);
});

describe('the Action on pull_request', () => {
  it('reviews a PR from its checkout: check run, review with RIGHT and LEFT comments, summary comment, outputs, gate', async () => {
    const repo = scenario();
    prMocks(repo, 2);
    const outcome = await run(context('pull_request', prPayload('synchronize', repo), 'f'.repeat(40)), repo.origin);

    expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${R}/check-runs`, `GET ${R}/pulls/2/files?${PAGE1}`, `GET ${R}/pulls/2/comments?${PAGE1}`,
      `POST ${R}/pulls/2/reviews`, `GET ${R}/issues/2/comments?${PAGE1}`, `POST ${R}/issues/2/comments`,
    ]);
    const check = mock.requests[0].body as { head_sha: string; conclusion: string; output: { title: string; annotations: unknown[] } };
    expect(check.head_sha).toBe(repo.head);
    expect(check.conclusion).toBe('failure');
    const { counts } = outcome.result!.summary;
    expect(check.output.title).toBe(`❌ Blocks merge: ${counts.critical} critical, ${counts.high} high, ${counts.info} info new openings (gate: high)`);
    // One annotation per cause: the findings of one edit are one annotation naming every rule.
    const causes = causesOf(outcome.result!.findings.filter((f) => f.location.side === 'head'));
    expect(check.output.annotations).toHaveLength(causes.length);
    const peer = causes.find((c) => c.ruleIds.includes('netpol-all-namespaces-peer'))!;
    expect(check.output.annotations).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'k8s/api.yaml', start_line: 11, annotation_level: 'failure', title: `${peer.severity}: ${peer.ruleIds.join(', ')}` }),
      expect.objectContaining({ path: 'k8s/ingress.yaml', start_line: 11, annotation_level: 'notice', title: 'info: ingress-new-route' }),
    ]));
    const review = mock.requests[3].body as { commit_id: string; event: string; comments: { path: string; line: number; side: string; body: string }[] };
    expect(review.commit_id).toBe(repo.head);
    expect(review.event).toBe('COMMENT');
    const byRule = Object.fromEntries(outcome.result!.findings.map((f) => [f.ruleId, f]));
    expect(review.comments).toEqual(expect.arrayContaining([
      { path: 'k8s/api.yaml', line: 11, side: 'RIGHT', body: expect.stringContaining(findingMarker(byRule['netpol-all-namespaces-peer'].fingerprint)) },
      { path: 'k8s/deny.yaml', line: 1, side: 'LEFT', body: expect.stringContaining(findingMarker(byRule['netpol-default-deny-removed'].fingerprint)) },
      { path: 'k8s/ingress.yaml', line: 11, side: 'RIGHT', body: expect.stringContaining(findingMarker(byRule['ingress-new-route'].fingerprint)) },
    ]));
    // Only lines inside the PR's hunks, on their side.
    expect(review.comments.every((c) => (c.side === 'LEFT') === (c.path === 'k8s/deny.yaml'))).toBe(true);

    expect(readOutputs(step.outputFile)).toEqual({
      findings: String(outcome.result!.findings.length), critical: String(counts.critical), high: String(counts.high), conclusion: 'failure',
    });
    expect(readFileSync(step.summaryFile, 'utf8')).toContain('netpol\\-default\\-deny\\-removed');
    // The job summary links locations to their lines at the analyzed commits.
    expect(readFileSync(step.summaryFile, 'utf8')).toContain(`](https://github.com/${OWNER}/${REPO}/blob/${repo.head}/k8s/api.yaml#L11)`);
    expect(process.exitCode).toBe(1);
    expect(stdout.join('')).toContain('::error::segguard: findings at or above "high"');
    // The check run worked, so no workflow-command annotations duplicate it.
    expect(stdout.join('')).not.toContain('::error file=');
    expectAllDelivered(outcome);
  });

  it('fetches the missing base shallowly and asks GitHub for the merge base when the history is shallow', async () => {
    const repo = scenario();
    // A checkout of the head alone, one commit deep: the base must be fetched, the merge base asked for.
    const workspace = emptyRepo(repo);
    gitIn(workspace, 'fetch', '-q', '--depth=1', 'origin', 'patch-1');
    gitIn(workspace, 'checkout', '-q', 'FETCH_HEAD');
    expect(() => gitIn(workspace, 'cat-file', '-e', repo.base)).toThrow();
    mock.on('GET', `${R}/compare/${repo.base}...${repo.head}?per_page=1`, { body: { merge_base_commit: { sha: repo.base } } });
    prMocks(repo, 2);
    const outcome = await run(context('pull_request', prPayload('opened', repo), 'f'.repeat(40)), workspace);
    expect(outcome.result!.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['netpol-all-namespaces-peer', 'netpol-default-deny-removed', 'ingress-new-route']));
    expect(stdout.join('')).toContain(`${repo.base} is not in the checkout; fetching ${repo.base} (depth 1)`);
  });

  it('falls back to workflow annotations and the job summary on a fork PR (read-only token), and fails the step', async () => {
    const repo = scenario();
    const denied = { status: 403, body: { message: 'Resource not accessible by integration' } };
    prMocks(repo, 12, { check: denied, review: denied, sticky: denied });
    const outcome = await run(context('pull_request', forkPayload(repo), 'f'.repeat(40)), repo.origin);
    const out = stdout.join('');
    expect(out).toContain('::warning::segguard: GitHub refused to write to this pull request (403: the token is read-only');
    expect(out).toMatch(/::error title=high%3A netpol-all-namespaces-peer,file=k8s\/api\.yaml,line=11,endLine=11::NetworkPolicy shop\/api/);
    expect(out).toMatch(/::notice title=info%3A ingress-new-route,file=k8s\/ingress\.yaml,line=11,endLine=11::/);
    // Base-side findings (the deleted default deny) have no head line: they are in the job summary.
    expect(out).not.toMatch(/::\w+ title=[^:]*netpol-default-deny-removed/);
    const summary = readFileSync(step.summaryFile, 'utf8');
    expect(summary).toContain('Resource not accessible by integration');
    expect(summary).toContain('netpol\\-default\\-deny\\-removed');
    expect(outcome.delivery!.readOnly).toBe(true);
    expect(readOutputs(step.outputFile).conclusion).toBe('failure');
    expect(process.exitCode).toBe(1);
    expectAllDelivered(outcome);
  });

  it.each([
    ['GitHub down (500 on every write, retries exhausted)', { status: 500, body: { message: 'Server Error' }, times: 4 }],
    ['read-only token (403)', { status: 403, body: { message: 'Resource not accessible by integration' } }],
  ])('loses no finding when %s', async (_name, failure) => {
    const repo = scenario();
    prMocks(repo, 2, { check: failure, review: failure, sticky: failure });
    const outcome = await run(context('pull_request', prPayload('reopened', repo), 'f'.repeat(40)), repo.origin);
    expect(outcome.delivery!.failures.map((f) => f.step)).toEqual(['check-run', 'review', 'summary-comment']);
    expectAllDelivered(outcome);
    for (const f of outcome.result!.findings) expect(outcome.channels.get(f)).toContain('job-summary');
  });

  it('loses no finding when the review is refused (422) or only the check run works', async () => {
    const repo = scenario();
    prMocks(repo, 2, { review: { status: 422, body: { message: 'Unprocessable Entity', errors: ['Pull request review thread line must be part of the diff'] } } });
    const outcome = await run(context('pull_request', prPayload('ready_for_review', repo), 'f'.repeat(40)), repo.origin);
    const [refused, resent] = mock.matching('POST', `${R}/pulls/2/reviews`).map((r) => r.body as { comments: unknown[] });
    expect(refused.comments.length).toBeGreaterThan(0);
    expect(resent.comments).toEqual([]);
    expect(outcome.delivery!.review?.movedToSummary).toBe(refused.comments.length);
    for (const f of outcome.result!.findings) expect(outcome.channels.get(f)).toContain('summary-comment');
    expectAllDelivered(outcome);
  });

  it('reads the configuration from the base branch, not from the PR', async () => {
    const repo = makeRepo(
      { 'k8s/api.yaml': MANIFESTS.api, '.github/segguard.yml': 'rules:\n  ingress-new-route: off\n' },
      { 'k8s/ingress.yaml': MANIFESTS.ingress(1), '.github/segguard.yml': 'rules:\n  ingress-new-route: critical\n' },
    );
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } });
    const outcome = await run(context('pull_request', prPayload('opened', repo), 'f'.repeat(40)), repo.origin, { comment: 'none' });
    expect(outcome.result!.findings).toEqual([]);
    expect((mock.requests[0].body as { conclusion: string }).conclusion).toBe('success');
  });
});

describe('the Action when the selection reads nothing', () => {
  it('fails the check and says which commit read nothing and which globs did it, in the check run, the log and the job summary', async () => {
    const repo = makeRepo(
      { 'k8s/api.yaml': MANIFESTS.api, '.github/segguard.yml': 'include: ["deploy/**"]\n' },
      { 'k8s/api.yaml': OPENED_API },
    );
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } });
    const outcome = await run(context('pull_request', prPayload('opened', repo), 'f'.repeat(40)), repo.origin, { comment: 'none' });
    expect(outcome.result!.findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.line}`)).toEqual(['manifest-none-read .github/segguard.yml:1']);
    const body = mock.requests[0].body as { conclusion: string; output: { summary: string } };
    expect(body.conclusion).toBe('failure');
    expect(body.output.summary).toContain('> [!WARNING]\n> The head \\(commit');
    expect(body.output.summary).toContain('include \\[deploy/\\*\\*\\]');
    expect(stdout.join('')).toContain(`::warning::segguard: The head (commit ${repo.head.slice(0, 12)}) has 2 files (2 named .yaml, .yml or .json) but reads none of them: include [deploy/**]`);
    expect(stdout.join('')).toContain('(from .github/segguard.yml (');
    expect(readFileSync(step.summaryFile, 'utf8')).toContain('manifest\\-none\\-read');
  });
});

describe('the Action on pull_request_target', () => {
  it('reads the head as git objects only: the workspace stays on the base', async () => {
    const repo = scenario();
    const workspace = shallowClone(repo);
    mock.on('GET', `${R}/compare/${repo.base}...${repo.head}?per_page=1`, { body: { merge_base_commit: { sha: repo.base } } });
    prMocks(repo, 2);
    const outcome = await run(context('pull_request_target', prPayload('synchronize', repo), repo.base), workspace);
    expect(outcome.result!.findings.map((f) => f.ruleId)).toContain('netpol-default-deny-removed');
    expect(gitIn(workspace, 'rev-parse', 'HEAD')).toBe(repo.base);
    expect(gitIn(workspace, 'status', '--porcelain')).toBe('');
    expect(readFileSync(`${workspace}/k8s/api.yaml`, 'utf8')).toBe(MANIFESTS.api);
  });
});

describe('the Action on push', () => {
  it('audits the head state: check run and job summary, no pull request comments', async () => {
    const repo = scenario();
    const payload = pushPayload();
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 9 } });
    const outcome = await run(context('push', payload, repo.head), repo.origin);
    expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${R}/check-runs`]);
    expect((mock.requests[0].body as { head_sha: string }).head_sha).toBe(repo.head);
    // The head state with the audit rules (segguard audit): the Ingress's catch-all path, not the diff rules.
    const ids = outcome.result!.findings.map((f) => f.ruleId);
    expect(ids).toContain('ingress-catch-all-path');
    expect(ids).not.toContain('ingress-new-route');
    expect(readFileSync(step.summaryFile, 'utf8')).toContain('ingress\\-catch\\-all\\-path');
    expectAllDelivered(outcome);
  });
});

const SELF_SUPPRESSED = webPolicy('0.0.0.0/0', `${WIDEN_IDS}: fine`);

/** The PR of issue 9: it widens an ipBlock to 0.0.0.0/0 and suppresses its own findings on the same object. */
function selfSuppressing(config: string): TestRepo {
  return makeRepo(
    { 'k8s/web.yaml': WORKLOADS, 'k8s/np.yaml': webPolicy('10.0.0.0/24'), '.github/segguard.yml': config },
    { 'k8s/np.yaml': SELF_SUPPRESSED },
  );
}

const APPROVERS = 'suppressions:\n  approvers: [alice, acme/security]\n';

/** PR #2's delivery when every finding is suppressed: nothing to comment on, and no summary comment to start. */
function cleanDeliveryMocks(repo: TestRepo): void {
  mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } })
    .on('GET', `${R}/pulls/2/files?${PAGE1}`, { body: pullFiles(repo) })
    .on('GET', `${R}/pulls/2/comments?${PAGE1}`, { body: [] })
    .on('GET', `${R}/issues/2/comments?${PAGE1}`, { body: [] });
}

const review = (login: string, state: string, commitId: string) => ({ id: 1, user: { login, type: 'User' }, state, commit_id: commitId, body: '' });

type CheckRun = { conclusion: string; output: { title: string; summary: string; annotations: { message: string }[] } };
const checkRun = () => mock.matching('POST', `${R}/check-runs`)[0].body as CheckRun;

describe('a PR cannot silence its own regression', () => {
  it('fails the gate and says, in every channel, that a suppression is proposed', async () => {
    const repo = selfSuppressing('fail-on: high\n');
    prMocks(repo, 2);
    const outcome = await run(context('pull_request', prPayload('opened', repo), 'f'.repeat(40)), repo.origin);

    const check = checkRun();
    expect(check.conclusion).toBe('failure');
    expect(check.output.title).toMatch(/^❌ Blocks merge: .*; \d+ with a proposed suppression, counted until approved$/);
    expect(check.output.summary.split('\n')[0]).toBe(`### ${check.output.title}`);
    expect(check.output.summary).toContain('#### Proposed suppressions (not applied)');
    expect(check.output.annotations.length).toBeGreaterThan(0);
    for (const a of check.output.annotations) expect(a.message).toMatch(/^proposed suppression: segguard\.io\/ignore "fine" at k8s\/np\.yaml:7 would silence: /);
    const comments = (mock.matching('POST', `${R}/pulls/2/reviews`)[0].body as { comments: { body: string }[] }).comments;
    expect(comments.length).toBeGreaterThan(0);
    for (const c of comments) expect(c.body).toMatch(/^> \[!WARNING\]\n> proposed suppression: /);
    const sticky = mock.matching('POST', `${R}/issues/2/comments`)[0].body as { body: string };
    expect(sticky.body).toContain('#### Proposed suppressions (not applied)');
    expect(readFileSync(step.summaryFile, 'utf8')).toContain('#### Proposed suppressions (not applied)');
    expect(outcome.result!.summary).toMatchObject({ suppressed: 0, proposed: outcome.result!.findings.length });
    expect(process.exitCode).toBe(1);
    // No approvers are configured: the reviews are not even read.
    expect(mock.matching('GET', `${R}/pulls/2/reviews`)).toEqual([]);
  });
});

describe('approvals on pull_request_review', () => {
  it('an approval on the current head from a listed user applies the proposed suppressions', async () => {
    const repo = selfSuppressing(APPROVERS);
    // mallory is not listed: a listed login's approval settles it without any team lookup.
    mock.on('GET', `${R}/pulls/2/reviews?${PAGE1}`, { body: [review('mallory', 'APPROVED', repo.head), review('alice', 'APPROVED', repo.head)] });
    cleanDeliveryMocks(repo);
    const outcome = await run(context('pull_request_review', reviewPayload('submitted', repo), 'f'.repeat(40)), repo.origin);
    expect(outcome.result!.findings.length).toBeGreaterThan(0);
    expect(outcome.result!.findings.map((f) => [f.ruleId, f.suppressed?.approvedBy])).toEqual([['connectivity-added', ['alice']], ['netpol-ipblock-widened', ['alice']]]);
    expect(checkRun().conclusion).toBe('neutral');
    expect(outcome.result!.summary.notes).toContain('2 findings carry a suppression this change proposes; applied: approved on the current head by alice.');
    expect(checkRun().output.summary).toContain('applied&#58; approved on the current head by alice\\.');
    expect(process.exitCode).toBeUndefined();
  });

  it('a team member counts (active membership); 404 is no member', async () => {
    const repo = selfSuppressing(APPROVERS);
    mock.on('GET', `${R}/pulls/2/reviews?${PAGE1}`, { body: [review('bob', 'APPROVED', repo.head), review('carol', 'APPROVED', repo.head)] })
      .on('GET', '/orgs/acme/teams/security/memberships/bob', { status: 404, body: { message: 'Not Found' } })
      .on('GET', '/orgs/acme/teams/security/memberships/carol', { body: { state: 'active', role: 'member', url: 'https://api.github.com/teams/1/memberships/carol' } });
    cleanDeliveryMocks(repo);
    const outcome = await run(context('pull_request_review', reviewPayload('submitted', repo), 'f'.repeat(40)), repo.origin);
    expect(outcome.result!.findings.every((f) => f.suppressed?.approvedBy?.join() === 'carol (acme/security)')).toBe(true);
    expect(checkRun().conclusion).toBe('neutral');
  });

  it('an approval of an older commit, a later "changes requested" or a dismissal does not count', async () => {
    const repo = selfSuppressing(APPROVERS);
    mock.on('GET', `${R}/pulls/2/reviews?${PAGE1}`, {
      body: [
        review('alice', 'APPROVED', repo.head), review('alice', 'CHANGES_REQUESTED', repo.head),
        review('acme', 'APPROVED', repo.base),
        review('carol', 'DISMISSED', repo.head),
      ],
    });
    prMocks(repo, 2);
    const outcome = await run(context('pull_request_review', reviewPayload('dismissed', repo), 'f'.repeat(40)), repo.origin);
    expect(outcome.result!.findings.filter((f) => f.suppressed)).toEqual([]);
    expect(checkRun().conclusion).toBe('failure');
    expect(outcome.result!.summary.notes?.at(-1)).toMatch(/until it is merged or one of suppressions\.approvers \(alice, acme\/security\) approves the current head\.$/);
    expect(checkRun().output.summary).toContain('one of suppressions\\.approvers \\(alice, acme/security\\) approves the current head\\.');
  });

  it('fails closed when the reviews cannot be read, and says why', async () => {
    const repo = selfSuppressing(APPROVERS);
    mock.on('GET', `${R}/pulls/2/reviews?${PAGE1}`, { status: 403, body: { message: 'Resource not accessible by integration' } });
    prMocks(repo, 2);
    const outcome = await run(context('pull_request_review', reviewPayload('submitted', repo), 'f'.repeat(40)), repo.origin);
    expect(outcome.result!.findings.filter((f) => f.suppressed)).toEqual([]);
    expect(checkRun().conclusion).toBe('failure');
    expect(outcome.result!.summary.notes?.at(-1)).toMatch(/The approving reviews could not be read \(HTTP 403: Resource not accessible by integration\), so none is applied\.$/);
    expect(checkRun().output.summary).toContain('The approving reviews could not be read \\(HTTP 403&#58; Resource not accessible by integration\\), so none is applied\\.');
  });

  it('fails closed when a team membership lookup fails with anything but 404', async () => {
    const repo = selfSuppressing(APPROVERS);
    mock.on('GET', `${R}/pulls/2/reviews?${PAGE1}`, { body: [review('carol', 'APPROVED', repo.head)] })
      .on('GET', '/orgs/acme/teams/security/memberships/carol', { status: 403, body: { message: 'Resource not accessible by integration' } });
    prMocks(repo, 2);
    const outcome = await run(context('pull_request_review', reviewPayload('submitted', repo), 'f'.repeat(40)), repo.origin);
    expect(outcome.result!.findings.filter((f) => f.suppressed)).toEqual([]);
    expect(checkRun().conclusion).toBe('failure');
  });
});

describe('planRun on pull_request_review', () => {
  it('judges the pull request again like a push; a review on a closed pull request does nothing', () => {
    const repo = { origin: '', base: 'b'.repeat(40), head: 'h'.repeat(40) };
    expect(planRun(context('pull_request_review', reviewPayload('submitted', repo), 'f'.repeat(40)))).toMatchObject({
      mode: 'pull-request', pullNumber: 2, baseSha: repo.base, headSha: repo.head, fork: false, target: false,
    });
    const closed = reviewPayload('dismissed', repo);
    (closed.pull_request as { state: string }).state = 'closed';
    expect(planRun(context('pull_request_review', closed, 'f'.repeat(40)))).toEqual({ mode: 'skip', reason: 'the pull request is closed' });
  });
});

describe('the request budget', () => {
  it('reviews 300 changed manifest files with 500 findings in at most 20 requests', async () => {
    const head: Record<string, string> = {};
    for (let i = 0; i < 300; i++) {
      // 200 files with two new Ingresses, 100 with one: 500 new routes.
      head[`apps/app-${i}.yaml`] = i < 200 ? `${MANIFESTS.ingress(i, `a-${i}`)}---\n${MANIFESTS.ingress(i + 1000, `b-${i}`)}` : MANIFESTS.ingress(i, `a-${i}`);
    }
    const repo = makeRepo({ 'README.md': 'x\n' }, head);
    const files = pullFiles(repo);
    expect(files).toHaveLength(300);
    const next = (page: number) => ({ link: `<https://api.github.com${R}/pulls/2/files?per_page=100&page=${page}>; rel="next"` });
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } });
    for (let i = 0; i < 9; i++) mock.on('PATCH', `${R}/check-runs/1`, { body: { id: 1 } });
    mock.on('GET', `${R}/pulls/2/files?${PAGE1}`, { body: files.slice(0, 100), headers: next(2) })
      .on('GET', `${R}/pulls/2/files?per_page=100&page=2`, { body: files.slice(100, 200), headers: next(3) })
      .on('GET', `${R}/pulls/2/files?per_page=100&page=3`, { body: files.slice(200) })
      .on('GET', `${R}/pulls/2/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/pulls/2/reviews`, { body: { id: 2 } })
      .on('GET', `${R}/issues/2/comments?${PAGE1}`, { body: [{ id: 5, body: 'x <!-- segguard:summary -->', user: BOT }] })
      .on('PATCH', `${R}/issues/comments/5`, { body: { id: 5 } });
    const outcome = await run(context('pull_request', prPayload('synchronize', repo), 'f'.repeat(40)), repo.origin);
    expect(outcome.result!.findings).toHaveLength(500);
    expect(mock.requests.length).toBeLessThanOrEqual(20);
    expect(mock.requests).toHaveLength(17);
    expectAllDelivered(outcome);
    // A whole Action run on 300 files takes about 13 s when the machine is busy: the request count is the subject here.
  }, 90_000);
});

describe('the Action without a checkout', () => {
  it('reads both sides and the configuration through the API', async () => {
    const repo = scenario();
    const workspace = makeTempDir('segguard-empty-');
    mock.on('GET', `${R}/compare/${repo.base}...${repo.head}?per_page=1`, { body: { merge_base_commit: { sha: repo.base } } })
      .on('GET', `${R}/contents/.github%2Fsegguard.yml?ref=${repo.base}`, {
        body: 'fail-on: critical\n', headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' },
      })
      .on('GET', `${R}/git/trees/${repo.head}?recursive=1`, { body: apiTree(repo, repo.head) })
      .on('GET', `${R}/git/trees/${repo.base}?recursive=1`, { body: apiTree(repo, repo.base) })
      .on('POST', '/graphql', { body: graphqlBlobs(repo) })
      .on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } });
    const outcome = await run(context('pull_request', prPayload('opened', repo), 'f'.repeat(40)), workspace, { comment: 'none' });
    expect(stdout.join('')).toContain('no git checkout');
    expect(outcome.result!.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['netpol-all-namespaces-peer', 'netpol-default-deny-removed', 'ingress-new-route']));
    expect(outcome.result!.summary.files).toEqual({ base: 3, head: 3 });
    // The base's configuration was read: its gate is critical, and criticals there are.
    expect(outcome.result!.summary.counts.critical).toBeGreaterThan(0);
    expect(stdout.join('')).toContain('findings at or above "critical"');
  });
});

const { kubectl, helm } = renderTools();
const CHART = {
  '.github/segguard.yml': `render:\n  tools:\n    kustomize: ${kubectl}\n    helm: ${helm}\n`,
  'charts/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n',
  'charts/shop/values.yaml': 'networkPolicy:\n  enabled: true\n',
  'charts/shop/templates/_helpers.tpl': '{{- define "shop.web" -}}{{ .Release.Name }}-web{{- end -}}\n',
  'charts/shop/templates/deploy.yaml': WEB_DEPLOYMENT.replace('name: web', 'name: {{ include "shop.web" . }}'),
  'charts/shop/templates/np.yaml': `{{- if .Values.networkPolicy.enabled }}\n${WEB_NETPOL.replace('name: web', 'name: {{ include "shop.web" . }}')}{{- end }}\n`,
};

describe('the Action renders Helm charts and Kustomize overlays', () => {
  it('renders both commits from git objects, in a temporary directory, and finds what the values change removes', async () => {
    const repo = makeRepo(CHART, { 'charts/shop/values.yaml': 'networkPolicy:\n  enabled: false\n' });
    const workspace = shallowClone(repo);
    mock.on('GET', `${R}/compare/${repo.base}...${repo.head}?per_page=1`, { body: { merge_base_commit: { sha: repo.base } } });
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } })
      .on('GET', `${R}/pulls/2/files?${PAGE1}`, { body: pullFiles(repo) })
      .on('GET', `${R}/pulls/2/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/pulls/2/reviews`, { status: 200, body: { id: 2 } })
      .on('GET', `${R}/issues/2/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/issues/2/comments`, { status: 201, body: { id: 4 } });
    const outcome = await run(context('pull_request_target', prPayload('synchronize', repo), repo.base), workspace);
    // On the head line that removed the policy (`enabled: false`), in the diff: a review comment.
    const findings = outcome.result!.findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.line} ${f.location.side}`);
    expect(findings).toContain('netpol-deleted charts/shop/values.yaml:2 head');
    expect(outcome.result!.summary.render?.tools[0]).toMatch(/^helm v4/);
    expect(outcome.conclusion).toBe('failure');
    // Nothing was rendered or written in the workspace.
    expect(gitIn(workspace, 'status', '--porcelain', '--ignored')).toBe('');
  });

  it('fails the segguard check run, naming the tool and the target, when a renderer is missing, and fails the step', async () => {
    const missing = { ...CHART, '.github/segguard.yml': 'render:\n  tools:\n    helm: /nonexistent/helm\n' };
    const repo = makeRepo(missing, { 'charts/shop/values.yaml': 'networkPolicy:\n  enabled: false\n' });
    const workspace = shallowClone(repo);
    mock.on('GET', `${R}/compare/${repo.base}...${repo.head}?per_page=1`, { body: { merge_base_commit: { sha: repo.base } } });
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } });
    await expect(run(context('pull_request', prPayload('synchronize', repo), 'f'.repeat(40)), workspace)).rejects.toThrow(/helm is needed to render charts\/shop/);
    const check = mock.requests.find((r) => r.method === 'POST')!.body as { conclusion: string; head_sha: string; output: { title: string; summary: string } };
    expect(check).toMatchObject({ conclusion: 'failure', head_sha: repo.head });
    expect(check.output.title).toBe('segguard could not analyze this pull request');
    expect(check.output.summary).toMatch(/reading or rendering the manifests failed\.\n\n- helm is needed to render charts\/shop .*\/nonexistent\/helm/);
  });
});

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { planRun, type RunContext } from '../../src/action/event.js';
import { runAction, type ActionOutcome } from '../../src/action/run.js';
import { GitHubMock, testClient } from '../github/helpers/github-mock.js';
import { makeRepo, OWNER, prPayload, pullFiles, REPO, reviewPayload, stepEnv, type TestRepo } from './helpers.js';

const R = `/repos/${OWNER}/${REPO}`;
const PAGE1 = 'per_page=100&page=1';

const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: web}]}
`;

const policy = (cidr: string, annotation = '') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
${annotation}spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]
  ingress:
    - from:
        - ipBlock: {cidr: ${cidr}}
`;
const SELF_SUPPRESSED = policy('0.0.0.0/0', '  annotations:\n    segguard.io/ignore: "netpol-ipblock-widened,connectivity-added: fine"\n');

/** The PR of issue 9: it widens an ipBlock to 0.0.0.0/0 and suppresses its own findings on the same object. */
function selfSuppressing(config: string): TestRepo {
  return makeRepo(
    { 'k8s/web.yaml': WORKLOADS, 'k8s/np.yaml': policy('10.0.0.0/24'), '.github/segguard.yml': config },
    { 'k8s/np.yaml': SELF_SUPPRESSED },
  );
}

const APPROVERS = 'suppressions:\n  approvers: [alice, acme/security]\n';

let mock: GitHubMock;
let step: ReturnType<typeof stepEnv>;

function context(eventName: string, payload: Record<string, unknown>): RunContext {
  return { eventName, sha: 'f'.repeat(40), repo: { owner: OWNER, repo: REPO }, payload };
}

async function run(ctx: RunContext, workspace: string): Promise<ActionOutcome> {
  step = stepEnv({});
  return runAction(ctx, { client: testClient(), workspace });
}

/** `clean`: every finding is suppressed, so there is nothing to comment and no summary comment to start. */
function deliveryMocks(repo: TestRepo, clean = false): void {
  mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } })
    .on('GET', `${R}/pulls/2/files?${PAGE1}`, { body: pullFiles(repo) })
    .on('GET', `${R}/pulls/2/comments?${PAGE1}`, { body: [] })
    .on('GET', `${R}/issues/2/comments?${PAGE1}`, { body: [] });
  if (!clean) mock.on('POST', `${R}/pulls/2/reviews`, { body: { id: 2 } }).on('POST', `${R}/issues/2/comments`, { status: 201, body: { id: 3 } });
}

const review = (login: string, state: string, commitId: string) => ({ id: 1, user: { login, type: 'User' }, state, commit_id: commitId, body: '' });

type CheckRun = { conclusion: string; output: { title: string; summary: string; annotations: { message: string }[] } };
const checkRun = () => mock.matching('POST', `${R}/check-runs`)[0].body as CheckRun;

beforeEach(() => {
  mock = new GitHubMock();
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  vi.restoreAllMocks();
  step?.restore();
  process.exitCode = undefined;
  const { pending, violations } = mock.finish();
  expect(pending).toEqual([]);
  expect(violations).toEqual([]);
});

describe('a PR cannot silence its own regression', () => {
  it('fails the gate and says, in every channel, that a suppression is proposed', async () => {
    const repo = selfSuppressing('fail-on: high\n');
    deliveryMocks(repo);
    const outcome = await run(context('pull_request', prPayload('opened', repo)), repo.origin);

    const check = checkRun();
    expect(check.conclusion).toBe('failure');
    expect(check.output.title).toMatch(/with a proposed suppression$/);
    expect(check.output.summary).toContain('with a proposed suppression; fails the gate');
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
    deliveryMocks(repo, true);
    const outcome = await run(context('pull_request_review', reviewPayload('submitted', repo)), repo.origin);
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
    deliveryMocks(repo, true);
    const outcome = await run(context('pull_request_review', reviewPayload('submitted', repo)), repo.origin);
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
    deliveryMocks(repo);
    const outcome = await run(context('pull_request_review', reviewPayload('dismissed', repo)), repo.origin);
    expect(outcome.result!.findings.filter((f) => f.suppressed)).toEqual([]);
    expect(checkRun().conclusion).toBe('failure');
    expect(outcome.result!.summary.notes?.at(-1)).toMatch(/until it is merged or one of suppressions\.approvers \(alice, acme\/security\) approves the current head\.$/);
    expect(checkRun().output.summary).toContain('one of suppressions\\.approvers \\(alice, acme/security\\) approves the current head\\.');
  });

  it('fails closed when the reviews cannot be read, and says why', async () => {
    const repo = selfSuppressing(APPROVERS);
    mock.on('GET', `${R}/pulls/2/reviews?${PAGE1}`, { status: 403, body: { message: 'Resource not accessible by integration' } });
    deliveryMocks(repo);
    const outcome = await run(context('pull_request_review', reviewPayload('submitted', repo)), repo.origin);
    expect(outcome.result!.findings.filter((f) => f.suppressed)).toEqual([]);
    expect(checkRun().conclusion).toBe('failure');
    expect(outcome.result!.summary.notes?.at(-1)).toMatch(/The approving reviews could not be read \(HTTP 403: Resource not accessible by integration\), so none is applied\.$/);
    expect(checkRun().output.summary).toContain('The approving reviews could not be read \\(HTTP 403&#58; Resource not accessible by integration\\), so none is applied\\.');
  });

  it('fails closed when a team membership lookup fails with anything but 404', async () => {
    const repo = selfSuppressing(APPROVERS);
    mock.on('GET', `${R}/pulls/2/reviews?${PAGE1}`, { body: [review('carol', 'APPROVED', repo.head)] })
      .on('GET', '/orgs/acme/teams/security/memberships/carol', { status: 403, body: { message: 'Resource not accessible by integration' } });
    deliveryMocks(repo);
    const outcome = await run(context('pull_request_review', reviewPayload('submitted', repo)), repo.origin);
    expect(outcome.result!.findings.filter((f) => f.suppressed)).toEqual([]);
    expect(checkRun().conclusion).toBe('failure');
  });
});

describe('planRun on pull_request_review', () => {
  it('judges the pull request again like a push; a review on a closed pull request does nothing', () => {
    const repo = { origin: '', base: 'b'.repeat(40), head: 'h'.repeat(40) };
    expect(planRun(context('pull_request_review', reviewPayload('submitted', repo)))).toMatchObject({
      mode: 'pull-request', pullNumber: 2, baseSha: repo.base, headSha: repo.head, fork: false, target: false,
    });
    const closed = reviewPayload('dismissed', repo);
    (closed.pull_request as { state: string }).state = 'closed';
    expect(planRun(context('pull_request_review', closed))).toEqual({ mode: 'skip', reason: 'the pull request is closed' });
  });
});

import type { WebhookDefinition } from '@octokit/webhooks-examples';
import examplesJson from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { analyzePullRequest, type AnalysisInput } from '../../src/app/analysis.js';
import { createFailureReporter, createJobProcessor } from '../../src/app/check-job.js';
import { createSegguardApp } from '../../src/app/index.js';
import { MemoryJobQueue } from '../../src/app/queue/memory-queue.js';
import { parseConfig } from '../../src/config/load.js';
import { CONFIG_FILE } from '../../src/config/schema.js';
import { checkTitle, gateConclusion } from '../../src/github/deliver.js';
import { causesOf, primaryOf } from '../../src/findings/causes.js';
import { SUMMARY_MARKER } from '../../src/github/markers.js';
import { MANIFESTS } from '../action/helpers.js';
import { GitHubStandIn, type RecordedRequest } from './github-stand-in.js';
import { base, blobSha, blobTexts, head, PR_FILES, type SourceFileFixture } from './fixture-pr.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const REPO_PATH = `/repos/${OWNER}/${REPO}`;
/** The example payloads' base branch tip, head and (ours) the merge base the compare API reports. */
const BASE_TIP = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const MERGE_BASE = 'a'.repeat(40);
/** The default branch's `.github/segguard.yml`. */
const CONFIG = 'fail-on: critical\nexclude:\n  - legacy/**\n';

const examples = examplesJson as unknown as WebhookDefinition[];

type Payload = Record<string, unknown> & { pull_request?: Record<string, unknown> };

function example(name: string, action: string): Payload {
  const event = examples.find((e) => e.name === name)!;
  // Deep copy: the examples module is shared, tests modify their payloads.
  const payload = structuredClone(event.examples.find((e) => (e as { action?: string }).action === action)) as unknown as Payload;
  // An App's webhooks always name the installation (not every example does).
  payload.installation ??= { id: 1 };
  return payload;
}

let github: GitHubStandIn;
let probot: Probot;
let queue: MemoryJobQueue;

beforeEach(async () => {
  nock.disableNetConnect();
  github = new GitHubStandIn();
  probot = new Probot({
    githubToken: 'test',
    logLevel: 'fatal',
    Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  await probot.ready();
  queue = new MemoryJobQueue();
  probot.load(createSegguardApp(queue));
  // The analysis on the test's own thread: the worker threads have their own test (analysis-pool.test.ts).
  const deps = { queue, analyze: async (input: AnalysisInput) => analyzePullRequest(input), octokitFor: (id: number) => probot.auth(id), log: probot.log, reportLeaseMs: 60_000 };
  queue.work(createJobProcessor(deps), 1, createFailureReporter(deps));
});

afterEach(async () => {
  await queue.close();
  const pending = nock.pendingMocks();
  nock.cleanAll();
  nock.enableNetConnect();
  expect(pending).toEqual([]);
  expect(github.problems).toEqual([]);
});

/** The webhook, then the job it queued. */
async function receive(name: string, payload: Payload, id = `${name}-1`) {
  await probot.receive({ name, id, payload } as never);
  await queue.idle();
}

/** The webhook creates the run `queued`; the job sets it `in_progress` and completes it (PATCH …/check-runs/77). */
function expectQueued(repoPath = REPO_PATH, id = 77) {
  github
    .expect('POST', `${repoPath}/check-runs`, { status: 201, body: { id } })
    .expect('PATCH', `${repoPath}/check-runs/${id}`, { body: { id } });
}

function queuedRequests(sha = HEAD, repoPath = REPO_PATH, id = 77): RecordedRequest[] {
  return [
    { method: 'POST', path: `${repoPath}/check-runs`, query: {}, body: { name: 'segguard', head_sha: sha, status: 'queued', output: { title: 'Queued', summary: expect.any(String) } } },
    { method: 'PATCH', path: `${repoPath}/check-runs/${id}`, query: {}, body: { status: 'in_progress', output: { title: 'Analyzing', summary: expect.any(String) } } },
  ];
}

/** The body of the call that completed the run. */
const completedRun = () => github.requests.find((r) => r.method === 'PATCH' && (r.body as { status?: string }).status === 'completed')!.body as {
  conclusion: string; output: { title: string; summary: string; annotations: { path: string }[] };
};

/** `.github/segguard.yml` on the default branch: no `ref`, so GitHub reads the default branch. */
function expectConfig(yaml: string | undefined) {
  if (yaml === undefined) {
    github.expect('GET', `${REPO_PATH}/contents/.github%2Fsegguard.yml`, { status: 404, body: { message: 'Not Found' } });
    // Probot then looks for an organisation-wide default in the owner's `.github` repository.
    github.expect('GET', `/repos/${OWNER}/.github/contents/.github%2Fsegguard.yml`, { status: 404, body: { message: 'Not Found' } });
  } else {
    github.expect('GET', `${REPO_PATH}/contents/.github%2Fsegguard.yml`, { body: yaml, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}

function configRequests(found: boolean): RecordedRequest[] {
  const requests: RecordedRequest[] = [{ method: 'GET', path: `${REPO_PATH}/contents/.github/segguard.yml`, query: {} }];
  if (!found) requests.push({ method: 'GET', path: `/repos/${OWNER}/.github/contents/.github/segguard.yml`, query: {} });
  return requests;
}

/** Answers a GraphQL blob query from texts by blob SHA. */
function blobsFrom(texts: Map<string, string>) {
  return ({ body }: RecordedRequest) => {
    const variables = (body as { variables: Record<string, string> }).variables;
    const repository = Object.fromEntries(Object.entries(variables).filter(([k]) => /^o\d+$/.test(k))
      .map(([k, sha]) => [`b${k.slice(1)}`, { text: texts.get(sha), isBinary: false, isTruncated: false }]));
    return { body: { data: { repository } } };
  };
}

/** Answers a GraphQL blob query from the fixture texts. */
const blobsReply = blobsFrom(blobTexts);

/** Everything after the configuration: merge base, both trees, one blob query, then the delivery. */
function expectAnalysisAndDelivery(pullNumber: number, mergeBase = MERGE_BASE) {
  github
    .expect('GET', `${REPO_PATH}/compare/${BASE_TIP}...${HEAD}`, { body: { merge_base_commit: { sha: mergeBase } } })
    .expect('GET', `${REPO_PATH}/git/trees/${mergeBase}`, { body: { sha: mergeBase, truncated: false, tree: base.tree } })
    .expect('GET', `${REPO_PATH}/git/trees/${HEAD}`, { body: { sha: HEAD, truncated: false, tree: head.tree } })
    .expect('POST', '/graphql', blobsReply)
    .expect('PATCH', `${REPO_PATH}/check-runs/77`, { body: { id: 77, html_url: 'https://github.com/x/runs/77' } })
    .expect('GET', `${REPO_PATH}/pulls/${pullNumber}/files`, { body: PR_FILES })
    .expect('GET', `${REPO_PATH}/pulls/${pullNumber}/comments`, { body: [] })
    .expect('POST', `${REPO_PATH}/pulls/${pullNumber}/reviews`, { body: { id: 88 } })
    .expect('GET', `${REPO_PATH}/issues/${pullNumber}/comments`, { body: [] })
    .expect('POST', `${REPO_PATH}/issues/${pullNumber}/comments`, { status: 201, body: { id: 99 } });
}

/** Whether a head line is inside the PR_FILES hunks (deny.yaml 8-12, the added files whole). */
function inHunk(path: string, line: number): boolean {
  if (path === 'k8s/deny.yaml') return line >= 8 && line <= 12;
  const file = head.files.find((f) => f.path === path);
  return PR_FILES.some((f) => f.filename === path) && file !== undefined && line <= file.text.split('\n').length - 1;
}

/**
 * The requests of a run with CONFIG. What the findings are is the rules' business (their own tests): here the
 * core runs on the same fixture and the App must carry exactly its findings to the right places.
 */
function analysisAndDeliveryRequests(pullNumber: number): RecordedRequest[] {
  const deny = 'k8s/deny.yaml';
  const inScope = (f: SourceFileFixture) => !f.path.startsWith('legacy/') && /\.ya?ml$/.test(f.path);
  const result = analyze(base.files.filter(inScope).map((f) => ({ path: f.path, content: f.text })),
    head.files.filter(inScope).map((f) => ({ path: f.path, content: f.text })), parseConfig(CONFIG, CONFIG_FILE));
  // The regressions this fixture is built around must be among them.
  expect(result.findings.map((f) => `${f.ruleId}@${f.location.path}:${f.location.line}`)).toEqual(expect.arrayContaining([
    'netpol-default-deny-removed@k8s/deny.yaml:12', 'manifest-parse-error@k8s/broken.yaml:8',
  ]));
  // One annotation and one review comment per cause (the findings of one edit), at its first finding on a diff line.
  const causes = causesOf(result.findings);
  const commented = causes.flatMap((cause) => {
    const at = cause.findings.find((f) => inHunk(f.location.path, f.location.line));
    return at ? [{ cause, at }] : [];
  });
  return [
    { method: 'GET', path: `${REPO_PATH}/compare/${BASE_TIP}...${HEAD}`, query: { per_page: '1' } },
    { method: 'GET', path: `${REPO_PATH}/git/trees/${MERGE_BASE}`, query: { recursive: '1' } },
    { method: 'GET', path: `${REPO_PATH}/git/trees/${HEAD}`, query: { recursive: '1' } },
    {
      method: 'POST', path: '/graphql', query: {},
      body: {
        query: expect.stringContaining('repository(owner: $owner, name: $name)'),
        // Each distinct manifest blob once: frontend.yaml is identical on both sides; README and legacy/ are not read.
        variables: {
          owner: OWNER, name: REPO,
          o0: base.sha(deny), o1: base.sha('k8s/frontend.yaml'), o2: head.sha('k8s/broken.yaml'), o3: head.sha(deny),
        },
      },
    },
    {
      method: 'PATCH', path: `${REPO_PATH}/check-runs/77`, query: {},
      body: {
        status: 'completed', conclusion: gateConclusion(result.findings, 'critical'),
        output: {
          title: checkTitle({ findings: result.findings, summary: result.summary, failOn: 'critical' }),
          summary: expect.stringContaining('netpol\\-default\\-deny\\-removed'),
          annotations: causes.map((c) => expect.objectContaining({ path: primaryOf(c).location.path, title: `${c.severity}: ${c.ruleIds.join(', ')}` })),
        },
      },
    },
    { method: 'GET', path: `${REPO_PATH}/pulls/${pullNumber}/files`, query: { per_page: '100', page: '1' } },
    { method: 'GET', path: `${REPO_PATH}/pulls/${pullNumber}/comments`, query: { per_page: '100', page: '1' } },
    {
      method: 'POST', path: `${REPO_PATH}/pulls/${pullNumber}/reviews`, query: {},
      body: {
        commit_id: HEAD, event: 'COMMENT', body: expect.stringContaining(`${commented.reduce((n, c) => n + c.cause.findings.length, 0)} new finding(s)`),
        // broken.yaml's finding is on line 8, past the hunk: summary only.
        comments: commented.map(({ cause, at }) => ({ path: at.location.path, line: at.location.line, side: 'RIGHT', body: expect.stringContaining(`\`${primaryOf(cause).ruleId}\``) })),
      },
    },
    { method: 'GET', path: `${REPO_PATH}/issues/${pullNumber}/comments`, query: { per_page: '100', page: '1' } },
    { method: 'POST', path: `${REPO_PATH}/issues/${pullNumber}/comments`, query: {}, body: { body: expect.stringContaining(SUMMARY_MARKER) } },
  ];
}

describe('the segguard App', () => {
  it('checks an opened pull request: default-branch config, merge base, contents through the API, full delivery', async () => {
    expectQueued();
    expectConfig(CONFIG);
    expectAnalysisAndDelivery(2);

    await receive('pull_request', example('pull_request', 'opened'));

    expect(github.requests).toEqual([...queuedRequests(), ...configRequests(true), ...analysisAndDeliveryRequests(2)]);
  });

  it('uses the defaults on synchronize when no configuration exists (fail-on high, legacy/ read too)', async () => {
    expectQueued();
    expectConfig(undefined);
    expectAnalysisAndDelivery(2, BASE_TIP);

    await receive('pull_request', example('pull_request', 'synchronize'));

    expect(github.requests.slice(2, 4)).toEqual(configRequests(false));
    const graphql = github.requests.find((r) => r.path === '/graphql')!.body as { variables: Record<string, string> };
    expect(Object.values(graphql.variables)).toContain(head.sha('legacy/old.yaml'));
    const checkRun = completedRun();
    // legacy/old.yaml now counts: an allow-all policy behind a default deny.
    expect(checkRun.conclusion).toBe('failure');
    // broken.yaml cannot be parsed: counted, and said apart from what opens.
    expect(checkRun.output.title).toMatch(/^❌ Blocks merge: \d+ critical new openings, 1 high not fully analyzed \(gate: high\)$/);
    const review = github.requests.find((r) => r.path.endsWith('/reviews'))!.body as { comments: { path: string; line: number }[] };
    expect(review.comments.map((c) => c.path)).toContain('legacy/old.yaml');
  });

  it('fails the check when the configuration selects none of the files, saying so in the summary', async () => {
    expectQueued();
    expectConfig('include: ["deploy/**"]\n');
    github
      .expect('GET', `${REPO_PATH}/compare/${BASE_TIP}...${HEAD}`, { body: { merge_base_commit: { sha: MERGE_BASE } } })
      .expect('GET', `${REPO_PATH}/git/trees/${MERGE_BASE}`, { body: { sha: MERGE_BASE, truncated: false, tree: base.tree } })
      .expect('GET', `${REPO_PATH}/git/trees/${HEAD}`, { body: { sha: HEAD, truncated: false, tree: head.tree } })
      .expect('PATCH', `${REPO_PATH}/check-runs/77`, { body: { id: 77 } })
      .expect('GET', `${REPO_PATH}/pulls/2/files`, { body: PR_FILES })
      .expect('GET', `${REPO_PATH}/pulls/2/comments`, { body: [] })
      .expect('GET', `${REPO_PATH}/issues/2/comments`, { body: [] })
      .expect('POST', `${REPO_PATH}/issues/2/comments`, { status: 201, body: { id: 99 } });

    await receive('pull_request', example('pull_request', 'opened'));

    const checkRun = completedRun();
    expect(checkRun.conclusion).toBe('failure');
    expect(checkRun.output.summary).toContain(`> [!WARNING]\n> The head \\(commit ${HEAD.slice(0, 12)}\\) has`);
    expect(checkRun.output.summary).toContain('include \\[deploy/\\*\\*\\]');
    expect(checkRun.output.annotations.map((a) => a.path)).toEqual(['.github/segguard.yml']);
  });

  it('never reads the pull request\'s own configuration: the config request carries no ref', async () => {
    const payload = example('pull_request', 'opened');
    expectQueued();
    expectConfig(CONFIG);
    expectAnalysisAndDelivery(2);

    await receive('pull_request', payload);

    const config = github.requests[2];
    expect(config.path).toBe(`${REPO_PATH}/contents/.github/segguard.yml`);
    expect(config.query).toEqual({});
    expect(github.requests.some((r) => Object.values(r.query).includes((payload.pull_request as { head: { ref: string } }).head.ref))).toBe(false);
  });

  it('skips a draft pull request without a single request', async () => {
    const payload = example('pull_request', 'opened');
    payload.pull_request!.draft = true;

    await receive('pull_request', payload);

    expect(github.requests).toEqual([]);
  });

  it('checks a pull request when it is marked ready for review', async () => {
    const payload = example('pull_request', 'ready_for_review');
    expect(payload.pull_request!.draft).toBe(false);
    expectQueued();
    expectConfig(CONFIG);
    expectAnalysisAndDelivery(2);

    await receive('pull_request', payload);

    expect(github.requests).toEqual([...queuedRequests(), ...configRequests(true), ...analysisAndDeliveryRequests(2)]);
  });

  it('fails the check with the problems of an invalid configuration, and reads no contents', async () => {
    expectQueued();
    expectConfig('fail-on: severe\nrules:\n  no-such-rule: off\n');
    github.expect('PATCH', `${REPO_PATH}/check-runs/77`, { body: { id: 77 } });

    await receive('pull_request', example('pull_request', 'opened'));

    expect(github.requests).toEqual([...queuedRequests(), ...configRequests(true), {
      method: 'PATCH', path: `${REPO_PATH}/check-runs/77`, query: {},
      body: {
        status: 'completed', conclusion: 'failure',
        output: { title: 'Invalid .github/segguard.yml', summary: expect.stringContaining('configuration on the default branch'), annotations: [] },
      },
    }]);
    const summary = completedRun().output.summary;
    // One list item per problem, Markdown-escaped (`-` and `:` included).
    expect(summary).toMatch(/^- .*fail\\-on&#58; "severe"/m);
    expect(summary).toMatch(/^- .*"no\\-such\\-rule"/m);
  });

  it('fails the check visibly when the pull request cannot be read (a force-push removed the head)', async () => {
    expectQueued();
    expectConfig(CONFIG);
    github
      .expect('GET', `${REPO_PATH}/compare/${BASE_TIP}...${HEAD}`, { status: 404, body: { message: 'No commit found for SHA: ec26c3e' } })
      .expect('PATCH', `${REPO_PATH}/check-runs/77`, { body: { id: 77 } });

    await receive('pull_request', example('pull_request', 'opened'));

    expect(github.requests).toEqual([
      ...queuedRequests(),
      ...configRequests(true),
      { method: 'GET', path: `${REPO_PATH}/compare/${BASE_TIP}...${HEAD}`, query: { per_page: '1' } },
      {
        method: 'PATCH', path: `${REPO_PATH}/check-runs/77`, query: {},
        body: {
          status: 'completed', conclusion: 'failure',
          output: {
            title: 'segguard could not analyze this pull request',
            summary: expect.stringMatching(/^segguard did not run: reading, analyzing or delivering failed; use "Re-run" to try again\.\n\n- No commit found for SHA&#58; ec26c3e\n$/),
            annotations: [],
          },
        },
      },
    ]);
  });

  it('re-runs on check_suite.rerequested for the suite\'s pull request, read as it is now', async () => {
    const payload = example('check_suite', 'rerequested');
    github.expect('GET', `${REPO_PATH}/pulls/2`, {
      body: { number: 2, state: 'open', draft: false, base: { sha: BASE_TIP }, head: { sha: HEAD } },
    });
    expectQueued();
    expectConfig(CONFIG);
    expectAnalysisAndDelivery(2);

    await receive('check_suite', payload);

    expect(github.requests).toEqual([
      { method: 'GET', path: `${REPO_PATH}/pulls/2`, query: {} },
      ...queuedRequests(),
      ...configRequests(true),
      ...analysisAndDeliveryRequests(2),
    ]);
  });

  it('does nothing on check_suite.rerequested when the pull request has moved on to another head', async () => {
    github.expect('GET', `${REPO_PATH}/pulls/2`, {
      body: { number: 2, state: 'open', draft: false, base: { sha: BASE_TIP }, head: { sha: 'd'.repeat(40) } },
    });

    await receive('check_suite', example('check_suite', 'rerequested'));

    expect(github.requests).toEqual([{ method: 'GET', path: `${REPO_PATH}/pulls/2`, query: {} }]);
  });

  it('finds a fork pull request through the commit on check_run.rerequested (the payload lists none)', async () => {
    const payload = example('check_run', 'rerequested');
    const sha = (payload.check_run as { head_sha: string }).head_sha;
    const path = '/repos/github/hello-world';
    github.expect('GET', `${path}/commits/${sha}/pulls`, {
      body: [
        { number: 5, state: 'closed', draft: false, base: { sha: BASE_TIP }, head: { sha } },
        { number: 6, state: 'open', draft: false, base: { sha: BASE_TIP }, head: { sha } },
      ],
    });
    expectQueued(path, 7);
    github.expect('GET', `${path}/contents/.github%2Fsegguard.yml`, { body: 'fail-on: none\n', headers: { 'content-type': 'text/plain; charset=utf-8' } })
      .expect('GET', `${path}/compare/${BASE_TIP}...${sha}`, { body: { merge_base_commit: { sha: BASE_TIP } } })
      .expect('GET', `${path}/git/trees/${BASE_TIP}`, { body: { sha: BASE_TIP, truncated: false, tree: [] } })
      .expect('GET', `${path}/git/trees/${sha}`, { body: { sha, truncated: false, tree: [] } })
      .expect('PATCH', `${path}/check-runs/7`, { body: { id: 7 } })
      .expect('GET', `${path}/pulls/6/files`, { body: [] })
      .expect('GET', `${path}/pulls/6/comments`, { body: [] })
      .expect('GET', `${path}/issues/6/comments`, { body: [] });

    await receive('check_run', payload);

    expect(github.requests).toEqual([
      { method: 'GET', path: `${path}/commits/${sha}/pulls`, query: {} },
      ...queuedRequests(sha, path, 7),
      { method: 'GET', path: `${path}/contents/.github/segguard.yml`, query: {} },
      { method: 'GET', path: `${path}/compare/${BASE_TIP}...${sha}`, query: { per_page: '1' } },
      { method: 'GET', path: `${path}/git/trees/${BASE_TIP}`, query: { recursive: '1' } },
      { method: 'GET', path: `${path}/git/trees/${sha}`, query: { recursive: '1' } },
      {
        method: 'PATCH', path: `${path}/check-runs/7`, query: {},
        body: { status: 'completed', conclusion: 'success', output: expect.objectContaining({ title: '✅ No new opening (gate off)', annotations: [] }) },
      },
      { method: 'GET', path: `${path}/pulls/6/files`, query: { per_page: '100', page: '1' } },
      { method: 'GET', path: `${path}/pulls/6/comments`, query: { per_page: '100', page: '1' } },
      // A clean pull request without an earlier summary comment gets none.
      { method: 'GET', path: `${path}/issues/6/comments`, query: { per_page: '100', page: '1' } },
    ]);
  });
});

const APPROVERS_CONFIG = 'suppressions:\n  approvers: [alice]\n';
const DENY = MANIFESTS.deny;
/** The PR opens the default deny to everything and suppresses its own findings on it. */
const OPENED = DENY.replace('  namespace: shop\n', '  namespace: shop\n  annotations:\n    segguard.io/ignore: "netpol-default-deny-removed,connectivity-added: migration"\n')
  .concat('  ingress:\n    - {}\n');

const tree = (sha: string, text: string) => ({ sha, truncated: false, tree: [{ path: 'k8s/deny.yaml', mode: '100644', type: 'blob', sha: blobSha(text), size: Buffer.byteLength(text) }] });
const reviewBlobs = blobsFrom(new Map([[blobSha(DENY), DENY], [blobSha(OPENED), OPENED]]));

/** Configuration, merge base, both sides, then the reviews (approvers are configured). */
function expectReviewRun(reviews: { status?: number; body: unknown }) {
  expectQueued();
  github
    .expect('GET', `${REPO_PATH}/contents/.github%2Fsegguard.yml`, { body: APPROVERS_CONFIG, headers: { 'content-type': 'text/plain; charset=utf-8' } })
    .expect('GET', `${REPO_PATH}/compare/${BASE_TIP}...${HEAD}`, { body: { merge_base_commit: { sha: BASE_TIP } } })
    .expect('GET', `${REPO_PATH}/git/trees/${BASE_TIP}`, { body: tree(BASE_TIP, DENY) })
    .expect('GET', `${REPO_PATH}/git/trees/${HEAD}`, { body: tree(HEAD, OPENED) })
    .expect('POST', '/graphql', reviewBlobs)
    .expect('GET', `${REPO_PATH}/pulls/2/reviews`, reviews)
    .expect('PATCH', `${REPO_PATH}/check-runs/77`, { body: { id: 77 } })
    .expect('GET', `${REPO_PATH}/pulls/2/files`, { body: [{ filename: 'k8s/deny.yaml', status: 'modified', patch: '@@ -3,6 +3,10 @@\n metadata:\n   name: default-deny\n   namespace: shop\n+  annotations:\n+    segguard.io/ignore: "x"\n spec:\n   podSelector: {}\n   policyTypes: [Ingress]\n+  ingress:\n+    - {}' }] })
    .expect('GET', `${REPO_PATH}/pulls/2/comments`, { body: [] })
    .expect('GET', `${REPO_PATH}/issues/2/comments`, { body: [] });
}

const reviewCheckRun = completedRun;

describe('the App on pull_request_review', () => {
  // The scenario's findings are all covered by the suppression the PR proposes.
  const findings = analyze([{ path: 'k8s/deny.yaml', content: DENY }], [{ path: 'k8s/deny.yaml', content: OPENED }]).findings;

  it('the scenario: every finding carries the proposed suppression', () => {
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.proposedSuppression?.reason === 'migration' && !f.suppressed)).toBe(true);
  });

  it('applies the proposed suppressions once a listed approver approved the current head', async () => {
    expectReviewRun({ body: [{ id: 1, user: { login: 'alice' }, state: 'APPROVED', commit_id: HEAD }] });
    await receive('pull_request_review', example('pull_request_review', 'submitted'), 'r-1');
    expect(github.requests.find((r) => r.path.endsWith('/reviews'))?.query).toEqual({ per_page: '100', page: '1' });
    expect(reviewCheckRun().conclusion).toBe('neutral');
    expect(reviewCheckRun().output.title).toBe(`✅ No new opening; ${findings.length} suppressed`);
  });

  it('keeps them unapplied, fails the check and says why when the reviews cannot be read', async () => {
    expectReviewRun({ status: 403, body: { message: 'Resource not accessible by integration' } });
    github
      .expect('POST', `${REPO_PATH}/pulls/2/reviews`, { body: { id: 88 } })
      .expect('POST', `${REPO_PATH}/issues/2/comments`, { status: 201, body: { id: 99 } });
    await receive('pull_request_review', example('pull_request_review', 'dismissed'), 'r-2');
    expect(reviewCheckRun().conclusion).toBe('failure');
    expect(reviewCheckRun().output.title).toMatch(/^❌ Blocks merge: .*; \d+ with a proposed suppression, counted until approved$/);
    expect(reviewCheckRun().output.summary).toContain('The approving reviews could not be read \\(HTTP 403&#58; Resource not accessible by integration\\)');
  });
});

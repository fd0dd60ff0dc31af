import { createHash } from 'node:crypto';
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import examplesJson from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import segguardApp from '../../src/app/index.js';
import { GitHubStandIn, type RecordedRequest } from './github-stand-in.js';

const REPO_PATH = '/repos/Codertocat/Hello-World';
/** The example payloads' base branch tip and head; the merge base is the tip here. */
const BASE = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const CONFIG = 'suppressions:\n  approvers: [alice]\n';

const DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;
/** The PR opens the default deny to everything and suppresses its own findings on it. */
const OPENED = DENY.replace('  namespace: shop\n', '  namespace: shop\n  annotations:\n    segguard.io/ignore: "netpol-default-deny-removed,connectivity-added: migration"\n')
  .concat('  ingress:\n    - {}\n');

const blobSha = (text: string) => createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0${text}`).digest('hex');
const tree = (sha: string, text: string) => ({ sha, truncated: false, tree: [{ path: 'k8s/deny.yaml', mode: '100644', type: 'blob', sha: blobSha(text), size: Buffer.byteLength(text) }] });
const texts = new Map([[blobSha(DENY), DENY], [blobSha(OPENED), OPENED]]);

function blobsReply({ body }: RecordedRequest) {
  const variables = (body as { variables: Record<string, string> }).variables;
  const repository = Object.fromEntries(Object.entries(variables).filter(([k]) => /^o\d+$/.test(k))
    .map(([k, sha]) => [`b${k.slice(1)}`, { text: texts.get(sha), isBinary: false, isTruncated: false }]));
  return { body: { data: { repository } } };
}

function reviewEvent(action: string): Record<string, unknown> {
  const event = (examplesJson as unknown as WebhookDefinition[]).find((e) => e.name === 'pull_request_review')!;
  return structuredClone(event.examples.find((e) => (e as { action?: string }).action === action)) as unknown as Record<string, unknown>;
}

let github: GitHubStandIn;
let probot: Probot;

beforeEach(() => {
  nock.disableNetConnect();
  github = new GitHubStandIn();
  probot = new Probot({
    githubToken: 'test',
    logLevel: 'fatal',
    Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  probot.load(segguardApp);
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  nock.enableNetConnect();
  expect(pending).toEqual([]);
  expect(github.problems).toEqual([]);
});

/** Configuration, merge base, both sides, then the reviews (approvers are configured). */
function expectAnalysis(reviews: { status?: number; body: unknown }) {
  github
    .expect('GET', `${REPO_PATH}/contents/.github%2Fsegguard.yml`, { body: CONFIG, headers: { 'content-type': 'text/plain; charset=utf-8' } })
    .expect('GET', `${REPO_PATH}/compare/${BASE}...${HEAD}`, { body: { merge_base_commit: { sha: BASE } } })
    .expect('GET', `${REPO_PATH}/git/trees/${BASE}`, { body: tree(BASE, DENY) })
    .expect('GET', `${REPO_PATH}/git/trees/${HEAD}`, { body: tree(HEAD, OPENED) })
    .expect('POST', '/graphql', blobsReply)
    .expect('GET', `${REPO_PATH}/pulls/2/reviews`, reviews)
    .expect('POST', `${REPO_PATH}/check-runs`, { status: 201, body: { id: 77 } })
    .expect('GET', `${REPO_PATH}/pulls/2/files`, { body: [{ filename: 'k8s/deny.yaml', status: 'modified', patch: '@@ -3,6 +3,10 @@\n metadata:\n   name: default-deny\n   namespace: shop\n+  annotations:\n+    segguard.io/ignore: "x"\n spec:\n   podSelector: {}\n   policyTypes: [Ingress]\n+  ingress:\n+    - {}' }] })
    .expect('GET', `${REPO_PATH}/pulls/2/comments`, { body: [] })
    .expect('GET', `${REPO_PATH}/issues/2/comments`, { body: [] });
}

const checkRun = () => github.requests.find((r) => r.path.endsWith('/check-runs'))!.body as { conclusion: string; output: { title: string; summary: string } };

describe('the App on pull_request_review', () => {
  // The scenario's findings are all covered by the suppression the PR proposes.
  const findings = analyze([{ path: 'k8s/deny.yaml', content: DENY }], [{ path: 'k8s/deny.yaml', content: OPENED }]).findings;

  it('the scenario: every finding carries the proposed suppression', () => {
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.proposedSuppression?.reason === 'migration' && !f.suppressed)).toBe(true);
  });

  it('applies the proposed suppressions once a listed approver approved the current head', async () => {
    expectAnalysis({ body: [{ id: 1, user: { login: 'alice' }, state: 'APPROVED', commit_id: HEAD }] });
    await probot.receive({ name: 'pull_request_review', id: 'r-1', payload: reviewEvent('submitted') } as never);
    expect(github.requests.find((r) => r.path.endsWith('/reviews'))?.query).toEqual({ per_page: '100', page: '1' });
    expect(checkRun().conclusion).toBe('neutral');
    expect(checkRun().output.title).toBe(`${findings.length} suppressed`);
  });

  it('keeps them unapplied, fails the check and says why when the reviews cannot be read', async () => {
    expectAnalysis({ status: 403, body: { message: 'Resource not accessible by integration' } });
    github
      .expect('POST', `${REPO_PATH}/pulls/2/reviews`, { body: { id: 88 } })
      .expect('POST', `${REPO_PATH}/issues/2/comments`, { status: 201, body: { id: 99 } });
    await probot.receive({ name: 'pull_request_review', id: 'r-2', payload: reviewEvent('dismissed') } as never);
    expect(checkRun().conclusion).toBe('failure');
    expect(checkRun().output.title).toMatch(/with a proposed suppression$/);
    expect(checkRun().output.summary).toContain('The approving reviews could not be read \\(HTTP 403&#58; Resource not accessible by integration\\)');
  });
});

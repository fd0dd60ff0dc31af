import type { Context, Probot } from 'probot';
import { analyze, type AnalysisResult } from '../analyze.js';
import { approvalFor } from '../github/approvals.js';
import { defaultConfig, renderConfig, renders, type SegguardConfig } from '../config/config.js';
import { ConfigError, configFromData } from '../config/load.js';
import { CONFIG_FILE } from '../config/schema.js';
import { publishFailedCheck } from '../github/check-run.js';
import { readCommits, type RepoRef } from '../github/contents.js';
import { deliverToPullRequest, type PullRequestTarget } from '../github/deliver.js';
import type { GitHubClient } from '../github/octokit.js';
import { messageOf } from '../github/review.js';
import { rendererFor } from '../render/side.js';
import { commitCensus } from '../sources/census.js';
import type { FileSelection } from '../sources/filter.js';
import { readAndRender, type RenderedRead } from '../sources/index.js';

/** What the App needs to know about a pull request, from a webhook payload or the API. */
interface PullRequestRef {
  number: number;
  state: string;
  draft?: boolean;
  base: { sha: string };
  head: { sha: string };
}

/** The pull requests a check suite or run lists: only their number and base repository matter here. */
interface ListedPullRequest {
  number: number;
  base: { repo: { id: number } };
}

type AppContext = Context<'pull_request' | 'pull_request_review' | 'check_suite' | 'check_run'>;

const CONFIG_PLUGIN_ERROR = '[@probot/octokit-plugin-config]';

/**
 * The Probot App: on every push to a ready pull request (on "Re-run" of its check, and on a review, which can approve
 * proposed suppressions), read both sides through the API, analyze, and deliver the check run, the review and the
 * summary comment. Nothing from the pull request is executed; its configuration is never used (only the default
 * branch's).
 */
export default function segguardApp(app: Probot): void {
  app.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'], async (context) => {
    await checkPullRequest(context, context.payload.pull_request);
  });

  // A review can approve the suppressions the pull request proposes, or withdraw that approval: judge it again.
  app.on(['pull_request_review.submitted', 'pull_request_review.dismissed', 'pull_request_review.edited'], async (context) => {
    await checkPullRequest(context, context.payload.pull_request);
  });

  app.on(['check_suite.rerequested', 'check_run.rerequested'], async (context) => {
    const { head_sha: headSha, pull_requests: listed } = 'check_suite' in context.payload ? context.payload.check_suite : context.payload.check_run;
    for (const pr of await pullRequestsAt(context, headSha, listed)) await checkPullRequest(context, pr);
  });
}

function repoOf(context: AppContext): RepoRef {
  return { owner: context.payload.repository.owner.login, repo: context.payload.repository.name };
}

/**
 * The open pull requests whose head is still `headSha`. A check suite lists the pull requests of its branch,
 * but not those from forks: for those the commit's pull requests are looked up.
 */
async function pullRequestsAt(context: AppContext, headSha: string, listed: readonly ListedPullRequest[]): Promise<PullRequestRef[]> {
  const repo = repoOf(context);
  const client: GitHubClient = context.octokit;
  let found: PullRequestRef[];
  const ours = listed.filter((pr) => pr.base.repo.id === context.payload.repository.id);
  if (ours.length > 0) {
    // The payload's copies lack draft and may be stale: read each pull request as it is now.
    found = await Promise.all(ours.map(async (pr) =>
      (await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: pr.number })).data));
  } else {
    found = (await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { ...repo, commit_sha: headSha })).data;
  }
  const current = found.filter((pr) => pr.state === 'open' && pr.head.sha === headSha);
  if (current.length === 0) context.log.info(`segguard: no open pull request has ${headSha} as its head; nothing to re-run`);
  return current;
}

async function checkPullRequest(context: AppContext, pr: PullRequestRef): Promise<void> {
  const log = context.log.child({ pullRequest: pr.number, head: pr.head.sha });
  if (pr.state !== 'open') return;
  if (pr.draft) {
    log.info('segguard: draft pull request; it is checked when marked ready for review');
    return;
  }
  const repo = repoOf(context);
  const client: GitHubClient = context.octokit;
  const target: PullRequestTarget = { ...repo, pullNumber: pr.number, baseSha: pr.base.sha, headSha: pr.head.sha };

  const read = await readConfig(context);
  if (read instanceof ConfigError) {
    // Without a valid configuration there is no gate to apply: fail the check and say exactly what to fix.
    await publishFailedCheck(client, target, `Invalid ${CONFIG_FILE}`, 'the configuration on the default branch has problems', read.problems);
    log.warn({ problems: read.problems }, 'segguard: invalid configuration');
    return;
  }
  const { config, configured } = read;

  let result: AnalysisResult;
  try {
    // The merge base, not the base branch's tip: the pull request is judged on its own changes, as its diff shows them.
    const { data: comparison } = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      ...repo, basehead: `${pr.base.sha}...${pr.head.sha}`, per_page: 1,
    });
    target.baseSha = comparison.merge_base_commit.sha;
    const selection = { include: config.include, exclude: config.exclude };
    const read = (shas: readonly string[], files: FileSelection) => readCommits(client, repo, shas, { ...files, maxFileBytes: config.maxFileBytes, log: (message) => log.info(message) });
    const commits = [target.baseSha, target.headSha];
    // Kustomize overlays and Helm charts are rendered (the tools must be in the App's image: docs/app.md).
    const [base, head]: RenderedRead[] = renders(config)
      ? await readAndRender(commits, read, selection, { config: renderConfig(config), renderer: rendererFor(renderConfig(config)) })
      : await read(commits, selection);
    const where = { path: CONFIG_FILE, globsFrom: configured ? `${CONFIG_FILE} (default branch)` : 'the defaults' };
    const approval = await approvalFor(client, target, config, (text) => log.warn(text));
    const trees = { base: commitCensus(target.baseSha, base, selection, where), head: commitCensus(target.headSha, head, selection, where) };
    result = analyze(base.files, head.files, config, undefined, { trees, rendered: { base: base.rendered, head: head.rendered }, ...approval });
    for (const warning of result.summary.warnings ?? []) log.warn(`segguard: ${warning}`);
  } catch (error) {
    // A security gate fails closed, visibly: a missing check would leave the pull request waiting with no reason.
    log.error({ err: error }, 'segguard: analysis failed');
    await publishFailedCheck(client, target, 'segguard could not analyze this pull request', 'reading or analyzing the manifests failed; use "Re-run" to try again',
      [messageOf(error)]);
    return;
  }
  const report = await deliverToPullRequest(client, target, result, {
    failOn: config.failOn, comment: 'review', annotations: true, log: (message) => log.warn(message),
  });
  // The log is the App's last channel: a finding no GitHub channel took is written there in full.
  for (const finding of report.undelivered) {
    log.error({ finding }, `segguard: undelivered ${finding.severity} finding ${finding.ruleId} at ${finding.location.path}:${finding.location.line}: ${finding.message}`);
  }
  log.info({ conclusion: report.conclusion, findings: result.findings.length, failures: report.failures }, 'segguard: delivered');
}

/**
 * `.github/segguard.yml` of the default branch (Probot never reads the pull request's copy), or the defaults;
 * `configured`: the file exists.
 */
async function readConfig(context: AppContext): Promise<{ config: SegguardConfig; configured: boolean } | ConfigError> {
  let data: Record<string, unknown> | null;
  try {
    data = await context.config<Record<string, unknown>>('segguard.yml');
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(CONFIG_PLUGIN_ERROR)) {
      return new ConfigError([`${CONFIG_FILE}: ${error.message.slice(CONFIG_PLUGIN_ERROR.length).trim()}`]);
    }
    throw error;
  }
  if (data === null) return { config: defaultConfig(), configured: false };
  try {
    return { config: configFromData(data, CONFIG_FILE), configured: true };
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

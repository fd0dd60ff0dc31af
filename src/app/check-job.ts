import { Context, type ProbotOctokit } from 'probot';
import type { Logger } from 'probot';
import { approvalFor } from '../github/approvals.js';
import { defaultConfig, renderConfig, renders, type SegguardConfig } from '../config/config.js';
import { ConfigError, configFromData } from '../config/load.js';
import { CONFIG_FILE } from '../config/schema.js';
import { cancelCheckRun, markCheckRunInProgress, openOrNewCheckRun, publishFailedCheck, supersededBy, type Cancellation } from '../github/check-run.js';
import { readCommits } from '../github/contents.js';
import { deliverToPullRequest, type PullRequestTarget } from '../github/deliver.js';
import { messageOf, statusOf } from '../github/errors.js';
import type { GitHubClient } from '../github/octokit.js';
import { rendererFor } from '../render/side.js';
import type { FileSelection } from '../sources/filter.js';
import { readAndRender, type RenderedRead } from '../sources/index.js';
import type { AnalysisInput, AnalysisOutput } from './analysis.js';
import { jobIdOf, pullRequestKeyOf, type PullRequestJob } from './queue/job.js';
import { PermanentFailure, type FailureHandler, type JobProcessor, type JobQueue } from './queue/queue.js';

const CONFIG_PLUGIN_ERROR = '[@probot/octokit-plugin-config]';

export interface JobDependencies {
  queue: JobQueue;
  /** Runs the CPU-bound analysis (a worker thread pool in the App). */
  analyze: (input: AnalysisInput) => Promise<AnalysisOutput>;
  /** An installation's client (Probot's `auth`). */
  octokitFor: (installationId: number) => Promise<ProbotOctokit>;
  log: Logger;
  /** How long a failure's report may take before recovery makes it again (the App's SEGGUARD_RECOVER_AFTER_SECONDS). */
  reportLeaseMs: number;
}

type Target = PullRequestTarget & { checkRunId: number };

/** Only GitHub's own failures (5xx) are worth another try; anything else fails the same way again. */
function retryable(error: unknown): boolean {
  return (statusOf(error) ?? 0) >= 500;
}

function logFor(deps: JobDependencies, job: PullRequestJob, fields: Record<string, unknown> = {}): Logger {
  return deps.log.child({ repository: `${job.owner}/${job.repo}`, pullRequest: job.pullNumber, head: job.headSha, jobId: jobIdOf(job), ...fields });
}

function targetOf(job: PullRequestJob, checkRunId: number): Target {
  return { owner: job.owner, repo: job.repo, pullNumber: job.pullNumber, baseSha: job.baseSha, headSha: job.headSha, checkRunId };
}

/**
 * The worker side of the App: a job sets its check run `in_progress`, reads both sides through the API,
 * analyzes them off the event loop and delivers, unless a newer head (or the pull request's closing) made it moot:
 * then its run concludes `cancelled` and nothing is delivered. GitHub 5xx answers (and a missing installation
 * client) are retried with back-off; anything else fails the job for good at once, and the queue then has
 * `createFailureReporter`'s handler complete the run as `failure`.
 */
export function createJobProcessor(deps: JobDependencies): JobProcessor {
  return async (job, attempt) => {
    const log = logFor(deps, job, { attempt });
    log.info('segguard: job started');
    let outcome = 'failed';
    try {
      // Without a client nothing can be written: the job is retried, and reported once it fails for good.
      const octokit = await deps.octokitFor(job.installationId);
      try {
        const target = targetOf(job, job.checkRunId ?? await openOrNewCheckRun(octokit, job));
        outcome = await cancelledIfMoot(deps.queue, octokit, job, target, log) ? 'cancelled' : await checkPullRequest(deps, octokit, job, target, log);
      } catch (error) {
        if (retryable(error)) throw error;
        throw new PermanentFailure(messageOf(error));
      }
      await deps.queue.release(jobIdOf(job));
    } catch (error) {
      log.warn({ err: error }, 'segguard: attempt failed');
      throw error;
    } finally {
      log.info({ outcome }, 'segguard: job finished');
    }
  };
}

/**
 * Completes the run of a job that failed for good as `failure`, saying why (a gate fails closed, visibly), once
 * across instances: `markFailed` gives the report to one caller; the job is released once the run says so. When
 * that cannot be done (no installation client, GitHub down), the job stays marked and recovery tries again.
 */
export function createFailureReporter(deps: JobDependencies): FailureHandler {
  return async (job, reason) => {
    const log = logFor(deps, job);
    try {
      const marked = await deps.queue.markFailed(jobIdOf(job), reason, deps.reportLeaseMs);
      if (!marked) return;
      const octokit = await deps.octokitFor(job.installationId);
      const target = targetOf(job, marked.checkRunId ?? await openOrNewCheckRun(octokit, job));
      await publishFailedCheck(octokit, target, 'segguard could not analyze this pull request',
        'reading, analyzing or delivering failed; use "Re-run" to try again', [marked.failure ?? reason]);
      await deps.queue.release(jobIdOf(job));
      log.error({ failure: marked.failure }, 'segguard: job failed for good; its check run says why');
    } catch (error) {
      log.error({ err: error, failure: reason }, 'segguard: the failure could not be reported on the check run; recovery tries again');
    }
  };
}

/** Concludes the job's run `cancelled` when its head is no longer the pull request's newest or the pull request is closed. */
async function cancelledIfMoot(queue: JobQueue, client: GitHubClient, job: PullRequestJob, target: Target, log: Logger): Promise<boolean> {
  const now = await queue.head(pullRequestKeyOf(job));
  let why: Cancellation | undefined;
  if (now?.state === 'closed') why = { title: 'Pull request closed or draft', summary: 'The pull request was closed or converted to a draft before segguard finished; it is checked again when it is reopened or marked ready.' };
  else if (now && now.job.headSha !== job.headSha) why = supersededBy(now.job.headSha);
  if (!why) return false;
  await cancelCheckRun(client, target, why);
  log.info({ supersededBy: now?.state === 'open' ? now.job.headSha : undefined }, `segguard: cancelled: ${why.title}`);
  return true;
}

/** Reads, analyzes and delivers; returns the outcome for the log. */
async function checkPullRequest(deps: JobDependencies, octokit: ProbotOctokit, job: PullRequestJob, target: Target, log: Logger): Promise<string> {
  await markCheckRunInProgress(octokit, target);
  const repo = { owner: job.owner, repo: job.repo };
  const client: GitHubClient = octokit;
  const read = await readConfig(octokit, job, log);
  if (read instanceof ConfigError) {
    // Without a valid configuration there is no gate to apply: fail the check and say exactly what to fix.
    await publishFailedCheck(client, target, `Invalid ${CONFIG_FILE}`, 'the configuration on the default branch has problems', read.problems);
    log.warn({ problems: read.problems }, 'segguard: invalid configuration');
    return 'invalid configuration';
  }
  const { config, configured } = read;
  // The merge base, not the base branch's tip: the pull request is judged on its own changes, as its diff shows them.
  const { data: comparison } = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
    ...repo, basehead: `${job.baseSha}...${job.headSha}`, per_page: 1,
  });
  target.baseSha = comparison.merge_base_commit.sha;
  const selection = { include: config.include, exclude: config.exclude };
  const readFiles = (shas: readonly string[], files: FileSelection) => readCommits(client, repo, shas, { ...files, maxFileBytes: config.maxFileBytes, log: (message) => log.info(message) });
  const commits = [target.baseSha, target.headSha];
  // Kustomize overlays and Helm charts are rendered (the tools must be in the App's image: docs/app.md).
  const [base, head]: RenderedRead[] = renders(config)
    ? await readAndRender(commits, readFiles, selection, { config: renderConfig(config), renderer: rendererFor(renderConfig(config)) })
    : await readFiles(commits, selection);
  const where = { path: CONFIG_FILE, globsFrom: configured ? `${CONFIG_FILE} (default branch)` : 'the defaults' };
  const { approval } = await approvalFor(client, target, config, (text) => log.warn(text));
  const result = await deps.analyze({ baseSha: target.baseSha, headSha: target.headSha, base, head, config, selection, where, ...(approval ? { approval } : {}) });
  for (const warning of result.summary.warnings ?? []) log.warn(`segguard: ${warning}`);
  // A newer head may have arrived during the analysis: its results would describe a commit nobody merges.
  if (await cancelledIfMoot(deps.queue, client, job, target, log)) return 'cancelled';
  const report = await deliverToPullRequest(client, target, result, {
    failOn: config.failOn, comment: 'review', annotations: true, log: (message) => log.warn(message),
  });
  // The log is the App's last channel: a finding no GitHub channel took is written there in full.
  for (const finding of report.undelivered) {
    log.error({ finding }, `segguard: undelivered ${finding.severity} finding ${finding.ruleId} at ${finding.location.path}:${finding.location.line}: ${finding.message}`);
  }
  log.info({ conclusion: report.conclusion, findings: result.findings.length, failures: report.failures }, 'segguard: delivered');
  return 'delivered';
}

/**
 * `.github/segguard.yml` of the default branch (Probot never reads the pull request's copy; `_extends` and the
 * organisation's `.github` repository work as in any Probot app), or the defaults; `configured`: the file exists.
 */
async function readConfig(octokit: ProbotOctokit, job: PullRequestJob, log: Logger): Promise<{ config: SegguardConfig; configured: boolean } | ConfigError> {
  const context = new Context({ id: jobIdOf(job), name: 'pull_request', payload: { repository: { owner: { login: job.owner }, name: job.repo } } } as never, octokit, log);
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

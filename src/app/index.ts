import type { Context, Probot } from 'probot';
import { cancelCheckRun, createQueuedCheckRun, supersededBy } from '../github/check-run.js';
import type { RepoRef } from '../github/contents.js';
import type { GitHubClient } from '../github/octokit.js';
import { jobIdOf, pullRequestKeyOf, type PullRequestJob } from './queue/job.js';
import type { JobQueue } from './queue/queue.js';
import { inWebhookLane } from './write-lanes.js';

/** What the App needs to know about a pull request, from a webhook payload or the API. */
interface PullRequestRef {
  number: number;
  state: string;
  draft?: boolean;
  updated_at?: string;
  base: { sha: string };
  head: { sha: string };
}

/** The pull requests a check suite or run lists: only their number and base repository matter here. */
interface ListedPullRequest {
  number: number;
  base: { repo: { id: number } };
}

type AppContext = Context<'pull_request' | 'pull_request_review' | 'check_suite' | 'check_run'>;

const DROPPED = {
  title: 'Pull request closed or draft',
  summary: 'The pull request was closed or converted to a draft before segguard started; it is checked again when it is reopened or marked ready.',
};

/**
 * The Probot App's webhook side: on every push to a ready pull request (on "Re-run" of its check, and on a
 * review, which can approve proposed suppressions) it creates the `segguard` check run as `queued` on the head
 * commit, enqueues the analysis and answers; a worker does the rest (src/app/check-job.ts). A newer head cancels
 * the queued job of the older one; closing the pull request or converting it to a draft drops its queued job.
 */
export function createSegguardApp(queue: JobQueue): (app: Probot) => void {
  return (app) => {
    app.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'], async (context) => {
      await acknowledge(queue, context, context.payload.pull_request, 'before' in context.payload ? context.payload.before : undefined);
    });

    app.on(['pull_request.closed', 'pull_request.converted_to_draft'], async (context) => {
      await drop(queue, context, context.payload.pull_request);
    });

    // A review can approve the suppressions the pull request proposes, or withdraw that approval: judge it again.
    app.on(['pull_request_review.submitted', 'pull_request_review.dismissed', 'pull_request_review.edited'], async (context) => {
      await acknowledge(queue, context, context.payload.pull_request);
    });

    app.on(['check_suite.rerequested', 'check_run.rerequested'], async (context) => {
      const { head_sha: headSha, pull_requests: listed } = 'check_suite' in context.payload ? context.payload.check_suite : context.payload.check_run;
      for (const pr of await pullRequestsAt(context, headSha, listed)) await acknowledge(queue, context, pr);
    });
  };
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

function installationOf(context: AppContext): number {
  const id = (context.payload as { installation?: { id: number } }).installation?.id;
  if (id === undefined) throw new Error('segguard: the webhook carries no installation; the App must be installed on the repository');
  return id;
}

/** Milliseconds of the pull request's `updated_at`, which orders its webhooks; a payload without one counts as now. */
function updatedAt(pr: PullRequestRef): number {
  const at = pr.updated_at ? Date.parse(pr.updated_at) : NaN;
  return Number.isNaN(at) ? Date.now() : at;
}

/**
 * Acknowledge, then work: the `queued` run and the job, nothing more inside the webhook's request (its GitHub
 * writes go in the webhook's own write lane, ahead of the jobs' deliveries). `before`: the head a push replaced.
 */
function acknowledge(queue: JobQueue, context: AppContext, pr: PullRequestRef, before?: string): Promise<void> {
  return inWebhookLane(() => acknowledgeNow(queue, context, pr, before));
}

async function acknowledgeNow(queue: JobQueue, context: AppContext, pr: PullRequestRef, before: string | undefined): Promise<void> {
  const repo = repoOf(context);
  const base = { ...repo, pullNumber: pr.number, baseSha: pr.base.sha, headSha: pr.head.sha };
  const log = context.log.child({ repository: `${repo.owner}/${repo.repo}`, pullRequest: pr.number, head: pr.head.sha, jobId: jobIdOf(base), delivery: context.id });
  if (pr.state !== 'open') return;
  if (pr.draft) {
    log.info('segguard: draft pull request; it is checked when marked ready for review');
    return;
  }
  // GitHub redelivers a webhook with its delivery id: the first delivery already did (or is doing) the work.
  const delivery = `${context.id}/${pr.number}`;
  if (await queue.deliverySeen(delivery)) {
    log.info('segguard: redelivered webhook; its job exists already');
    return;
  }
  const id = jobIdOf(base);
  const claimed: PullRequestJob = {
    ...base, installationId: installationOf(context), updatedAt: updatedAt(pr), trackedAt: Date.now(), ...(before ? { previousHeadSha: before } : {}),
  };
  // Claimed and tracked in one step: if this instance dies before the job is queued, recovery queues it.
  if (!(await queue.claim(claimed))) {
    log.info('segguard: this head is queued or being checked already');
    await queue.rememberDelivery(delivery);
    return;
  }
  const client: GitHubClient = context.octokit;
  let job: PullRequestJob & { checkRunId: number };
  try {
    job = { ...claimed, checkRunId: await createQueuedCheckRun(client, base) };
  } catch (error) {
    // GitHub answers with an error and redelivers later (or the user re-runs): the head must be claimable again.
    await queue.release(id);
    throw error;
  }
  const { replaced, previous } = await queue.moveHead(pullRequestKeyOf(job), { state: 'open', job });
  if (!replaced) {
    // A late webhook of an older head: the pull request has moved on (or was closed) meanwhile.
    await cancelCheckRun(client, job, previous?.state === 'open' ? supersededBy(previous.job.headSha) : DROPPED);
    await queue.release(id);
    await queue.rememberDelivery(delivery);
    return;
  }
  // The delivery counts as handled once its job is queued; dropping the older head's job is independent of that.
  await Promise.all([
    queue.add(job).then(() => queue.rememberDelivery(delivery)),
    previous?.state === 'open' && previous.job.headSha !== job.headSha ? dropQueued(queue, client, previous.job, supersededBy(job.headSha), log) : undefined,
  ]);
  log.info({ checkRunId: job.checkRunId }, 'segguard: queued');
}

/** The pull request was closed or converted to a draft: its queued job is dropped, a running one cancels itself. */
function drop(queue: JobQueue, context: AppContext, pr: PullRequestRef): Promise<void> {
  return inWebhookLane(() => dropNow(queue, context, pr));
}

async function dropNow(queue: JobQueue, context: AppContext, pr: PullRequestRef): Promise<void> {
  const repo = repoOf(context);
  const log = context.log.child({ repository: `${repo.owner}/${repo.repo}`, pullRequest: pr.number, head: pr.head.sha, delivery: context.id });
  const { previous } = await queue.moveHead(pullRequestKeyOf({ ...repo, pullNumber: pr.number }), { state: 'closed', updatedAt: updatedAt(pr) });
  if (previous?.state === 'open') await dropQueued(queue, context.octokit, previous.job, DROPPED, log);
}

/** Removes a job that has not started and concludes its run `cancelled`; a running job is left to cancel itself. */
async function dropQueued(queue: JobQueue, client: GitHubClient, job: PullRequestJob, why: { title: string; summary: string }, log: AppContext['log']): Promise<void> {
  const id = jobIdOf(job);
  if (job.checkRunId === undefined || !(await queue.remove(id))) return;
  await cancelCheckRun(client, { ...job, checkRunId: job.checkRunId }, why);
  await queue.release(id);
  log.info({ cancelled: id }, `segguard: dropped the queued job of ${job.headSha}: ${why.title}`);
}

/** One analysis of one pull request at one head commit: what a webhook enqueues and a worker runs. */
export interface PullRequestJob {
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  baseSha: string;
  headSha: string;
  /** The `queued` check run the webhook created on the head commit; the job completes it. */
  checkRunId: number;
  /** When the pull request reached this head (its `updated_at`, ms): a late webhook of an older head loses. */
  updatedAt: number;
  /** When the job was tracked (ms): recovery re-enqueues jobs a dead instance left for longer than a timeout. */
  trackedAt: number;
}

/** Where a pull request is now: the job of its newest head, or `closed` (closed or draft: nothing to check). */
export type PullRequestHead = { state: 'open'; job: PullRequestJob } | { state: 'closed'; updatedAt: number };

/** One job per repository, pull request and head commit (BullMQ job ids may not contain `:`). */
export function jobIdOf(job: Pick<PullRequestJob, 'owner' | 'repo' | 'pullNumber' | 'headSha'>): string {
  return `${pullRequestKeyOf(job)}/${job.headSha}`;
}

export function pullRequestKeyOf(job: Pick<PullRequestJob, 'owner' | 'repo' | 'pullNumber'>): string {
  return `${job.owner}/${job.repo}/${job.pullNumber}`;
}

export function headSha(head: PullRequestHead | undefined): string | undefined {
  return head?.state === 'open' ? head.job.headSha : undefined;
}

/** One analysis of one pull request at one head commit: what a webhook enqueues and a worker runs. */
export interface PullRequestJob {
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  baseSha: string;
  headSha: string;
  /**
   * The `queued` check run the webhook created on the head commit; the job completes it. Missing on a claim whose
   * instance died before the run existed or before it queued the job: the job that recovery queues finds that run
   * on the commit, or creates one.
   */
  checkRunId?: number;
  /** When the pull request reached this head (its `updated_at`, ms): a late webhook of an older head loses. */
  updatedAt: number;
  /**
   * The head this one replaced (a `synchronize` webhook's `before`): `updated_at` counts whole seconds, so two pushes
   * within one second are ordered by this chain.
   */
  previousHeadSha?: string;
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

export function updatedAtOf(head: PullRequestHead): number {
  return head.state === 'open' ? head.job.updatedAt : head.updatedAt;
}

/**
 * Whether `incoming` is where the pull request is now rather than `recorded`: the later `updated_at` wins; within
 * the same second the incoming one does, unless the recorded head replaced it (its `before`), so that two pushes
 * within one second, delivered concurrently in either order, end on the newer. (The Redis queue's MOVE_HEAD script
 * applies the same rule atomically.)
 */
export function supersedes(incoming: PullRequestHead, recorded: PullRequestHead): boolean {
  const [a, b] = [updatedAtOf(incoming), updatedAtOf(recorded)];
  if (a !== b) return a > b;
  return !(incoming.state === 'open' && recorded.state === 'open' && recorded.job.previousHeadSha === incoming.job.headSha);
}

/** A tracked job that failed for good and whose failure is being (or was not yet) reported on its check run. */
export type TrackedJob = PullRequestJob & { failure?: string };

import type { PullRequestHead, PullRequestJob, TrackedJob } from './job.js';

/** How often a job is tried (GitHub 5xx answers are retried with back-off) and the first back-off. */
export const ATTEMPTS = 4;
export const BACKOFF_MS = 2000;
/** GitHub redelivers within days at most; a delivery is remembered for a day. */
export const DELIVERY_MEMORY_MS = 24 * 3600 * 1000;
/**
 * A claim whose job was not queued this long after it was claimed was left by an instance that died in between
 * (a webhook is handled in seconds: GitHub stops waiting after 10): recovery queues its job.
 */
export const CLAIM_LEASE_MS = 60 * 1000;

/** Runs one job (`attempt`: 1 for the first try); throwing asks for a retry with back-off, unless attempts are used up. */
export type JobProcessor = (job: PullRequestJob, attempt: number) => Promise<void>;

/**
 * Told once of every job that failed for good: retries used up, a failure not worth retrying (`PermanentFailure`),
 * or (Redis) a job whose workers died with it too often. It must complete the job's run as `failure`.
 */
export type FailureHandler = (job: PullRequestJob, reason: string) => Promise<void>;

/** Thrown by a processor for a failure that would only repeat: no retry, the failure is reported at once. */
export class PermanentFailure extends Error {}

/**
 * The App's work queue and the little shared state that makes it correct across instances: deliveries already
 * seen, the job of each pull request's newest head, and the jobs in flight. Two implementations share these
 * semantics: Redis (BullMQ; durable, shared by every instance) and in-process (one instance, lost on restart).
 */
export interface JobQueue {
  /** `redis` or `memory`: the health endpoint and the start-up log say which. */
  readonly kind: 'redis' | 'memory';
  /** Whether a webhook delivery was handled before (GitHub redelivers with the same id). */
  deliverySeen(deliveryId: string): Promise<boolean>;
  /** Records a handled delivery, once its work is queued (a failed one must be redeliverable). */
  rememberDelivery(deliveryId: string): Promise<void>;
  /**
   * Claims a job's head and tracks the job before its check run is created (one step: recovery queues a claim whose
   * job is not queued within CLAIM_LEASE_MS); false when that head is already claimed, queued or running.
   */
  claim(job: PullRequestJob): Promise<boolean>;
  /**
   * Records where a pull request is now, unless what is recorded is newer (`updatedAt`), and returns what was
   * recorded before and whether this replaced it.
   */
  moveHead(key: string, head: PullRequestHead): Promise<{ replaced: boolean; previous?: PullRequestHead }>;
  head(key: string): Promise<PullRequestHead | undefined>;
  /** Tracks a claimed job with its check run (so that recovery can find it) and enqueues it. */
  add(job: PullRequestJob): Promise<void>;
  /** Removes a job that has not started; false when it is running or gone. */
  remove(jobId: string): Promise<boolean>;
  /** Ends a job's claim (and a failure being reported): that head may be checked again (a "Re-run"). */
  release(jobId: string): Promise<void>;
  /**
   * Marks a tracked job as failed for good and returns it to the one caller that is to report the failure; another
   * caller gets nothing while that report may still be under way (`leaseMs`), and nothing once the job is released.
   */
  markFailed(jobId: string, reason: string, leaseMs: number): Promise<TrackedJob | undefined>;
  /**
   * Tracked jobs neither queued nor running that a dead instance left: claims older than CLAIM_LEASE_MS without a
   * queued job, jobs tracked longer than `ms`, and failures whose report has not been made for `ms` (with `failure`).
   */
  abandoned(ms: number): Promise<TrackedJob[]>;
  /** Jobs waiting (not running). */
  depth(): Promise<number>;
  /** Throws when the queue's store is unreachable. */
  ping(): Promise<void>;
  /** Starts taking jobs, at most `concurrency` at a time in this instance; `failed` hears of those that fail for good. */
  work(processor: JobProcessor, concurrency: number, failed: FailureHandler): void;
  /** Stops; returns the jobs that are lost with this process (in-process queue: those not yet run; Redis keeps them). */
  close(): Promise<PullRequestJob[]>;
}

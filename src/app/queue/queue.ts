import type { PullRequestHead, PullRequestJob } from './job.js';

/** How often a job is tried (GitHub 5xx answers are retried with back-off) and the first back-off. */
export const ATTEMPTS = 4;
export const BACKOFF_MS = 2000;
/** GitHub redelivers within days at most; a delivery is remembered for a day. */
export const DELIVERY_MEMORY_MS = 24 * 3600 * 1000;

export interface Attempt {
  /** 1 for the first try. */
  number: number;
  /** No retry follows this one: a failure must be reported now. */
  last: boolean;
}

/** Runs one job; throwing asks for a retry (with back-off) unless the attempt was the last. */
export type JobProcessor = (job: PullRequestJob, attempt: Attempt) => Promise<void>;

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
  /** Claims a job id before its check run is created; false when that head is already queued or running. */
  claim(jobId: string): Promise<boolean>;
  /**
   * Records where a pull request is now, unless what is recorded is newer (`updatedAt`), and returns what was
   * recorded before and whether this replaced it.
   */
  moveHead(key: string, head: PullRequestHead): Promise<{ replaced: boolean; previous?: PullRequestHead }>;
  head(key: string): Promise<PullRequestHead | undefined>;
  /** Tracks a claimed job (so that recovery can find it) and enqueues it. */
  add(job: PullRequestJob): Promise<void>;
  /** Removes a job that has not started; false when it is running or gone. */
  remove(jobId: string): Promise<boolean>;
  /** Ends a job's claim: that head may be checked again (a "Re-run"). */
  release(jobId: string): Promise<void>;
  /** Tracked jobs older than `ms` that are neither queued nor running: an instance died between webhook and queue. */
  abandoned(ms: number): Promise<PullRequestJob[]>;
  /** Jobs waiting (not running). */
  depth(): Promise<number>;
  /** Throws when the queue's store is unreachable. */
  ping(): Promise<void>;
  /** Starts taking jobs, at most `concurrency` at a time in this instance. */
  work(processor: JobProcessor, concurrency: number): void;
  close(): Promise<void>;
}

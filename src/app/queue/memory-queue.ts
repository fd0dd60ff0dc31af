import { messageOf } from '../../github/errors.js';
import { jobIdOf, supersedes, type PullRequestHead, type PullRequestJob, type TrackedJob } from './job.js';
import { ATTEMPTS, BACKOFF_MS, CLAIM_LEASE_MS, DELIVERY_MEMORY_MS, PermanentFailure, type FailureHandler, type JobProcessor, type JobQueue } from './queue.js';

interface Entry {
  job: PullRequestJob;
  attempts: number;
  timer?: NodeJS.Timeout;
}

/**
 * The queue of a single instance without Redis: the same semantics as the Redis queue, in this process's memory.
 * Not durable: a restart loses the queued jobs (docs/app.md says what happens to their check runs).
 */
export class MemoryJobQueue implements JobQueue {
  readonly kind = 'memory';
  /** Delivery id → when it was handled (in insertion order, so the oldest are pruned first). */
  readonly #deliveries = new Map<string, number>();
  readonly #tracked = new Map<string, PullRequestJob>();
  /** Job id → the failure being reported and when its report started. */
  readonly #failing = new Map<string, { reason: string; at: number }>();
  readonly #heads = new Map<string, PullRequestHead>();
  /** Waiting in order; a job waiting for a retry is kept in `#delayed`. */
  readonly #waiting: Entry[] = [];
  readonly #delayed = new Map<string, Entry>();
  readonly #running = new Set<string>();
  readonly #idle: (() => void)[] = [];
  /** Jobs whose attempt failed after `close()` began: their retry would be lost with the process. */
  readonly #lost: PullRequestJob[] = [];
  #closing = false;
  #processor?: JobProcessor;
  #failed?: FailureHandler;
  #concurrency = 0;

  async deliverySeen(deliveryId: string): Promise<boolean> {
    return this.#deliveries.has(deliveryId);
  }

  async rememberDelivery(deliveryId: string): Promise<void> {
    const now = Date.now();
    for (const [id, at] of this.#deliveries) {
      if (now - at < DELIVERY_MEMORY_MS) break;
      this.#deliveries.delete(id);
    }
    this.#deliveries.set(deliveryId, now);
  }

  async claim(job: PullRequestJob): Promise<boolean> {
    const id = jobIdOf(job);
    if (this.#tracked.has(id)) return false;
    this.#tracked.set(id, job);
    return true;
  }

  async moveHead(key: string, head: PullRequestHead): Promise<{ replaced: boolean; previous?: PullRequestHead }> {
    const previous = this.#heads.get(key);
    const replaced = previous === undefined || supersedes(head, previous);
    if (replaced) this.#heads.set(key, head);
    return { replaced, ...(previous ? { previous } : {}) };
  }

  async head(key: string): Promise<PullRequestHead | undefined> {
    return this.#heads.get(key);
  }

  async add(job: PullRequestJob): Promise<void> {
    const id = jobIdOf(job);
    this.#tracked.set(id, job);
    // One job per head, as BullMQ's job ids make it.
    if (this.#live().has(id)) return;
    this.#waiting.push({ job, attempts: 0 });
    this.#next();
  }

  async remove(jobId: string): Promise<boolean> {
    const index = this.#waiting.findIndex((e) => jobIdOf(e.job) === jobId);
    if (index >= 0) {
      this.#waiting.splice(index, 1);
      this.#settle();
      return true;
    }
    const delayed = this.#delayed.get(jobId);
    if (!delayed) return false;
    clearTimeout(delayed.timer);
    this.#delayed.delete(jobId);
    this.#settle();
    return true;
  }

  async release(jobId: string): Promise<void> {
    this.#tracked.delete(jobId);
    this.#failing.delete(jobId);
  }

  async markFailed(jobId: string, reason: string, leaseMs: number): Promise<TrackedJob | undefined> {
    const job = this.#tracked.get(jobId);
    if (!job) return undefined;
    const now = Date.now();
    const failing = this.#failing.get(jobId);
    if (failing && now - failing.at <= leaseMs) return undefined;
    const failure = failing?.reason ?? reason;
    this.#failing.set(jobId, { reason: failure, at: now });
    return { ...job, failure };
  }

  async abandoned(ms: number): Promise<TrackedJob[]> {
    const live = this.#live();
    const now = Date.now();
    return [...this.#tracked.entries()].flatMap(([id, job]): TrackedJob[] => {
      const failing = this.#failing.get(id);
      if (failing) return now - failing.at > ms ? [{ ...job, failure: failing.reason }] : [];
      if (live.has(id)) return [];
      return now - job.trackedAt > (job.checkRunId === undefined ? CLAIM_LEASE_MS : ms) ? [job] : [];
    });
  }

  async depth(): Promise<number> {
    return this.#waiting.length + this.#delayed.size;
  }

  async ping(): Promise<void> {}

  work(processor: JobProcessor, concurrency: number, failed: FailureHandler): void {
    this.#processor = processor;
    this.#failed = failed;
    this.#concurrency = concurrency;
    this.#next();
  }

  /** Resolves once nothing is waiting, delayed or running (tests wait for the work a webhook started). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.#idle.push(resolve);
      this.#settle();
    });
  }

  /**
   * Stops taking jobs, lets the running ones finish (as BullMQ's worker does) and returns those that were waiting
   * (a retry's included): they are lost with this process, so the caller reports them on their runs rather than
   * leave them `queued`.
   */
  async close(): Promise<PullRequestJob[]> {
    for (const entry of this.#delayed.values()) clearTimeout(entry.timer);
    const dropped = [...this.#waiting, ...this.#delayed.values()].map((e) => e.job);
    this.#delayed.clear();
    this.#waiting.length = 0;
    this.#processor = undefined;
    this.#closing = true;
    await this.idle();
    return [...dropped, ...this.#lost.splice(0)];
  }

  #live(): Set<string> {
    return new Set([...this.#waiting.map((e) => jobIdOf(e.job)), ...this.#delayed.keys(), ...this.#running]);
  }

  #next(): void {
    while (this.#processor && this.#running.size < this.#concurrency && this.#waiting.length > 0) {
      void this.#run(this.#processor, this.#waiting.shift()!);
    }
    this.#settle();
  }

  async #run(processor: JobProcessor, entry: Entry): Promise<void> {
    const id = jobIdOf(entry.job);
    this.#running.add(id);
    entry.attempts += 1;
    try {
      await processor(entry.job, entry.attempts);
    } catch (error) {
      const retry = entry.attempts < ATTEMPTS && !(error instanceof PermanentFailure);
      if (retry && this.#closing) {
        this.#lost.push(entry.job);
      } else if (retry) {
        entry.timer = setTimeout(() => {
          this.#delayed.delete(id);
          this.#waiting.push(entry);
          this.#next();
        }, BACKOFF_MS * 2 ** (entry.attempts - 1));
        this.#delayed.set(id, entry);
      } else {
        // The handler reports and never throws; awaited so that `idle()` includes the report.
        await this.#failed?.(entry.job, messageOf(error));
      }
    } finally {
      this.#running.delete(id);
      this.#next();
    }
  }

  #settle(): void {
    if (this.#waiting.length + this.#delayed.size + this.#running.size > 0) return;
    for (const resolve of this.#idle.splice(0)) resolve();
  }
}

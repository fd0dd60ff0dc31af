import { jobIdOf, type PullRequestHead, type PullRequestJob } from './job.js';
import { ATTEMPTS, BACKOFF_MS, DELIVERY_MEMORY_MS, type JobProcessor, type JobQueue } from './queue.js';

interface Entry {
  job: PullRequestJob;
  attempts: number;
  timer?: NodeJS.Timeout;
}

/**
 * The queue of a single instance without Redis: the same semantics as the Redis queue, in this process's memory.
 * Not durable: a restart loses the queued jobs (their check runs stay `queued` until the next push or "Re-run").
 */
export class MemoryJobQueue implements JobQueue {
  readonly kind = 'memory';
  /** Delivery id → when it was handled (in insertion order, so the oldest are pruned first). */
  readonly #deliveries = new Map<string, number>();
  readonly #claimed = new Map<string, PullRequestJob | undefined>();
  readonly #heads = new Map<string, PullRequestHead>();
  /** Waiting in order; a job waiting for a retry is kept in `#delayed`. */
  readonly #waiting: Entry[] = [];
  readonly #delayed = new Map<string, Entry>();
  readonly #running = new Set<string>();
  readonly #idle: (() => void)[] = [];
  #processor?: JobProcessor;
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

  async claim(jobId: string): Promise<boolean> {
    if (this.#claimed.has(jobId)) return false;
    this.#claimed.set(jobId, undefined);
    return true;
  }

  async moveHead(key: string, head: PullRequestHead): Promise<{ replaced: boolean; previous?: PullRequestHead }> {
    const previous = this.#heads.get(key);
    const replaced = previous === undefined || updatedAtOf(previous) <= updatedAtOf(head);
    if (replaced) this.#heads.set(key, head);
    return { replaced, ...(previous ? { previous } : {}) };
  }

  async head(key: string): Promise<PullRequestHead | undefined> {
    return this.#heads.get(key);
  }

  async add(job: PullRequestJob): Promise<void> {
    this.#claimed.set(jobIdOf(job), job);
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
    this.#claimed.delete(jobId);
  }

  async abandoned(ms: number): Promise<PullRequestJob[]> {
    const live = new Set([...this.#waiting.map((e) => jobIdOf(e.job)), ...this.#delayed.keys(), ...this.#running]);
    return [...this.#claimed.entries()].flatMap(([id, job]) => (job && !live.has(id) && Date.now() - job.trackedAt > ms ? [job] : []));
  }

  async depth(): Promise<number> {
    return this.#waiting.length + this.#delayed.size;
  }

  async ping(): Promise<void> {}

  work(processor: JobProcessor, concurrency: number): void {
    this.#processor = processor;
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

  async close(): Promise<void> {
    for (const entry of this.#delayed.values()) clearTimeout(entry.timer);
    this.#delayed.clear();
    this.#waiting.length = 0;
    this.#processor = undefined;
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
      await processor(entry.job, { number: entry.attempts, last: entry.attempts >= ATTEMPTS });
    } catch {
      // The processor reported a last attempt's failure itself; an earlier one is tried again after a back-off.
      if (entry.attempts < ATTEMPTS) {
        entry.timer = setTimeout(() => {
          this.#delayed.delete(id);
          this.#waiting.push(entry);
          this.#next();
        }, BACKOFF_MS * 2 ** (entry.attempts - 1));
        this.#delayed.set(id, entry);
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

export function updatedAtOf(head: PullRequestHead): number {
  return head.state === 'open' ? head.job.updatedAt : head.updatedAt;
}

import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { jobIdOf, type PullRequestHead, type PullRequestJob } from './job.js';
import { ATTEMPTS, BACKOFF_MS, DELIVERY_MEMORY_MS, type JobProcessor, type JobQueue } from './queue.js';

const QUEUE = 'segguard-pull-requests';
const KEYS = 'segguard';
/** A claim that was never tracked (the instance died between claim and queue) expires, so the head can be checked again. */
const CLAIM_TTL_MS = 10 * 60 * 1000;

/** Replaces a pull request's recorded head unless the recorded one is newer; returns {replaced, previous}. */
const MOVE_HEAD = `
local previous = redis.call('GET', KEYS[1])
if previous and tonumber(cjson.decode(previous).at) > tonumber(ARGV[2]) then return {0, previous} end
redis.call('SET', KEYS[1], ARGV[1])
return {1, previous or ''}`;

export interface RedisQueueOptions {
  /** How long a worker may go silent before its job counts as stalled and is given to another worker. */
  lockDurationMs?: number;
}

type Stored = PullRequestHead & { at: number };

/**
 * The queue on Redis: BullMQ jobs (durable; a job whose worker died is recovered by the stalled-job check and run
 * again elsewhere; retries with exponential back-off), plus the shared state in plain keys under `segguard:`.
 */
export class RedisJobQueue implements JobQueue {
  readonly kind = 'redis';
  readonly #redis: Redis;
  readonly #queue: Queue<PullRequestJob>;
  readonly #workers: Worker<PullRequestJob>[] = [];
  readonly #connections: Redis[] = [];

  constructor(readonly url: string, readonly options: RedisQueueOptions = {}) {
    // BullMQ's blocking commands need ioredis to retry forever rather than fail a request.
    this.#redis = new Redis(url, { maxRetriesPerRequest: null });
    this.#queue = new Queue<PullRequestJob>(QUEUE, {
      connection: this.#redis,
      defaultJobOptions: { attempts: ATTEMPTS, backoff: { type: 'exponential', delay: BACKOFF_MS }, removeOnComplete: true, removeOnFail: true },
    });
  }

  async deliverySeen(deliveryId: string): Promise<boolean> {
    return (await this.#redis.exists(`${KEYS}:delivery:${deliveryId}`)) === 1;
  }

  async rememberDelivery(deliveryId: string): Promise<void> {
    await this.#redis.set(`${KEYS}:delivery:${deliveryId}`, '1', 'PX', DELIVERY_MEMORY_MS);
  }

  async claim(jobId: string): Promise<boolean> {
    return (await this.#redis.set(`${KEYS}:job:${jobId}`, '', 'PX', CLAIM_TTL_MS, 'NX')) === 'OK';
  }

  async moveHead(key: string, head: PullRequestHead): Promise<{ replaced: boolean; previous?: PullRequestHead }> {
    const at = head.state === 'open' ? head.job.updatedAt : head.updatedAt;
    const stored: Stored = { ...head, at };
    const [replaced, previous] = await this.#redis.eval(MOVE_HEAD, 1, `${KEYS}:head:${key}`, JSON.stringify(stored), String(at)) as [number, string];
    return { replaced: replaced === 1, ...(previous ? { previous: JSON.parse(previous) as Stored } : {}) };
  }

  async head(key: string): Promise<PullRequestHead | undefined> {
    const stored = await this.#redis.get(`${KEYS}:head:${key}`);
    return stored ? JSON.parse(stored) as Stored : undefined;
  }

  async add(job: PullRequestJob): Promise<void> {
    const id = jobIdOf(job);
    // Tracked without expiry until released: recovery finds it if the job never reaches the queue. Both go out on
    // one connection, in this order, without waiting for each other's answer.
    await Promise.all([this.#redis.set(`${KEYS}:job:${id}`, JSON.stringify(job)), this.#queue.add('check', job, { jobId: id })]);
  }

  async remove(jobId: string): Promise<boolean> {
    const job = await this.#queue.getJob(jobId);
    if (!job) return false;
    // A running job holds a lock and cannot be removed: it notices the newer head itself before delivering.
    return job.remove().then(() => true, () => false);
  }

  async release(jobId: string): Promise<void> {
    await this.#redis.del(`${KEYS}:job:${jobId}`);
  }

  async abandoned(ms: number): Promise<PullRequestJob[]> {
    const found: PullRequestJob[] = [];
    for await (const keys of this.#redis.scanStream({ match: `${KEYS}:job:*`, count: 500 }) as AsyncIterable<string[]>) {
      for (const key of keys) {
        const value = await this.#redis.get(key);
        if (!value) continue;
        const job = JSON.parse(value) as PullRequestJob;
        if (Date.now() - job.trackedAt <= ms) continue;
        const state = await this.#queue.getJobState(jobIdOf(job));
        if (state === 'unknown' || state === 'completed' || state === 'failed') found.push(job);
      }
    }
    return found;
  }

  async depth(): Promise<number> {
    return (await this.#queue.getWaitingCount()) + (await this.#queue.getDelayedCount());
  }

  async ping(): Promise<void> {
    await this.#redis.ping();
  }

  work(processor: JobProcessor, concurrency: number): void {
    const lockDuration = this.options.lockDurationMs ?? 30_000;
    const connection = this.#redis.duplicate({ maxRetriesPerRequest: null });
    this.#connections.push(connection);
    this.#workers.push(new Worker<PullRequestJob>(QUEUE, async (job: Job<PullRequestJob>) => {
      const attempts = job.opts.attempts ?? 1;
      await processor(job.data, { number: job.attemptsMade + 1, last: job.attemptsMade + 1 >= attempts });
    }, {
      connection, concurrency,
      // A killed worker's job is back in the queue after about one lock duration; it may stall a few times.
      lockDuration, stalledInterval: lockDuration, maxStalledCount: 3,
    }));
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.close()));
    await this.#queue.close();
    for (const connection of [...this.#connections, this.#redis]) connection.disconnect();
  }
}

import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { messageOf } from '../../github/errors.js';
import { jobIdOf, type PullRequestHead, type PullRequestJob, type TrackedJob } from './job.js';
import { ATTEMPTS, BACKOFF_MS, CLAIM_LEASE_MS, DELIVERY_MEMORY_MS, PermanentFailure, type FailureHandler, type JobProcessor, type JobQueue } from './queue.js';

export const QUEUE = 'segguard-pull-requests';
/** BullMQ's reason for a job that stalled more often than allowed. */
const STALLED_TOO_OFTEN = 'job stalled more than allowable limit';
const KEYS = 'segguard';

/**
 * Replaces a pull request's recorded head unless the recorded one is newer (`supersedes` in job.ts: the later
 * `at`; on a tie the incoming head, unless the recorded one replaced it); returns {replaced, previous}.
 * ARGV: the head to record, its `at`, its head SHA ('' when closed).
 */
const MOVE_HEAD = `
local previous = redis.call('GET', KEYS[1])
if previous then
  local recorded = cjson.decode(previous)
  local at, was = tonumber(ARGV[2]), tonumber(recorded.at)
  if was > at then return {0, previous} end
  if was == at and ARGV[3] ~= '' and recorded.state == 'open' and recorded.job.previousHeadSha == ARGV[3] then return {0, previous} end
end
redis.call('SET', KEYS[1], ARGV[1])
return {1, previous or ''}`;

/**
 * Marks a tracked job (KEYS[1]) as failed (KEYS[2]: "<ms>|<reason>") and returns {job, reason}, unless it is not
 * tracked or its failure is being reported since less than the lease. ARGV: reason, now, lease (ms).
 */
const MARK_FAILED = `
local job = redis.call('GET', KEYS[1])
if not job or job == '' then return false end
local reason = ARGV[1]
local failing = redis.call('GET', KEYS[2])
if failing then
  local at, was = string.match(failing, '^(%d+)|(.*)$')
  if tonumber(ARGV[2]) - tonumber(at) <= tonumber(ARGV[3]) then return false end
  reason = was
end
redis.call('SET', KEYS[2], ARGV[2] .. '|' .. reason)
return {job, reason}`;

export interface RedisQueueOptions {
  /** How long a worker may go silent before its job counts as stalled and is given to another worker. */
  lockDurationMs?: number;
  /** How often a job may stall (its worker died) and still be run again (default 3). */
  maxStalledCount?: number;
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

  async claim(job: PullRequestJob): Promise<boolean> {
    return (await this.#redis.set(`${KEYS}:job:${jobIdOf(job)}`, JSON.stringify(job), 'NX')) === 'OK';
  }

  async moveHead(key: string, head: PullRequestHead): Promise<{ replaced: boolean; previous?: PullRequestHead }> {
    const at = head.state === 'open' ? head.job.updatedAt : head.updatedAt;
    const stored: Stored = { ...head, at };
    const [replaced, previous] = await this.#redis.eval(MOVE_HEAD, 1, `${KEYS}:head:${key}`, JSON.stringify(stored), String(at),
      head.state === 'open' ? head.job.headSha : '') as [number, string];
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
    await this.#redis.del(`${KEYS}:job:${jobId}`, `${KEYS}:failing:${jobId}`);
  }

  async markFailed(jobId: string, reason: string, leaseMs: number): Promise<TrackedJob | undefined> {
    const marked = await this.#redis.eval(MARK_FAILED, 2, `${KEYS}:job:${jobId}`, `${KEYS}:failing:${jobId}`, reason, String(Date.now()), String(leaseMs)) as [string, string] | null;
    return marked ? { ...JSON.parse(marked[0]) as PullRequestJob, failure: marked[1] } : undefined;
  }

  async abandoned(ms: number): Promise<TrackedJob[]> {
    const found: TrackedJob[] = [];
    const now = Date.now();
    for await (const keys of this.#redis.scanStream({ match: `${KEYS}:job:*`, count: 500 }) as AsyncIterable<string[]>) {
      for (const key of keys) {
        const value = await this.#redis.get(key);
        if (!value) continue;
        const job = JSON.parse(value) as PullRequestJob;
        const failing = await this.#redis.get(`${KEYS}:failing:${jobIdOf(job)}`);
        if (failing) {
          const [at, ...reason] = failing.split('|');
          if (now - Number(at) > ms) found.push({ ...job, failure: reason.join('|') });
          continue;
        }
        if (now - job.trackedAt <= (job.checkRunId === undefined ? CLAIM_LEASE_MS : ms)) continue;
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

  work(processor: JobProcessor, concurrency: number, failed: FailureHandler): void {
    const lockDuration = this.options.lockDurationMs ?? 30_000;
    const maxStalledCount = this.options.maxStalledCount ?? 3;
    const connection = this.#redis.duplicate({ maxRetriesPerRequest: null });
    this.#connections.push(connection);
    const worker = new Worker<PullRequestJob>(QUEUE, async (job: Job<PullRequestJob>) => {
      try {
        await processor(job.data, job.attemptsMade + 1);
      } catch (error) {
        throw error instanceof PermanentFailure ? new UnrecoverableError(error.message) : error;
      }
    }, {
      connection, concurrency,
      // A killed worker's job is back in the queue after about one lock duration; it may stall a few times. One
      // that stalled more often (it kills its workers?) fails for good on the next worker that takes it.
      lockDuration, stalledInterval: lockDuration, maxStalledCount,
    });
    // BullMQ tells the worker of every failed attempt (a stalled job's final failure included); `finishedOn` is set
    // only when no retry follows. `markFailed` makes the report happen once even if this instance dies meanwhile.
    worker.on('failed', (job, error) => {
      if (!job?.finishedOn) return;
      void failed(job.data, error.message === STALLED_TOO_OFTEN ? `the worker running it stopped (crashed or was killed) ${maxStalledCount + 1} time(s)` : messageOf(error));
    });
    this.#workers.push(worker);
  }

  async close(): Promise<PullRequestJob[]> {
    await Promise.all(this.#workers.map((w) => w.close()));
    await this.#queue.close();
    for (const connection of [...this.#connections, this.#redis]) connection.disconnect();
    return [];
  }
}

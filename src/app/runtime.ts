import { availableParallelism } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';
import { ProbotOctokit, type Logger, type Probot } from 'probot';
import { AnalysisPool } from './analysis-pool.js';
import { createFailureReporter, createJobProcessor } from './check-job.js';
import { requeueLeftRuns } from './left-runs.js';
import { MemoryJobQueue } from './queue/memory-queue.js';
import { CLAIM_LEASE_MS, type JobQueue } from './queue/queue.js';
import { RedisJobQueue } from './queue/redis-queue.js';
import { writeLanes } from './write-lanes.js';

/** The App's settings beyond Probot's own (docs/app.md lists them all). */
export interface RuntimeSettings {
  redisUrl?: string;
  /** Jobs one instance runs at once (each analysis on its own worker thread); 0: this instance only answers webhooks. */
  concurrency: number;
  /**
   * A tracked job neither queued nor running for this long was left by a dead instance and is queued again; a
   * failure whose report was not made for this long is reported again.
   */
  recoverAfterMs: number;
  /** How long a worker may go silent before its job is given to another (Redis only). */
  lockDurationMs: number;
  /** The pace of GitHub writes, shared by every instance with Redis; default: github.com's (GHES without rate limits can go faster). */
  writeIntervalMs?: number;
}

function count(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${value}"`);
  return n;
}

export function settingsFrom(env: NodeJS.ProcessEnv, defaultConcurrency = availableParallelism()): RuntimeSettings {
  return {
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    concurrency: count(env.SEGGUARD_WORKER_CONCURRENCY, defaultConcurrency, 'SEGGUARD_WORKER_CONCURRENCY'),
    recoverAfterMs: count(env.SEGGUARD_RECOVER_AFTER_SECONDS, 600, 'SEGGUARD_RECOVER_AFTER_SECONDS') * 1000,
    lockDurationMs: count(env.SEGGUARD_JOB_LOCK_SECONDS, 30, 'SEGGUARD_JOB_LOCK_SECONDS') * 1000,
    ...(env.SEGGUARD_WRITE_INTERVAL_MS ? { writeIntervalMs: count(env.SEGGUARD_WRITE_INTERVAL_MS, 0, 'SEGGUARD_WRITE_INTERVAL_MS') } : {}),
  };
}

/** Probot reads REDIS_URL itself and then loads ioredis by name, which a bundle cannot; the App shares throttling itself. */
export function probotEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, REDIS_URL: '' };
}

/**
 * Probot's Octokit with its throttling state in Redis (what Probot does for REDIS_URL), so that every instance
 * and worker counts against the same GitHub rate limits; without Redis, Probot's per-process throttling. Writes go
 * in two lanes (src/app/write-lanes.ts): the webhooks' and the jobs'. With `writeIntervalMs`, writes (and the
 * comments that notify) are paced that far apart instead of @octokit/plugin-throttling's 1 s and 3 s for github.com
 * (a GitHub Enterprise Server without rate limits).
 */
export function octokitFor(settings: RuntimeSettings): typeof ProbotOctokit {
  const shared = settings.redisUrl
    ? { Bottleneck, connection: new Bottleneck.IORedisConnection({ Redis, client: new Redis(settings.redisUrl) }) }
    : {};
  // The plugin's own groups (same ids, same connection), only with another pace; the webhooks' lane beside them.
  const paced = (id: string, minTime: number) => new Bottleneck.Group({ id, maxConcurrent: 1, minTime, timeout: 2 * 60 * 1000, ...shared });
  const writeMs = settings.writeIntervalMs ?? 1000;
  const pace = {
    write: writeLanes(paced('octokit-write', writeMs), paced('segguard-webhook-write', writeMs)),
    ...(settings.writeIntervalMs === undefined ? {} : { notifications: paced('octokit-notifications', settings.writeIntervalMs) }),
  };
  return ProbotOctokit.defaults((options: { throttle?: object }) => ({ ...options, throttle: { ...options.throttle, ...shared, ...pace } }));
}

export function createQueue(settings: RuntimeSettings, log: Logger): JobQueue {
  if (settings.redisUrl) {
    log.info('segguard: jobs queue in Redis (durable, shared by every instance)');
    return new RedisJobQueue(settings.redisUrl, { lockDurationMs: settings.lockDurationMs });
  }
  log.warn('segguard: REDIS_URL is not set: jobs queue in this process\'s memory, NOT durable (a restart loses queued checks) and not shared with other instances');
  return new MemoryJobQueue();
}

/** Why the run of a job the in-process queue held when the App stopped is completed as `failure`. */
const STOPPED = 'the App stopped before this job ran; without REDIS_URL its queue is in memory and is lost on restart';

/**
 * Starts this process's share of the work: the analysis threads, the queue's consumer with the report of jobs
 * that fail for good, and the recovery of what a dead instance left (at start and then periodically). Returns what
 * stops them; stopping reports the jobs the in-process queue loses on their runs.
 */
export function startWorkers(probot: Pick<Probot, 'auth'>, queue: JobQueue, settings: RuntimeSettings, log: Logger): () => Promise<void> {
  if (settings.concurrency === 0) return async () => undefined;
  const pool = new AnalysisPool(settings.concurrency);
  const deps = { queue, analyze: pool.analyze.bind(pool), octokitFor: (id: number) => probot.auth(id), log, reportLeaseMs: settings.recoverAfterMs };
  const reportFailure = createFailureReporter(deps);
  queue.work(createJobProcessor(deps), settings.concurrency, reportFailure);
  const recover = async () => {
    for (const job of await queue.abandoned(settings.recoverAfterMs)) {
      const fields = { repository: `${job.owner}/${job.repo}`, pullRequest: job.pullNumber, head: job.headSha };
      if (job.failure !== undefined) {
        log.warn(fields, 'segguard: reporting the failure of a job whose report did not happen');
        await reportFailure(job, job.failure);
      } else {
        log.warn(fields, 'segguard: re-queued a job a stopped instance left');
        await queue.add({ ...job, trackedAt: Date.now() });
      }
    }
  };
  // Often enough that a claim left without its job waits about CLAIM_LEASE_MS, not the longer recovery timeout.
  const timer = setInterval(() => void recover().catch((error: unknown) => log.error({ err: error }, 'segguard: recovery failed')),
    Math.max(1000, Math.min(settings.recoverAfterMs, CLAIM_LEASE_MS / 2)));
  timer.unref();
  void recover().catch((error: unknown) => log.error({ err: error }, 'segguard: recovery failed'));
  // The in-process queue starts empty: the runs a crashed process left are found on GitHub instead.
  if (queue.kind === 'memory') {
    void requeueLeftRuns(probot, queue, log).catch((error: unknown) => log.error({ err: error }, 'segguard: the start-up look for left check runs failed'));
  }
  log.info(`segguard: ${settings.concurrency} worker(s) in this process`);
  return async () => {
    clearInterval(timer);
    for (const job of await queue.close()) await reportFailure(job, STOPPED);
    await pool.close();
  };
}

/** `GET /healthz`: 200 with the queue's kind and depth when its store answers, 503 otherwise. */
export function healthHandler(queue: JobQueue) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/healthz') return false;
    try {
      await queue.ping();
      const depth = await queue.depth();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', queue: queue.kind, durable: queue.kind === 'redis', depth }));
    } catch (error) {
      response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unavailable', queue: queue.kind, error: String(error) }));
    }
    return true;
  };
}

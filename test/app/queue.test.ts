import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdOf, type PullRequestJob } from '../../src/app/queue/job.js';
import { MemoryJobQueue } from '../../src/app/queue/memory-queue.js';
import { ATTEMPTS, CLAIM_LEASE_MS, PermanentFailure, type JobQueue } from '../../src/app/queue/queue.js';
import { QUEUE, RedisJobQueue } from '../../src/app/queue/redis-queue.js';
import { skipForMissingTool } from '../helpers/required-tool.js';
import { onQueue, type QueueKind } from './queue-kinds.js';
import { REDIS_SERVER, startRedisServer, until } from './app-cluster.js';

/** The semantics both queues share (the App relies on them for duplicates, superseding and recovery). */

const job = (headSha: string, updatedAt: number, trackedAt = Date.now(), more: Partial<PullRequestJob> = {}): PullRequestJob => ({
  installationId: 1, owner: 'acme', repo: 'platform', pullNumber: 7, baseSha: 'b'.repeat(40), headSha, checkRunId: 3, updatedAt, trackedAt, ...more,
});
const never = async () => { throw new Error('no job may fail for good here'); };

let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
let redisUrl = '';
let round = 0;

beforeAll(async () => {
  if (!REDIS_SERVER) return;
  redis = await startRedisServer();
  redisUrl = `${redis.url}/`;
}, 30_000);

afterAll(() => {
  redis?.stop();
});

describe.each<[QueueKind, () => JobQueue]>([
  ['in-process', () => new MemoryJobQueue()],
  // A fresh database per test: the Redis queue keeps its state across instances, which is its point.
  ['Redis', () => new RedisJobQueue(`${redisUrl}${round++ % 16}`)],
])('the %s queue', (kind, make) => {
  const withQueue = (test: (queue: JobQueue) => Promise<void>) => onQueue(kind, make, test);

  it('lets one claim per head through, and again once released (a "Re-run")', withQueue(async (queue) => {
    const claimed = job('c1', 1);
    expect([await queue.claim(claimed), await queue.claim(claimed)]).toEqual([true, false]);
    await queue.release(jobIdOf(claimed));
    expect(await queue.claim(claimed)).toBe(true);
  }));

  it('remembers deliveries', withQueue(async (queue) => {
    expect(await queue.deliverySeen('d-1')).toBe(false);
    await queue.rememberDelivery('d-1');
    expect([await queue.deliverySeen('d-1'), await queue.deliverySeen('d-2')]).toEqual([true, false]);
  }));

  it('keeps the newest head of a pull request: a late webhook of an older one does not replace it', withQueue(async (queue) => {
    const first = job('c1', 1000);
    const second = job('c2', 2000);
    expect(await queue.moveHead('pr', { state: 'open', job: first })).toEqual({ replaced: true });
    expect(await queue.moveHead('pr', { state: 'open', job: second })).toEqual({ replaced: true, previous: expect.objectContaining({ state: 'open', job: first }) });
    expect(await queue.moveHead('pr', { state: 'open', job: first })).toEqual({ replaced: false, previous: expect.objectContaining({ job: second }) });
    expect(await queue.moveHead('pr', { state: 'closed', updatedAt: 3000 })).toMatchObject({ replaced: true });
    expect(await queue.head('pr')).toMatchObject({ state: 'closed' });
  }));

  it('orders two pushes within one second by the newer one\'s `before`, whichever is recorded first', withQueue(async (queue) => {
    const older = job('c1', 5000);
    const newer = job('c2', 5000, Date.now(), { previousHeadSha: 'c1' });
    expect(await queue.moveHead('a', { state: 'open', job: older })).toMatchObject({ replaced: true });
    expect(await queue.moveHead('a', { state: 'open', job: newer })).toMatchObject({ replaced: true });
    expect(await queue.moveHead('b', { state: 'open', job: newer })).toMatchObject({ replaced: true });
    expect(await queue.moveHead('b', { state: 'open', job: older })).toMatchObject({ replaced: false, previous: { job: newer } });
    expect([await queue.head('a'), await queue.head('b')]).toEqual([expect.objectContaining({ job: newer }), expect.objectContaining({ job: newer })]);
  }));

  it('removes a queued job, counts it in the depth until then, and runs what is left', withQueue(async (queue) => {
    const [older, newer] = [job('c1', 1), job('c2', 2)];
    await queue.add(older);
    await queue.add(newer);
    expect(await queue.depth()).toBe(2);
    expect(await queue.remove(jobIdOf(older))).toBe(true);
    expect(await queue.remove(jobIdOf(older))).toBe(false);
    const ran: string[] = [];
    queue.work(async (j) => { ran.push(j.headSha); }, 1, never);
    await until('the job to run', 10_000, () => ran.length > 0);
    expect(ran).toEqual(['c2']);
    await queue.ping();
  }));

  it('retries a failed attempt with back-off, counting the attempts', withQueue(async (queue) => {
    const attempts: number[] = [];
    queue.work(async (_j, attempt) => {
      attempts.push(attempt);
      if (attempt === 1) throw new Error('502');
    }, 1, never);
    await queue.add(job('c1', 1));
    await until('the retry', 15_000, () => attempts.length === 2);
    expect(attempts).toEqual([1, 2]);
  }), 20_000);

  it('fails a job for good at once on a PermanentFailure and says so once, with the reason', withQueue(async (queue) => {
    const attempts: number[] = [];
    const failed: [string, string][] = [];
    queue.work(async (_j, attempt) => {
      attempts.push(attempt);
      throw new PermanentFailure('No commit found for SHA: c1');
    }, 1, async (j, reason) => { failed.push([j.headSha, reason]); });
    await queue.add(job('c1', 1));
    await until('the failure', 10_000, () => failed.length > 0);
    // Time for a retry, had there been one (the first back-off is 2 s).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect([attempts, failed]).toEqual([[1], [['c1', 'No commit found for SHA: c1']]]);
  }), 15_000);

  it('fails a job for good once its attempts are used up and says so once, with the last reason', withQueue(async (queue) => {
    const attempts: number[] = [];
    const failed: string[] = [];
    queue.work(async (_j, attempt) => {
      attempts.push(attempt);
      throw new Error(`502 Bad Gateway (attempt ${attempt})`);
    }, 1, async (_j, reason) => { failed.push(reason); });
    await queue.add(job('c1', 1));
    // Back-offs of 2, 4 and 8 s.
    await until('the last attempt\'s failure', 20_000, () => failed.length > 0);
    expect([attempts, failed]).toEqual([[1, 2, 3, 4], [`502 Bad Gateway (attempt ${ATTEMPTS})`]]);
  }), 25_000);

  it('gives the report of a failure to one caller, again once its lease ran out, and to none once released', withQueue(async (queue) => {
    const failed = job('c1', 1);
    const id = jobIdOf(failed);
    expect(await queue.markFailed(id, 'boom', 60_000)).toBeUndefined();
    await queue.claim(failed);
    const [first, second] = await Promise.all([queue.markFailed(id, 'boom', 60_000), queue.markFailed(id, 'other', 60_000)]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(first ?? second).toEqual({ ...failed, failure: expect.stringMatching(/^(boom|other)$/) });
    const reason = (first ?? second)!.failure;
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The first report did not happen within its lease: the next caller makes it, with the first reason.
    expect(await queue.markFailed(id, 'later', 10)).toEqual({ ...failed, failure: reason });
    await queue.release(id);
    expect(await queue.markFailed(id, 'later', 0)).toBeUndefined();
  }));

  it('finds what a dead instance left: a claim without its job after the claim lease, a job after the timeout, an unreported failure', withQueue(async (queue) => {
    const left = job('c1', 1, Date.now() - 60_000);
    await queue.claim(left);
    await queue.add(left);
    // Queued: not abandoned.
    expect(await queue.abandoned(1000)).toEqual([]);
    await queue.remove(jobIdOf(left));
    expect(await queue.abandoned(1000)).toEqual([left]);
    expect(await queue.abandoned(120_000)).toEqual([]);
    await queue.release(jobIdOf(left));
    expect(await queue.abandoned(1000)).toEqual([]);

    // Claimed, then the instance died before its check run existed or its job was queued.
    const { checkRunId: _, ...claim } = job('c2', 2, Date.now() - CLAIM_LEASE_MS - 1000);
    await queue.claim(claim);
    expect(await queue.abandoned(600_000)).toEqual([claim]);
    await queue.release(jobIdOf(claim));
    const fresh = { ...claim, trackedAt: Date.now() };
    await queue.claim(fresh);
    expect(await queue.abandoned(0)).toEqual([]);
    await queue.release(jobIdOf(fresh));

    // Failed for good, and whoever was to report it stopped.
    const failed = job('c3', 3);
    await queue.claim(failed);
    await queue.markFailed(jobIdOf(failed), 'boom', 0);
    expect(await queue.abandoned(60_000)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await queue.abandoned(10)).toEqual([{ ...failed, failure: 'boom' }]);
  }));
});

describe('the Redis queue when workers die', () => {
  it('fails a job whose workers died with it too often for good and says so once, on one of the instances', async (context) => {
    if (!REDIS_SERVER) skipForMissingTool(context, 'redis-server', 'apt-get install redis-server');
    const url = `${redisUrl}15`;
    const options = { lockDurationMs: 500, maxStalledCount: 0 };
    const producer = new RedisJobQueue(url, options);
    const connection = new Redis(url, { maxRetriesPerRequest: null });
    // A worker that takes the job and dies with it: no answer, no lock renewal (BullMQ's force close stops both).
    const dying = new Worker(QUEUE, () => new Promise(() => undefined), { connection, lockDuration: 500, stalledInterval: 500 });
    const taken = new Promise((resolve) => dying.once('active', resolve));
    const instances = [new RedisJobQueue(url, options), new RedisJobQueue(url, options)];
    try {
      const stalled = job('c1', 1);
      await producer.claim(stalled);
      await producer.add(stalled);
      await taken;
      await dying.close(true);
      const ran: string[] = [];
      const failed: [number, string][] = [];
      instances.forEach((queue, i) => queue.work(async (j) => { ran.push(j.headSha); }, 1, async (j, reason) => { failed.push([i, reason]); }));
      await until('the stalled job to fail for good', 15_000, () => failed.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(failed).toEqual([[expect.any(Number), 'the worker running it stopped (crashed or was killed) 1 time(s)']]);
      expect(ran).toEqual([]);
    } finally {
      connection.disconnect();
      await Promise.all([producer, ...instances].map((q) => q.close()));
    }
  }, 30_000);
});

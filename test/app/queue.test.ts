import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { jobIdOf, type PullRequestJob } from '../../src/app/queue/job.js';
import { MemoryJobQueue } from '../../src/app/queue/memory-queue.js';
import type { JobQueue } from '../../src/app/queue/queue.js';
import { RedisJobQueue } from '../../src/app/queue/redis-queue.js';
import { skipForMissingTool } from '../helpers/required-tool.js';
import { REDIS_SERVER, startRedisServer, until } from './app-cluster.js';

/** The semantics both queues share (the App relies on them for duplicates, superseding and recovery). */

const job = (headSha: string, updatedAt: number, trackedAt = Date.now()): PullRequestJob => ({
  installationId: 1, owner: 'acme', repo: 'platform', pullNumber: 7, baseSha: 'b'.repeat(40), headSha, checkRunId: 3, updatedAt, trackedAt,
});

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

describe.each([
  ['in-process', () => new MemoryJobQueue() as JobQueue],
  // A fresh database per test: the Redis queue keeps its state across instances, which is its point.
  ['Redis', () => new RedisJobQueue(`${redisUrl}${round++ % 16}`)],
])('the %s queue', (kind, make) => {
  const withQueue = (test: (queue: JobQueue) => Promise<void>) => async (context: TestContext) => {
    if (kind === 'Redis' && !REDIS_SERVER) skipForMissingTool(context, 'redis-server', 'apt-get install redis-server');
    const queue = make();
    try {
      await test(queue);
    } finally {
      await queue.close();
    }
  };

  it('lets one claim per head through, and again once released (a "Re-run")', withQueue(async (queue) => {
    const id = jobIdOf(job('c1', 1));
    expect([await queue.claim(id), await queue.claim(id)]).toEqual([true, false]);
    await queue.release(id);
    expect(await queue.claim(id)).toBe(true);
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

  it('removes a queued job, counts it in the depth until then, and runs what is left', withQueue(async (queue) => {
    const [older, newer] = [job('c1', 1), job('c2', 2)];
    await queue.add(older);
    await queue.add(newer);
    expect(await queue.depth()).toBe(2);
    expect(await queue.remove(jobIdOf(older))).toBe(true);
    expect(await queue.remove(jobIdOf(older))).toBe(false);
    const ran: string[] = [];
    queue.work(async (j) => { ran.push(j.headSha); }, 1);
    await until('the job to run', 10_000, () => ran.length > 0);
    expect(ran).toEqual(['c2']);
    await queue.ping();
  }));

  it('retries a failed attempt with back-off and says which attempt is the last', withQueue(async (queue) => {
    const attempts: { number: number; last: boolean }[] = [];
    queue.work(async (_j, attempt) => {
      attempts.push(attempt);
      if (attempt.number === 1) throw new Error('502');
    }, 1);
    await queue.add(job('c1', 1));
    await until('the retry', 15_000, () => attempts.length === 2);
    expect(attempts).toEqual([{ number: 1, last: false }, { number: 2, last: false }]);
  }), 20_000);

  it('finds the tracked jobs a dead instance left neither queued nor running, once they are old enough', withQueue(async (queue) => {
    const left = job('c1', 1, Date.now() - 60_000);
    await queue.claim(jobIdOf(left));
    await queue.add(left);
    // Queued: not abandoned.
    expect(await queue.abandoned(1000)).toEqual([]);
    await queue.remove(jobIdOf(left));
    expect(await queue.abandoned(1000)).toEqual([left]);
    expect(await queue.abandoned(120_000)).toEqual([]);
    await queue.release(jobIdOf(left));
    expect(await queue.abandoned(1000)).toEqual([]);
  }));
});

import { createHash } from 'node:crypto';
import { Probot, ProbotOctokit } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePullRequest, type AnalysisInput } from '../../src/app/analysis.js';
import { createFailureReporter, createJobProcessor, type JobDependencies } from '../../src/app/check-job.js';
import { createSegguardApp } from '../../src/app/index.js';
import type { PullRequestJob } from '../../src/app/queue/job.js';
import { MemoryJobQueue } from '../../src/app/queue/memory-queue.js';
import { CLAIM_LEASE_MS, type JobQueue } from '../../src/app/queue/queue.js';
import { RedisJobQueue } from '../../src/app/queue/redis-queue.js';
import { startWorkers } from '../../src/app/runtime.js';
import { onQueue, type QueueKind } from './queue-kinds.js';
import { pullRequestPayload, REDIS_SERVER, startRedisServer, until } from './app-cluster.js';
import { GitHubHttpStandIn } from './github-http-stand-in.js';

/**
 * The App's webhook and worker sides in this process, on each queue, against GitHub's HTTP stand-in: pushes that
 * race, an instance that dies between claiming a head and queueing its job, and a failure that cannot be reported
 * at first. (The bundled App on several processes: multi-instance.test.ts.)
 */

const github = new GitHubHttpStandIn({ latencyMs: 20 });
let host = '';
let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
let database = 0;
let nextPr = 100;
const sha = (name: string) => `c${createHash('sha1').update(name).digest('hex').slice(1)}`;

beforeAll(async () => {
  host = await github.start();
  if (REDIS_SERVER) redis = await startRedisServer();
}, 30_000);

afterAll(async () => {
  redis?.stop();
  await github.stop();
});

async function probotOnStandIn(): Promise<Probot> {
  const probot = new Probot({
    githubToken: 'test', logLevel: 'fatal', baseUrl: `http://${host}/api/v3`,
    Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  await probot.ready();
  return probot;
}

function dependencies(probot: Probot, queue: JobQueue, octokitFor = (id: number) => probot.auth(id)): JobDependencies {
  return { queue, analyze: async (input: AnalysisInput) => analyzePullRequest(input), octokitFor, log: probot.log, reportLeaseMs: 60_000 };
}

const completed = (head: string) => github.runsOf(head).every((r) => r.states.at(-1)!.startsWith('completed')) && github.runsOf(head).length > 0;

describe.each<[QueueKind, () => JobQueue]>([
  ['in-process', () => new MemoryJobQueue()],
  ['Redis', () => new RedisJobQueue(`${redis!.url}/${database++}`)],
])('the App on the %s queue', (kind, make) => {
  const withQueue = (test: (queue: JobQueue) => Promise<void>) => onQueue(kind, make, test);

  for (const [order, newerFirst] of [['older first', false], ['newer first', true]] as const) {
    it(`ends two pushes of one second delivered concurrently (${order}) with the older cancelled, naming the newer, and the newer completed`, withQueue(async (queue) => {
      const probot = await probotOnStandIn();
      probot.load(createSegguardApp(queue));
      const deps = dependencies(probot, queue);
      queue.work(createJobProcessor(deps), 2, createFailureReporter(deps));
      const pr = nextPr++;
      const [older, newer] = [sha(`${kind}-${order}-older`), sha(`${kind}-${order}-newer`)];
      // GitHub's updated_at counts whole seconds: both pushes carry the same one; the newer names the older as `before`.
      const at = new Date(Math.floor(Date.now() / 1000) * 1000);
      const push = (head: string, before: string) => probot.receive({
        name: 'pull_request', id: `push-${head}`,
        payload: { ...pullRequestPayload({ action: 'synchronize', number: pr, headSha: head, updatedAt: at }), before },
      } as never);
      const pushes = [() => push(older, sha('base-head')), () => push(newer, older)];
      await Promise.all((newerFirst ? pushes.reverse() : pushes).map((send) => send()));
      await until('both runs to complete and the newer one\'s delivery', 30_000, () => completed(older) && completed(newer) && (github.issueComments.get(pr)?.length ?? 0) > 0);

      const [olderRuns, newerRuns] = [github.runsOf(older), github.runsOf(newer)];
      expect(olderRuns.map((r) => r.states.at(-1))).toEqual(['completed:cancelled']);
      expect(olderRuns[0].summary).toContain(`Superseded by commit ${newer}`);
      expect(newerRuns.map((r) => r.states.at(-1))).toEqual(['completed:failure']);
      expect(newerRuns[0].title).toMatch(/^❌ Blocks merge/);
      expect(github.issueComments.get(pr)).toHaveLength(1);
    }), 40_000);
  }

  it('queues the job of a head an instance claimed and created the run of, then died before queueing: that run completes', withQueue(async (queue) => {
    const probot = await probotOnStandIn();
    const head = sha(`${kind}-claimed`);
    const pullNumber = nextPr++;
    // What the webhook did before the instance died: the claim (a minute and more ago), then the `queued` run.
    const claim: PullRequestJob = {
      installationId: 1, owner: 'acme', repo: 'platform', pullNumber, baseSha: `b${'2'.repeat(39)}`, headSha: head,
      updatedAt: Date.now() - CLAIM_LEASE_MS - 5000, trackedAt: Date.now() - CLAIM_LEASE_MS - 5000,
    };
    expect(await queue.claim(claim)).toBe(true);
    await (await probot.auth(1)).request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'platform', name: 'segguard', head_sha: head, status: 'queued' });

    // Another instance starts (a recovery timeout far longer than the claim's lease).
    const stop = startWorkers(probot, queue, { concurrency: 1, recoverAfterMs: 600_000, lockDurationMs: 30_000 }, probot.log);
    try {
      await until('the claimed head\'s run to complete', 30_000, () => completed(head));
      // Released once delivered: a "Re-run" of that head may claim it again.
      await until('the claim to be released', 10_000, () => queue.claim({ ...claim, trackedAt: Date.now() }));
    } finally {
      await stop();
    }
    expect(github.runsOf(head).map((r) => r.states)).toEqual([['queued', 'in_progress', 'completed:failure']]);
  }), 40_000);

  it('on stop, lets the running job finish and (in-process) completes the runs of the jobs it loses as failure, saying why', withQueue(async (queue) => {
    const probot = await probotOnStandIn();
    const octokit = await probot.auth(1);
    const jobs = await Promise.all(['running', 'waiting'].map(async (name): Promise<PullRequestJob> => {
      const headSha = sha(`${kind}-stop-${name}`);
      const { data: run } = await octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'platform', name: 'segguard', head_sha: headSha, status: 'queued' });
      return { installationId: 1, owner: 'acme', repo: 'platform', pullNumber: nextPr++, baseSha: `b${'4'.repeat(39)}`, headSha, checkRunId: Number(run.id), updatedAt: Date.now(), trackedAt: Date.now() };
    }));
    const stop = startWorkers(probot, queue, { concurrency: 1, recoverAfterMs: 600_000, lockDurationMs: 30_000 }, probot.log);
    for (const job of jobs) {
      await queue.claim(job);
      await queue.add(job);
    }
    await until('the first job to start', 10_000, () => github.runsOf(jobs[0].headSha)[0].states.includes('in_progress'));
    await stop();
    const [running, waiting] = jobs.map((j) => github.runsOf(j.headSha)[0]);
    expect(running.states).toEqual(['queued', 'in_progress', 'completed:failure']);
    expect(running.title).toMatch(/^❌ Blocks merge/);
    if (kind === 'in-process') {
      expect(waiting.states).toEqual(['queued', 'completed:failure']);
      expect(waiting.summary).toContain('the App stopped before this job ran; without REDIS\\_URL its queue is in memory and is lost on restart');
    } else {
      // Durable: the job waits in Redis for the next worker.
      expect(waiting.states).toEqual(['queued']);
    }
  }), 40_000);

  it('reports a failure for good once the installation has a client again: until then the job stays marked, found by recovery', withQueue(async (queue) => {
    const probot = await probotOnStandIn();
    const head = sha(`${kind}-no-client`);
    const { data: run } = await (await probot.auth(1)).request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'platform', name: 'segguard', head_sha: head, status: 'queued' });
    const job: PullRequestJob = {
      installationId: 1, owner: 'acme', repo: 'platform', pullNumber: nextPr++, baseSha: `b${'3'.repeat(39)}`, headSha: head,
      checkRunId: Number(run.id), updatedAt: Date.now(), trackedAt: Date.now(),
    };
    await queue.claim(job);
    let clientWorks = false;
    const report = createFailureReporter({
      ...dependencies(probot, queue, async (id) => {
        if (!clientWorks) throw new Error('HttpError: A JSON web token could not be decoded');
        return probot.auth(id);
      }),
      reportLeaseMs: 50,
    });

    await report(job, 'Bad Gateway');
    expect(github.runsOf(head)[0].states).toEqual(['queued']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const left = await queue.abandoned(50);
    expect(left).toEqual([{ ...job, failure: 'Bad Gateway' }]);

    clientWorks = true;
    await report(left[0], left[0].failure!);
    expect(github.runsOf(head)[0].states).toEqual(['queued', 'completed:failure']);
    expect(github.runsOf(head)[0].summary).toContain('- Bad Gateway');
    // Reported and released: nothing left to recover, and a second report (another instance's) does nothing.
    expect(await queue.abandoned(0)).toEqual([]);
    await report(job, 'Bad Gateway');
    expect(github.runsOf(head)[0].states).toEqual(['queued', 'completed:failure']);
  }), 20_000);
});

describe('the in-process App after a crash', () => {
  it('queues again, on start, the segguard runs left queued or in_progress on the heads of open, ready pull requests', async () => {
    const probot = await probotOnStandIn();
    const octokit = await probot.auth(1);
    const head = (name: string) => sha(`left-${name}`);
    const run = async (name: string, body: Record<string, string>) => {
      await octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'platform', name: 'segguard', head_sha: head(name), ...body });
    };
    // What a crashed process left on GitHub (its memory is gone).
    await run('queued', { status: 'queued' });
    await run('analyzing', { status: 'in_progress' });
    await run('done', { status: 'completed', conclusion: 'success' });
    await run('draft', { status: 'queued' });
    github.openPullRequests.push(
      { number: nextPr++, headSha: head('queued') }, { number: nextPr++, headSha: head('analyzing') }, { number: nextPr++, headSha: head('done') },
      { number: nextPr++, headSha: head('draft'), draft: true }, { number: nextPr++, headSha: head('never-checked') },
    );
    const queue = new MemoryJobQueue();
    const stop = startWorkers(probot, queue, { concurrency: 1, recoverAfterMs: 600_000, lockDurationMs: 30_000 }, probot.log);
    try {
      await until('the left runs to complete', 30_000, () => completed(head('queued')) && completed(head('analyzing')));
      await queue.idle();
    } finally {
      await stop();
      github.openPullRequests.length = 0;
    }
    expect(github.runsOf(head('queued')).map((r) => r.states)).toEqual([['queued', 'in_progress', 'completed:failure']]);
    expect(github.runsOf(head('analyzing')).map((r) => r.states)).toEqual([['in_progress', 'in_progress', 'completed:failure']]);
    // Completed runs, drafts, and heads never checked are left alone.
    expect(github.runsOf(head('done')).map((r) => r.states)).toEqual([['completed:success']]);
    expect(github.runsOf(head('draft')).map((r) => r.states)).toEqual([['queued']]);
    expect(github.runsOf(head('never-checked'))).toEqual([]);
  }, 40_000);
});

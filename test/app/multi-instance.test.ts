import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipForMissingTool } from '../helpers/required-tool.js';
import { AppCluster, pullRequestPayload, REDIS_SERVER, sendWebhook, until, type AppProcess, type PullRequestEvent } from './app-cluster.js';
import { GitHubHttpStandIn } from './github-http-stand-in.js';
import { jobIdOf, type PullRequestJob } from '../../src/app/queue/job.js';

/**
 * The App at scale, as deployed: two App processes and a segguard-worker process (the bundles) sharing one real
 * Redis, GitHub played by an HTTP stand-in, 50 pull requests' signed webhooks with superseding pushes,
 * redeliveries (to the other instance, and late ones of a superseded head) and injected 502s; one App instance is
 * killed (SIGKILL) while it runs jobs. Every pull request must end with exactly what one instance would give it.
 */

const PRS = 50;
const sha = (pr: number, push: number) => `c${createHash('sha1').update(`pr-${pr}-push-${push}`).digest('hex').slice(1)}`;
/** Every third pull request gets a second push right after its first; it supersedes the first. */
const pushesOf = (pr: number) => (pr % 3 === 0 ? 2 : 1);
const latest = (pr: number) => sha(pr, pushesOf(pr));
/** These pull requests are closed right after their pushes (every fourth of them converted to a draft instead). */
const closes = (pr: number) => pr % 10 === 7;

interface Delivery {
  id: string;
  event: PullRequestEvent;
}

describe('the App on several instances sharing Redis', () => {
  const github = new GitHubHttpStandIn({ latencyMs: 40, failEveryNthCompare: 7 });
  const cluster = new AppCluster();
  let host = '';
  const clock = Date.now();
  let tick = 0;
  const delivery = (pr: number, push: number): Delivery => ({
    id: `delivery-${pr}-${push}`,
    // Each webhook of a pull request is newer than the one before (GitHub's updated_at).
    event: { action: push === 1 ? 'opened' : 'synchronize', number: pr, headSha: sha(pr, push), updatedAt: new Date(clock + 1000 * tick++) },
  });

  beforeAll(async () => {
    if (!REDIS_SERVER) return;
    host = await github.start();
    await cluster.start();
  }, 120_000);

  afterAll(async () => {
    await cluster.stop();
    await github.stop();
  });

  it('gives every pull request one completed run for its newest head, cancels superseded runs, duplicates nothing and loses no job of a killed instance', async (context) => {
    if (!REDIS_SERVER) skipForMissingTool(context, 'redis-server', 'apt-get install redis-server');
    const settings = { SEGGUARD_WORKER_CONCURRENCY: '1', SEGGUARD_WRITE_INTERVAL_MS: '0', SEGGUARD_JOB_LOCK_SECONDS: '2', SEGGUARD_RECOVER_AFTER_SECONDS: '30' };
    const [a, b] = [await cluster.app('A', host, settings), await cluster.app('B', host, settings)];
    const closedAt = new Map<number, number>();
    const worker = await cluster.worker('W', host, { ...settings, SEGGUARD_WORKER_CONCURRENCY: '2' });
    const send = async (to: AppProcess, d: Delivery) => {
      // Every fifth pull request's webhooks go to `/`, where an App registered through Probot's setup page gets them.
      const answer = await sendWebhook(to.port!, 'pull_request', d.id, pullRequestPayload(d.event), d.event.number % 5 ? undefined : '/');
      expect(answer.status, `${d.id} to ${to.name}`).toBe(200);
    };
    /** A pull request's pushes, in order, and redeliveries: the newest push again (to the other instance), the first again late. */
    const pullRequest = async (pr: number, to: AppProcess, other: AppProcess) => {
      const pushes = Array.from({ length: pushesOf(pr) }, (_, i) => delivery(pr, i + 1));
      for (const push of pushes) await send(to, push);
      if (pr % 4 === 0) await Promise.all([send(other, pushes.at(-1)!), send(to, pushes.at(-1)!)]);
      if (pushes.length > 1 && pr % 2 === 0) await send(other, pushes[0]);
      if (closes(pr)) closedAt.set(pr, performance.now());
      if (closes(pr)) await send(other, { id: `delivery-${pr}-close`, event: { ...pushes.at(-1)!.event, action: pr === 17 ? 'converted_to_draft' : 'closed', updatedAt: new Date(clock + 1000 * tick++) } });
    };

    // Half of the pull requests go to both instances; A is killed while it runs jobs; the rest go to B.
    for (let pr = 1; pr <= PRS / 2; pr++) await pullRequest(pr, pr % 2 ? a : b, pr % 2 ? b : a);
    // Mid-analysis: A started the job and its run is `in_progress` (not yet completed) on GitHub's side.
    const analyzing = () => a.running().filter((id) => github.runsOf(id.split('/').at(-1)!).some((r) => r.states.at(-1) === 'in_progress'));
    const inFlight = await until('A to run a job', 30_000, () => (analyzing().length > 0 ? analyzing() : undefined));
    await a.kill('SIGKILL');
    for (let pr = PRS / 2 + 1; pr <= PRS; pr++) await pullRequest(pr, b, b);

    const done = (pr: number) => github.runsOf(latest(pr)).some((r) => r.states.at(-1)?.startsWith('completed'))
      && (github.runsOf(latest(pr)).some((r) => r.states.at(-1) === 'completed:cancelled') || (github.issueComments.get(pr) ?? []).some((c) => c.body.includes(`updated for ${latest(pr).slice(0, 7)}`)));
    await until(`every pull request delivered (missing: ${Array.from({ length: PRS }, (_, i) => i + 1).filter((pr) => !done(pr)).join(', ')})`,
      150_000, () => Array.from({ length: PRS }, (_, i) => done(i + 1)).every(Boolean));
    // Redeliveries and recovered jobs must not add anything afterwards.
    await until('the queue to drain', 30_000, () => [b, worker].every((p) => p.running().length === 0));
    const health = await fetch(`http://127.0.0.1:${b.port}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok', queue: 'redis', durable: true, depth: 0 }]);

    const expected = github.runsOf(latest(1))[0];
    for (let pr = 1; pr <= PRS; pr++) {
      const runs = github.runsOf(latest(pr));
      expect(runs, `PR ${pr}: one run for its newest head`).toHaveLength(1);
      if (closes(pr) && runs[0].completedAt! > closedAt.get(pr)!) {
        // Closed (or made a draft) before its job ran or while it ran: cancelled, nothing delivered. (A job that
        // finished before the close was even sent is checked like any other below.)
        expect(runs[0].states.at(-1), `PR ${pr}`).toBe('completed:cancelled');
        expect(runs[0].title).toBe('Pull request closed or draft');
        expect(github.reviewComments.filter((c) => c.pullNumber === pr)).toEqual([]);
        expect(github.issueComments.get(pr) ?? []).toEqual([]);
        continue;
      }
      // A job A ran when killed may have completed its run already: the job that takes over completes it again, alike.
      const completions = runs[0].states.filter((s) => s.startsWith('completed'));
      const takenOver = inFlight.some((id) => id.endsWith(`/${pr}/${latest(pr)}`));
      expect(completions, `PR ${pr}`).toEqual(takenOver ? completions.map(() => expected.states.at(-1)) : [expected.states.at(-1)]);
      expect(runs[0].title).toBe(expected.title);
      if (pushesOf(pr) > 1) {
        const superseded = github.runsOf(sha(pr, 1));
        expect(superseded, `PR ${pr}: one run for the superseded head`).toHaveLength(1);
        expect(superseded[0].states.at(-1)).toBe('completed:cancelled');
        expect(superseded[0].summary).toContain(`Superseded by commit ${latest(pr)}`);
      }
      const comments = github.reviewComments.filter((c) => c.pullNumber === pr);
      expect(comments.length, `PR ${pr}: review comments`).toBeGreaterThan(0);
      expect(new Set(comments.map((c) => `${c.path}:${c.line}`)).size, `PR ${pr}: no duplicate review comment`).toBe(comments.length);
      expect(github.issueComments.get(pr), `PR ${pr}: one summary comment`).toHaveLength(1);
    }
    expect(expected.states.at(-1)).toBe('completed:failure');
    // Nothing else was created: one run per head pushed.
    expect(github.checkRuns.size).toBe(Array.from({ length: PRS }, (_, i) => pushesOf(i + 1)).reduce((n, k) => n + k, 0));
    // The killed instance's jobs were taken over by the others (BullMQ's stalled-job recovery).
    const takenOver = [b, worker].flatMap((p) => p.logged('segguard: job started')).map((l) => l.jobId);
    expect(inFlight.every((id) => takenOver.includes(id)), `jobs A ran when killed: ${inFlight.join(', ')}`).toBe(true);
    // GitHub's 502s were retried, not reported.
    expect(github.injected502.length).toBeGreaterThan(0);
  }, 240_000);

  it('re-queues on start a job a dead instance tracked but never queued, and completes its run', async (context) => {
    if (!REDIS_SERVER) skipForMissingTool(context, 'redis-server', 'apt-get install redis-server');
    const head = sha(99, 1);
    // What an instance leaves when it dies between tracking the job and queueing it: a queued run and the job's key.
    const created = await fetch(`http://${host}/api/v3/repos/acme/platform/check-runs`, { method: 'POST', body: JSON.stringify({ name: 'segguard', head_sha: head, status: 'queued' }) });
    const { id: checkRunId } = await created.json() as { id: number };
    const job: PullRequestJob = {
      installationId: 1, owner: 'acme', repo: 'platform', pullNumber: 99, baseSha: `b${'9'.repeat(39)}`, headSha: head, checkRunId,
      updatedAt: Date.now() - 120_000, trackedAt: Date.now() - 120_000,
    };
    const redis = new Redis(cluster.redisUrl);
    await redis.set(`segguard:job:${jobIdOf(job)}`, JSON.stringify(job));
    redis.disconnect();

    const app = await cluster.app('C', host, { SEGGUARD_WORKER_CONCURRENCY: '1', SEGGUARD_WRITE_INTERVAL_MS: '0', SEGGUARD_RECOVER_AFTER_SECONDS: '60' });
    await until('the recovered run to complete', 60_000, () => github.checkRuns.get(checkRunId)!.states.at(-1)?.startsWith('completed'));
    expect(github.checkRuns.get(checkRunId)!.states).toEqual(['queued', 'in_progress', 'completed:failure']);
    expect(app.logged('segguard: re-queued a job a stopped instance left')).toEqual([expect.objectContaining({ pullRequest: 99, head })]);
  }, 90_000);
});

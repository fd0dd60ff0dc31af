import type { Logger, Probot } from 'probot';
import { CHECK_NAME } from '../github/check-run.js';
import type { GitHubClient } from '../github/octokit.js';
import { pullRequestKeyOf, type PullRequestJob } from './queue/job.js';
import type { JobQueue } from './queue/queue.js';

/** How far the start-up look goes: installations, repositories of each, open pull requests of each (one page each). */
export const LEFT_RUNS_LIMIT = 100;

/**
 * Without Redis nothing of a crashed App process survives but its check runs on GitHub. On start, the App looks at
 * the heads of the open pull requests of its installations' repositories and queues a job again for each of its
 * own `segguard` runs still `queued` or `in_progress` (the job completes that run). Bounded: the first
 * LEFT_RUNS_LIMIT installations, repositories of each and most recently updated open pull requests of each; what
 * is beyond is logged, not looked at. Returns how many jobs it queued.
 */
export async function requeueLeftRuns(probot: Pick<Probot, 'auth'>, queue: JobQueue, log: Logger): Promise<number> {
  const app: GitHubClient = await probot.auth();
  const { data: self } = await app.request('GET /app');
  const { data: installations } = await app.request('GET /app/installations', { per_page: LEFT_RUNS_LIMIT });
  const beyond = (what: string, count: number) => {
    if (count >= LEFT_RUNS_LIMIT) log.warn(`segguard: start-up look for left runs: only the first ${LEFT_RUNS_LIMIT} ${what} were looked at`);
  };
  beyond('installations', installations.length);
  let queued = 0;
  for (const installation of installations) {
    const client: GitHubClient = await probot.auth(installation.id);
    const { data: { repositories, total_count: repositoryCount } } = await client.request('GET /installation/repositories', { per_page: LEFT_RUNS_LIMIT });
    beyond(`repositories of installation ${installation.id}`, repositoryCount);
    for (const repository of repositories) {
      const repo = { owner: repository.owner.login, repo: repository.name };
      const { data: pulls } = await client.request('GET /repos/{owner}/{repo}/pulls', { ...repo, state: 'open', sort: 'updated', direction: 'desc', per_page: LEFT_RUNS_LIMIT });
      beyond(`open pull requests of ${repository.full_name}`, pulls.length);
      for (const pr of pulls.filter((p) => !p.draft)) {
        const { data: { check_runs: runs } } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
          ...repo, ref: pr.head.sha, check_name: CHECK_NAME, filter: 'latest', ...(self ? { app_id: self.id } : {}),
        });
        const left = runs.find((run) => run.status !== 'completed');
        if (!left) continue;
        const job: PullRequestJob = {
          installationId: installation.id, ...repo, pullNumber: pr.number, baseSha: pr.base.sha, headSha: pr.head.sha,
          checkRunId: Number(left.id), updatedAt: Date.parse(pr.updated_at), trackedAt: Date.now(),
        };
        if (!(await queue.claim(job))) continue;
        await queue.moveHead(pullRequestKeyOf(job), { state: 'open', job });
        await queue.add(job);
        queued++;
        log.warn({ repository: repository.full_name, pullRequest: pr.number, head: pr.head.sha, checkRunId: job.checkRunId }, 'segguard: re-queued a check run a stopped App left');
      }
    }
  }
  return queued;
}

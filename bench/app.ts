// The App under load (npm run bench:app [-- prs instances manifests write_interval_ms]): `instances` bundled App
// processes, one analysis worker each (this machine's cores), sharing a real redis-server, against the HTTP GitHub
// stand-in; every pull request is a synthetic repository of about `manifests` manifests (bench/generate.ts). GitHub
// writes are paced `write_interval_ms` apart (SEGGUARD_WRITE_INTERVAL_MS; default 0, a GHES without rate limits;
// 1000 is github.com's pace, under which throughput is bound by the writes, and the acknowledgements show whether
// the webhooks' writes wait behind the jobs').
import { loadavg } from 'node:os';
import { AppCluster, pullRequestPayload, REDIS_SERVER, sendWebhook, until, type AppProcess } from '../test/app/app-cluster.js';
import { GitHubHttpStandIn } from '../test/app/github-http-stand-in.js';
import { generate } from './generate.js';

const [prs = 40, instances = 2, manifests = 600, writeIntervalMs = 0] = process.argv.slice(2).map(Number);
if (!REDIS_SERVER) throw new Error('bench:app needs redis-server (apt-get install redis-server)');

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const headOf = (pr: number) => `c${String(pr).padStart(39, '0')}`;
const repository = generate(manifests);
const text = (files: typeof repository.base) => files.map((f) => ({ path: f.path, content: String(f.content) }));
const github = new GitHubHttpStandIn({ latencyMs: 0, sides: { base: text(repository.base), head: text(repository.head), files: [] } });
const cluster = new AppCluster();

/** The job's duration as its worker logged it (pino `time`, ms). */
function jobSeconds(apps: AppProcess[], pr: number): number {
  const lines = apps.flatMap((a) => a.lines).filter((l) => l.pullRequest === pr);
  const at = (msg: string) => Number(lines.find((l) => l.msg === msg)!.time);
  return (at('segguard: job finished') - at('segguard: job started')) / 1000;
}

async function push(app: AppProcess, pr: number): Promise<number> {
  const answer = await sendWebhook(app.port!, 'pull_request', `bench-${pr}`, pullRequestPayload({ action: 'opened', number: pr, headSha: headOf(pr), updatedAt: new Date() }));
  if (answer.status !== 200) throw new Error(`webhook of PR ${pr}: HTTP ${answer.status}`);
  return answer.ms;
}

const completed = (pr: number) => github.runsOf(headOf(pr)).find((r) => r.completedAt !== undefined);
/** The pull requests whose job finished; read once per poll (the stand-in shares this process: polling must stay cheap). */
const finishedAll = (apps: AppProcess[], prs: number[]) => {
  const finished = new Set(apps.flatMap((a) => a.logged('segguard: job finished')).map((l) => l.pullRequest));
  return prs.every((pr) => finished.has(pr));
};
const slowly = () => new Promise((resolve) => setTimeout(resolve, 250));

const host = await github.start();
await cluster.start();
try {
  const settings = { SEGGUARD_WORKER_CONCURRENCY: '1', SEGGUARD_WRITE_INTERVAL_MS: String(writeIntervalMs), LOG_LEVEL: 'info' };
  const apps: AppProcess[] = [];
  for (let i = 0; i < instances; i++) apps.push(await cluster.app(`app-${i}`, host, settings));

  // One pull request at a time: the first warms the processes up, the next three give the single-PR time.
  const singles: number[] = [];
  for (let pr = 1; pr <= 4; pr++) {
    await push(apps[pr % instances], 100_000 + pr);
    await until(`single PR ${pr}`, 300_000, () => finishedAll(apps, [100_000 + pr]));
    if (pr > 1) singles.push(jobSeconds(apps, 100_000 + pr));
  }
  const single = percentile(singles, 50);

  // The load: webhooks paced faster than the workers can go, so the queue never empties and every
  // acknowledgement below is measured while all workers are busy.
  const interval = (single * 1000) / (1.5 * instances);
  const acks: number[] = [];
  const sentAt = new Map<number, number>();
  const started = performance.now();
  for (let pr = 1; pr <= prs; pr++) {
    sentAt.set(pr, performance.now());
    acks.push(await push(apps[pr % instances], pr));
    const next = started + pr * interval;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  await until('every pull request', 30 * 60_000, async () => {
    await slowly();
    return finishedAll(apps, Array.from({ length: prs }, (_, i) => i + 1));
  });
  const done = Array.from({ length: prs }, (_, i) => (completed(i + 1)!.completedAt! - sentAt.get(i + 1)!) / 1000);
  const last = Math.max(...Array.from({ length: prs }, (_, i) => completed(i + 1)!.completedAt!));
  const perMinute = (prs / ((last - started) / 1000)) * 60;
  const sum = single * prs;
  const cpuBound = (prs / sum) * 60;
  const ackP95 = percentile(acks, 95);
  console.log(`bench: app prs=${prs} instances=${instances} ack_p50_ms=${percentile(acks, 50).toFixed(1)} ack_p95_ms=${ackP95.toFixed(1)} ` +
    `done_p95_s=${percentile(done, 95).toFixed(2)} prs_per_min=${perMinute.toFixed(1)} single_pr_s=${single.toFixed(2)} single_pr_sum_s=${sum.toFixed(1)} ` +
    `cpu_bound_prs_per_min=${cpuBound.toFixed(1)} manifests=${repository.manifests} write_interval_ms=${writeIntervalMs} load=${loadavg().map((l) => l.toFixed(2)).join('/')}`);
  const missed = [...(ackP95 > 100 ? ['ack_p95_ms > 100'] : []), ...(perMinute < 0.8 * cpuBound ? ['prs_per_min < 80% of N / single_pr_sum'] : [])];
  console.log(missed.length === 0 ? 'bench: app targets met' : `bench: app targets missed: ${missed.join('; ')}`);
  process.exitCode = missed.length === 0 ? 0 : 1;
} finally {
  await cluster.stop();
  await github.stop();
}

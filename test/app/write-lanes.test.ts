import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { octokitFor } from '../../src/app/runtime.js';
import { inWebhookLane } from '../../src/app/write-lanes.js';
import { GitHubHttpStandIn } from './github-http-stand-in.js';

/** GitHub's write pacing, with the webhooks' writes in a lane of their own (src/app/write-lanes.ts). */

const github = new GitHubHttpStandIn({ latencyMs: 0 });
let baseUrl = '';

beforeAll(async () => {
  baseUrl = `http://${await github.start()}/api/v3`;
});

afterAll(() => github.stop());

describe('the write lanes', () => {
  it('answers a webhook\'s write at once while the jobs\' writes wait for their pace, and paces each lane', async () => {
    const Octokit = octokitFor({ concurrency: 1, recoverAfterMs: 60_000, lockDurationMs: 30_000, writeIntervalMs: 300 });
    const octokit = new Octokit({ auth: { token: 'installation-token' }, baseUrl });
    const create = (head: string) => octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'platform', name: 'segguard', head_sha: head });
    const timed = async (write: Promise<unknown>) => {
      const started = performance.now();
      await write;
      return performance.now() - started;
    };
    // Five deliveries' writes queue up: 300 ms apart, the last one about 1.2 s after the first.
    const jobs = Array.from({ length: 5 }, (_, i) => timed(create(`job-${i}`)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const webhook = await timed(inWebhookLane(() => create('webhook-1')));
    const nextWebhook = await timed(inWebhookLane(() => create('webhook-2')));
    const jobTimes = await Promise.all(jobs);

    expect(webhook).toBeLessThan(200);
    // The webhooks' lane has the same pace: its second write waited for the first.
    expect(nextWebhook).toBeGreaterThan(200);
    expect(Math.max(...jobTimes)).toBeGreaterThan(1100);
    expect(github.runsOf('webhook-1')).toHaveLength(1);
  });
});

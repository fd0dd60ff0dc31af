import { AsyncLocalStorage } from 'node:async_hooks';
import type Bottleneck from 'bottleneck';

/**
 * GitHub asks for writes one at a time, about a second apart (@octokit/plugin-throttling's `write` group, one
 * queue per throttle id). The webhooks' few writes (the `queued` run, a superseded run's cancellation) get their
 * own lane of that pace, so that a webhook is answered at once instead of waiting behind the deliveries of the jobs
 * in flight (about four writes each). Probot's webhook clients carry no installation id as throttle id while the
 * jobs' do, which keeps them apart today; the lane keeps them apart whatever ids Probot gives.
 */
const webhook = new AsyncLocalStorage<true>();

/** Runs `work` with its GitHub writes in the webhooks' lane. */
export function inWebhookLane<T>(work: () => Promise<T>): Promise<T> {
  return webhook.run(true, work);
}

/** What plugin-throttling takes as its `write` group: the lane of the calling code's context, by the plugin's key. */
export function writeLanes(jobs: Bottleneck.Group, webhooks: Bottleneck.Group): Pick<Bottleneck.Group, 'key'> {
  return { key: (id: string) => (webhook.getStore() ? webhooks : jobs).key(id) };
}

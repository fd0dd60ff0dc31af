import { readFileSync } from 'node:fs';
import { run, type Probot } from 'probot';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSegguardApp } from '../../src/app/index.js';
import { MemoryJobQueue } from '../../src/app/queue/memory-queue.js';
import { freePort } from './app-cluster.js';

const manifest = parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as {
  default_permissions: Record<string, string>;
  default_events: string[];
};

/** The webhook events (with action) the App function registers handlers for. */
function handledEvents(): string[] {
  const events: string[] = [];
  createSegguardApp(new MemoryJobQueue())({ on: (names: string | string[]) => events.push(...[names].flat()) } as unknown as Probot);
  return events;
}

describe('app.yml', () => {
  it('asks for the least permissions: checks and pull requests to write, contents, metadata and team members to read', () => {
    expect(manifest.default_permissions).toEqual({ checks: 'write', pull_requests: 'write', contents: 'read', metadata: 'read', members: 'read' });
  });

  it('subscribes to exactly the events the App handles', () => {
    const handled = handledEvents();
    expect(handled.sort()).toEqual([
      'check_run.rerequested', 'check_suite.rerequested',
      'pull_request.closed', 'pull_request.converted_to_draft', 'pull_request.opened', 'pull_request.ready_for_review', 'pull_request.reopened', 'pull_request.synchronize',
      'pull_request_review.dismissed', 'pull_request_review.edited', 'pull_request_review.submitted',
    ]);
    expect([...new Set(handled.map((e) => e.split('.')[0]))].sort()).toEqual([...manifest.default_events].sort());
  });
});

/** Probot's setup page (`npm start` without APP_ID) and the manifest it sends GitHub, from app.yml. */
async function servedManifest(env: Record<string, string>, headers: Record<string, string> = {}): Promise<{ hook_attributes: { url: string }; default_events: string[] }> {
  const saved = { ...process.env };
  // Probot's setup flow reads these from process.env itself.
  Object.assign(process.env, { NODE_ENV: 'development', NO_SMEE_SETUP: 'true', ...env });
  delete process.env.APP_ID;
  try {
    // Probot's own options without the proxy: the setup page must not connect to smee.io here.
    const server = await run(() => undefined, { env: { PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'fatal' }, updateEnv: () => ({}) });
    try {
      const page = await (await fetch(`http://127.0.0.1:${server.port}/probot`, { headers })).text();
      const value = /name="manifest" id="manifest" value='([^']*)'/.exec(page)?.[1];
      expect(value, page.slice(0, 500)).toBeDefined();
      return JSON.parse(value!) as { hook_attributes: { url: string }; default_events: string[] };
    } finally {
      await server.stop();
    }
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

describe('the manifest served at /probot', () => {
  it('sends webhooks to the smee.io channel in development', async () => {
    const manifest = await servedManifest({ WEBHOOK_PROXY_URL: 'https://smee.io/segguard-test' });
    expect(manifest.hook_attributes.url).toBe('https://smee.io/segguard-test');
    expect(manifest.default_events).toEqual(parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')).default_events);
  });

  it('sends webhooks to the deployment\'s own URL behind a proxy, never to a placeholder', async () => {
    const manifest = await servedManifest({}, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'segguard.acme.test' });
    expect(manifest.hook_attributes.url).toBe('https://segguard.acme.test/');
  });
});

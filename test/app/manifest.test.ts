import { readFileSync } from 'node:fs';
import type { Probot } from 'probot';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSegguardApp } from '../../src/app/index.js';
import { MemoryJobQueue } from '../../src/app/queue/memory-queue.js';

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

import nock from 'nock';
import { afterEach, beforeEach, expect } from 'vitest';
import { createClient } from '../../../src/github/octokit.js';
import { openApiViolations } from './openapi.js';
import Bottleneck from 'bottleneck';

export const API = 'https://api.github.com';

export interface Recorded {
  method: string;
  /** Path with its query string, as sent. */
  path: string;
  body?: unknown;
}

export interface Reply {
  status?: number;
  /** The response body, or a function of the request body (e.g. a GraphQL answer built from its variables). */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A nock-backed GitHub: each `on(...)` answers exactly one request; every request is recorded (method, path,
 * body) for the test to assert and checked against GitHub's API description. Net connect is off, so a request
 * nobody expected fails the run.
 */
export class GitHubMock {
  readonly requests: Recorded[] = [];
  readonly violations: string[] = [];

  constructor() {
    nock.disableNetConnect();
  }

  on(method: string, pathWithQuery: string, reply: Reply = {}): this {
    const url = new URL(pathWithQuery, API);
    const query = Object.fromEntries(url.searchParams);
    nock(API).intercept(url.pathname, method).query(Object.keys(query).length > 0 ? query : (q) => Object.keys(q).length === 0)
      .reply(async (req: Request) => {
        const text = await req.text();
        const body = text ? JSON.parse(text) as unknown : undefined;
        const sent = new URL(req.url);
        this.requests.push({ method, path: sent.pathname + sent.search, ...(body === undefined ? {} : { body }) });
        this.violations.push(...openApiViolations(method, sent.pathname, body));
        const answer = typeof reply.body === 'function' ? (reply.body as (b: unknown) => unknown)(body) : reply.body;
        return [reply.status ?? 200, (answer ?? {}) as object, { 'content-type': 'application/json', ...reply.headers }] as const;
      });
    return this;
  }

  /** Requests of one method and path prefix, e.g. `paths('PATCH', '/repos/acme/infra/check-runs')`. */
  matching(method: string, prefix: string): Recorded[] {
    return this.requests.filter((r) => r.method === method && r.path.startsWith(prefix));
  }

  /** Fails when a mock was not used or a request broke the API description. */
  finish(): { pending: string[]; violations: string[] } {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    return { pending, violations: this.violations };
  }
}

/** The Action's real client (retry + throttling plugins) with waits shortened to milliseconds for tests. */
export function testClient(log: string[] = []) {
  return createClient('test-token', {
    baseUrl: API,
    fetch: (input, init) => globalThis.fetch(input, init),
    log: (m) => log.push(m),
    retry: { retryAfterBaseValue: 1 },
    throttle: {
      retryAfterBaseValue: 1,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    },
  });
}

/**
 * A fresh GitHubMock for each test of the calling file, checked after it: every expected request was made, and each
 * request matched GitHub's API description.
 */
export function gitHubMockPerTest(): () => GitHubMock {
  let mock: GitHubMock;
  beforeEach(() => {
    mock = new GitHubMock();
  });
  afterEach(() => {
    const { pending, violations } = mock.finish();
    expect(pending).toEqual([]);
    expect(violations).toEqual([]);
  });
  return () => mock;
}

import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import type { Octokit } from '@octokit/core';

/**
 * What the delivery layer needs from a client: plain `request` (typed routes) and `graphql`. Both the Action's
 * client (below) and Probot's `context.octokit` satisfy it, so the same delivery code serves both.
 */
export type GitHubClient = Pick<Octokit, 'request' | 'graphql'>;

export interface ClientOptions {
  /** REST root; defaults to `GITHUB_API_URL` (GHES) or api.github.com, as `@actions/github` reads it. */
  baseUrl?: string;
  /** Replace the HTTP transport (tests pass the global fetch, which nock intercepts). */
  fetch?: typeof fetch;
  /** How many times a rate-limited request is retried before giving up. */
  maxRateLimitRetries?: number;
  /** The longest wait (seconds) for a rate limit before giving up: a step should fail, not hang for an hour. */
  maxRateLimitWait?: number;
  /** Extra throttling settings (tests shorten the waits). */
  throttle?: Partial<ThrottlingOptions>;
  retry?: { retries?: number; retryAfterBaseValue?: number };
  log?: (message: string) => void;
}

/**
 * A client for the Action: `@octokit/plugin-retry` retries 5xx (500/502…) with back-off, and
 * `@octokit/plugin-throttling` waits `retry-after` on secondary limits (else `x-ratelimit-reset`) and
 * serialises writes, which are what trips the content-creation limits.
 */
export function createClient(token: string, options: ClientOptions = {}): ReturnType<typeof getOctokit> {
  const maxRetries = options.maxRateLimitRetries ?? 3;
  const maxWait = options.maxRateLimitWait ?? 300;
  const log = options.log ?? (() => undefined);
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
    const again = retryCount < maxRetries && retryAfter <= maxWait;
    log(`GitHub ${kind} rate limit on ${request.method} ${request.url}: ${again ? `retrying in ${retryAfter}s` : 'giving up'}`);
    return again;
  };
  return getOctokit(token, {
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
    retry: { ...options.retry },
    throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary'), ...options.throttle },
  }, retry, throttling);
}

import type { GitHubClient } from './octokit.js';

/**
 * GETs every page of a list endpoint (100 per page), following the `link` header rather than asking for one
 * page too many, and stopping at `maxItems` (GitHub itself stops the PR files list at 3,000).
 */
export async function listAll<T>(client: GitHubClient, route: string, params: Record<string, unknown>, maxItems = Infinity): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const response = await client.request(route, { ...params, per_page: 100, page });
    items.push(...(response.data as T[]));
    const more = /\brel="next"/.test(String(response.headers.link ?? ''));
    if (!more) return { items, complete: true };
    if (items.length >= maxItems) return { items: items.slice(0, maxItems), complete: false };
  }
}

import { capText, LIMITS } from './limits.js';
import { isSummary, SUMMARY_MARKER } from './markers.js';
import type { GitHubClient } from './octokit.js';
import { listAll } from './paginate.js';
import type { PullRequestTarget } from './target.js';

interface ApiIssueComment {
  id: number;
  body?: string;
  user: { type?: string } | null;
}

export interface StickyResult {
  action: 'created' | 'updated' | 'skipped';
  id?: number;
  error?: unknown;
}

/**
 * The one summary comment of a PR: found by its hidden marker and edited on every later run; created only when
 * there is something to say (a clean PR without an earlier comment gets none, one that became clean is told so).
 */
export async function upsertSummaryComment(client: GitHubClient, target: PullRequestTarget, markdown: string, clean: boolean): Promise<StickyResult> {
  try {
    const { items } = await listAll<ApiIssueComment>(client, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { owner: target.owner, repo: target.repo, issue_number: target.pullNumber });
    const existing = items.find((c) => c.user?.type === 'Bot' && isSummary(c.body));
    const body = capText(markdown, LIMITS.commentBody - SUMMARY_MARKER.length - 1) + '\n' + SUMMARY_MARKER;
    if (existing) {
      await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: target.owner, repo: target.repo, comment_id: existing.id, body,
      });
      return { action: 'updated', id: existing.id };
    }
    if (clean) return { action: 'skipped' };
    const created = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: target.owner, repo: target.repo, issue_number: target.pullNumber, body,
    });
    return { action: 'created', id: Number(created.data.id) };
  } catch (error) {
    return { action: 'skipped', error };
  }
}

import type { SegguardConfig } from '../config/config.js';
import type { SuppressionApproval } from '../findings/suppression.js';
import { messageOf, statusOf } from './errors.js';
import type { GitHubClient } from './octokit.js';
import { listAll } from './paginate.js';
import type { PullRequestTarget } from './target.js';

interface ApiReview {
  user: { login: string } | null;
  state: string;
  commit_id: string | null;
}

/** Review states that change a reviewer's verdict; COMMENTED (and PENDING, a draft) leave the last verdict standing. */
const VERDICTS = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/**
 * Whether one of `approvers` (logins, or `org/team-slug` teams) approved the pull request's current head: each
 * reviewer's latest verdict decides (a later CHANGES_REQUESTED or a dismissal cancels an approval), and an approval
 * counts only when given on `target.headSha`, so a push after it needs a new one. Team membership must be active.
 * Any failed request makes the answer `unavailable`: the caller applies nothing and says why.
 */
export async function readSuppressionApproval(client: GitHubClient, target: PullRequestTarget, approvers: readonly string[]): Promise<SuppressionApproval> {
  try {
    const { items } = await listAll<ApiReview>(client, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      { owner: target.owner, repo: target.repo, pull_number: target.pullNumber });
    // Chronological order (as GitHub lists them): the last verdict of each reviewer wins.
    const latest = new Map<string, ApiReview>();
    for (const review of items) {
      if (review.user && VERDICTS.has(review.state)) latest.set(review.user.login.toLowerCase(), review);
    }
    const approving = [...latest.values()].filter((r) => r.state === 'APPROVED' && r.commit_id === target.headSha).map((r) => (r.user as { login: string }).login);
    const users = new Set(approvers.filter((a) => !a.includes('/')).map((a) => a.toLowerCase()));
    const byLogin = approving.filter((login) => users.has(login.toLowerCase()));
    // A listed login settles it: team lookups (another permission, more requests) are only for the other approvers.
    if (byLogin.length > 0) return { state: 'approved', by: byLogin };
    const teams = approvers.filter((a) => a.includes('/'));
    const by: string[] = [];
    for (const login of approving) {
      for (const team of teams) {
        if (await isActiveMember(client, team, login)) {
          by.push(`${login} (${team})`);
          break;
        }
      }
    }
    return by.length > 0 ? { state: 'approved', by } : { state: 'not-approved' };
  } catch (error) {
    const status = statusOf(error);
    return { state: 'unavailable', reason: `${status ? `HTTP ${status}: ` : ''}${messageOf(error)}` };
  }
}

/** 404: not a member (or a team this token cannot see), which is no approval; other errors propagate. */
async function isActiveMember(client: GitHubClient, team: string, username: string): Promise<boolean> {
  const [org, teamSlug] = team.split('/');
  try {
    const { data } = await client.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', { org, team_slug: teamSlug, username });
    return data.state === 'active';
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
}

/**
 * The approval an adapter hands to analyze(): only the base's approvers can let the suppressions a pull request
 * proposes take effect, so nothing is asked when the base configures none. A failed lookup is logged; nothing
 * proposed is then applied.
 */
export async function approvalFor(client: GitHubClient, target: PullRequestTarget, config: SegguardConfig,
  warn: (text: string) => void): Promise<{ approval?: SuppressionApproval }> {
  const approvers = config.suppressions?.approvers ?? [];
  if (approvers.length === 0) return {};
  const approval = await readSuppressionApproval(client, target, approvers);
  if (approval.state === 'unavailable') warn(`segguard: cannot read the pull request's reviews (${approval.reason}); proposed suppressions are not applied`);
  return { approval };
}

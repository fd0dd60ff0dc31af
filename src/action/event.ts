/** The parts of the workflow run's context the Action reads (`@actions/github`'s `context` has them). */
export interface RunContext {
  eventName: string;
  /** GITHUB_SHA: for pull_request the merge commit, for pull_request_target the base branch tip. */
  sha: string;
  repo: { owner: string; repo: string };
  payload: Record<string, unknown>;
}

interface PullRequestPayload {
  number: number;
  state?: string;
  draft?: boolean;
  base: { sha: string; repo: { full_name: string } };
  head: { sha: string; repo: { full_name: string; fork?: boolean } | null };
}

export type RunPlan =
  | {
    mode: 'pull-request';
    owner: string; repo: string; pullNumber: number;
    /** The base branch tip (configuration is read there) and the PR head. */
    baseSha: string; headSha: string;
    /** The head comes from another repository (fork): its token is read-only on `pull_request`. */
    fork: boolean;
    /** `pull_request_target`: the token can write, so the head must stay data. */
    target: boolean;
  }
  | { mode: 'audit'; owner: string; repo: string; headSha: string }
  | { mode: 'skip'; reason: string };

/**
 * `pull_request_review` (submitted, dismissed, edited): a review can approve the suppressions the PR proposes, or
 * withdraw that approval, so the PR is judged again exactly as on a push.
 */
const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review']);
const AUDIT_EVENTS = new Set(['push', 'schedule', 'workflow_dispatch']);

/** What this run is about, from the event: a pull request to review, a commit to audit, or nothing to do. */
export function planRun(context: RunContext): RunPlan {
  const { owner, repo } = context.repo;
  if (PR_EVENTS.has(context.eventName)) {
    const pr = context.payload.pull_request as PullRequestPayload | undefined;
    if (!pr) return { mode: 'skip', reason: `the ${context.eventName} payload has no pull_request` };
    if (context.payload.action === 'closed' || pr.state === 'closed') return { mode: 'skip', reason: 'the pull request is closed' };
    const headRepo = pr.head.repo;
    return {
      mode: 'pull-request', owner, repo, pullNumber: pr.number, baseSha: pr.base.sha, headSha: pr.head.sha,
      // A deleted fork has no head repository: it was a fork.
      fork: !headRepo || headRepo.full_name !== pr.base.repo.full_name,
      target: context.eventName === 'pull_request_target',
    };
  }
  if (AUDIT_EVENTS.has(context.eventName)) return { mode: 'audit', owner, repo, headSha: context.sha };
  return { mode: 'skip', reason: `segguard does not handle the ${context.eventName} event (pull_request, pull_request_target, pull_request_review, push, schedule, workflow_dispatch)` };
}

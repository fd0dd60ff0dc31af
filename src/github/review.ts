import { isSameCauseLink, primaryOf, type Cause } from '../findings/causes.js';
import type { Finding } from '../findings/finding.js';
import { escapeCell, escapeMessage } from '../report/markdown-escape.js';
import { cutMarkdown, fitLines } from '../report/markdown-fit.js';
import { docsUrlOf, type SourceLinks } from '../report/links.js';
import { locationLink } from '../report/location.js';
import { proposalText } from '../report/report.js';
import type { CommentableLines, PullDiff } from './hunks.js';
import { messageOf, statusOf } from './errors.js';

// Callers (the App) read GitHub's error text from here too.
export { messageOf } from './errors.js';
import { capText, LIMITS } from './limits.js';
import { findingMarker, fingerprintsIn, isResolved, RESOLVED_MARKER } from './markers.js';
import type { GitHubClient } from './octokit.js';
import { listAll } from './paginate.js';
import type { PullRequestTarget } from './target.js';

export type ReviewEvent = 'COMMENT' | 'REQUEST_CHANGES';

export interface OwnReviewComment {
  id: number;
  /** The findings it is about (every finding of one cause). */
  fingerprints: string[];
  resolved: boolean;
  body: string;
}

interface ApiReviewComment {
  id: number;
  body: string;
  user: { type?: string } | null;
}

/** The bot's own review comments on the PR (a hidden fingerprint marker, written by a bot account). */
export async function listOwnReviewComments(client: GitHubClient, target: PullRequestTarget): Promise<OwnReviewComment[]> {
  const { items } = await listAll<ApiReviewComment>(client, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments',
    { owner: target.owner, repo: target.repo, pull_number: target.pullNumber });
  const own: OwnReviewComment[] = [];
  for (const c of items) {
    const fingerprints = fingerprintsIn(c.body);
    // A human quoting the marker must not make the bot skip or edit anything.
    if (fingerprints.length > 0 && c.user?.type === 'Bot') own.push({ id: c.id, fingerprints, resolved: isResolved(c.body), body: c.body });
  }
  return own;
}

export interface PlannedComment {
  /** The findings of one edit, commented together. */
  cause: Cause;
  path: string;
  line: number;
  side: 'RIGHT' | 'LEFT';
  body: string;
}

/** Where a finding can be commented inline: its line must be inside a hunk of its side of the diff. */
export function placeInDiff(finding: Finding, diff: PullDiff): Omit<PlannedComment, 'body' | 'cause'> | undefined {
  const { path: findingPath, line, side } = finding.location;
  const path = side === 'head' ? findingPath : diff.headPathOfBase.get(findingPath);
  const lines: CommentableLines | undefined = path === undefined ? undefined : diff.byHeadPath.get(path);
  if (!path || !lines) return undefined;
  if (side === 'head' ? lines.right.has(line) : lines.left.has(line)) return { path, line, side: side === 'head' ? 'RIGHT' : 'LEFT' };
  return undefined;
}

/**
 * Inline comments sent in one review. GitHub documents no limit, but one create-review call carries them all and
 * very large ones fail (502, 422 "endpoint has been spammed"); the worst findings get the inline comments and
 * the rest stay in the summary comment and the check run.
 */
export const MAX_REVIEW_COMMENTS = 100;

/** The sentence of a finding in its comment: any sentence segguard writes; only hostile values make it longer. */
const MAX_MESSAGE = 4_000;
const MAX_RELATED = 20;

/**
 * The body of a cause's inline comment, within GitHub's 65,536 characters as a whole: the severity, every rule
 * and its docs (at the version that ran), each finding's message, the related places (linked to their lines when
 * the commits are known) and, in a closed `<details>` block, as many lines of the details as fit (and how many did
 * not). One marker per finding, so a rerun knows all of them are commented. Values from the manifests are shortened
 * before they are escaped.
 */
export function reviewCommentBody(cause: Cause, links?: SourceLinks): string {
  const marker = `\n\n${cause.findings.map((f) => findingMarker(f.fingerprint)).join('\n')}`;
  const proposals = cause.findings.map((f) => proposalText(f, (text) => escapeCell(text))).filter((p) => p !== undefined);
  // Before the message, so that capping a long body never drops it.
  const proposed = proposals.map((p) => `> [!WARNING]\n> ${p}\n\n`).join('');
  const rules = cause.ruleIds.map((id) => `[\`${id}\`](${docsUrlOf(id)})`).join(' · ');
  const several = cause.findings.length > 1;
  const messages = cause.findings.map((f) => `${several ? `\`${f.ruleId}\`: ` : ''}${escapeMessage(f.message, 'inline', MAX_MESSAGE)}`).join('\n\n');
  const head = `${proposed}**${cause.severity}** · ${rules} · [how to fix](${docsUrlOf(primaryOf(cause).ruleId)}#how-to-fix)\n\n${messages}`;
  // The related places (the base line a change replaced, the policy that still isolates…) let the author see
  // both ends of the change without leaving the comment; the links within the cause are the comment itself.
  const places = cause.findings.flatMap((f) => f.related.filter((r) => !isSameCauseLink(r, cause)));
  const related = places.slice(0, MAX_RELATED).map((r) => `- ${locationLink(r, links)}: ${escapeMessage(r.message, 'inline')}`);
  if (places.length > MAX_RELATED) related.push(`- … and ${places.length - MAX_RELATED} more`);
  const text = `${head}${related.length ? `\n\n${related.join('\n')}` : ''}`;
  const open = '\n\n<details><summary>Details</summary>\n\n';
  const close = '\n\n</details>';
  const lines = cause.findings.flatMap((f) => f.details?.split('\n') ?? []).map((line) => `${escapeCell(line)}<br>`);
  const more = (n: number) => `… ${n} more lines (the check run and the SARIF output have them all)`;
  const room = LIMITS.commentBody - marker.length - text.length - open.length - close.length - more(lines.length).length;
  const kept = fitLines(lines, room);
  const details = lines.length === 0 ? '' : `${open}${[...kept, ...(kept.length < lines.length ? [more(lines.length - kept.length)] : [])].join('\n').replace(/<br>$/, '')}${close}`;
  return capText(`${text}${details}`, LIMITS.commentBody - marker.length) + marker;
}

export interface ReviewResult {
  reviewId?: number;
  /** Comments GitHub accepted. */
  posted: PlannedComment[];
  /** Comments GitHub refused (422): the review went out without them and they belong in the summary. */
  rejected: PlannedComment[];
  rejection?: string;
  error?: unknown;
}

/**
 * One review for all new inline comments. GitHub rejects the WHOLE review with 422 when any comment's line is
 * not in the diff (a stale patch, a force-push in between) without saying which: the review is then sent again
 * without inline comments, so the review is not lost and those findings move to the summary.
 */
export async function postReview(client: GitHubClient, target: PullRequestTarget, comments: PlannedComment[], event: ReviewEvent, body: string): Promise<ReviewResult> {
  const send = (withComments: PlannedComment[], text: string) => client.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
    owner: target.owner, repo: target.repo, pull_number: target.pullNumber, commit_id: target.headSha, event,
    body: capText(text, LIMITS.commentBody),
    comments: withComments.map(({ path, line, side, body: commentBody }) => ({ path, line, side, body: commentBody })),
  });
  try {
    const response = await send(comments, body);
    return { reviewId: Number(response.data.id), posted: comments, rejected: [] };
  } catch (error) {
    if (statusOf(error) !== 422 || comments.length === 0) return { posted: [], rejected: [], error };
    const rejection = messageOf(error);
    const note = `\n\nGitHub refused the inline comments (${rejection}); the ${comments.length} finding(s) are listed in the summary comment instead.`;
    try {
      const response = await send([], body + note);
      return { reviewId: Number(response.data.id), posted: [], rejected: comments, rejection };
    } catch (retryError) {
      return { posted: [], rejected: comments, rejection, error: retryError };
    }
  }
}

/** Marks the bot's comments whose finding is gone: edited in place (submitted reviews cannot be deleted). */
export async function resolveComments(client: GitHubClient, target: PullRequestTarget, stale: OwnReviewComment[]): Promise<{ resolved: number; error?: unknown }> {
  let resolved = 0;
  try {
    for (const comment of stale) {
      const before = `✅ **Resolved** in ${target.headSha.slice(0, 7)}: segguard no longer reports this finding.\n\n<details><summary>Original comment</summary>\n\n`;
      const after = `\n\n</details>\n\n${RESOLVED_MARKER}\n${comment.fingerprints.map(findingMarker).join('\n')}`;
      // The original is cut, if at all, where its Markdown stays whole, so the block around it stays closed.
      const original = cutMarkdown(comment.body.replace(/<!-- segguard:[^>]*-->/g, '').trim(), LIMITS.commentBody - before.length - after.length);
      await client.request('PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}', {
        owner: target.owner, repo: target.repo, comment_id: comment.id, body: `${before}${original}${after}`,
      });
      resolved++;
    }
    return { resolved };
  } catch (error) {
    return { resolved, error };
  }
}

import type { AnalysisResult } from '../analyze.js';
import type { Report } from '../report/report.js';
import type { Finding } from '../findings/finding.js';
import { causesOf, primaryOf } from '../findings/causes.js';
import { reaches, severityRank, type Severity } from '../findings/severity.js';
import { repositoryUrl, type SourceLinks } from '../report/links.js';
import { verdict } from '../report/verdict.js';
import { CHECK_NAME, publishCheckRun, type CheckRunResult, type Conclusion, type ExistingCheckRun } from './check-run.js';
import { readPullDiff, type PullDiff } from './hunks.js';
import { LIMITS } from './limits.js';
import { SUMMARY_MARKER } from './markers.js';
import type { GitHubClient } from './octokit.js';
import { messageOf, statusOf } from './errors.js';
import { listOwnReviewComments, MAX_REVIEW_COMMENTS, placeInDiff, postReview, resolveComments, reviewCommentBody,
  type OwnReviewComment, type PlannedComment, type ReviewEvent } from './review.js';
import { upsertSummaryComment } from './sticky.js';
import { fitMarkdown, fitMoreFindings } from '../report/markdown.js';
import type { PullRequestTarget, RepoTarget } from './target.js';

export type { PullRequestTarget, RepoTarget } from './target.js';
export type { Conclusion } from './check-run.js';
export type { ReviewEvent } from './review.js';

/** Where a finding was shown. `review-comment` includes a comment an earlier run already posted for it. */
export type Channel = 'check-run-annotation' | 'check-run-summary' | 'review-comment' | 'summary-comment';

/** A step of the delivery that failed; the others still ran. */
export interface DeliveryFailure {
  step: 'check-run' | 'pull-files' | 'review-comments' | 'review' | 'resolve-comments' | 'summary-comment';
  status?: number;
  message: string;
}

export interface DeliveryOptions {
  /** The gate: a finding at or above it makes the check conclude `failure`. */
  failOn: Severity | 'none';
  /** `review`: inline comments + sticky summary; `summary`: sticky summary only; `none`: check run only. */
  comment: 'review' | 'summary' | 'none';
  /** Annotate head-side findings on the check run. */
  annotations: boolean;
  /** `REQUEST_CHANGES` is used only when a new inline comment's finding reaches the gate; otherwise `COMMENT`. */
  reviewEvent?: ReviewEvent;
  /** Check run name; default `segguard`. */
  checkName?: string;
  /** Where the findings that no output had room for can be read (the Action: its log). */
  elsewhere?: string;
  log?: (message: string) => void;
}

export interface DeliveryReport {
  conclusion: Conclusion;
  checkRun?: { id: number; url?: string };
  /** For every finding of the analysis (suppressed ones included), the channels it reached. */
  channels: Map<Finding, Channel[]>;
  /** Findings that reached no channel: the caller must show them some other way (log, job summary). */
  undelivered: Finding[];
  failures: DeliveryFailure[];
  /** A write was refused with 403 (not a rate limit): a read-only token such as a fork PR's. */
  readOnly: boolean;
  review?: { id?: number; posted: number; alreadyCommented: number; movedToSummary: number };
  resolvedComments: number;
  summaryComment?: 'created' | 'updated' | 'skipped';
}

/** `failure` when an active finding reaches the gate; `neutral` when only suppressed or info findings exist. */
export function gateConclusion(findings: readonly Finding[], failOn: Severity | 'none'): Conclusion {
  const active = findings.filter((f) => !f.suppressed);
  if (active.some((f) => reaches(f.severity, failOn))) return 'failure';
  if (findings.length > 0 && active.every((f) => f.severity === 'info')) return 'neutral';
  return 'success';
}

/** The check run's title: the verdict the summary comment starts with (`❌ Blocks merge: 2 critical new openings (gate: high)`). */
export function checkTitle(report: Report): string {
  return verdict(report);
}

/** Links to the lines of the target's commits. */
export function linksOf(target: RepoTarget & { baseSha?: string }): SourceLinks {
  return { repository: repositoryUrl(target.owner, target.repo), head: target.headSha, ...(target.baseSha ? { base: target.baseSha } : {}) };
}

class Delivery {
  readonly channels: Map<Finding, Channel[]>;
  readonly failures: DeliveryFailure[] = [];
  readonly active: Finding[];
  readonly conclusion: Conclusion;
  readonly log: (message: string) => void;

  constructor(readonly client: GitHubClient, readonly target: RepoTarget & { baseSha?: string } & ExistingCheckRun, readonly result: Pick<AnalysisResult, 'findings' | 'summary'>,
    readonly options: DeliveryOptions) {
    this.channels = new Map(result.findings.map((f) => [f, []]));
    this.active = result.findings.filter((f) => !f.suppressed);
    this.conclusion = gateConclusion(result.findings, options.failOn);
    this.log = options.log ?? (() => undefined);
  }

  reached(findings: Iterable<Finding>, channel: Channel): void {
    for (const f of findings) this.channels.get(f)?.push(channel);
  }

  failed(step: DeliveryFailure['step'], error: unknown): void {
    const failure = { step, status: statusOf(error), message: messageOf(error) };
    this.failures.push(failure);
    this.log(`segguard: ${step} failed${failure.status ? ` (HTTP ${failure.status})` : ''}: ${failure.message}`);
  }

  /** The analysis as the reporters take it: the verdict and the counts always come from here, never from a cut text. */
  get report(): Report {
    return { findings: this.result.findings, summary: this.result.summary, failOn: this.options.failOn, links: linksOf(this.target) };
  }

  /**
   * The check run: the summary, and in `text` (shown under it) the findings the summary had no room for; each
   * within GitHub's 65,535 characters.
   */
  async checkRun(): Promise<CheckRunResult> {
    const { report, target } = this;
    const summary = fitMarkdown(report, { maxLength: LIMITS.checkRunText, elsewhere: 'the rest are listed below.' });
    const shown = new Set(summary.included);
    const rest = this.result.findings.filter((f) => !shown.has(f));
    const more = rest.length > 0 ? fitMoreFindings(rest, { maxLength: LIMITS.checkRunText, elsewhere: this.elsewhere, links: report.links }) : undefined;
    const run = await publishCheckRun(this.client, target, this.conclusion,
      { title: checkTitle(report), summary: summary.markdown, ...(more ? { text: more.markdown } : {}) },
      this.options.annotations ? this.active : [], this.options.checkName ?? CHECK_NAME);
    // The text is part of the check run's page, under the summary.
    if (run.id !== undefined) this.reached([...summary.included, ...(more?.included ?? [])], 'check-run-summary');
    this.reached(run.annotated, 'check-run-annotation');
    if (run.error) this.failed('check-run', run.error);
    if (run.rejected) this.log(`segguard: GitHub refused some annotations (${run.rejected}); the check run went on without them.`);
    return run;
  }

  /** Where a reader finds what no output had room for. */
  get elsewhere(): string {
    const local = '`segguard check` on the two commits lists them all.';
    return this.options.elsewhere ?? (this.options.annotations ? `every head-side finding is annotated on its line of the check run, and ${local}` : local);
  }

  delivered(run: CheckRunResult | undefined, extra: Partial<DeliveryReport> = {}): DeliveryReport {
    return {
      conclusion: this.conclusion,
      ...(run?.id !== undefined ? { checkRun: { id: run.id, url: run.url } } : {}),
      channels: this.channels,
      undelivered: this.result.findings.filter((f) => this.channels.get(f)!.length === 0),
      failures: this.failures,
      readOnly: this.failures.some((f) => f.status === 403 && !/rate limit/i.test(f.message)),
      resolvedComments: 0,
      ...extra,
    };
  }
}

/**
 * Everything a pull request gets: the `segguard` check run (title, summary, annotations, conclusion = the gate),
 * one review with an inline comment per new finding on a diff line, and the sticky summary comment. A target with a
 * `checkRunId` (the App's queued run) has that run completed instead of a new one created. Each step
 * runs even when an earlier one failed, and the report says which channel every finding reached.
 */
export async function deliverToPullRequest(client: GitHubClient, target: PullRequestTarget & ExistingCheckRun, result: Pick<AnalysisResult, 'findings' | 'summary'>,
  options: DeliveryOptions): Promise<DeliveryReport> {
  const delivery = new Delivery(client, target, result, options);
  const run = await delivery.checkRun();
  const extra: Partial<DeliveryReport> = {};
  let moved: Finding[] = [];
  if (options.comment === 'review') {
    const outcome = await reviewStep(delivery, target);
    extra.review = outcome.review;
    extra.resolvedComments = outcome.resolved;
    moved = outcome.moved;
  }
  if (options.comment !== 'none') {
    const clean = delivery.active.length === 0;
    const movedNote = moved.length > 0 ? `\n${moved.length} finding(s) could not be commented on their line and are listed here.\n` : '';
    const after = `${movedNote}\n<sub>segguard · updated for ${target.headSha.slice(0, 7)}</sub>\n`;
    const fitted = fitMarkdown(delivery.report, {
      maxLength: LIMITS.commentBody - SUMMARY_MARKER.length - 1, after, elsewhere: `the \`${options.checkName ?? CHECK_NAME}\` check run lists the rest.`,
    });
    const sticky = await upsertSummaryComment(client, target, fitted.markdown, clean);
    extra.summaryComment = sticky.action;
    if (sticky.error) delivery.failed('summary-comment', sticky.error);
    else if (sticky.action !== 'skipped') delivery.reached(fitted.included, 'summary-comment');
  }
  return delivery.delivered(run, extra);
}

async function reviewStep(delivery: Delivery, target: PullRequestTarget): Promise<{ review: NonNullable<DeliveryReport['review']>; resolved: number; moved: Finding[] }> {
  const { client, options } = delivery;
  const review = { posted: 0, alreadyCommented: 0, movedToSummary: 0 } as NonNullable<DeliveryReport['review']>;
  let diff: PullDiff;
  let own: OwnReviewComment[];
  try {
    diff = await readPullDiff(client, target);
  } catch (error) {
    delivery.failed('pull-files', error);
    return { review, resolved: 0, moved: [] };
  }
  try {
    own = await listOwnReviewComments(client, target);
  } catch (error) {
    // Without the earlier comments a rerun would repeat them: better no inline comments than duplicates.
    delivery.failed('review-comments', error);
    return { review, resolved: 0, moved: [] };
  }
  if (!diff.complete) delivery.log('segguard: the PR has more files than GitHub lists (3,000); findings in the rest go to the summary only.');
  const commented = new Set(own.filter((c) => !c.resolved).flatMap((c) => c.fingerprints));
  const planned = new Map<string, PlannedComment>();
  const already: Finding[] = [];
  // One comment per cause: the findings of one edit (a widened ipBlock and the connection it opens) are one
  // comment naming every rule. A cause an earlier run commented on (any of its findings) is not commented again.
  for (const cause of causesOf(delivery.active)) {
    const seen = cause.findings.filter((f) => commented.has(f.fingerprint));
    if (seen.length > 0) {
      already.push(...seen);
      continue;
    }
    const place = cause.findings.map((f) => placeInDiff(f, diff)).find((p) => p !== undefined);
    const key = primaryOf(cause).fingerprint;
    if (place && !planned.has(key)) planned.set(key, { ...place, cause, body: reviewCommentBody(cause, delivery.report.links) });
  }
  delivery.reached(already, 'review-comment');
  review.alreadyCommented = already.length;
  // The worst findings get the inline comments one review can carry; the core's order (file, line) among equals.
  const commentable = [...planned.values()];
  const comments = [...commentable].sort((a, b) => severityRank(b.cause.severity) - severityRank(a.cause.severity))
    .slice(0, MAX_REVIEW_COMMENTS).sort((a, b) => commentable.indexOf(a) - commentable.indexOf(b));
  let moved: Finding[] = [];
  if (comments.length > 0) {
    const gating = comments.some((c) => reaches(c.cause.severity, options.failOn));
    const event: ReviewEvent = options.reviewEvent === 'REQUEST_CHANGES' && gating ? 'REQUEST_CHANGES' : 'COMMENT';
    const uncommented = commentable.length - comments.length;
    const found = commentable.reduce((n, c) => n + c.cause.findings.length, 0);
    const body = `segguard found ${found} new finding(s) on changed lines of ${target.headSha.slice(0, 7)}` +
      (uncommented > 0 ? `; the ${comments.length} most severe are commented inline (one review carries at most ${MAX_REVIEW_COMMENTS}), the other ${uncommented} are not` : '') +
      '. The summary comment and the `segguard` check list all of them.';
    const posted = await postReview(client, target, comments, event, body);
    if (posted.reviewId !== undefined) review.id = posted.reviewId;
    review.posted = posted.posted.length;
    review.movedToSummary = posted.rejected.length;
    delivery.reached(posted.posted.flatMap((c) => c.cause.findings), 'review-comment');
    moved = posted.rejected.flatMap((c) => c.cause.findings);
    if (posted.rejection) delivery.log(`segguard: GitHub refused the inline comments (${posted.rejection}); the review was sent without them and the findings moved to the summary.`);
    if (posted.error) delivery.failed('review', posted.error);
  }
  const live = new Set(delivery.active.map((f) => f.fingerprint));
  const stale = own.filter((c) => !c.resolved && !c.fingerprints.some((fingerprint) => live.has(fingerprint)));
  const { resolved, error } = await resolveComments(client, target, stale);
  if (error) delivery.failed('resolve-comments', error);
  return { review, resolved, moved };
}

/**
 * The audit of one commit (push, schedule, workflow_dispatch): the check run with its summary and annotations,
 * no pull request comments.
 */
export async function deliverAudit(client: GitHubClient, target: RepoTarget, result: Pick<AnalysisResult, 'findings' | 'summary'>,
  options: Pick<DeliveryOptions, 'failOn' | 'annotations' | 'checkName' | 'elsewhere' | 'log'>): Promise<DeliveryReport> {
  const delivery = new Delivery(client, target, result, { ...options, comment: 'none' });
  const run = await delivery.checkRun();
  return delivery.delivered(run);
}

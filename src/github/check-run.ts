import { causesOf, primaryOf, type Cause } from '../findings/causes.js';
import type { Finding } from '../findings/finding.js';
import type { Severity } from '../findings/severity.js';
import { shorten, shortenWords, MAX_WORD } from '../report/shorten.js';
import { escapeCell } from '../report/markdown-escape.js';
import { proposalText } from '../report/report.js';
import { capBytes, capText, LIMITS } from './limits.js';
import type { GitHubClient } from './octokit.js';
import { messageOf, statusOf } from './errors.js';
import type { RepoTarget } from './target.js';

export type Conclusion = 'success' | 'failure' | 'neutral';

/** A check run created before the analysis (the App's `queued` run): completing it updates that run instead of adding one. */
export interface ExistingCheckRun {
  checkRunId?: number;
}
export type AnnotationLevel = 'notice' | 'warning' | 'failure';

export const CHECK_NAME = 'segguard';

const LEVELS: Record<Severity, AnnotationLevel> = { critical: 'failure', high: 'failure', medium: 'warning', low: 'warning', info: 'notice' };

export function annotationLevel(severity: Severity): AnnotationLevel {
  return LEVELS[severity];
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
}

export interface CheckRunResult {
  id?: number;
  url?: string;
  /** Findings whose annotation GitHub accepted. */
  annotated: Finding[];
  /** The error that stopped it, if any (the run may exist with only some annotations). */
  error?: unknown;
  /** GitHub refused a batch of annotations (422): the run went on without them; they are in the summary. */
  rejected?: string;
}

/**
 * One annotation per cause: the findings of one edit (all on one side of one file) are one annotation naming every
 * rule, over the lines of all of them.
 */
function annotationOf(cause: Cause) {
  const { path } = primaryOf(cause).location;
  const several = cause.findings.length > 1;
  // Plain text: long names are shortened inside the sentence so that its end (what changed) still shows; the
  // proposals go first so that no cut of a long message can hide them.
  const proposals = cause.findings.map((f) => proposalText(f)).filter((p) => p !== undefined).map((p) => shortenWords(p, MAX_WORD));
  const messages = cause.findings.map((f) => `${several ? `${f.ruleId}: ` : ''}${shortenWords(f.message, MAX_WORD)}`);
  const details = cause.findings.map((f) => f.details).filter((d) => d !== undefined).join('\n\n');
  return {
    path,
    // Lines count from 1; a finding about a whole file may say 0.
    start_line: Math.max(1, Math.min(...cause.findings.map((f) => f.location.line))),
    end_line: Math.max(1, ...cause.findings.flatMap((f) => [f.location.line, f.location.endLine])),
    annotation_level: annotationLevel(cause.severity),
    title: capBytes(`${cause.severity}: ${cause.ruleIds.join(', ')}`, LIMITS.annotationTitle),
    message: capBytes([...proposals, ...messages].join('\n\n'), LIMITS.annotationBytes),
    ...(details ? { raw_details: capBytes(shortenWords(details, MAX_WORD), LIMITS.annotationBytes) } : {}),
  };
}

/**
 * A `failure` check run that says why segguard did not run, one list item per problem: a gate that cannot run fails
 * closed, visibly (a missing check would leave the pull request waiting with no reason).
 */
export async function publishFailedCheck(client: GitHubClient, target: RepoTarget & ExistingCheckRun, title: string, why: string, problems: readonly string[]): Promise<void> {
  const run = await publishCheckRun(client, target, 'failure', {
    title,
    summary: `segguard did not run: ${why}.\n\n${problems.map((p) => `- ${escapeCell(p)}`).join('\n')}\n`,
  }, []);
  if (run.error) throw run.error;
}

/**
 * One completed check run on the head commit (or the target's existing run, completed). Annotations (one per cause)
 * go 50 per request: the create (or completing) call carries the first batch and each PATCH appends the next (GitHub
 * appends, it does not replace). Only head-side findings can be annotated: annotations point at files of the head commit.
 */
export async function publishCheckRun(client: GitHubClient, target: RepoTarget & ExistingCheckRun, conclusion: Conclusion, output: CheckRunOutput,
  findings: readonly Finding[], name = CHECK_NAME): Promise<CheckRunResult> {
  const annotatable = causesOf(findings.filter((f) => f.location.side === 'head'));
  const batches: Cause[][] = [];
  for (let i = 0; i < annotatable.length; i += LIMITS.annotationsPerRequest) batches.push(annotatable.slice(i, i + LIMITS.annotationsPerRequest));
  const capped = {
    title: shorten(output.title, 255),
    summary: capText(output.summary, LIMITS.checkRunText),
    ...(output.text ? { text: capText(output.text, LIMITS.checkRunText) } : {}),
  };
  const result: CheckRunResult = { annotated: [] };
  const first = batches.shift() ?? [];
  const create = (annotations: Cause[]) => (target.checkRunId === undefined
    ? client.request('POST /repos/{owner}/{repo}/check-runs', {
      owner: target.owner, repo: target.repo, name, head_sha: target.headSha, status: 'completed', conclusion,
      output: { ...capped, annotations: annotations.map(annotationOf) },
    })
    : client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      owner: target.owner, repo: target.repo, check_run_id: target.checkRunId, status: 'completed', conclusion,
      output: { ...capped, annotations: annotations.map(annotationOf) },
    }));
  try {
    let created;
    try {
      created = await create(first);
      result.annotated.push(...first.flatMap((c) => c.findings));
    } catch (error) {
      // A 422 here is about the annotations (a path not in the head commit…): the run and its summary matter more.
      if (statusOf(error) !== 422 || first.length === 0) throw error;
      result.rejected = messageOf(error);
      created = await create([]);
    }
    const id = Number(created.data.id);
    result.id = id;
    result.url = created.data.html_url ?? undefined;
    for (const batch of batches) {
      try {
        await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
          owner: target.owner, repo: target.repo, check_run_id: id,
          output: { ...capped, annotations: batch.map(annotationOf) },
        });
        result.annotated.push(...batch.flatMap((c) => c.findings));
      } catch (error) {
        if (statusOf(error) !== 422) throw error;
        result.rejected = messageOf(error);
      }
    }
  } catch (error) {
    result.error = error;
  }
  return result;
}

/** The run the App shows on the head commit as soon as a push arrives, before any analysis (`queued`). */
export async function createQueuedCheckRun(client: GitHubClient, target: RepoTarget, name = CHECK_NAME): Promise<number> {
  const { data } = await client.request('POST /repos/{owner}/{repo}/check-runs', {
    owner: target.owner, repo: target.repo, name, head_sha: target.headSha, status: 'queued',
    output: { title: 'Queued', summary: 'segguard analyzes this commit as soon as a worker is free.' },
  });
  return Number(data.id);
}

/**
 * The commit's `segguard` run that is not completed yet (the one an instance created before it died, its job not
 * yet queued), or else a new `queued` one: the job recovery queues for such a claim completes that run.
 */
export async function openOrNewCheckRun(client: GitHubClient, target: RepoTarget, name = CHECK_NAME): Promise<number> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
    owner: target.owner, repo: target.repo, ref: target.headSha, check_name: name, filter: 'latest',
  });
  const open = data.check_runs.find((run) => run.status !== 'completed');
  return open ? Number(open.id) : createQueuedCheckRun(client, target, name);
}

export async function markCheckRunInProgress(client: GitHubClient, target: RepoTarget & Required<ExistingCheckRun>): Promise<void> {
  await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
    owner: target.owner, repo: target.repo, check_run_id: target.checkRunId, status: 'in_progress',
    output: { title: 'Analyzing', summary: 'segguard is reading and analyzing this commit.' },
  });
}

/** Why a run ends `cancelled` (it blocks nothing): nothing of its analysis is delivered. */
export interface Cancellation {
  title: string;
  summary: string;
}

/** The run of a commit that is no longer the pull request's head, naming the commit whose run replaces it. */
export function supersededBy(sha: string): Cancellation {
  return { title: `Superseded by ${sha.slice(0, 7)}`, summary: `Superseded by commit ${sha}: segguard checks the pull request's newest head instead.` };
}

export async function cancelCheckRun(client: GitHubClient, target: RepoTarget & Required<ExistingCheckRun>, why: Cancellation): Promise<void> {
  await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
    owner: target.owner, repo: target.repo, check_run_id: target.checkRunId, status: 'completed', conclusion: 'cancelled', output: why,
  });
}

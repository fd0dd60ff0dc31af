import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { analyze, audit, type AnalysisResult } from '../analyze.js';
import { approvalFor } from '../github/approvals.js';
import { defaultConfig, renderConfig, renders, type SegguardConfig } from '../config/config.js';
import { rendererFor } from '../render/side.js';
import { parseConfig } from '../config/load.js';
import type { Finding } from '../findings/finding.js';
import { publishFailedCheck } from '../github/check-run.js';
import { deliverAudit, deliverToPullRequest, linksOf, type Channel, type DeliveryReport } from '../github/deliver.js';
import type { SourceLinks } from '../report/links.js';
import { messageOf } from '../github/errors.js';
import { createClient, type GitHubClient } from '../github/octokit.js';
import { LIMITS } from '../github/limits.js';
import type { RepoTarget } from '../github/target.js';
import { escapeCell } from '../report/markdown-escape.js';
import { fitMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { planRun, type RunContext } from './event.js';
import { workflowAnnotations } from './fallback.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { commitCensus, type TreeRead } from '../sources/census.js';
import { ensureCommit, hasCheckout, localMergeBase, readGitFile, readManifests } from './sources.js';

export type ActionChannel = Channel | 'workflow-annotation' | 'job-summary';

export interface ActionOutcome {
  result?: AnalysisResult;
  delivery?: DeliveryReport;
  /** Every finding and where the run showed it (the log, which shows them all, aside). */
  channels: Map<Finding, ActionChannel[]>;
  conclusion?: string;
}

type Source = { kind: 'git' } | { kind: 'api'; client: GitHubClient; owner: string; repo: string };

/** The Action's log prints every finding (renderText): where to read what an output had no room for. */
const STEP_LOG = 'the log of this workflow step lists every finding.';

/** The job summary is 1 MiB per step; 256 Ki characters stay under it whatever the characters. */
const JOB_SUMMARY_CHARS = LIMITS.jobSummaryBytes / 4;

/** The Action: inputs and event → manifests of both sides → analysis → delivery, with fallbacks that lose nothing. */
export async function runAction(context: RunContext, options: { client?: GitHubClient; workspace?: string } = {}): Promise<ActionOutcome> {
  const inputs = readInputs();
  const plan = planRun(context);
  if (plan.mode === 'skip') {
    core.info(`segguard: nothing to do: ${plan.reason}.`);
    return { channels: new Map() };
  }
  const client = options.client ?? createClient(inputs.token, { log: (m) => core.info(m) });
  const workspace = options.workspace ?? process.env.GITHUB_WORKSPACE ?? process.cwd();
  const log = (m: string) => core.info(m);
  const checkout = await hasCheckout(workspace);
  const source: Source = checkout ? { kind: 'git' } : { kind: 'api', client, owner: plan.owner, repo: plan.repo };
  if (!checkout) log(`segguard: no git checkout in ${workspace}; reading the manifests through the GitHub API.`);

  const commit = async (ref: string, alternative?: string): Promise<string> => {
    if (!checkout) return ref;
    const sha = await ensureCommit(workspace, ref, log, alternative);
    if (!sha) throw new Error(`cannot read commit ${ref}: it is not in the checkout and could not be fetched from origin`);
    return sha;
  };

  let head: string;
  let base: string | undefined;
  let configCommit: string;
  if (plan.mode === 'pull-request') {
    head = await commit(inputs.head ?? plan.headSha, inputs.head ? undefined : `refs/pull/${plan.pullNumber}/head`);
    // The PR's diff is against the merge base, not the base branch tip: analysing the tip would count changes
    // merged into the base branch since as the PR's own.
    base = inputs.base ? await commit(inputs.base) : await mergeBase(client, plan, head, checkout ? workspace : undefined, commit);
    // The gate is the base branch's: a PR cannot relax its own check by editing the configuration.
    configCommit = await commit(plan.baseSha);
  } else {
    head = await commit(inputs.head ?? plan.headSha);
    base = inputs.base ? await commit(inputs.base) : undefined;
    configCommit = head;
  }

  const { config, globsFrom } = await readConfig(inputs, configCommit, checkout ? workspace : undefined, client, plan);
  const selection = { include: config.include, exclude: config.exclude };
  const render = renders(config) ? { config: renderConfig(config), renderer: rendererFor(renderConfig(config)) } : undefined;
  const readOptions = { workspace, selection, maxFileBytes: config.maxFileBytes, log, ...(render ? { render } : {}) };
  const target = plan.mode === 'pull-request'
    ? { owner: plan.owner, repo: plan.repo, pullNumber: plan.pullNumber, headSha: plan.headSha, baseSha: base ?? plan.baseSha } : undefined;
  const [headRead, baseRead] = await failingCheckOnError(client, target, log,
    () => readManifests(base ? [head, base] : [head], source, readOptions));
  const baseFiles = baseRead?.files ?? [];
  const headFiles = headRead.files;
  log(`segguard: ${plan.mode === 'audit' ? `audit of ${head.slice(0, 7)}` : `pull request #${plan.pullNumber}: ${base?.slice(0, 7)}...${head.slice(0, 7)}`}, ` +
    `${baseFiles.length} base and ${headFiles.length} head manifest files`);
  const approval = target ? await approvalFor(client, target, config, log) : {};
  const censusOf = (commit: string, read: TreeRead) => commitCensus(commit, read, selection, { path: inputs.config, globsFrom });
  const trees = { head: censusOf(head, headRead), ...(base && baseRead ? { base: censusOf(base, baseRead) } : {}) };
  // push/schedule/workflow_dispatch audit the head state, unless a base input asks for a comparison.
  const rendered = { base: baseRead?.rendered, head: headRead.rendered };
  const result = plan.mode === 'audit' && !base ? audit(headFiles, config, trees.head, rendered.head) : analyze(baseFiles, headFiles, config, undefined, { trees, rendered, ...approval });
  for (const warning of result.summary.warnings ?? []) core.warning(`segguard: ${warning}`);
  const report = { findings: result.findings, summary: result.summary, failOn: config.failOn };
  core.info(renderText(report, { color: false }));

  // Plain log lines: warnings would use up the step's 10 workflow annotations a level that findings may need.
  const deliveryOptions = { failOn: config.failOn, annotations: inputs.annotations, elsewhere: STEP_LOG, log };
  const delivery = target
    ? await deliverToPullRequest(client, target, result, { ...deliveryOptions, comment: inputs.comment, reviewEvent: inputs.reviewEvent })
    : await deliverAudit(client, { owner: plan.owner, repo: plan.repo, headSha: plan.headSha }, result, deliveryOptions);

  const channels = new Map<Finding, ActionChannel[]>([...delivery.channels].map(([f, c]) => [f, [...c]]));
  const checkRunFailed = delivery.failures.some((f) => f.step === 'check-run');
  if (delivery.readOnly) {
    core.warning('segguard: GitHub refused to write to this pull request (403: the token is read-only, as for pull requests from forks ' +
      'and Dependabot). Findings are shown as workflow annotations and in the job summary instead, and this step carries the gate.');
  }
  if (checkRunFailed && inputs.annotations) {
    const active = result.findings.filter((f) => !f.suppressed && !channels.get(f)!.includes('check-run-annotation'));
    for (const f of workflowAnnotations(active, { warning: delivery.readOnly ? 1 : 0 })) channels.get(f)!.push('workflow-annotation');
  }
  await jobSummary(result, config, delivery, channels, linksOf({ owner: plan.owner, repo: plan.repo, headSha: head, ...(base ? { baseSha: base } : {}) }));

  if (inputs.sarifFile) {
    const file = resolve(workspace, inputs.sarifFile);
    await writeFile(file, renderSarif(report));
    core.setOutput('sarif-file', file);
  }
  core.setOutput('findings', result.findings.filter((f) => !f.suppressed).length);
  core.setOutput('critical', result.summary.counts.critical);
  core.setOutput('high', result.summary.counts.high);
  core.setOutput('conclusion', delivery.conclusion);
  if (delivery.conclusion === 'failure') {
    core.setFailed(`segguard: findings at or above "${config.failOn}" (${result.summary.counts.critical} critical, ${result.summary.counts.high} high).`);
  }
  return { result, delivery, channels, conclusion: delivery.conclusion };
}

async function mergeBase(client: GitHubClient, plan: { owner: string; repo: string; baseSha: string }, head: string, workspace: string | undefined,
  commit: (ref: string) => Promise<string>): Promise<string> {
  const base = await commit(plan.baseSha);
  const local = workspace ? await localMergeBase(workspace, base, head) : undefined;
  if (local) return local;
  // A shallow checkout does not reach the merge base: one API call names it, then it is fetched like any commit.
  const { data } = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
    owner: plan.owner, repo: plan.repo, basehead: `${plan.baseSha}...${head}`, per_page: 1,
  });
  return commit(data.merge_base_commit.sha);
}

/** The configuration, and where its include/exclude come from (for the message of manifest-none-read). */
async function readConfig(inputs: ActionInputs, commit: string, workspace: string | undefined, client: GitHubClient,
  repo: { owner: string; repo: string }): Promise<{ config: SegguardConfig; globsFrom: string }> {
  let text: string | undefined;
  if (workspace) {
    text = await readGitFile(workspace, commit, inputs.config);
  } else {
    try {
      const response = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
        owner: repo.owner, repo: repo.repo, path: inputs.config, ref: commit, mediaType: { format: 'raw' },
      });
      text = String(response.data);
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
  const config = text === undefined ? defaultConfig() : parseConfig(text, `${inputs.config} (${commit.slice(0, 7)})`);
  if (text === undefined) core.info(`segguard: no ${inputs.config} at ${commit.slice(0, 7)}; using the defaults.`);
  const globsFrom = inputs.paths.length > 0 ? 'the paths input' : text === undefined ? 'the defaults' : `${inputs.config} (${commit.slice(0, 7)})`;
  return { config: { ...config, failOn: inputs.failOn ?? config.failOn, ...(inputs.paths.length > 0 ? { include: inputs.paths } : {}) }, globsFrom };
}

/** The job summary carries the same Markdown as the check run, and says what could not be delivered and why. */
async function jobSummary(result: AnalysisResult, config: SegguardConfig, delivery: DeliveryReport, channels: Map<Finding, ActionChannel[]>,
  links: SourceLinks): Promise<void> {
  const problems = delivery.failures.map((f) => `- ${f.step}: ${f.status ? `HTTP ${f.status}, ` : ''}${escapeCell(f.message)}`);
  const before = problems.length > 0 ? `> [!WARNING]\n> Some results could not be written to GitHub:\n\n${problems.join('\n')}\n\n` : '';
  const fitted = fitMarkdown({ findings: result.findings, summary: result.summary, failOn: config.failOn, links },
    { maxLength: JOB_SUMMARY_CHARS, before, elsewhere: STEP_LOG });
  try {
    await core.summary.addRaw(fitted.markdown, true).write();
    for (const f of fitted.included) channels.get(f)!.push('job-summary');
  } catch (error) {
    core.warning(`segguard: cannot write the job summary: ${messageOf(error)}`);
  }
}

/**
 * Runs `step`; when it throws on a pull request (a renderer missing from the runner, a commit that cannot be
 * read), the segguard check run concludes `failure` with the reason before the step fails, so a required check
 * says why instead of waiting forever. The step still fails with the error.
 */
async function failingCheckOnError<T>(client: GitHubClient, target: RepoTarget | undefined, log: (m: string) => void, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (target) {
      await publishFailedCheck(client, target, 'segguard could not analyze this pull request', 'reading or rendering the manifests failed', [messageOf(error)])
        .catch((failure: unknown) => log(`segguard: the failing check run could not be published either: ${messageOf(failure)}`));
    }
    throw error;
  }
}

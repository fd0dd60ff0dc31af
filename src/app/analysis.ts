import { analyze, type AnalysisResult } from '../analyze.js';
import type { SegguardConfig } from '../config/config.js';
import type { SuppressionApproval } from '../findings/suppression.js';
import { commitCensus } from '../sources/census.js';
import type { FileSelection } from '../sources/filter.js';
import type { RenderedRead } from '../sources/index.js';

/** Everything the CPU-bound part of a check needs, as plain data (it crosses to a worker thread). */
export interface AnalysisInput {
  baseSha: string;
  headSha: string;
  base: RenderedRead;
  head: RenderedRead;
  config: SegguardConfig;
  selection: FileSelection;
  where: { path: string; globsFrom: string };
  approval?: SuppressionApproval;
}

export type AnalysisOutput = Pick<AnalysisResult, 'findings' | 'summary'>;

/** Both sides' census and the analysis; the models stay behind (delivery needs only findings and summary). */
export function analyzePullRequest(input: AnalysisInput): AnalysisOutput {
  const { base, head, config, selection, where } = input;
  const trees = { base: commitCensus(input.baseSha, base, selection, where), head: commitCensus(input.headSha, head, selection, where) };
  const { findings, summary } = analyze(base.files, head.files, config, undefined, {
    trees, rendered: { base: base.rendered, head: head.rendered }, ...(input.approval ? { approval: input.approval } : {}),
  });
  return { findings, summary };
}

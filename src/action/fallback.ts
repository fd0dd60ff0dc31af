import * as core from '@actions/core';
import type { Finding } from '../findings/finding.js';
import { severityRank, type Severity } from '../findings/severity.js';
import { MAX_WORD, shortenWords } from '../report/shorten.js';

/** Workflow-command annotations: GitHub shows at most 10 of each level per step (and 50 per job). */
export const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10;

type Level = 'error' | 'warning' | 'notice';
const LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'warning', info: 'notice' };

/**
 * Annotates head-side findings with `::error file=…,line=…::` commands (the channel that needs no write
 * permission), worst first and within GitHub's per-level limit. Returns the findings annotated; the others are
 * in the job summary and the log.
 */
export function workflowAnnotations(findings: readonly Finding[], alreadyUsed: Partial<Record<Level, number>> = {}): Finding[] {
  // Other messages of the step at these levels (a warning explaining the fallback) count against the same limit.
  const used: Record<Level, number> = { error: 0, warning: 0, notice: 0, ...alreadyUsed };
  const shown: Finding[] = [];
  const ordered = [...findings].filter((f) => f.location.side === 'head')
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  for (const f of ordered) {
    const level = LEVEL[f.severity];
    if (used[level] >= WORKFLOW_ANNOTATIONS_PER_LEVEL) continue;
    used[level]++;
    const properties = { title: `${f.severity}: ${f.ruleId}`, file: f.location.path, startLine: f.location.line, endLine: Math.max(f.location.line, f.location.endLine) };
    core[level](shortenWords(f.message, MAX_WORD), properties);
    shown.push(f);
  }
  return shown;
}

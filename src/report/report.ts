import { VERSION } from '../version.js';
import type { AnalysisSummary } from '../analyze.js';
import type { Finding } from '../findings/finding.js';
import { reaches, type Severity } from '../findings/severity.js';
import { docsPathOf } from '../rules/rule.js';

export const TOOL_NAME = 'segguard';
export const TOOL_VERSION: string = VERSION;

/** segguard's own repository: the one place to change when it moves (rule docs links derive from it). */
export const PROJECT_URL = 'https://github.com/segguard/segguard';

/** The published docs page of a rule: docs/rules/<id>.md on the main branch. */
export function docsUrlOf(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/${docsPathOf(ruleId)}`;
}

/** What every reporter renders: the analysis and the gate it is judged against. */
export interface Report {
  /** Every finding, suppressed ones included, in the core's order (file, line, rule). */
  findings: Finding[];
  summary: AnalysisSummary;
  failOn: Severity | 'none';
}

export interface ReportOptions {
  /** ANSI colour in the text format (only for a terminal). */
  color?: boolean;
}

export type Reporter = (report: Report, options?: ReportOptions) => string;

/** Active findings (what the gate judges) and suppressed ones (counted and listed apart, never dropped). */
export function partition(findings: readonly Finding[]): { active: Finding[]; suppressed: Finding[] } {
  const active: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) (f.suppressed ? suppressed : active).push(f);
  return { active, suppressed };
}

/** Whether the report fails the gate: an unsuppressed finding at or above `failOn`. */
export function failsGate(report: Report): boolean {
  return report.findings.some((f) => !f.suppressed && reaches(f.severity, report.failOn));
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

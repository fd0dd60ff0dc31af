import { VERSION } from '../version.js';
import type { AnalysisSummary } from '../analyze.js';
import type { Finding } from '../findings/finding.js';
import { reaches, type Severity } from '../findings/severity.js';
import { IGNORE_ANNOTATION } from '../findings/suppression.js';
import { describeIdentity } from '../model/identity.js';
import type { SourceLinks } from './links.js';

export const TOOL_NAME = 'segguard';
export const TOOL_VERSION: string = VERSION;

/** What every reporter renders: the analysis and the gate it is judged against. */
export interface Report {
  /** Every finding, suppressed ones included, in the core's order (file, line, rule). */
  findings: Finding[];
  summary: AnalysisSummary;
  failOn: Severity | 'none';
  /** The analyzed commits, when known: locations then link to their lines. */
  links?: SourceLinks;
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

/**
 * The sentence every output shows for a suppression the change proposes: where it is, why, and which finding it
 * would silence. `escape` is applied to what comes from the manifests (Markdown outputs pass their escaper).
 * Undefined when the finding has none.
 */
export function proposalText(f: Finding, escape: (text: string) => string = (text) => text): string | undefined {
  const proposed = f.proposedSuppression;
  if (!proposed) return undefined;
  const at = `${IGNORE_ANNOTATION} "${escape(proposed.reason)}" at ${escape(`${proposed.location.path}:${proposed.location.line}`)}`;
  const finding = `${f.ruleId}${f.resource ? ` on ${escape(describeIdentity(f.resource))}` : ''}`;
  if (f.suppressed?.approvedBy) return `approved suppression: ${at}, approved by ${escape(f.suppressed.approvedBy.join(', '))}, silences: ${finding}`;
  return `proposed suppression: ${at} would silence: ${finding} (added or changed by this change: it counts until merged or approved)`;
}

/** Why a suppressed finding is suppressed: its reason, and who approved it when the change proposed it. */
export function suppressionText(f: Finding): string {
  const approved = f.suppressed?.approvedBy ? ` (approved by ${f.suppressed.approvedBy.join(', ')})` : '';
  return `${f.suppressed?.reason ?? ''}${approved}`;
}

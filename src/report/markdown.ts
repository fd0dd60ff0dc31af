import type { Finding } from '../findings/finding.js';
import { SEVERITIES, severityRank, type Severity } from '../findings/severity.js';
import { describeIdentity } from '../model/identity.js';
import { escapeMarkdown as md } from './markdown-escape.js';
import { docsUrlOf, partition, plural, type Report } from './report.js';
import { summaryLine } from './summary-line.js';

export interface MarkdownOptions {
  /** Stay under this many characters (GitHub comment bodies hold 65,536): rows past it are left out, and said so. */
  maxLength?: number;
}

const DEFAULT_MAX_LENGTH = 60_000;

/**
 * The body of the pull request's summary comment: headline counts, what the PR opens up (per resource, worst
 * first), every finding in a table, and the suppressed findings in a table of their own. Everything that comes
 * from the manifests goes through `escapeMarkdown`.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const budget = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const { active, suppressed } = partition(report.findings);
  const out: string[] = [];
  // The summary line is segguard's own words and numbers: nothing in it comes from the manifests.
  out.push(`### segguard: ${summaryLine(report)}`, '');
  out.push(`| ${SEVERITIES.join(' | ')} | suppressed |`, `|${' ---: |'.repeat(SEVERITIES.length + 1)}`);
  out.push(`| ${SEVERITIES.map((s) => report.summary.counts[s]).join(' | ')} | ${report.summary.suppressed} |`, '');
  if (active.length === 0) {
    out.push('No segmentation regressions: this change opens up nothing that the base did not already allow.', '');
  } else {
    out.push('#### What this PR opens up', '', ...opensUp(active), '');
    out.push('#### Findings', '', '| Severity | Rule | Location | Resource | Message |', '| --- | --- | --- | --- | --- |');
    const rows = bySeverity(active).map((f) => `| ${f.severity} | ${ruleLink(f.ruleId)} | ${where(f)} | ${resourceCell(f)} | ${md(f.message)} |`);
    out.push(...fit(rows, budget - length(out) - 4_000), '');
  }
  if (suppressed.length > 0) {
    out.push(`<details><summary>${plural(suppressed.length, 'suppressed finding')} (segguard.io/ignore)</summary>`, '');
    out.push('| Severity | Rule | Location | Resource | Message | Reason |', '| --- | --- | --- | --- | --- | --- |');
    const rows = bySeverity(suppressed).map((f) => `| ${f.severity} | ${ruleLink(f.ruleId)} | ${where(f)} | ${resourceCell(f)} | ${md(f.message)} | ${md(f.suppressed?.reason ?? '')} |`);
    out.push(...fit(rows, budget - length(out) - 200), '', '</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const MAX_OPENS_UP = 25;

/** One line per affected resource (or unreadable file), worst severity first, naming the rules it triggers. */
function opensUp(findings: Finding[]): string[] {
  const groups = new Map<string, { subject: string; worst: Severity; rules: Set<string> }>();
  for (const f of findings) {
    const subject = f.resource ? md(describeIdentity(f.resource)) : `file ${md(f.location.path)}`;
    const group = groups.get(subject) ?? { subject, worst: f.severity, rules: new Set<string>() };
    if (severityRank(f.severity) > severityRank(group.worst)) group.worst = f.severity;
    group.rules.add(f.ruleId);
    groups.set(subject, group);
  }
  const lines = [...groups.values()]
    .sort((a, b) => severityRank(b.worst) - severityRank(a.worst))
    .map((g) => `- **${g.worst}**: ${g.subject} (${[...g.rules].map(ruleLink).join(', ')})`);
  if (lines.length <= MAX_OPENS_UP) return lines;
  return [...lines.slice(0, MAX_OPENS_UP), `- … and ${plural(lines.length - MAX_OPENS_UP, 'more resource')} (see the findings below)`];
}

/** Worst first; the core's order (file, line, rule) among equals. */
function bySeverity(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

function ruleLink(ruleId: string): string {
  return `[${md(ruleId)}](${docsUrlOf(encodeURIComponent(ruleId))})`;
}

function where(f: Finding): string {
  const side = f.location.side === 'base' ? ' (base, removed)' : '';
  return `${md(`${f.location.path}:${f.location.line}`)}${side}`;
}

function resourceCell(f: Finding): string {
  return f.resource ? md(describeIdentity(f.resource)) : '';
}

function length(lines: string[]): number {
  return lines.reduce((n, l) => n + l.length + 1, 0);
}

/** The rows that fit in `budget` characters, and a last row saying how many were left out. */
function fit(rows: string[], budget: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const row of rows) {
    if (used + row.length + 1 > budget) {
      const left = rows.length - kept.length;
      return [...kept, `| … | | | | ${plural(left, 'more finding')} not shown here (too long for one comment); the SARIF and JSON outputs have them all |`];
    }
    kept.push(row);
    used += row.length + 1;
  }
  return kept;
}

import type { EdgeEnd, Finding, FindingEdge } from '../findings/finding.js';
import { SEVERITIES, severityRank, type Severity } from '../findings/severity.js';
import { describeIdentity } from '../model/identity.js';
import { exposureSection } from './exposure/markdown.js';
import { escapeMarkdown as md } from './markdown-escape.js';
import { edgeDiagram } from './mermaid.js';
import { docsUrlOf, partition, plural, proposalText, suppressionText, type Report } from './report.js';
import { summaryLine } from './summary-line.js';

export interface MarkdownOptions {
  /** Stay under this many characters (GitHub comment bodies hold 65,536): rows past it are left out, and said so. */
  maxLength?: number;
}

const DEFAULT_MAX_LENGTH = 60_000;

/**
 * The body of the pull request's summary comment: headline counts, the analysis notes (e.g. which connectivity
 * mode was used), what the PR opens up (new connections and exposures first, in plain words, then the other
 * regressions per resource, worst first), a Mermaid diagram of the new connections, every finding in a table,
 * and the suppressed findings in a table of their own. Everything that comes from the manifests goes through
 * `escapeMarkdown` (or `escapeMermaid` inside the diagram).
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const budget = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const { active, suppressed } = partition(report.findings);
  const out: string[] = [];
  // The summary line is segguard's own words and numbers: nothing in it comes from the manifests.
  out.push(`### segguard: ${summaryLine(report)}`, '');
  out.push(`| ${SEVERITIES.join(' | ')} | suppressed |`, `|${' ---: |'.repeat(SEVERITIES.length + 1)}`);
  out.push(`| ${SEVERITIES.map((s) => report.summary.counts[s]).join(' | ')} | ${report.summary.suppressed} |`, '');
  for (const note of report.summary.notes ?? []) out.push(`> ${md(note)}`, '');
  if (active.length === 0) {
    out.push(report.summary.mode === 'audit' ? 'No findings: the audit rules find nothing open in this tree.' : 'No segmentation regressions: this change opens up nothing that the base did not already allow.', '');
  } else {
    out.push(report.summary.mode === 'audit' ? '#### What is open' : '#### What this PR opens up', '', ...opensUp(active), '');
    // The diagram gets at most a quarter of what is left, so the findings table keeps most of the room.
    const diagram = edgeDiagram(bySeverity(active).flatMap((f) => f.edges ?? []), { maxLength: Math.max(0, (budget - length(out)) / 4) });
    if (diagram.length > 0) out.push('#### New connections', '', ...diagram, '');
    out.push('#### Findings', '', '| Severity | Rule | Location | Resource | Message |', '| --- | --- | --- | --- | --- |');
    const rows = bySeverity(active).map((f) => `| ${f.severity} | ${ruleLink(f.ruleId)} | ${where(f)} | ${resourceCell(f)} | ${md(f.message)} |`);
    out.push(...fit(rows, budget - length(out) - 4_000), '');
  }
  const proposed = bySeverity(active.filter((f) => f.proposedSuppression));
  if (proposed.length > 0) {
    // Right after the findings: a reviewer must see that the change asks to silence some of them.
    out.push('#### Proposed suppressions (not applied)', '',
      'This change adds or changes `segguard.io/ignore` annotations: a change cannot silence its own findings, so these count for the gate until merged or approved.', '',
      '| Severity | Rule | Proposed suppression |', '| --- | --- | --- |');
    out.push(...fit(proposed.map((f) => `| ${f.severity} | ${ruleLink(f.ruleId)} | ${proposalText(f, md) ?? ''}: ${md(f.message)} |`), budget - length(out) - 3_000, 3), '');
  }
  out.push(...exposureSection(report.summary.exposure, budget - length(out) - 2_000, { mode: report.summary.mode }));
  if (suppressed.length > 0) {
    out.push(`<details><summary>${plural(suppressed.length, 'suppressed finding')} (segguard.io/ignore)</summary>`, '');
    out.push('| Severity | Rule | Location | Resource | Message | Reason |', '| --- | --- | --- | --- | --- | --- |');
    const rows = bySeverity(suppressed).map((f) => `| ${f.severity} | ${ruleLink(f.ruleId)} | ${where(f)} | ${resourceCell(f)} | ${md(f.message)} | ${md(suppressionText(f))} |`);
    out.push(...fit(rows, budget - length(out) - 200), '', '</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const MAX_OPENS_UP = 25;

/**
 * Who can now reach what first (one line per finding with edges: its first new connection in plain words),
 * then one line per other affected resource (or unreadable file); each part worst severity first.
 */
function opensUp(findings: Finding[]): string[] {
  const connections = bySeverity(findings.filter((f) => f.edges?.length)).map((f) => `- **${f.severity}**: ${reachSentence(f.edges ?? [])} (${ruleLink(f.ruleId)})`);
  const lines = [...connections, ...perResource(findings.filter((f) => !f.edges?.length))];
  if (lines.length <= MAX_OPENS_UP) return lines;
  return [...lines.slice(0, MAX_OPENS_UP), `- … and ${lines.length - MAX_OPENS_UP} more (see the findings below)`];
}

function reachSentence([first, ...rest]: readonly FindingEdge[]): string {
  const who = first.source.type === 'entry'
    ? `anyone outside the cluster, through ${md(first.source.name)},`
    : endText(first.source);
  const more = rest.length > 0 ? `, and ${plural(rest.length, 'more connection')}` : '';
  return `${who} can now reach ${endText(first.destination)} on ${md(first.ports)}${more}`;
}

function endText(end: EdgeEnd): string {
  return end.type === 'external' ? `${md(end.name)} (outside the cluster)` : md(end.name);
}

/** One line per affected resource (or unreadable file), worst severity first, naming the rules it triggers. */
function perResource(findings: Finding[]): string[] {
  const groups = new Map<string, { subject: string; worst: Severity; rules: Set<string> }>();
  for (const f of findings) {
    const subject = f.resource ? md(describeIdentity(f.resource)) : `file ${md(f.location.path)}`;
    const group = groups.get(subject) ?? { subject, worst: f.severity, rules: new Set<string>() };
    if (severityRank(f.severity) > severityRank(group.worst)) group.worst = f.severity;
    group.rules.add(f.ruleId);
    groups.set(subject, group);
  }
  return [...groups.values()]
    .sort((a, b) => severityRank(b.worst) - severityRank(a.worst))
    .map((g) => `- **${g.worst}**: ${g.subject} (${[...g.rules].map(ruleLink).join(', ')})`);
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

/** The rows that fit in `budget` characters, and a last row (in the table's last of `columns` cells) saying how many were left out. */
function fit(rows: string[], budget: number, columns = 5): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const row of rows) {
    if (used + row.length + 1 > budget) {
      const left = rows.length - kept.length;
      return [...kept, `| … |${' |'.repeat(columns - 2)} ${plural(left, 'more finding')} not shown here (too long for one comment); the SARIF and JSON outputs have them all |`];
    }
    kept.push(row);
    used += row.length + 1;
  }
  return kept;
}

import type { EdgeEnd, Finding, FindingEdge } from '../findings/finding.js';
import { SEVERITIES, severityRank, type Severity } from '../findings/severity.js';
import { describeIdentity } from '../model/identity.js';
import { exposureSection } from './exposure/markdown.js';
import { escapeCell as md, escapeMessage } from './markdown-escape.js';
import { cutMarkdown, fitLines, linesLength } from './markdown-fit.js';
import { edgeDiagram } from './mermaid.js';
import { docsUrlOf, partition, plural, proposalText, suppressionText, type Report } from './report.js';
import { summaryLine } from './summary-line.js';

export interface MarkdownOptions {
  /**
   * The whole document (the frame included) stays within this many characters (GitHub comment bodies hold
   * 65,536): rows past it are left out, and a note says how many and where they are.
   */
  maxLength?: number;
  /** Markdown before and after the report (a warning, a footer), inside the budget. */
  before?: string;
  after?: string;
  /** Where the findings left out can be found, for that note. */
  elsewhere?: string;
}

export interface FittedMarkdown {
  markdown: string;
  /** The findings listed in the findings (or suppressed) table: the channel a finding reached is only claimed when it is really there. */
  included: Finding[];
}

const DEFAULT_MAX_LENGTH = 60_000;
const DEFAULT_ELSEWHERE = 'the SARIF and JSON outputs (`segguard check --format sarif|json`) list them all.';
/**
 * The body of the pull request's summary comment: headline counts, the analysis notes (e.g. which connectivity
 * mode was used), what the PR opens up (new connections and exposures first, in plain words, then the other
 * regressions per resource, worst first), a Mermaid diagram of the new connections, every finding in a table,
 * and the suppressed findings in a table of their own. Everything that comes from the manifests goes through
 * `escapeMarkdown` (or `escapeMermaid` inside the diagram).
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  return fitMarkdown(report, options).markdown;
}

/**
 * renderMarkdown within `maxLength` as a whole. The verdict and the counts come from the whole analysis and are
 * always there; the sections share what is left (the findings table, worst first, gets the most), each cut
 * between rows; when findings are left out, a closing note counts them and says where they are.
 */
export function fitMarkdown(report: Report, options: MarkdownOptions = {}): FittedMarkdown {
  const max = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const elsewhere = options.elsewhere ?? DEFAULT_ELSEWHERE;
  const { active, suppressed } = partition(report.findings);
  // The summary line is segguard's own words and numbers: nothing in it comes from the manifests.
  const head = [`### segguard: ${summaryLine(report)}`, '',
    `| ${SEVERITIES.join(' | ')} | suppressed |`, `|${' ---: |'.repeat(SEVERITIES.length + 1)}`,
    `| ${SEVERITIES.map((s) => report.summary.counts[s]).join(' | ')} | ${report.summary.suppressed} |`, ''];
  // The frame and the notes may not crowd out the findings.
  const before = options.before ? cutMarkdown(options.before, max / 8) : '';
  const after = options.after ? cutMarkdown(options.after, max / 8) : '';
  const noteLines = fitLines([
    ...(report.summary.warnings ?? []).flatMap((warning) => ['> [!WARNING]', `> ${md(warning)}`, '']),
    ...(report.summary.notes ?? []).flatMap((note) => [`> ${md(note)}`, '']),
  ], max / 8);
  const closing = (shown: number) => ['', '> [!WARNING]',
    `> This summary lists ${shown} of ${plural(report.findings.length, 'finding')}, the most severe first, to stay within ${max.toLocaleString('en-US')} characters; ${elsewhere}`];
  let room = max - before.length - after.length - linesLength(head) - linesLength(noteLines) - linesLength(closing(report.findings.length)) - 2;

  const take = (lines: string[]) => {
    room -= linesLength(lines);
    return lines;
  };
  const included: Finding[] = [];
  // The exposure section first, at most a quarter of the room (and its own cap), so the table gets what it leaves.
  const exposure = take(exposureSection(report.summary.exposure, Math.max(0, room) / 4, { mode: report.summary.mode }));
  const suppressedReserve = suppressed.length > 0 ? Math.max(0, room) / 8 : 0;
  const changes: string[] = [];
  if (active.length === 0 && report.summary.warnings) {
    changes.push(...take(['No findings in what was read; see the warning above about what was not.', '']));
  } else if (active.length === 0) {
    changes.push(...take([report.summary.mode === 'audit' ? 'No findings: the audit rules find nothing open in this tree.'
      : 'No segmentation regressions: this change opens up nothing that the base did not already allow.', '']));
  } else {
    const ordered = bySeverity(active);
    changes.push(...take([report.summary.mode === 'audit' ? '#### What is open' : '#### What this PR opens up', '', ...opensUp(active, room / 6), '']));
    // The diagram gets at most a quarter of what is left, so the findings table keeps most of the room.
    const diagram = edgeDiagram(ordered.flatMap((f) => f.edges ?? []), { maxLength: Math.max(0, room - suppressedReserve) / 4 });
    if (diagram.length > 0) changes.push(...take(['#### New connections', '', ...diagram, '']));
    const rows = findingRows(ordered, room - suppressedReserve - 20, FINDING_COLUMNS, (f) => findingCells(f));
    included.push(...rows.shown);
    changes.push(...take(['#### Findings', '', ...rows.lines, '']));
  }
  const proposed = bySeverity(active.filter((f) => f.proposedSuppression));
  if (proposed.length > 0) {
    // Right after the findings: a reviewer must see that the change asks to silence some of them.
    const intro = ['#### Proposed suppressions (not applied)', '',
      'This change adds or changes `segguard.io/ignore` annotations: a change cannot silence its own findings, so these count for the gate until merged or approved.', ''];
    const rows = findingRows(proposed, room - suppressedReserve - linesLength(intro), ['Severity', 'Rule', 'Proposed suppression'],
      (f) => [f.severity, ruleLink(f.ruleId), `${proposalText(f, md) ?? ''}: ${escapeMessage(f.message)}`]);
    changes.push(...take([...intro, ...rows.lines, '']));
  }
  const hidden: string[] = [];
  if (suppressed.length > 0) {
    const frame = [`<details><summary>${plural(suppressed.length, 'suppressed finding')} (segguard.io/ignore)</summary>`, '', '', '</details>', ''];
    const rows = findingRows(bySeverity(suppressed), room - linesLength(frame), [...FINDING_COLUMNS, 'Reason'],
      (f) => [...findingCells(f), md(suppressionText(f))]);
    included.push(...rows.shown);
    hidden.push(frame[0], frame[1], ...rows.lines, ...frame.slice(2));
  }
  const document = (lines: string[], shown: number) => `${before}${[...head, ...noteLines, ...lines, ...(shown < report.findings.length ? closing(shown) : [])]
    .join('\n').trimEnd()}\n${after}`;
  const markdown = document([...changes, ...exposure, ...hidden], included.length);
  if (markdown.length <= max) return { markdown, included };
  // The shares above keep within max; should a budget too small for them (a few hundred characters) leave no
  // room, the verdict and the counts still go out, never a cut that drops them.
  return { markdown: cutMarkdown(document([], 0), max), included: [] };
}

/**
 * Findings a summary had no room for, in a table of their own within `maxLength` (the check run's `text`, shown
 * under its summary): worst first, suppressed ones last and marked; a closing note counts what still does not fit.
 */
export function fitMoreFindings(findings: readonly Finding[], options: { maxLength: number; elsewhere: string }): FittedMarkdown {
  const title = [`#### ${plural(findings.length, 'more finding')} (no room for them in the summary)`, ''];
  const note = (left: number) => ['', '> [!WARNING]', `> ${plural(left, 'more finding')} ${left === 1 ? 'does' : 'do'} not fit here either; ${options.elsewhere}`];
  const ordered = [...bySeverity(findings.filter((f) => !f.suppressed)), ...bySeverity(findings.filter((f) => f.suppressed))];
  const rows = findingRows(ordered, options.maxLength - linesLength(title) - linesLength(note(findings.length)) - 2, FINDING_COLUMNS,
    (f) => findingCells(f, f.suppressed ? `${f.severity} (suppressed)` : f.severity));
  const left = findings.length - rows.shown.length;
  const markdown = `${[...title, ...rows.lines, ...(left > 0 ? note(left) : [])].join('\n')}\n`;
  return markdown.length <= options.maxLength ? { markdown, included: rows.shown } : { markdown: cutMarkdown(markdown, options.maxLength), included: [] };
}

const FINDING_COLUMNS = ['Severity', 'Rule', 'Location', 'Resource', 'Message'];

function findingCells(f: Finding, severity: string = f.severity): string[] {
  return [severity, ruleLink(f.ruleId), where(f), resourceCell(f), escapeMessage(f.message)];
}

/**
 * A findings table within `budget` characters: as many rows as fit, in order, and a last row counting the
 * others; every row has the header's number of cells.
 */
function findingRows(findings: Finding[], budget: number, header: string[], row: (f: Finding) => string[]): { lines: string[]; shown: Finding[] } {
  const top = [`| ${header.join(' | ')} |`, `|${' --- |'.repeat(header.length)}`];
  const lines = findings.map((f) => `| ${row(f).join(' | ')} |`);
  const leftOut = (n: number) => `| … |${' |'.repeat(header.length - 2)} ${plural(n, 'more finding')} not shown here (too long for one comment) |`;
  const kept = fitLines(lines, budget - linesLength(top) - leftOut(findings.length).length - 1);
  const shown = findings.slice(0, kept.length);
  return { lines: [...top, ...kept, ...(kept.length < lines.length ? [leftOut(lines.length - kept.length)] : [])], shown };
}

const MAX_OPENS_UP = 25;

/**
 * Who can now reach what first (one line per finding with edges: its first new connection in plain words),
 * then one line per other affected resource (or unreadable file); each part worst severity first. At most
 * MAX_OPENS_UP lines and `budget` characters.
 */
function opensUp(findings: Finding[], budget: number): string[] {
  const connections = bySeverity(findings.filter((f) => f.edges?.length)).map((f) => `- **${f.severity}**: ${reachSentence(f.edges ?? [])} (${ruleLink(f.ruleId)})`);
  const lines = [...connections, ...perResource(findings.filter((f) => !f.edges?.length))];
  const more = (n: number) => `- … and ${n} more (see the findings below)`;
  if (lines.length <= MAX_OPENS_UP && linesLength(lines) <= budget) return lines;
  const kept = fitLines(lines.slice(0, MAX_OPENS_UP), budget - more(lines.length).length - 1);
  return [...kept, more(lines.length - kept.length)];
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

import { causesOf, primaryOf, type Cause } from '../findings/causes.js';
import type { EdgeEnd, Finding, FindingEdge } from '../findings/finding.js';
import { severityRank } from '../findings/severity.js';
import { describeIdentity } from '../model/identity.js';
import { mergeExternalEnds, reachesInternet } from './addresses.js';
import { exposureSection } from './exposure/markdown.js';
import { docsUrlOf, type SourceLinks } from './links.js';
import { locationLink } from './location.js';
import { escapeCell as md, escapeMessage } from './markdown-escape.js';
import { cutMarkdown, fitLines, linesLength } from './markdown-fit.js';
import { edgeDiagram, type DiagramEdge } from './mermaid.js';
import { partition, plural, proposalText, suppressionText, type Report } from './report.js';
import { verdict } from './verdict.js';

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
 * The body of the pull request's summary comment, as a reviewer reads it at GitHub's comment width: the verdict
 * first (may it merge, and why), the warnings, then one sentence per cause of what the PR opens up (worst first,
 * each linked to its line), the suppressions it proposes; then, folded, a diagram of the new connections, every
 * finding in a table, the exposure map's change and the suppressed findings; the analysis notes last. Everything
 * that comes from the manifests goes through `escapeMarkdown` (or `escapeMermaid` inside the diagram).
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  return fitMarkdown(report, options).markdown;
}

/** Sentences of what the PR opens up shown before the first fold: about one screen. */
const MAX_ENTRIES = 8;
/** Proposed suppressions listed before the fold (the findings table marks every one). */
const MAX_PROPOSALS = 5;

/**
 * renderMarkdown within `maxLength` as a whole. The verdict comes from the whole analysis and is always there;
 * the sections share what is left (the findings table, worst first, gets the most), each cut between rows; when
 * findings are left out, a closing note counts them and says where they are.
 */
export function fitMarkdown(report: Report, options: MarkdownOptions = {}): FittedMarkdown {
  const max = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const elsewhere = options.elsewhere ?? DEFAULT_ELSEWHERE;
  const { links } = report;
  const { active, suppressed } = partition(report.findings);
  // The verdict is segguard's own words and numbers: nothing in it comes from the manifests.
  const head = [`### ${verdict(report)}`, ''];
  // The frame, the warnings and the notes may not crowd out the findings.
  const before = options.before ? cutMarkdown(options.before, max / 8) : '';
  const after = options.after ? cutMarkdown(options.after, max / 8) : '';
  const warningLines = fitLines((report.summary.warnings ?? []).flatMap((warning) => ['> [!WARNING]', `> ${md(warning)}`, '']), max / 16);
  const noteLines = fitLines((report.summary.notes ?? []).map((note) => `> ${md(note)}`), max / 16);
  // Every section ends with a blank line, so these need none before them.
  const notes = noteLines.length > 0 ? ['<sub>Analysis notes</sub>', '', ...noteLines] : [];
  const closing = (shown: number) => ['> [!WARNING]',
    `> This summary lists ${shown} of ${plural(report.findings.length, 'finding')}, the most severe first, to stay within ${max.toLocaleString('en-US')} characters; ${elsewhere}`, ''];
  let room = max - before.length - after.length - linesLength(head) - linesLength(warningLines) - linesLength(notes) - linesLength(closing(report.findings.length)) - 2;

  const take = (lines: string[]) => {
    room -= linesLength(lines);
    return lines;
  };
  const included: Finding[] = [];
  const audit = report.summary.mode === 'audit';
  const causes = byCauseSeverity(causesOf(active));
  const opens: string[] = [];
  const folded: string[] = [];
  if (active.length === 0 && report.summary.warnings) {
    opens.push(...take(['No findings in what was read; see the warning above about what was not.', '']));
  } else if (active.length === 0) {
    opens.push(...take([audit ? 'No findings: the audit rules find nothing open in this tree.'
      : 'No segmentation regressions: this change opens up nothing that the base did not already allow.', '']));
  } else {
    opens.push(...take([audit ? '#### What is open' : '#### What this PR opens up', '', ...entries(causes, links, room / 6), '']));
    const proposed = causes.filter((c) => c.findings.some((f) => f.proposedSuppression));
    if (proposed.length > 0) {
      // Before the folds: a reviewer must see that the change asks to silence some of its findings.
      opens.push(...take(['#### Proposed suppressions (not applied)', '',
        'This change adds or changes `segguard.io/ignore` annotations: a change cannot silence its own findings, so these count for the gate until merged or approved.', '',
        ...proposals(proposed, links, room / 8), '']));
    }
  }
  // The exposure section at most a quarter of the room (and its own cap), so the table gets what it leaves.
  const exposure = take(exposureSection(report.summary.exposure, Math.max(0, room) / 4, { mode: report.summary.mode, links }));
  const suppressedReserve = suppressed.length > 0 ? Math.max(0, room) / 8 : 0;
  if (active.length > 0) {
    // The diagram gets at most a quarter of what is left, so the findings table keeps most of the room.
    // A connection from the internet is guarded by nothing: drawn like an unguarded entry point.
    const edges = causes.flatMap((c) => c.edges).map((e): DiagramEdge => (e.source.type === 'external' && reachesInternet(e.source.name) ? { ...e, style: 'unguarded' } : e));
    const diagram = edgeDiagram(edges, { maxLength: Math.max(0, room - suppressedReserve) / 4 });
    if (diagram.length > 0) folded.push(...take(fold(`Diagram: what this PR ${audit ? 'leaves open' : 'newly connects'}`, diagram)));
    const rows = causeRows(causes, room - suppressedReserve - 120, links);
    included.push(...rows.shown);
    folded.push(...take(fold(`All ${plural(active.length, 'finding')}, worst first`, rows.lines)));
  }
  const hidden: string[] = [];
  if (suppressed.length > 0) {
    const rows = causeRows(byCauseSeverity(causesOf(suppressed)), room - 200, links, (cause) => md(suppressionText(primaryOf(cause))));
    included.push(...rows.shown);
    hidden.push(...fold(`${plural(suppressed.length, 'suppressed finding')} (segguard.io/ignore)`, rows.lines));
  }
  const document = (lines: string[], shown: number) => `${before}${[...head, ...warningLines, ...lines, ...(shown < report.findings.length ? closing(shown) : []), ...notes]
    .join('\n').trimEnd()}\n${after}`;
  const markdown = document([...opens, ...folded, ...exposure, ...hidden], included.length);
  if (markdown.length <= max) return { markdown, included };
  // The shares above keep within max; should a budget too small for them (a few hundred characters) leave no
  // room, the verdict still goes out, never a cut that drops it.
  return { markdown: cutMarkdown(document([], 0), max), included: [] };
}

/** A closed `<details>` block. */
function fold(summary: string, lines: string[]): string[] {
  return [`<details><summary>${summary}</summary>`, '', ...lines, '', '</details>', ''];
}

/**
 * Findings a summary had no room for, in a table of their own within `maxLength` (the check run's `text`, shown
 * under its summary): worst first, suppressed ones last and marked; a closing note counts what still does not fit.
 */
export function fitMoreFindings(findings: readonly Finding[], options: { maxLength: number; elsewhere: string; links?: SourceLinks }): FittedMarkdown {
  const title = [`#### ${plural(findings.length, 'more finding')} (no room for them in the summary)`, ''];
  const note = (left: number) => ['', '> [!WARNING]', `> ${plural(left, 'more finding')} ${left === 1 ? 'does' : 'do'} not fit here either; ${options.elsewhere}`];
  const { active, suppressed } = partition(findings);
  const causes = [...byCauseSeverity(causesOf(active)), ...byCauseSeverity(causesOf(suppressed))];
  const rows = causeRows(causes, options.maxLength - linesLength(title) - linesLength(note(findings.length)) - 2, options.links);
  const left = findings.length - rows.shown.length;
  const markdown = `${[...title, ...rows.lines, ...(left > 0 ? note(left) : [])].join('\n')}\n`;
  return markdown.length <= options.maxLength ? { markdown, included: rows.shown } : { markdown: cutMarkdown(markdown, options.maxLength), included: [] };
}

/**
 * The findings table within `budget` characters, one row per cause (every rule id of it, every message): as many
 * rows as fit, in order, and a last row counting the findings of the others. Four columns, so that it fits
 * GitHub's comment column; `extra` adds a fifth (the reason of a suppressed finding).
 */
function causeRows(causes: readonly Cause[], budget: number, links: SourceLinks | undefined,
  extra?: (cause: Cause) => string): { lines: string[]; shown: Finding[] } {
  const header = ['Severity', 'Rule', 'Location', 'What', ...(extra ? ['Reason'] : [])];
  const top = [`| ${header.join(' | ')} |`, `|${' --- |'.repeat(header.length)}`];
  const lines = causes.map((cause) => `| ${[severityCell(cause), cause.ruleIds.map(ruleLink).join('<br>'), locationLink(primaryOf(cause).location, links),
    cause.findings.map((f) => escapeMessage(f.message)).join('<br><br>'), ...(extra ? [extra(cause)] : [])].join(' | ')} |`);
  const total = causes.reduce((n, c) => n + c.findings.length, 0);
  const leftOut = (n: number) => `| … |${' |'.repeat(header.length - 2)} ${plural(n, 'more finding')} not shown here (too long for one comment) |`;
  const kept = fitLines(lines, budget - linesLength(top) - leftOut(total).length - 1);
  const shown = causes.slice(0, kept.length).flatMap((c) => c.findings);
  return { lines: [...top, ...kept, ...(kept.length < lines.length ? [leftOut(total - shown.length)] : [])], shown };
}

function severityCell(cause: Cause): string {
  const [primary] = cause.findings;
  if (primary.suppressed) return `${cause.severity} (suppressed)`;
  return cause.findings.some((f) => f.proposedSuppression) ? `${cause.severity} (suppression proposed)` : cause.severity;
}

/**
 * One sentence per cause, worst first: what opened, from where to where on which port, linked to its line and
 * naming its rules. At most MAX_ENTRIES and `budget` characters; a last line counts the rest.
 */
function entries(causes: readonly Cause[], links: SourceLinks | undefined, budget: number): string[] {
  const lines = causes.map((cause) => `- **${cause.severity}** ${entrySentence(cause)} · ${locationLink(primaryOf(cause).location, links)} · ${cause.ruleIds.map(ruleLink).join(', ')}`);
  const more = (n: number) => `- … and ${n} more in the findings table below`;
  if (lines.length <= MAX_ENTRIES && linesLength(lines) <= budget) return lines;
  const kept = fitLines(lines.slice(0, MAX_ENTRIES), budget - more(lines.length).length - 1);
  return [...kept, more(lines.length - kept.length)];
}

/**
 * What the edit did (the message of the finding at the edited field, or its first sentence when long) and the
 * connections it opens; a cause with connections only names its object and the connections (the engine's message
 * names address blocks as np-guard does, which the sentence names as CIDRs).
 */
function entrySentence(cause: Cause): string {
  const primary = primaryOf(cause);
  const reach = cause.edges.length > 0 ? reachSentence(cause.edges) : '';
  if (primary.edges?.length) return `${primary.resource ? md(describeIdentity(primary.resource)) : md(primary.location.path)}: ${reach}`;
  const sentence = primary.message.length <= WHOLE_MESSAGE ? primary.message : firstSentence(primary.message);
  return reach ? `${escapeMessage(sentence.replace(/\.$/, ''), 'inline', MAX_SENTENCE)}: ${reach}` : escapeMessage(sentence, 'inline', MAX_SENTENCE);
}

/**
 * A message an entry quotes whole: two or three lines at GitHub's width, where cutting the second sentence would
 * hide what the finding is about ("The value contains `;`"). Longer ones are quoted by their first sentence, of at
 * most MAX_SENTENCE characters (the findings table has every message).
 */
const WHOLE_MESSAGE = 320;
const MAX_SENTENCE = 400;

function firstSentence(message: string): string {
  // Only outside code spans (a run of backticks to the next run as long): a period in a quoted value ends nothing.
  const token = /(`+)[\s\S]*?(?<!`)\1(?!`)|\.(?=\s+[A-Z`])/g;
  for (let match = token.exec(message); match; match = token.exec(message)) {
    if (match[0] === '.') return message.slice(0, match.index + 1);
  }
  return message;
}

function reachSentence(edges: readonly FindingEdge[]): string {
  const [first, ...rest] = mergeExternalEnds(edges);
  const more = rest.length > 0 ? `, and ${plural(rest.length, 'more connection')}` : '';
  return `${endText(first.source)} → ${endText(first.destination)} on ${md(first.ports)}${more}`;
}

function endText(end: EdgeEnd): string {
  if (end.type === 'entry') return `anyone through ${md(end.name)}`;
  if (end.type !== 'external') return md(end.name);
  return /^(0\.0\.0\.0|::)\/0\b/.test(end.name) ? `the internet (${md(end.name)})` : `${md(end.name)} (outside the cluster)`;
}

/** The proposed suppressions, one line per cause, worst first; at most MAX_PROPOSALS and `budget` characters. */
function proposals(causes: readonly Cause[], links: SourceLinks | undefined, budget: number): string[] {
  const lines = causes.flatMap((cause) => cause.findings.filter((f) => f.proposedSuppression)
    .map((f) => `- **${f.severity}** ${proposalText(f, md) ?? ''} · ${locationLink(f.proposedSuppression!.location, links)}`));
  const more = (n: number) => `- … and ${n} more (marked in the findings table)`;
  const kept = fitLines(lines.slice(0, MAX_PROPOSALS), budget - more(lines.length).length - 1);
  return kept.length < lines.length ? [...kept, more(lines.length - kept.length)] : kept;
}

/** Worst first; the core's order (file, line, rule) among equals. */
function byCauseSeverity(causes: Cause[]): Cause[] {
  return [...causes].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

function ruleLink(ruleId: string): string {
  return `[${md(ruleId)}](${docsUrlOf(encodeURIComponent(ruleId))})`;
}

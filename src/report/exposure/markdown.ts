import type { ExposureChange, ExposureRowData } from '../../semantics/exposure-map.js';
import { describeBackend, describeWorkload } from '../../semantics/exposure-map.js';
import { escapeCell as md } from '../markdown-escape.js';
import { fitLines } from '../markdown-fit.js';
import { edgeDiagram } from '../mermaid.js';
import { plural } from '../report.js';
import { projectDocUrl, type SourceLinks } from '../links.js';
import { changeEdges, changeText, guardText } from './difference.js';
import { locationLink } from '../location.js';

/**
 * Markdown for the exposure map: a table of rows (the `segguard exposure --format markdown` output), and the
 * PR summary's folded section on what a change does to the map (rows added, removed, changed, and a Mermaid graph
 * of the new and weakened edges). Four or five columns, so the table fits GitHub's comment column. Everything from
 * the manifests is escaped.
 */
export const ROW_HEADER = ['| Entry point | Guards | Routes to | Location |', '| --- | --- | --- | --- |'];

/**
 * `host match`, then the controller and listener: what a user types, then who serves it; in a change, what happened
 * to the entry point first (`**added**`), in the cell rather than a column of its own, so the table stays narrow.
 */
function entryCell(row: ExposureRowData, change?: string): string {
  const host = `${row.host}${row.hostMatch === 'exact' ? '' : ` (${row.hostMatch})`}`;
  return `${change ? `**${change}** ` : ''}${md(`${host} ${row.match}${row.catchAll ? ' (every path)' : ''}`)}<br>${md(`${row.controller}, ${row.listener}`)}`;
}

function routesCell(row: ExposureRowData): string {
  if (row.backends.length === 0) return 'none';
  return row.backends.map((b) => {
    // `ns/name [Kind]:port`: a line may break before the kind, so a long name does not widen the column.
    if (b.workloads.length > 0) return md(b.workloads.map((w) => describeWorkload(w).replace('[', ' [')).join(', '));
    return md(b.blocked || b.resource ? describeBackend(b) : `${describeBackend(b)} (no workload in the manifests)`);
  }).join('<br>');
}

function guardsCell(row: ExposureRowData): string {
  return row.guards.length === 0 ? '**none**' : row.guards.map((g) => md(guardText(g))).join('<br>');
}

export function rowLine(row: ExposureRowData, links?: SourceLinks, change?: string, guards = guardsCell(row)): string {
  return `| ${[entryCell(row, change), guards, routesCell(row), locationLink(row.location, links)].join(' | ')} |`;
}

const MAX_SECTION = 20_000;

/**
 * The PR summary section, folded, fitted to `budget` characters (rows past it are counted, not shown); [] without
 * a change. A changed row shows the difference of its guards (`+tls secret web, −auth basic`), not both lists.
 */
export function exposureSection(change: ExposureChange | undefined, available: number,
  options: { max?: number; mode?: 'audit'; links?: SourceLinks } = {}): string[] {
  // Bounded on its own: the findings come first, and a caller without a limit must still get a postable comment.
  const budget = Math.min(available, options.max ?? MAX_SECTION);
  if (!change || budget < 500) return [];
  const { links } = options;
  const counts = [
    change.added.length > 0 ? `${change.added.length} added` : '',
    change.removed.length > 0 ? `${change.removed.length} removed` : '',
    change.changed.length > 0 ? `${change.changed.length} changed` : '',
  ].filter(Boolean).join(', ');
  const audit = options.mode === 'audit';
  // An audit compares the tree with nothing: every row is "added", so the section is the map itself.
  const headline = audit ? plural(change.rows.head, 'entry point') : `${counts}; ${plural(change.rows.base, 'entry point')} before, ${change.rows.head} after`;
  const open = [`<details><summary>Entry points (exposure map): ${headline}</summary>`, '',
    `See [how the map is built](${projectDocUrl('docs/exposure.md')}).`, ''];
  const close = ['</details>', ''];
  const frame = open.join('\n').length + close.join('\n').length;
  if (audit) {
    const rows = change.added.map((r) => rowLine(r, links));
    const kept = fitLines(rows, budget - frame - 300);
    return [...open, ...ROW_HEADER, ...kept, ...leftOut(rows.length - kept.length), '', ...close];
  }
  const rows = [
    ...change.added.map((r) => rowLine(r, links, 'added')),
    ...change.removed.map((r) => rowLine(r, links, 'removed')),
    ...change.changed.map((c) => rowLine(c.after, links, 'changed', changeText(c).map(md).join('<br>') || 'unchanged')),
  ];
  const diagram = edgeDiagram(changeEdges(change), { maxLength: budget / 3 });
  const kept = fitLines(rows, budget - frame - diagram.join('\n').length - 400);
  return [...open, ...ROW_HEADER, ...kept, ...leftOut(rows.length - kept.length), '',
    ...(diagram.length > 0 ? ['**New and weakened ways in**', '', ...diagram, ''] : []), ...close];
}

function leftOut(count: number): string[] {
  return count === 0 ? [] : ['', `… and ${plural(count, 'more row')} not shown (too long for one comment); \`segguard exposure\` prints the whole map.`];
}

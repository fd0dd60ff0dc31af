import type { ExposureChange, ExposureRowData } from '../../semantics/exposure-map.js';
import { describeBackend, describeGuard, describeWorkload } from '../../semantics/exposure-map.js';
import { escapeCell as md } from '../markdown-escape.js';
import { fitLines } from '../markdown-fit.js';
import { edgeDiagram } from '../mermaid.js';
import { plural, PROJECT_URL } from '../report.js';

/**
 * Markdown for the exposure map: a table of rows (the `segguard exposure --format markdown` output), and the
 * PR summary's section on what a change does to the map (rows added, removed, changed, and a Mermaid graph of
 * the new edges). Everything from the manifests is escaped.
 */
export const ROW_HEADER = ['| Controller | Listener | Host | Match | Guards | Backend → workloads | Location |', '| --- | --- | --- | --- | --- | --- | --- |'];

export function rowCells(row: ExposureRowData): string[] {
  const guards = row.guards.length === 0 ? '**none**' : row.guards.map((g) => md(describeGuard(g))).join('<br>');
  const backends = row.backends.length === 0 ? 'none' : row.backends.map((b) => {
    const workloads = b.workloads.length === 0 ? (b.blocked || b.resource ? '' : ' → no workload in the manifests') : ` → ${b.workloads.map(describeWorkload).join(', ')}`;
    return md(`${describeBackend(b)}${workloads}`);
  }).join('<br>');
  const host = `${row.host}${row.hostMatch === 'exact' ? '' : ` (${row.hostMatch})`}`;
  const match = `${row.match}${row.catchAll ? ' (every path)' : ''}`;
  return [md(row.controller), md(row.listener), md(host), md(match), guards, backends, md(`${row.location.path}:${row.location.line}`)];
}

export function rowLine(row: ExposureRowData, prefix: string[] = []): string {
  return `| ${[...prefix, ...rowCells(row)].join(' | ')} |`;
}

const MAX_SECTION = 20_000;

/** The PR summary section, fitted to `budget` characters (rows past it are counted, not shown); [] without a change. */
export function exposureSection(change: ExposureChange | undefined, available: number, options: { max?: number; mode?: 'audit' } = {}): string[] {
  // Bounded on its own: the findings come first, and a caller without a limit must still get a postable comment.
  const budget = Math.min(available, options.max ?? MAX_SECTION);
  if (!change || budget < 500) return [];
  const counts = [
    change.added.length > 0 ? `${change.added.length} added` : '',
    change.removed.length > 0 ? `${change.removed.length} removed` : '',
    change.changed.length > 0 ? `${change.changed.length} changed` : '',
  ].filter(Boolean).join(', ');
  const audit = options.mode === 'audit';
  // An audit compares the tree with nothing: every row is "added", so the section is the map itself.
  const headline = audit ? `${plural(change.rows.head, 'entry point')}.` : `${counts}; ${plural(change.rows.base, 'entry point')} before, ${change.rows.head} after.`;
  const out = ['#### Entry points (exposure map)', '', `${headline} See [how the map is built](${PROJECT_URL}/blob/main/docs/exposure.md).`, ''];
  if (audit) {
    const rows = change.added.map((r) => rowLine(r));
    const kept = fitLines(rows, budget - 600);
    out.push(...ROW_HEADER, ...kept, ...leftOut(rows.length - kept.length), '');
    return out;
  }
  const rows = [
    ...change.added.map((r) => rowLine(r, ['added', ''])),
    ...change.removed.map((r) => rowLine(r, ['removed', ''])),
    ...change.changed.map((c) => rowLine(c.after, ['changed', c.changes.map(md).join('<br>')])),
  ];
  const diagram = edgeDiagram(change.newEdges, { maxLength: budget / 3 });
  const kept = fitLines(rows, budget - out.join('\n').length - diagram.join('\n').length - 400);
  out.push(`| Change | What changed | ${ROW_HEADER[0].slice(2)}`, `| --- | --- | ${ROW_HEADER[1].slice(2)}`, ...kept, ...leftOut(rows.length - kept.length), '');
  if (diagram.length > 0) out.push('#### New entry-point edges', '', ...diagram, '');
  return out;
}

function leftOut(count: number): string[] {
  return count === 0 ? [] : ['', `… and ${plural(count, 'more row')} not shown (too long for one comment); \`segguard exposure\` prints the whole map.`];
}

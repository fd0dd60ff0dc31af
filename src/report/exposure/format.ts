import type { FindingEdge } from '../../findings/finding.js';
import { VERSION } from '../../version.js';
import { describeBackend, describeGuard, describeWorkload, edgesOf, type ExposureChange, type ExposureRow, type ExposureRowData } from '../../semantics/exposure-map.js';
import { edgeDiagram } from '../mermaid.js';
import { plural } from '../report.js';
import { clean } from '../text.js';
import { exposureSection, ROW_HEADER, rowLine } from './markdown.js';

/** The output formats of `segguard exposure`: the map of one tree. */
export const EXPOSURE_FORMATS = ['text', 'json', 'markdown', 'mermaid'] as const;
export type ExposureFormat = (typeof EXPOSURE_FORMATS)[number];

export function isExposureFormat(value: string): value is ExposureFormat {
  return (EXPOSURE_FORMATS as readonly string[]).includes(value);
}

/** `rows` with their data form (locations already shown as the user can open them). */
export interface ShownRows {
  rows: readonly ExposureRow[];
  data: readonly ExposureRowData[];
}

export function formatExposure(shown: ShownRows, format: ExposureFormat): string {
  switch (format) {
    case 'text':
      return text(shown.data);
    case 'json':
      return `${JSON.stringify({ tool: 'segguard', version: VERSION, entryPoints: shown.data }, null, 2)}\n`;
    case 'markdown':
      return shown.data.length === 0 ? 'No entry points: nothing in these manifests routes traffic into the cluster.\n'
        : `${[`### Exposure map: ${plural(shown.data.length, 'entry point')}`, '', ...ROW_HEADER, ...shown.data.map((r) => rowLine(r))].join('\n')}\n`;
    case 'mermaid':
      return mermaid(edgesOf(shown.rows));
  }
}

/** Controller by controller: `host match [listener] file:line`, then its guards and backends → workloads. */
function text(rows: readonly ExposureRowData[]): string {
  if (rows.length === 0) return 'No entry points: nothing in these manifests routes traffic into the cluster.\n';
  const out: string[] = [];
  const byController = new Map<string, ExposureRowData[]>();
  for (const row of rows) byController.set(row.controller, [...(byController.get(row.controller) ?? []), row]);
  for (const [controller, list] of [...byController].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`${controller}:`, ...list.flatMap((row) => rowText(row, '  ')), '');
  }
  out.push(`${plural(rows.length, 'entry point')}, ${rows.filter((r) => r.guards.length === 0).length} without any guard`);
  return lines(out);
}

function rowText(row: ExposureRowData, indent: string, controller = false): string[] {
  const out = [`${indent}${controller ? `${row.controller}: ` : ''}${row.host} ${row.match}${row.catchAll ? ' (every path)' : ''} [${row.listener}; host match ${row.hostMatch}]  ${row.location.path}:${row.location.line}`];
  out.push(`${indent}  guards: ${row.guards.length === 0 ? 'none' : row.guards.map(describeGuard).join('; ')}`);
  for (const b of row.backends) out.push(`${indent}  → ${describeBackend(b)}${workloadsText(b)}`);
  if (row.backends.length === 0) out.push(`${indent}  → no backend`);
  for (const note of row.notes ?? []) out.push(`${indent}  note: ${note}`);
  return out;
}

function workloadsText(b: ExposureRowData['backends'][number]): string {
  if (b.workloads.length > 0) return ` → ${b.workloads.map(describeWorkload).join(', ')}`;
  return b.blocked || b.resource ? '' : ' → no workload in the manifests';
}

/** Manifest text on a terminal: control characters shown as escapes. */
function lines(out: string[]): string {
  return `${out.map(clean).join('\n')}\n`;
}

/** What a change does to the map (`segguard exposure <head> --base <base>`), in the same formats. */
export function formatExposureChange(change: ExposureChange | undefined, format: ExposureFormat): string {
  if (format === 'json') return `${JSON.stringify({ tool: 'segguard', version: VERSION, exposureChange: change ?? null }, null, 2)}\n`;
  if (format === 'mermaid') {
    return mermaid(change?.newEdges ?? []);
  }
  if (!change) return 'The exposure map is the same: no entry point added, removed or changed.\n';
  if (format === 'markdown') return `${exposureSection(change, Number.MAX_SAFE_INTEGER, { max: Number.MAX_SAFE_INTEGER }).join('\n').trimEnd()}\n`;
  const out: string[] = [];
  const section = (title: string, rows: ExposureRowData[]) => {
    if (rows.length > 0) out.push(`${title} (${rows.length}):`, ...rows.flatMap((r) => rowText(r, '  ', true)), '');
  };
  section('added', change.added);
  section('removed', change.removed);
  if (change.changed.length > 0) {
    out.push(`changed (${change.changed.length}):`);
    for (const c of change.changed) out.push(...rowText(c.after, '  ', true), ...c.changes.map((x) => `    changed: ${x}`));
    out.push('');
  }
  out.push(`${plural(change.rows.base, 'entry point')} before, ${change.rows.head} after`);
  return lines(out);
}

/** A Mermaid flowchart (no Markdown fence): controller → entry → workload, with the Markdown summary's escaping. */
function mermaid(edges: readonly FindingEdge[]): string {
  const block = edgeDiagram(edges, { maxEdges: Number.MAX_SAFE_INTEGER });
  if (block.length === 0) return 'graph LR\n';
  return `${block.slice(1, block.indexOf('```', 1)).join('\n')}\n`;
}

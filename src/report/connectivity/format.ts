import type { Connection, PeerRef } from '../../semantics/connectivity.js';
import { compareNames, type ConnectionDiff } from '../../semantics/diff.js';
import { escapeMermaid } from '../mermaid.js';

/**
 * Connectivity lists and diffs as text: np-guard's txt (line for line), and JSON, Markdown, CSV, Graphviz dot
 * and Mermaid renderings of the same rows.
 */
export const CONNECTIVITY_FORMATS = ['txt', 'json', 'md', 'csv', 'dot', 'mermaid'] as const;
export type ConnectivityFormat = (typeof CONNECTIVITY_FORMATS)[number];

export function isConnectivityFormat(value: string): value is ConnectivityFormat {
  return (CONNECTIVITY_FORMATS as readonly string[]).includes(value);
}

/** Sorted by source, then destination (byte order), as np-guard prints them. */
export function sortConnections(conns: readonly Connection[]): Connection[] {
  return [...conns].sort((a, b) => compareNames(a.src.name, b.src.name) || compareNames(a.dst.name, b.dst.name));
}

export function formatConnlist(conns: readonly Connection[], format: ConnectivityFormat): string {
  const sorted = sortConnections(conns);
  const rows = sorted.map((c) => [c.src.name, c.dst.name, c.conns.toString()]);
  switch (format) {
    case 'txt':
      return lines(sorted.map((c) => `${c.src.name} => ${c.dst.name} : ${c.conns.toString()}`));
    case 'json':
      return `${JSON.stringify(sorted.map((c) => ({ src: c.src.name, dst: c.dst.name, conn: c.conns.toString() })), null, 2)}\n`;
    case 'md':
      return markdownTable(['src', 'dst', 'conn'], rows);
    case 'csv':
      return csv(['src', 'dst', 'conn'], rows);
    case 'dot':
      return dot(sorted.map((c) => ({ src: c.src, dst: c.dst, label: c.conns.toString() })));
    case 'mermaid':
      return mermaid(sorted.map((c) => ({ src: c.src, dst: c.dst, label: c.conns.toString() })));
  }
}

const DIFF_COLORS: Record<ConnectionDiff['type'], string> = { changed: 'magenta', added: '#008000', removed: 'red' };

export function diffInfo(diff: ConnectionDiff): string {
  if (diff.newWorkloads.length === 0) return '';
  return `workload ${diff.newWorkloads.join(' and ')} ${diff.type}`;
}

export function formatConndiff(diffs: readonly ConnectionDiff[], format: ConnectivityFormat): string {
  const header = ['diff-type', 'source', 'destination', 'ref1', 'ref2', 'workloads-diff-info'];
  const rows = diffs.map((d) => [d.type, d.src.name, d.dst.name, d.before.toString(), d.after.toString(), diffInfo(d)]);
  switch (format) {
    case 'txt':
      if (diffs.length === 0) return '';
      return lines(['Connectivity diff:', ...diffs.map((d) => {
        const info = diffInfo(d);
        return `diff-type: ${d.type}, source: ${d.src.name}, destination: ${d.dst.name}, ref1: ${d.before.toString()}, ref2: ${d.after.toString()}` +
          (info ? `, workloads-diff-info: ${info}` : '');
      })]);
    case 'json':
      return `${JSON.stringify(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))), null, 2)}\n`;
    case 'md':
      return markdownTable(header, rows);
    case 'csv':
      return csv(header, rows);
    case 'dot':
      return dot(diffs.map((d) => ({ src: d.src, dst: d.dst, label: diffLabel(d), color: DIFF_COLORS[d.type] })));
    case 'mermaid':
      return mermaid(diffs.map((d) => ({ src: d.src, dst: d.dst, label: `${d.type}: ${diffLabel(d)}` })));
  }
}

function diffLabel(d: ConnectionDiff): string {
  return d.type === 'changed' ? `${d.before.toString()} -> ${d.after.toString()}` : (d.type === 'added' ? d.after : d.before).toString();
}

function lines(list: string[]): string {
  return list.length === 0 ? '' : `${list.join('\n')}\n`;
}

/** Names come from manifests: escape what Markdown would interpret (brackets alone make no link, so they stay). */
function markdownCell(text: string): string {
  return text.replace(/[\\|`*<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** np-guard's table: the separator row has two dashes more than each header cell. */
function markdownTable(header: string[], rows: string[][]): string {
  return lines([
    `| ${header.join(' | ')} |`,
    `|${header.map((h) => '-'.repeat(h.length + 2)).join('|')}|`,
    ...rows.map((r) => `| ${r.map(markdownCell).join(' | ')} |`),
  ]);
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: string[][]): string {
  return lines([header, ...rows].map((r) => r.map(csvCell).join(',')));
}

interface Edge {
  src: PeerRef;
  dst: PeerRef;
  label: string;
  color?: string;
}

function nodeIds(edges: Edge[]): Map<string, { id: string; peer: PeerRef }> {
  const nodes = new Map<string, { id: string; peer: PeerRef }>();
  for (const e of edges) {
    for (const p of [e.src, e.dst]) if (!nodes.has(p.name)) nodes.set(p.name, { id: `n${nodes.size}`, peer: p });
  }
  return nodes;
}

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function dot(edges: Edge[]): string {
  const nodes = nodeIds(edges);
  const out = ['digraph {'];
  for (const [name, { id, peer }] of nodes) {
    const shape = peer.type === 'workload' ? 'box' : 'ellipse';
    const color = peer.type === 'workload' ? 'blue' : peer.type === 'ip' ? 'red2' : 'darkgreen';
    out.push(`\t${id} [label=${dotString(name)} shape=${shape} color=${dotString(color)}]`);
  }
  for (const e of edges) {
    const color = e.color ?? 'gold2';
    out.push(`\t${nodes.get(e.src.name)?.id} -> ${nodes.get(e.dst.name)?.id} [label=${dotString(e.label)} color=${dotString(color)} fontcolor=${dotString(color)}]`);
  }
  out.push('}');
  return lines(out);
}

function mermaidString(text: string): string {
  return `"${escapeMermaid(text)}"`;
}

function mermaid(edges: Edge[]): string {
  const nodes = nodeIds(edges);
  const out = ['flowchart LR'];
  for (const [name, { id, peer }] of nodes) out.push(peer.type === 'workload' ? `  ${id}[${mermaidString(name)}]` : `  ${id}([${mermaidString(name)}])`);
  for (const e of edges) out.push(`  ${nodes.get(e.src.name)?.id} -- ${mermaidString(e.label)} --> ${nodes.get(e.dst.name)?.id}`);
  return lines(out);
}

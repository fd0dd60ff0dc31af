import type { EdgeEnd, FindingEdge } from '../findings/finding.js';
import { mergeExternalEnds } from './addresses.js';
import { plural } from './report.js';
import { MAX_WORD, shorten } from './shorten.js';

/**
 * A Mermaid flowchart (`graph LR`) of the connections a change opens, for the Markdown summary: one node per
 * workload, external address block, ingress controller or Ingress/Route entry (host/path), one arrow per new
 * connection labelled with its ports.
 */
export interface DiagramOptions {
  /** Arrows drawn at most; the rest are counted in a line under the diagram. */
  maxEdges?: number;
  /** The whole block (fences and the count line included) stays under this many characters. */
  maxLength?: number;
}

export const DEFAULT_MAX_EDGES = 40;

/**
 * Text for inside a double-quoted Mermaid label. Only letters, digits and `space . / : , = _ -` pass as they are;
 * every other character becomes a Mermaid entity code (`#34;`), so nothing from a manifest can close the quotes,
 * the node shape or the `|edge label|`, start HTML, a Markdown string (backticks), a comment (`%%`), a new
 * statement (`;`, line breaks) or the surrounding code fence. `#` is encoded too, so a name cannot smuggle in
 * an entity of its own.
 */
export function escapeMermaid(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[^A-Za-z0-9 ./:,=_-]/gu, (c) => `#${c.codePointAt(0)};`);
}

const SHAPES: Record<EdgeEnd['type'], (label: string) => string> = {
  workload: (label) => `["${label}"]`,
  external: (label) => `(["${label}"])`,
  'ingress-controller': (label) => `{{"${label}"}}`,
  entry: (label) => `>"${label}"]`,
};

/**
 * An edge to draw. `weakened`: a way in that existed and lost a guard; `unguarded`: one with no guard at all. Both
 * are drawn red and dashed, so that an open door does not look like a guarded one.
 */
export type DiagramEdge = FindingEdge & { style?: 'weakened' | 'unguarded' };

/** Red, dashed and thicker: the arrows a reviewer must look at first. */
const OPEN_STYLE = 'stroke:#d1242f,stroke-width:2px,stroke-dasharray:6 4,color:#d1242f';

/**
 * The fenced ```mermaid block and a legend line, or [] when there is no edge. Repeated edges (same ends and
 * ports) are drawn once; external address blocks that reach the same place on the same ports are one node named
 * by their CIDRs.
 */
export function edgeDiagram(edges: readonly DiagramEdge[], options: DiagramOptions = {}): string[] {
  const maxEdges = options.maxEdges ?? DEFAULT_MAX_EDGES;
  const maxLength = options.maxLength ?? Number.MAX_SAFE_INTEGER;
  const unique = new Map<string, DiagramEdge>();
  for (const e of mergeExternalEnds(edges)) unique.set(JSON.stringify([e.source.type, e.source.name, e.destination.type, e.destination.name, e.ports]), e);
  if (unique.size === 0) return [];
  const nodes = new Map<string, string>();
  const body: string[] = [];
  const styled: number[] = [];
  let used = '```mermaid\ngraph LR\n```\n'.length + 400; // fences, the link style, the legend and the count line
  let drawn = 0;
  for (const e of unique.values()) {
    if (drawn >= maxEdges) break;
    const added: string[] = [];
    const idOf = (end: EdgeEnd): string => {
      const key = `${end.type}\0${end.name}`;
      let id = nodes.get(key);
      if (id === undefined) {
        id = `n${nodes.size}`;
        nodes.set(key, id);
        added.push(`  ${id}${SHAPES[end.type](escapeMermaid(shorten(end.name, MAX_WORD)))}`);
      }
      return id;
    };
    // idOf runs first, so a node is declared (with its shape and label) on the line before its first arrow.
    added.push(`  ${idOf(e.source)} -->|"${escapeMermaid(shorten(e.ports, MAX_WORD))}"| ${idOf(e.destination)}`);
    const size = added.reduce((n, l) => n + l.length + 1, 0) + (e.style ? String(drawn).length + 1 : 0);
    if (used + size > maxLength) break;
    used += size;
    body.push(...added);
    if (e.style) styled.push(drawn);
    drawn++;
  }
  if (drawn === 0) return [`${plural(unique.size, 'new connection')} (too many to draw here; see the findings).`];
  // linkStyle numbers the arrows in the order they are declared.
  const style = styled.length > 0 ? [`  linkStyle ${styled.join(',')} ${OPEN_STYLE}`] : [];
  const out = ['```mermaid', 'graph LR', ...body, ...style, '```', '', legend(styled.length > 0)];
  const left = unique.size - drawn;
  if (left > 0) out.push('', `… and ${plural(left, 'more new connection')} not drawn (see the findings).`);
  return out;
}

function legend(open: boolean): string {
  return `<sub>Only what this change opens: arrows are new connections, labelled with their ports or guards${open ? '; red dashed arrows lost a guard or have none' : ''}.</sub>`;
}

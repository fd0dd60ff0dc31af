import { posix } from 'node:path';

/** A named template (`define`) and where its body sits. */
export interface NamedTemplate {
  file: string;
  name: string;
  /** Offsets of its body in the file. */
  start: number;
  end: number;
  body: string;
}

/** What a template reads: values paths and the named templates it includes (directly or through others), in order. */
export interface TemplateReads {
  values: string[][];
  helpers: NamedTemplate[];
}

/**
 * The values a Helm template reads, as text: `.Values.a.b` (also `$.Values`), `index .Values "a" "b"`, and what
 * the named templates it includes read, in order of first appearance. A `with`/`range` over `.Values.a` reads all
 * of `a`, which its prefix already says. Textual on purpose: it over-approximates (a reference inside a branch
 * not taken still counts), which only widens the set of values that may explain a change.
 */
export function templateReads(template: string, tree: ReadonlyMap<string, string>, chartRoot: string): TemplateReads {
  const text = tree.get(template);
  const reads: TemplateReads = { values: [], helpers: [] };
  if (text === undefined) return reads;
  const helpers = namedTemplates(tree, chartRoot);
  const seen = new Set<string>();
  const scan = (body: string): void => {
    for (const match of body.matchAll(REFERENCE)) {
      if (match[3] !== undefined) {
        // An included helper's references count where it is included.
        const helper = helpers.get(match[3]);
        if (helper !== undefined && !reads.helpers.includes(helper)) {
          reads.helpers.push(helper);
          scan(helper.body);
        }
        continue;
      }
      const path = match[1] !== undefined ? match[1].split('.').filter(Boolean) : [...match[2].matchAll(/"([^"]*)"/g)].map((m) => m[1]);
      const key = path.join('\u0000');
      if (!seen.has(key)) {
        seen.add(key);
        reads.values.push(path);
      }
    }
  };
  scan(text);
  return reads;
}

/** `.Values.a.b`, `index .Values "a" "b"`, `include "name"` / `template "name"`. */
const REFERENCE = /\.Values((?:\.[A-Za-z_]\w*)*)(?![\w.])|index\s+\$?\.Values((?:\s+"[^"]*")+)|\b(?:include|template)\s+"([^"]+)"/g;

/** Template actions: `{{ ... }}` with optional trim markers, comments included (they are skipped as actions). */
const ACTION = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;

/** The bodies of the named templates (`define`) of every template file of the chart and its subcharts: Helm shares them all. */
function namedTemplates(tree: ReadonlyMap<string, string>, chartRoot: string): Map<string, NamedTemplate> {
  const helpers = new Map<string, NamedTemplate>();
  const prefix = chartRoot === '' ? '' : `${chartRoot}/`;
  for (const [path, text] of tree) {
    if (!path.startsWith(prefix) || !posix.dirname(path).split('/').includes('templates') || !text.includes('define')) continue;
    let depth = 0;
    let open: { name: string; start: number } | undefined;
    for (const action of text.matchAll(ACTION)) {
      const word = /^(\w+)/.exec(action[1])?.[1];
      if (word === 'define' && depth === 0) {
        const name = /^define\s+"([^"]+)"/.exec(action[1])?.[1];
        if (name !== undefined) open = { name, start: action.index + action[0].length };
        depth = 1;
      } else if (word === 'if' || word === 'range' || word === 'with' || word === 'block' || word === 'define') depth++;
      else if (word === 'end' && depth > 0 && --depth === 0 && open) {
        helpers.set(open.name, { file: path, name: open.name, start: open.start, end: action.index, body: text.slice(open.start, action.index) });
        open = undefined;
      }
    }
  }
  return helpers;
}

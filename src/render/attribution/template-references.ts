import { posix } from 'node:path';

/**
 * The values a Helm template reads, as text: `.Values.a.b` (also `$.Values`), `index .Values "a" "b"`, and what
 * the named templates it includes read, in order of first appearance. A `with`/`range` over `.Values.a` reads all
 * of `a`, which its prefix already says. Textual on purpose: it over-approximates (a reference inside a branch
 * not taken still counts), which only widens the set of values that may explain a change.
 */
export function valuesReferences(template: string, tree: ReadonlyMap<string, string>, chartRoot: string): string[][] {
  const text = tree.get(template);
  if (text === undefined) return [];
  const helpers = namedTemplates(tree, chartRoot);
  const references: string[][] = [];
  const seen = new Set<string>();
  const visited = new Set<string>();
  const scan = (body: string): void => {
    for (const match of body.matchAll(REFERENCE)) {
      if (match[3] !== undefined) {
        // An included helper's references count where it is included.
        const helper = helpers.get(match[3]);
        if (helper !== undefined && !visited.has(match[3])) {
          visited.add(match[3]);
          scan(helper);
        }
        continue;
      }
      const path = match[1] !== undefined ? match[1].split('.').filter(Boolean) : [...match[2].matchAll(/"([^"]*)"/g)].map((m) => m[1]);
      const key = path.join('\u0000');
      if (!seen.has(key)) {
        seen.add(key);
        references.push(path);
      }
    }
  };
  scan(text);
  return references;
}

/** `.Values.a.b`, `index .Values "a" "b"`, `include "name"` / `template "name"`. */
const REFERENCE = /\.Values((?:\.[A-Za-z_]\w*)*)(?![\w.])|index\s+\$?\.Values((?:\s+"[^"]*")+)|\b(?:include|template)\s+"([^"]+)"/g;

/** Template actions: `{{ ... }}` with optional trim markers, comments included (they are skipped as actions). */
const ACTION = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;

/** The bodies of the named templates (`define`) of every template file of the chart and its subcharts: Helm shares them all. */
function namedTemplates(tree: ReadonlyMap<string, string>, chartRoot: string): Map<string, string> {
  const helpers = new Map<string, string>();
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
        helpers.set(open.name, text.slice(open.start, action.index));
        open = undefined;
      }
    }
  }
  return helpers;
}

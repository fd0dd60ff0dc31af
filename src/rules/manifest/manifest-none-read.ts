import type { Side } from '../../findings/finding.js';
import type { TreeCensus, Trees } from '../../sources/census.js';
import { defineRule } from '../rule.js';

export interface SilentSide {
  side: Side;
  census: TreeCensus;
  message: string;
}

/**
 * The sides that read no manifest file where there was something to read: a tree with files of which the
 * include/exclude globs selected none, or a head with nothing at all while the base had manifests. Each would
 * otherwise read as "0 findings, passes the gate" with nothing analyzed.
 */
export function silentSides(trees: Trees | undefined): SilentSide[] {
  const found: SilentSide[] = [];
  for (const side of ['base', 'head'] as const) {
    const census = trees?.[side];
    if (!census || census.selected > 0) continue;
    const tree = census.tree;
    if (tree && tree.files > 0) {
      const count = `${tree.capped ? 'at least ' : ''}${tree.files} file${tree.files === 1 ? '' : 's'}`;
      found.push({
        side, census,
        message: `The ${side} (${census.description}) has ${count} (${tree.manifests} named .yaml, .yml or .json) but reads none of them: ` +
          `${selectionText(census)} select nothing, so nothing on this side was analyzed`,
      });
    } else if (side === 'head' && trees?.base && trees.base.selected > 0) {
      found.push({
        side, census,
        message: `The head (${census.description}) has no manifest files while the base (${trees.base.description}) has ${trees.base.selected}: ` +
          `every object of the base counts as deleted`,
      });
    }
  }
  return found;
}

function selectionText({ selection, globsFrom }: TreeCensus): string {
  const globs = (list: readonly string[]) => `[${list.join(', ')}]`;
  const include = selection.include.length > 0 ? `include ${globs(selection.include)}` : 'include (every .yaml, .yml and .json)';
  const exclude = selection.exclude.length > 0 ? `exclude ${globs(selection.exclude)}` : 'no exclude';
  return `${include} and ${exclude} (from ${globsFrom})`;
}

export default defineRule({
  id: 'manifest-none-read',
  kind: 'diff',
  modes: ['pr', 'audit'],
  severity: 'high',
  description: 'The head reads no manifest file although its tree has files (include/exclude select nothing), or has none while the base has some: nothing was analyzed.',
  check({ trees, reportAt }) {
    for (const { side, census, message } of silentSides(trees)) {
      if (side !== 'head') continue;
      reportAt?.({ message: `${message}. The gate fails: a check that analyzed nothing must not pass.`, path: census.location.path, line: census.location.line, side, key: 'none-read' });
    }
  },
});

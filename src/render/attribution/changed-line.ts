import { diffLines } from 'diff';
import type { SourceLine } from '../types.js';

/** A line that names a key and opens its nested value (`ingress:`, `- ipBlock:`): it changes nothing by itself. */
const OPENING_KEY = /^\s*(-\s+)*[^\s#][^#]*:\s*(#.*)?$/;

const changedByTree = new WeakMap<ReadonlyMap<string, string>, Map<string, Set<number>>>();

/**
 * Narrows a located span to the line of it that the pull request changed, so the finding sits in the diff on the
 * line that caused it: a peer whose `cidr:` changed is reported on that line, not on its unchanged `- ipBlock:`.
 * The first changed line that holds a value is preferred over a changed line that only opens a key. A span the
 * pull request did not touch, or a file only one side has, is returned as it is.
 */
export function narrowToChange(located: SourceLine, tree: ReadonlyMap<string, string>, other: ReadonlyMap<string, string> | undefined): SourceLine {
  if (!other || located.endLine <= located.line) return located;
  const changed = changedLines(located.path, tree, other);
  if (!changed) return located;
  const text = tree.get(located.path)!.split('\n');
  let first: number | undefined;
  for (let line = located.line; line <= located.endLine; line++) {
    if (!changed.has(line)) continue;
    if (!OPENING_KEY.test(text[line - 1] ?? '')) return { path: located.path, line, endLine: line };
    first ??= line;
  }
  return first === undefined ? located : { path: located.path, line: first, endLine: first };
}

/** The lines of `path` in `tree` that differ from `other`'s file; undefined when either side lacks the file. */
function changedLines(path: string, tree: ReadonlyMap<string, string>, other: ReadonlyMap<string, string>): Set<number> | undefined {
  const mine = tree.get(path);
  const theirs = other.get(path);
  if (mine === undefined || theirs === undefined) return undefined;
  let files = changedByTree.get(tree);
  if (!files) changedByTree.set(tree, (files = new Map()));
  let changed = files.get(path);
  if (!changed) {
    changed = new Set();
    let line = 1;
    for (const part of diffLines(theirs, mine)) {
      if (part.removed) continue;
      const count = part.count ?? 0;
      if (part.added) for (let i = 0; i < count; i++) changed.add(line + i);
      line += count;
    }
    files.set(path, changed);
  }
  return changed;
}

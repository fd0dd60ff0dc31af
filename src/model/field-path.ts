/** A path to a field inside a manifest document: keys and list indexes, e.g. ['spec', 'ingress', 0, 'from']. */
export type FieldPath = readonly (string | number)[];

/** `spec.ingress[0].from[1].ipBlock.cidr`: the form used in messages and docs. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

interface PathNode {
  path: FieldPath;
  children?: Map<string | number, PathNode>;
}

const ROOT: PathNode = { path: Object.freeze([]) };
/** Past this many distinct paths (a hostile input's list indexes; the App runs for weeks), paths are no longer interned: memory stays bounded (a few MB). */
const MAX_INTERNED_PATHS = 50_000;
let internedPaths = 0;

/**
 * The one frozen copy of a field path. The meanings of thousands of objects hold the same paths
 * (`spec.ingress[0].from[0]`): shared, they are one small array each instead of one per object, which the
 * garbage collector no longer copies and marks by the hundred thousand.
 */
export function internPath(path: FieldPath): FieldPath {
  let node = ROOT;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    let next = node.children?.get(step);
    if (!next) {
      if (internedPaths >= MAX_INTERNED_PATHS) return path;
      next = { path: Object.freeze(path.slice(0, i + 1)) };
      (node.children ??= new Map()).set(step, next);
      internedPaths++;
    }
    node = next;
  }
  return node.path;
}

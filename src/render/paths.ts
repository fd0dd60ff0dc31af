import { posix } from 'node:path';

/** Repository-relative paths with forward slashes ('' for the root), as every part of the render stage names files. */

/** `dir` joined with a relative reference, normalized; undefined when it leaves the repository. */
export function joinPath(dir: string, reference: string): string | undefined {
  const joined = posix.normalize(posix.join(dir === '' ? '.' : dir, reference));
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return undefined;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

export function dirOf(path: string): string {
  const d = posix.dirname(path);
  return d === '.' ? '' : d;
}

/** Whether `path` is `dir` itself or inside it. */
export function isUnder(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

export function baseName(path: string): string {
  return posix.basename(path);
}

import { isAbsolute, relative } from 'node:path';

/**
 * A path as the user would type it from `cwd`: relative when it is under `cwd`, absolute otherwise (no `../..`),
 * with forward slashes.
 */
export function shownPath(cwd: string, path: string): string {
  const fromCwd = relative(cwd, path);
  return (fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd).split('\\').join('/');
}

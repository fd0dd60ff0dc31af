import { lstatSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../model/load.js';
import { pathFilter, type FileSelection, type PathFilter } from './filter.js';
import { SourceError } from './source-error.js';

/**
 * Every manifest file under `root` that the selection admits, as bytes (the loader checks size, binary content
 * and UTF-8) with root-relative, forward-slash paths in sorted order.
 *
 * Reads synchronously: for thousands of small files one blocking read each is about three times faster than
 * promise-based reads (four thread-pool round trips per file), and the caller has nothing else to do meanwhile.
 */
export async function readDirectory(root: string, selection: FileSelection, globPrefix = ''): Promise<SourceFile[]> {
  const info = statOrUndefined(root);
  if (!info) throw new SourceError(`${root}: no such directory`);
  if (!info.isDirectory()) throw new SourceError(`${root}: not a directory`);
  const paths: string[] = [];
  walk(root, '', pathFilter(selection), globPrefix, paths);
  paths.sort();
  return paths.map((path) => {
    try {
      return { path, content: readFileSync(join(root, path)) };
    } catch (error) {
      throw new SourceError(`${join(root, path)}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  });
}

/** `globPrefix` is where `root` sits in the repository: globs are matched against repository paths. */
function walk(root: string, dir: string, filter: PathFilter, globPrefix: string, out: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch (error) {
    throw new SourceError(`${join(root, dir)}: cannot list the directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  for (const entry of entries) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!filter.prunes(globPrefix + path)) walk(root, path, filter, globPrefix, out);
    } else if (entry.isFile() || (entry.isSymbolicLink() && statOrUndefined(join(root, path))?.isFile())) {
      // Links to files are read; links to directories are not followed (they can form cycles).
      if (filter.file(globPrefix + path)) out.push(path);
    }
  }
}

function statOrUndefined(path: string) {
  return statSync(path, { throwIfNoEntry: false });
}

/** Whether `path` exists on disk at all (a directory, a file or anything else). */
export async function exists(path: string): Promise<boolean> {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceFile } from '../model/load.js';
import { pathFilter, type FileSelection } from './filter.js';
import { SourceError } from './source-error.js';

// Enough reads in flight to keep the disk busy without running out of file descriptors on large trees.
const READ_CONCURRENCY = 64;

/**
 * Every manifest file under `root` that the selection admits, as bytes (the loader checks size, binary content
 * and UTF-8) with root-relative, forward-slash paths in sorted order.
 */
export async function readDirectory(root: string, selection: FileSelection): Promise<SourceFile[]> {
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new SourceError(`${root}: no such directory`);
  if (!info.isDirectory()) throw new SourceError(`${root}: not a directory`);
  const filter = pathFilter(selection);
  const paths: string[] = [];
  await walk(root, '', filter, paths);
  paths.sort();
  const files = new Array<SourceFile>(paths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      files[i] = { path: paths[i], content: await readFile(join(root, paths[i])) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return files;
}

async function walk(root: string, dir: string, filter: ReturnType<typeof pathFilter>, out: string[]): Promise<void> {
  const entries = await readdir(join(root, dir), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new SourceError(`${join(root, dir)}: cannot list the directory (${error.code ?? error.message})`);
  });
  const subdirs: string[] = [];
  for (const entry of entries) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Links to files are read; links to directories are not followed (they can form cycles).
      const target = await stat(join(root, path)).catch(() => undefined);
      isFile = target?.isFile() ?? false;
    } else if (entry.isDirectory()) {
      if (!filter.prunes(path)) subdirs.push(path);
      continue;
    }
    if (isFile && filter.file(path)) out.push(path);
  }
  await Promise.all(subdirs.map((sub) => walk(root, sub, filter, out)));
}

/** Whether `path` exists on disk at all (a directory, a file or anything else). */
export async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}

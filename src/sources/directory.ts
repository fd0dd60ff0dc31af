import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, type SourceFile } from '../model/load.js';
import { MANIFEST_EXTENSION, pathFilter, type FileSelection, type PathFilter } from './filter.js';
import { SourceError } from './source-error.js';

export interface DirectoryOptions {
  /** Where the directory sits in its repository: globs are matched against repository paths. */
  globPrefix?: string;
  /** Larger files are not read: their size is checked before a byte is read, and the loader reports them. */
  maxFileBytes?: number;
}

/**
 * Every manifest file under `root` that the selection admits, as bytes (the loader checks size, binary content
 * and UTF-8) with root-relative, forward-slash paths in sorted order.
 *
 * Only regular files inside the tree are read. A symlink whose real path leaves the tree, a special file (FIFO,
 * socket, device) or a file over the size limit becomes a SourceFile with `unread` (or `size`): the loader reports
 * it at its path, and nothing of what it points at is read or echoed.
 *
 * Reads synchronously: for thousands of small files one blocking read each is about three times faster than
 * promise-based reads (four thread-pool round trips per file), and the caller has nothing else to do meanwhile.
 */
export async function readDirectory(root: string, selection: FileSelection, options: DirectoryOptions = {}): Promise<SourceFile[]> {
  const info = statOrUndefined(root);
  if (!info) throw new SourceError(`${root}: no such directory`);
  if (!info.isDirectory()) throw new SourceError(`${root}: not a directory`);
  const paths: string[] = [];
  walk(root, '', pathFilter(selection), options.globPrefix ?? '', paths);
  paths.sort();
  const tree = { root, real: withTrailingSep(realpathSync(root)), maxBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES };
  return paths.map((path) => readEntry(tree, path));
}

function walk(root: string, dir: string, filter: PathFilter, globPrefix: string, out: string[]): void {
  for (const entry of list(root, dir)) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!filter.prunes(globPrefix + path)) walk(root, path, filter, globPrefix, out);
    } else if (filter.file(globPrefix + path)) {
      // Links, FIFOs and the like with a manifest's name too: readEntry reads them or says why not.
      out.push(path);
    }
  }
}

function list(root: string, dir: string): Dirent[] {
  try {
    return readdirSync(join(root, dir), { withFileTypes: true });
  } catch (error) {
    throw new SourceError(`${join(root, dir)}: cannot list the directory (${codeOf(error)})`);
  }
}

interface Tree {
  root: string;
  /** The real path of the root, ending with a separator. */
  real: string;
  maxBytes: number;
}

const GONE = 'file disappeared while the directory was read; it was not read';

/** One selected entry: its bytes when it is a regular file inside the tree, else the reason it was not read. */
function readEntry(tree: Tree, path: string): SourceFile {
  const full = join(tree.root, path);
  let target = full;
  const own = lstatSync(full, { throwIfNoEntry: false });
  if (!own) return unread(path, GONE);
  if (own.isSymbolicLink()) {
    let real: string;
    try {
      real = realpathSync(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return unread(path, code === 'ELOOP' ? 'symlink loop; it was not read' : `broken symlink (${code ?? 'unresolvable'}); it was not read`);
    }
    // The link text is the repository's own content; what it points at is not, and is never opened.
    if (!withTrailingSep(real).startsWith(tree.real)) return unread(path, `symlink to ${linkText(full)}, outside the analyzed directory; it was not read`);
    target = real;
  }
  const info = target === full ? own : statSync(target, { throwIfNoEntry: false });
  if (!info) return unread(path, GONE);
  const kind = kindOf(info);
  if (kind !== 'file') return unread(path, `${target === full ? '' : 'symlink to '}${kind}, not a regular file; it was not read`);
  return readRegular(target, path, tree.maxBytes);
}

/**
 * Reads at most `maxBytes + 1` bytes from an fd opened without following links and without blocking, and checks
 * the size before reading: a file swapped for a FIFO or a symlink after the check is not followed or waited on,
 * and a file that reports no size (/proc) or grows meanwhile still costs at most the limit.
 */
function readRegular(full: string, path: string, maxBytes: number): SourceFile {
  let fd: number;
  try {
    fd = openSync(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return unread(path, `cannot be opened (${codeOf(error)}); it was not read`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return unread(path, `${kindOf(info)}, not a regular file; it was not read`);
    // The loader reports a file over the limit from `size` alone: nothing of it is read.
    if (info.size > maxBytes) return { path, content: new Uint8Array(0), size: info.size };
    // Room for one byte more than the file says it has, so the end is seen in one read; more only when it grows.
    let buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(info.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return unread(path, `file is over the ${maxBytes}-byte limit for manifests (more than its size on disk said); it was not read`);
        buffer = Buffer.concat([buffer, Buffer.alloc(Math.min(buffer.length, maxBytes + 1 - buffer.length))]);
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { path, content: buffer.subarray(0, length) };
  } catch (error) {
    return unread(path, `cannot be read (${codeOf(error)}); it was not read`);
  } finally {
    closeSync(fd);
  }
}

function unread(path: string, reason: string): SourceFile {
  return { path, content: new Uint8Array(0), unread: reason };
}

function kindOf(info: Stats): string {
  if (info.isFile()) return 'file';
  if (info.isDirectory()) return 'directory';
  if (info.isFIFO()) return 'FIFO';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'special file';
}

function linkText(full: string): string {
  try {
    return readlinkSync(full);
  } catch {
    return 'an unreadable target';
  }
}

function withTrailingSep(path: string): string {
  return path.endsWith(sep) ? path : `${path}${sep}`;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

function statOrUndefined(path: string) {
  return statSync(path, { throwIfNoEntry: false });
}

/** Whether `path` exists on disk at all (a directory, a file or anything else). */
export async function exists(path: string): Promise<boolean> {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

/** Entries counted before giving up: the census of a huge tree says "at least" rather than walking it all. */
const COUNT_LIMIT = 100_000;

/**
 * How many files (anything but directories) and how many with a manifest's name are under `root`, before any
 * include/exclude, `.git` aside. Only asked when no file was selected, to say what the globs left out.
 */
export function countFiles(root: string): { files: number; manifests: number; capped: boolean } {
  const count = { files: 0, manifests: 0, capped: false };
  const visit = (dir: string): void => {
    for (const entry of list(root, dir)) {
      if (count.files >= COUNT_LIMIT) {
        count.capped = true;
        return;
      }
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== '.git') visit(path);
      } else {
        count.files++;
        if (MANIFEST_EXTENSION.test(entry.name)) count.manifests++;
      }
    }
  };
  visit('');
  return count;
}

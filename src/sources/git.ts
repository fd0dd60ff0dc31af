import { spawn } from 'node:child_process';
import type { TreeCounts, TreeRead } from './census.js';
import { MANIFEST_EXTENSION, pathFilter, type FileSelection } from './filter.js';
import { SourceError } from './source-error.js';

interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs one git process in `repo`, feeding `input` to its stdin; never throws for a non-zero exit. */
function git(repo: string, args: string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(new SourceError(error.code === 'ENOENT' ? 'git is not installed (needed to read git refs)' : `cannot run git in ${repo}: ${error.message}`));
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim() }));
    child.stdin.on('error', () => undefined); // git may exit before reading all input; its exit code tells why.
    child.stdin.end(input ?? '');
  });
}

/** The commit a ref names in `repo`, or undefined when there is no such ref (or `repo` is no repository). */
export async function resolveCommit(repo: string, ref: string): Promise<string | undefined> {
  // A leading dash would be read as an option by git.
  if (ref.startsWith('-')) return undefined;
  const result = await git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

export async function isGitRepository(repo: string): Promise<boolean> {
  return (await git(repo, ['rev-parse', '--git-dir'])).code === 0;
}

/**
 * Blob contents by object id, as they are read. Sharing one between the base and the head of a change reads each
 * file that the change did not touch (most of them) once, even while both sides are read at the same time.
 */
export type BlobCache = Map<string, Promise<Uint8Array>>;

interface TreeEntry {
  oid: string;
  path: string;
}

/**
 * The manifest files of a commit, read straight from git objects (no checkout, no working tree): one
 * `git ls-tree` lists the tree, one `git cat-file --batch` streams every selected blob.
 */
export async function readGitTree(repo: string, commit: string, selection: FileSelection, blobs: BlobCache = new Map()): Promise<TreeRead> {
  const listing = await git(repo, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  if (listing.code !== 0) throw new SourceError(`git ls-tree ${commit} failed: ${firstLine(listing.stderr)}`);
  const filter = pathFilter(selection);
  const entries: TreeEntry[] = [];
  const tree: TreeCounts = { files: 0, manifests: 0 };
  for (const record of listing.stdout.toString('utf8').split('\0')) {
    // `<mode> SP <type> SP <oid> TAB <path>`; symlinks (120000) and submodules (type commit) are not files.
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    if (type !== 'blob' || mode === '120000') continue;
    tree.files++;
    if (MANIFEST_EXTENSION.test(path)) tree.manifests++;
    if (filter.file(path)) entries.push({ oid, path });
  }
  const missing = [...new Set(entries.map((e) => e.oid))].filter((oid) => !blobs.has(oid));
  if (missing.length > 0) {
    const batch = readBlobs(repo, missing);
    for (const oid of missing) blobs.set(oid, batch.then((read) => read.get(oid)!));
  }
  const contents = await Promise.all(entries.map((e) => blobs.get(e.oid)!));
  const files = entries
    .map((e, i) => ({ path: e.path, content: contents[i] }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, tree };
}

/** Contents by object id, from one `git cat-file --batch` (files with identical content share one buffer). */
async function readBlobs(repo: string, oids: string[]): Promise<Map<string, Uint8Array>> {
  const result = await git(repo, ['cat-file', '--batch'], `${oids.join('\n')}\n`);
  if (result.code !== 0) throw new SourceError(`git cat-file failed: ${firstLine(result.stderr)}`);
  const out = result.stdout;
  const blobs = new Map<string, Uint8Array>();
  let offset = 0;
  for (const oid of oids) {
    // Each object: `<oid> SP <type> SP <size> LF <content> LF`, or `<oid> SP missing LF`.
    const eol = out.indexOf(10, offset);
    if (eol < 0) throw new SourceError(`git cat-file ended early, before object ${oid}`);
    const header = out.toString('utf8', offset, eol).split(' ');
    if (header[1] !== 'blob') throw new SourceError(`git object ${oid} could not be read (${header.slice(1).join(' ')})`);
    const size = Number(header[2]);
    blobs.set(oid, out.subarray(eol + 1, eol + 1 + size));
    offset = eol + 1 + size + 1;
  }
  return blobs;
}

function firstLine(text: string): string {
  return text.split('\n')[0] || 'no error message';
}

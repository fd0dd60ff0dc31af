import pLimit, { type LimitFunction } from 'p-limit';
import type { SourceFile } from '../model/load.js';
import type { TreeCounts, TreeRead } from '../sources/census.js';
import { MANIFEST_EXTENSION, pathFilter, type FileSelection, type PathFilter } from '../sources/filter.js';
import type { GitHubClient } from './octokit.js';

/**
 * Reads the manifest files of commits through the GitHub API, with no checkout (the App, or the Action when the
 * workspace is empty). Contents are data only: nothing read here is ever executed or rendered.
 */

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ContentsOptions extends FileSelection {
  /** Blobs larger than this are not downloaded; the loader reports them as unread. */
  maxFileBytes: number;
  /** Requests in flight at once: GitHub's secondary limits forbid bursts, so stay far below its 100. */
  concurrency?: number;
  /** Blobs per GraphQL query, and the total tree-reported bytes per query (keeps each response small). */
  batch?: { blobs?: number; bytes?: number };
  log?: (message: string) => void;
}

/** A manifest blob in a commit's tree. */
export interface TreeBlob {
  path: string;
  sha: string;
  size: number;
}

const SYMLINK_MODE = '120000';
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_BATCH = { blobs: 100, bytes: 1024 * 1024 };

/**
 * The manifest files of each commit, in the order of `commits`, with what each tree held before the selection.
 * A blob that several paths or commits share is downloaded once, so a pull request costs one download per file
 * it changed plus one per unchanged file.
 */
export async function readCommits(client: GitHubClient, repo: RepoRef, commits: readonly string[], options: ContentsOptions): Promise<TreeRead[]> {
  const limit = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
  const log = options.log ?? (() => undefined);
  const counts = commits.map((): TreeCounts => ({ files: 0, manifests: 0 }));
  const trees = await Promise.all(commits.map((sha, i) => listManifests(client, repo, sha, counting(pathFilter(options), counts[i]), limit, log)));

  const wanted = new Map<string, number>();
  for (const blob of trees.flat()) if (blob.size <= options.maxFileBytes) wanted.set(blob.sha, blob.size);
  const contents = await fetchBlobs(client, repo, wanted, options, limit, log);

  return trees.map((blobs, i) => ({
    tree: counts[i],
    files: blobs.map((blob): SourceFile => {
      // Too large: not downloaded; `size` makes the loader report the file as unread instead of silently missing it.
      if (blob.size > options.maxFileBytes) return { path: blob.path, content: new Uint8Array(0), size: blob.size };
      const content = contents.get(blob.sha);
      if (content === undefined) throw new Error(`blob ${blob.sha} of ${blob.path} was not returned by the GitHub API`);
      return { path: blob.path, content };
    }),
  }));
}

/** `filter`, counting the files it is asked about: listManifests asks about every file blob of the tree. */
function counting(filter: PathFilter, counts: TreeCounts): PathFilter {
  return {
    prunes: (dir) => filter.prunes(dir),
    file: (path) => {
      counts.files++;
      if (MANIFEST_EXTENSION.test(path)) counts.manifests++;
      return filter.file(path);
    },
  };
}

interface TreeResponse {
  tree: { path?: string; mode?: string; type?: string; sha?: string; size?: number }[];
  truncated: boolean;
}

/**
 * One recursive tree listing when GitHub returns it whole; when it is `truncated` (over 100,000 entries or
 * 7 MB), list that directory alone and walk each subdirectory the same way, so no file is ever left out.
 */
export async function listManifests(
  client: GitHubClient, repo: RepoRef, commit: string, filter: PathFilter, limit: LimitFunction = pLimit(DEFAULT_CONCURRENCY),
  log: (message: string) => void = () => undefined,
): Promise<TreeBlob[]> {
  const walk = async (treeSha: string, prefix: string, recursive: boolean): Promise<TreeBlob[]> => {
    const { data } = await limit(() => client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      ...repo, tree_sha: treeSha, ...(recursive ? { recursive: '1' } : {}),
    }));
    const response = data as TreeResponse;
    const where = prefix === '' ? `the tree of ${commit}` : `${prefix.slice(0, -1)} in ${commit}`;
    if (response.truncated) {
      if (!recursive) throw new Error(`${where} has more entries than the GitHub API lists; its manifests cannot all be read`);
      log(`GitHub truncated the recursive listing of ${where}; listing its directories one by one`);
      return walk(treeSha, prefix, false);
    }
    const blobs: TreeBlob[] = [];
    const subtrees: Promise<TreeBlob[]>[] = [];
    for (const entry of response.tree) {
      if (!entry.path || !entry.sha) continue;
      const path = prefix + entry.path;
      // Symlinks are blobs whose text is the target: never followed. Submodules (`commit`) are other repositories.
      if (entry.type === 'blob' && entry.mode !== SYMLINK_MODE && filter.file(path)) {
        blobs.push({ path, sha: entry.sha, size: entry.size ?? 0 });
      } else if (!recursive && entry.type === 'tree' && !filter.prunes(path)) {
        subtrees.push(walk(entry.sha, `${path}/`, true));
      }
    }
    for (const more of await Promise.all(subtrees)) blobs.push(...more);
    return blobs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  };
  return walk(commit, '', true);
}

interface GraphqlBlob {
  text: string | null;
  isBinary: boolean | null;
  isTruncated: boolean;
}

/**
 * GraphQL first: up to `batch.blobs` blobs per query. A blob GraphQL cannot give as exact text (binary,
 * truncated, or text with U+FFFD, the mark of bytes that were not UTF-8) is downloaded through REST as
 * bytes, so the loader itself decides that it is binary or not UTF-8.
 */
async function fetchBlobs(
  client: GitHubClient, repo: RepoRef, wanted: Map<string, number>, options: ContentsOptions, limit: LimitFunction,
  log: (message: string) => void,
): Promise<Map<string, string | Uint8Array>> {
  const contents = new Map<string, string | Uint8Array>();
  const needBytes: string[] = [];
  await Promise.all(chunk(wanted, { ...DEFAULT_BATCH, ...options.batch }).map((shas) => limit(async () => {
    let found: Record<string, GraphqlBlob | null>;
    try {
      found = (await client.graphql<{ repository: Record<string, GraphqlBlob | null> }>(blobQuery(shas.length), {
        owner: repo.owner, name: repo.repo, ...Object.fromEntries(shas.map((sha, i) => [`o${i}`, sha])),
      })).repository;
    } catch (error) {
      log(`GraphQL could not read ${shas.length} blobs (${(error as Error).message}); reading them one by one`);
      needBytes.push(...shas);
      return;
    }
    shas.forEach((sha, i) => {
      const blob = found[`b${i}`];
      if (blob && typeof blob.text === 'string' && !blob.isBinary && !blob.isTruncated && !blob.text.includes('\uFFFD')) {
        contents.set(sha, blob.text);
      } else {
        needBytes.push(sha);
      }
    });
  })));
  await Promise.all(needBytes.map((sha) => limit(async () => {
    const { data } = await client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { ...repo, file_sha: sha });
    contents.set(sha, data.encoding === 'base64' ? new Uint8Array(Buffer.from(data.content, 'base64')) : data.content);
  })));
  return contents;
}

/** Blob SHAs go in as variables (`GitObjectID`), never spliced into the query text. */
function blobQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$o${i}: GitObjectID!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `b${i}: object(oid: $o${i}) { ... on Blob { text isBinary isTruncated } }`).join(' ');
  return `query($owner: String!, $name: String!, ${variables}) { repository(owner: $owner, name: $name) { ${fields} } }`;
}

/** Groups blobs so that no query holds more than `blobs` of them or (unless alone) more than `bytes`. */
function chunk(sizes: Map<string, number>, batch: { blobs: number; bytes: number }): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const [sha, size] of sizes) {
    if (current.length > 0 && (current.length >= batch.blobs || bytes + size > batch.bytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(sha);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

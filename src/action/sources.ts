import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readCommits } from '../github/contents.js';
import type { GitHubClient } from '../github/octokit.js';
import type { FileSelection } from '../sources/filter.js';
import { readGitTree, resolveCommit } from '../sources/git.js';
import { readAndRender, type RenderedRead, type RenderOptions } from '../sources/index.js';

const run = promisify(execFile);

/** Runs git in the workspace; undefined when it fails (the caller decides what a failure means). */
async function git(workspace: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, { cwd: workspace, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch {
    return undefined;
  }
}

export async function hasCheckout(workspace: string): Promise<boolean> {
  return (await git(workspace, ['rev-parse', '--is-inside-work-tree']))?.trim() === 'true';
}

/**
 * Makes `ref` (a SHA or a ref name) available as a commit in the local object store, fetching it shallowly
 * from `origin` when the checkout lacks it. Only objects are fetched: nothing is checked out, so the head of a
 * `pull_request_target` run stays data.
 */
export async function ensureCommit(workspace: string, ref: string, log: (m: string) => void, alternative?: string): Promise<string | undefined> {
  const local = await resolveCommit(workspace, ref);
  if (local) return local;
  // A fork's head commit is also served by the base repository as refs/pull/<n>/head.
  for (const source of alternative ? [ref, alternative] : [ref]) {
    log(`segguard: ${ref} is not in the checkout; fetching ${source} (depth 1)`);
    if ((await git(workspace, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', source])) === undefined) continue;
    const fetched = (await resolveCommit(workspace, ref)) ?? (await resolveCommit(workspace, 'FETCH_HEAD'));
    if (fetched) return fetched;
  }
  return undefined;
}

/** The merge base of two local commits, or undefined when the shallow history does not reach it. */
export async function localMergeBase(workspace: string, a: string, b: string): Promise<string | undefined> {
  return (await git(workspace, ['merge-base', a, b]))?.trim() || undefined;
}

/** A file of a commit as text, or undefined when the commit has no such file. */
export async function readGitFile(workspace: string, commit: string, path: string): Promise<string | undefined> {
  return git(workspace, ['cat-file', 'blob', `${commit}:${path}`]);
}

export interface ReadOptions {
  workspace: string;
  selection: FileSelection;
  maxFileBytes: number;
  log: (m: string) => void;
  /** Render Kustomize overlays and Helm charts (in a temporary directory, never in the workspace). */
  render?: RenderOptions;
}

/**
 * The manifest files of each commit (and its census): from git objects when there is a checkout, else through the
 * API. With rendering, the files under the render targets' directories are read too, and the targets rendered.
 */
export async function readManifests(commits: string[], source: { kind: 'git' } | { kind: 'api'; client: GitHubClient; owner: string; repo: string },
  options: ReadOptions): Promise<RenderedRead[]> {
  const read = source.kind === 'git'
    ? (shas: readonly string[], selection: FileSelection) => Promise.all(shas.map((c) => readGitTree(options.workspace, c, selection)))
    : (shas: readonly string[], selection: FileSelection) => readCommits(source.client, { owner: source.owner, repo: source.repo }, shas,
      { ...selection, maxFileBytes: options.maxFileBytes, log: options.log });
  return options.render ? readAndRender(commits, read, options.selection, options.render) : read(commits, options.selection);
}

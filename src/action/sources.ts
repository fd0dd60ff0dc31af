import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readCommits } from '../github/contents.js';
import type { GitHubClient } from '../github/octokit.js';
import { pathFilter, type FileSelection } from '../sources/filter.js';
import { readGitTree, resolveCommit } from '../sources/git.js';
import { readAndRender, RENDER_SELECTION, renderFiles, type RenderedRead, type RenderOptions } from '../sources/index.js';

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
  /** Render Kustomize overlays and Helm charts (needs a checkout: the renderers read every file of a target). */
  render?: RenderOptions;
}

export type CommitRead = RenderedRead;

/**
 * The manifest files of each commit (and its census): from git objects when there is a checkout, else through the
 * API. With rendering, every file of the commit is read from git objects and the render targets are rendered in a
 * temporary directory (never in the workspace).
 */
export async function readManifests(commits: string[], source: { kind: 'git' } | { kind: 'api'; client: GitHubClient; owner: string; repo: string },
  options: ReadOptions): Promise<CommitRead[]> {
  const filter = pathFilter(options.selection);
  const selects = (path: string) => filter.file(path);
  if (source.kind === 'git') {
    if (!options.render) return Promise.all(commits.map((c) => readGitTree(options.workspace, c, options.selection)));
    const render = options.render;
    // One commit after the other: the renderer shares the renders of targets the change did not touch.
    const reads: CommitRead[] = [];
    for (const c of commits) {
      const all = await readGitTree(options.workspace, c, RENDER_SELECTION);
      const selected = all.files.filter((f) => selects(f.path));
      const { files, rendered } = await renderFiles(all.files, selected, render, selects);
      reads.push({ files, tree: all.tree, rendered });
    }
    return reads;
  }
  const read = (shas: readonly string[], selection: FileSelection) => readCommits(source.client, { owner: source.owner, repo: source.repo }, shas,
    { ...selection, maxFileBytes: options.maxFileBytes, log: options.log });
  return options.render ? readAndRender(commits, read, options.selection, options.render) : read(commits, options.selection);
}

import { relative, resolve, sep } from 'node:path';
import type { SourceFile } from '../model/load.js';
import type { TreeCensus, TreeRead } from './census.js';
import { dirOf, joinPath } from '../render/paths.js';
import { countFiles, exists, readDirectory } from './directory.js';
import type { FileSelection } from './filter.js';
import { isGitRepository, readGitTree, resolveCommit, type BlobCache } from './git.js';
import type { RenderConfig } from '../config/config.js';
import type { RenderedSnapshot } from '../model/load.js';
import type { Renderer } from '../render/render.js';
import { renderStage } from '../render/side.js';
import { pathFilter } from './filter.js';
import { shownPath } from './shown-path.js';
import { SourceError } from './source-error.js';

export { SourceError } from './source-error.js';
export type { FileSelection } from './filter.js';

/** The files of one side of a change, and how to show their paths to the user. */
export interface Side {
  files: SourceFile[];
  /** What was read: `directory base/` or `git ref origin/main (1a2b3c4)`. */
  description: string;
  /**
   * Prefix that turns a root-relative file path into a path the user can open from the working directory:
   * the directory as given (`examples/head/`), or '' for a git ref, whose paths are already repository paths.
   */
  displayPrefix: string;
  /** How the side was read, for manifest-none-read. */
  census: TreeCensus;
  /** Set when the side was rendered: the render targets' objects (`files` then holds the plain manifests only). */
  rendered?: RenderedSnapshot;
  /** Every path of the side's tree, when it was rendered (findings sit on sources outside the selection, e.g. templates). */
  paths?: ReadonlySet<string>;
}

/** Rendering for a run: the configuration (from the base) and one renderer for both sides, which shares identical renders. */
export interface RenderOptions {
  config: RenderConfig;
  renderer: Renderer;
}

/** What every tree read for rendering leaves out: a repository's metadata and installed packages. */
export const RENDER_SELECTION: FileSelection = { include: [], exclude: ['**/.git/**', '**/node_modules/**'], anyFile: true };

export interface ReadOptions {
  cwd: string;
  /** The git repository in which refs are looked up. */
  repo: string;
  /**
   * The root of the repository the configuration came from: a directory inside it is filtered by its files'
   * repository paths. Absent: every directory is filtered by paths relative to itself.
   */
  root?: string;
  selection: FileSelection;
  maxFileBytes?: number;
  /** The configuration file that set the selection, as shown to the user; absent: the defaults. */
  configFile?: string;
  /** Pass the same map for both sides of a change. */
  blobs?: BlobCache;
  /** Render Kustomize overlays and Helm charts (absent: every selected file is read as a plain manifest). */
  render?: RenderOptions;
}

/**
 * Reads `spec` as a directory when such a path exists, otherwise as a git ref of `repo`.
 * Throws SourceError when it is neither.
 */
export async function readSide(spec: string, options: ReadOptions): Promise<Side> {
  const dir = resolve(options.cwd, spec);
  const census = (description: string, selected: number, tree: TreeCensus['tree'], where: string): TreeCensus => ({
    description, selected, selection: options.selection, globsFrom: options.configFile ?? 'the defaults',
    ...(tree ? { tree } : {}), location: { path: options.configFile ?? where, line: 1 },
  });
  if (await exists(dir)) {
    const globPrefix = options.root === undefined ? '' : globPrefixOf(dir, resolve(options.cwd, options.root));
    const read = async (selection: FileSelection) => readDirectory(dir, selection, { globPrefix, maxFileBytes: options.maxFileBytes });
    const all = options.render ? await read(RENDER_SELECTION) : undefined;
    const filter = pathFilter(options.selection);
    const selects = (path: string) => filter.file(globPrefix + path);
    const files = all ? all.filter((f) => selects(f.path)) : await read(options.selection);
    const shown = shownPath(options.cwd, dir);
    const displayPrefix = shown === '' ? '' : `${shown}/`;
    // Counting costs a second walk: only done when the selection left nothing, to say what it left out.
    const tree = files.length === 0 ? countFiles(dir) : undefined;
    const side = { files, description: `directory ${spec}`, displayPrefix, census: census(`directory ${spec}`, files.length, tree, shown || '.') };
    return all && options.render ? { ...side, ...(await renderFiles(all, files, options.render, selects)) } : side;
  }
  const repo = resolve(options.cwd, options.repo);
  if (!(await exists(repo))) throw new SourceError(`${spec} is not a directory, and the repository ${options.repo} does not exist to look it up as a git ref`);
  const commit = await resolveCommit(repo, spec);
  if (!commit) {
    const why = (await isGitRepository(repo)) ? `a git ref of ${repo}` : `a git ref (${repo} is not a git repository)`;
    throw new SourceError(`${spec} is neither a directory nor ${why}`);
  }
  const filter = pathFilter(options.selection);
  const selects = (path: string) => filter.file(path);
  const read = await readGitTree(repo, commit, options.render ? RENDER_SELECTION : options.selection, options.blobs);
  const files = options.render ? read.files.filter((f) => selects(f.path)) : read.files;
  const description = `git ref ${spec} (${commit.slice(0, 12)})`;
  const side = { files, description, displayPrefix: '', census: census(description, files.length, read.tree, shownPath(options.cwd, repo) || '.') };
  return options.render ? { ...side, ...(await renderFiles(read.files, files, options.render, selects)) } : side;
}

/**
 * A side after the render stage: of the `selected` files, the plain manifests, and the objects the render targets
 * of the whole tree (`all`) give. `selects` tells whether a path is in the selection (include/exclude).
 */
export async function renderFiles(all: readonly SourceFile[], selected: readonly SourceFile[], render: RenderOptions, selects: (path: string) => boolean):
  Promise<{ files: SourceFile[]; rendered: RenderedSnapshot; paths: ReadonlySet<string> }> {
  // Files the source did not read (too large, a symlink out of the tree) are listed empty, so that a target that
  // needs one is refused (render-failed) instead of rendered without it.
  const unread = new Map<string, string>();
  for (const f of all) {
    if (f.unread !== undefined) unread.set(f.path, f.unread);
    else if (f.size !== undefined) unread.set(f.path, `${f.size.toLocaleString('en-US')} bytes, over max-file-bytes`);
  }
  const tree = new Map(all.map((f) => [f.path, unread.has(f.path) ? new Uint8Array() : f.content]));
  const stage = await renderStage(tree, selected, render.config, render.renderer, selects, unread);
  return { files: stage.plain, rendered: stage.rendered, paths: new Set(all.map((f) => f.path)) };
}

/**
 * Include/exclude globs are written relative to the repository root (where .github/segguard.yml lives, and what
 * the Action and App read), so a directory inside the repository is filtered by its files' repository paths:
 * `include: [k8s/**]` keeps selecting k8s/ files when `segguard check` is given `k8s/prod`. A directory
 * outside the repository is filtered by paths relative to itself.
 */
function globPrefixOf(dir: string, repo: string): string {
  const inRepo = relative(repo, dir);
  if (inRepo === '' || inRepo.startsWith('..') || resolve(repo, inRepo) !== dir) return '';
  return `${inRepo.split(sep).join('/')}/`;
}

/** A commit as read: its plain manifest files and census, and what its render targets give when it was rendered. */
export interface RenderedRead extends TreeRead {
  rendered?: RenderedSnapshot;
}

/**
 * Reads commits through a reader that fetches files by selection (the GitHub API) and renders their targets. The
 * manifest files come first; only when they hold a kustomization or a Chart.yaml (or the configuration lists
 * targets) is every file under those directories fetched as well (templates, .tpl helpers, generator inputs), so
 * a repository without render targets costs exactly what it did before.
 */
export async function readAndRender(commits: readonly string[], read: (commits: readonly string[], selection: FileSelection) => Promise<TreeRead[]>,
  selection: FileSelection, render: RenderOptions): Promise<RenderedRead[]> {
  const reads = await read(commits, selection);
  const dirs = new Set(render.config.targets.map((t) => t.path));
  for (const r of reads) for (const f of r.files) if (DECLARATIONS.test(f.path)) dirs.add(f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '');
  for (const t of render.config.targets) for (const v of t.values ?? []) dirs.add(joinPath(t.path, dirOf(v)) ?? t.path);
  if (dirs.size === 0) return reads;
  const under = [...dirs].map((d) => (d === '' ? '**' : `${d}/**`));
  const inputs = await read(commits, { ...RENDER_SELECTION, include: under });
  const filter = pathFilter(selection);
  const selects = (path: string) => filter.file(path);
  return Promise.all(reads.map(async (r, i) => {
    const byPath = new Map([...inputs[i].files, ...r.files].map((f) => [f.path, f]));
    return { tree: r.tree, ...(await renderFiles([...byPath.values()], r.files, render, selects)) };
  }));
}

/** The files that declare a render target. */
const DECLARATIONS = /(^|\/)(kustomization\.ya?ml|Kustomization|Chart\.yaml)$/;

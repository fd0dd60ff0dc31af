import { relative, resolve, sep } from 'node:path';
import type { SourceFile } from '../model/load.js';
import { exists, readDirectory } from './directory.js';
import type { FileSelection } from './filter.js';
import { isGitRepository, readGitTree, resolveCommit, type BlobCache } from './git.js';
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
}

/**
 * Reads `spec` as a directory when such a path exists, otherwise as a git ref of `repo`.
 * Throws SourceError when it is neither. Pass the same `blobs` for both sides of a change.
 */
export async function readSide(spec: string, options: { cwd: string; repo: string; selection: FileSelection; blobs?: BlobCache }): Promise<Side> {
  const dir = resolve(options.cwd, spec);
  if (await exists(dir)) {
    const files = await readDirectory(dir, options.selection, globPrefixOf(dir, resolve(options.cwd, options.repo)));
    const shown = shownPath(options.cwd, dir);
    const displayPrefix = shown === '' ? '' : `${shown}/`;
    return { files, description: `directory ${spec}`, displayPrefix };
  }
  const repo = resolve(options.cwd, options.repo);
  if (!(await exists(repo))) throw new SourceError(`${spec} is not a directory, and the repository ${options.repo} does not exist to look it up as a git ref`);
  const commit = await resolveCommit(repo, spec);
  if (!commit) {
    const why = (await isGitRepository(repo)) ? `a git ref of ${repo}` : `a git ref (${repo} is not a git repository)`;
    throw new SourceError(`${spec} is neither a directory nor ${why}`);
  }
  const files = await readGitTree(repo, commit, options.selection, options.blobs);
  return { files, description: `git ref ${spec} (${commit.slice(0, 12)})`, displayPrefix: '' };
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

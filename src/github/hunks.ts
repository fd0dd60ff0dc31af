import { parsePatch } from 'diff';
import type { GitHubClient } from './octokit.js';
import { listAll } from './paginate.js';
import type { PullRequestTarget } from './target.js';

/** The lines of one file a review comment may point at: RIGHT = head lines, LEFT = base lines, inside a hunk. */
export interface CommentableLines {
  right: Set<number>;
  left: Set<number>;
}

export interface PullFile {
  filename: string;
  status: string;
  previous_filename?: string;
  /** Absent for binary files and very large diffs: nothing in them can be commented on. */
  patch?: string;
}

/**
 * Reads a GitHub `patch` (hunks only, no file headers): `+` and context lines are RIGHT-valid, numbered from the
 * hunk's new start; `-` and context lines are LEFT-valid, numbered from its old start.
 */
export function commentableLines(patch: string | undefined): CommentableLines {
  const lines: CommentableLines = { right: new Set(), left: new Set() };
  if (!patch) return lines;
  for (const file of parsePatch(patch)) {
    for (const hunk of file.hunks) {
      let oldLine = hunk.oldStart;
      let newLine = hunk.newStart;
      for (const line of hunk.lines) {
        const mark = line[0];
        if (mark === '+') lines.right.add(newLine++);
        else if (mark === '-') lines.left.add(oldLine++);
        else if (mark === ' ') {
          lines.right.add(newLine++);
          lines.left.add(oldLine++);
        }
        // '\' ("No newline at end of file") is not a line of either side.
      }
    }
  }
  return lines;
}

/** GitHub lists at most 3,000 files of a pull request. */
export const MAX_PULL_FILES = 3000;

export interface PullDiff {
  /** Head path → commentable lines. */
  byHeadPath: Map<string, CommentableLines>;
  /** Base path → the head path the file has in the PR (differs for renames), for LEFT comments. */
  headPathOfBase: Map<string, string>;
  /** False when the PR has more files than GitHub lists. */
  complete: boolean;
}

export async function readPullDiff(client: GitHubClient, target: PullRequestTarget): Promise<PullDiff> {
  const { items, complete } = await listAll<PullFile>(client, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    { owner: target.owner, repo: target.repo, pull_number: target.pullNumber }, MAX_PULL_FILES);
  const byHeadPath = new Map<string, CommentableLines>();
  const headPathOfBase = new Map<string, string>();
  for (const file of items) {
    byHeadPath.set(file.filename, commentableLines(file.patch));
    headPathOfBase.set(file.previous_filename ?? file.filename, file.filename);
  }
  return { byHeadPath, headPathOfBase, complete };
}

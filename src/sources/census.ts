import type { SourceFile } from '../model/load.js';
import type { FileSelection } from './filter.js';

/** What a tree holds before include/exclude: every file (directories aside) and those with a manifest's name. */
export interface TreeCounts {
  files: number;
  manifests: number;
  /** The count stopped early (a huge directory): the numbers are lower bounds. */
  capped?: boolean;
}

/**
 * How one side was read, so that a side that reads nothing although its tree has files is said out loud
 * (manifest-none-read) instead of passing the gate with nothing analyzed.
 */
export interface TreeCensus {
  /** What was read, as the user named it: `directory k8s/`, `git ref HEAD (1a2b3c4d5e6f)`, `commit 1a2b3c4`. */
  description: string;
  /** The files the selection admitted (read or reported unread). */
  selected: number;
  /** The tree before the selection; absent when it was not counted (a directory is only counted when nothing was selected). */
  tree?: TreeCounts;
  selection: FileSelection;
  /** Where include/exclude were set, in words: `.github/segguard.yml`, `the defaults`, `the paths input`. */
  globsFrom: string;
  /** Where a finding about this side is shown: the file that sets the globs (or the tree), as the user opens it. */
  location: { path: string; line: number };
}

/** How each side of a run was read (the adapters that read trees say so; analyses of files handed in directly do not). */
export interface Trees {
  base?: TreeCensus;
  head?: TreeCensus;
}

/** The selected files of a tree, and what the tree held before the selection. */
export interface TreeRead {
  files: SourceFile[];
  tree: TreeCounts;
}

/**
 * The census of a commit the Action or App read: findings about it sit on the configuration file (line 1), the
 * one place in the repository where the selection is set.
 */
export function commitCensus(commit: string, read: TreeRead, selection: FileSelection, config: { path: string; globsFrom: string }): TreeCensus {
  return {
    description: `commit ${commit.slice(0, 12)}`, selected: read.files.length, tree: read.tree, selection,
    globsFrom: config.globsFrom, location: { path: config.path, line: 1 },
  };
}

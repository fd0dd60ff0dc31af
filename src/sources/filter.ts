import picomatch from 'picomatch';

/** Which files of a tree are read as manifests: include/exclude globs relative to the root of the tree. */
export interface FileSelection {
  /** Globs a file must match; empty means every manifest file. */
  include: readonly string[];
  exclude: readonly string[];
  /** Every file, not only manifest files (the render stage reads charts' templates, .tpl files, generator inputs). */
  anyFile?: boolean;
}

export const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

// dot: patterns such as `**/*.yaml` must also reach `.github/...` and other dot directories.
const GLOB_OPTIONS = { dot: true };

export interface PathFilter {
  /** Whether the file at this root-relative path (forward slashes) is read. */
  file(path: string): boolean;
  /** Whether a directory can be skipped without listing it: an exclude `X/**` matches it, so it excludes all inside. */
  prunes(dir: string): boolean;
}

export function pathFilter(selection: FileSelection): PathFilter {
  const include = selection.include.length > 0 ? picomatch([...selection.include], GLOB_OPTIONS) : () => true;
  const exclude = selection.exclude.length > 0 ? picomatch([...selection.exclude], GLOB_OPTIONS) : () => false;
  const dirPatterns = selection.exclude.filter((p) => p.endsWith('/**')).map((p) => p.slice(0, -3));
  const excludesDir = dirPatterns.length > 0 ? picomatch(dirPatterns, GLOB_OPTIONS) : () => false;
  return {
    file: (path) => (selection.anyFile === true || MANIFEST_EXTENSION.test(path)) && include(path) && !exclude(path),
    prunes: (dir) => excludesDir(dir),
  };
}

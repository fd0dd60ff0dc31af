import type { SourceLine } from '../types.js';
import { isRecord, valueAt, type YamlSource } from './yaml-source.js';

/** A values file as a template sees it: the part of the file at `from` becomes `.Values` at `to` (subcharts read their parent's `<name>:`). */
export interface ValuesFile {
  source: YamlSource;
  from: string[];
  to: string[];
}

/** One leaf of the values a template sees (a scalar, a list, an empty map) and where it is written. */
interface Leaf {
  path: string[];
  value: unknown;
  file: ValuesFile;
}

/** A values key whose value differs between the sides, as a template reads it. */
export interface ChangedValue {
  path: (string | number)[];
  /** The head line that makes the difference (for a deleted key: its nearest parent that is left, else line 1 of its file). */
  line: SourceLine;
  /** Where the head writes the changed value (a key that is left): its file and its path there. */
  written?: { source: YamlSource; path: (string | number)[] };
}

/** The values keys that differ between base and head, each with its head line, in head's file order. */
export function changedValues(base: ValuesFile[], head: ValuesFile[]): ChangedValue[] {
  const [before, after] = [leaves(base), leaves(head)];
  const changed: ChangedValue[] = [];
  for (const [key, leaf] of after) {
    const old = before.get(key);
    if (old === undefined || JSON.stringify(old.value) !== JSON.stringify(leaf.value)) {
      const inFile = [...leaf.file.from, ...leaf.path.slice(leaf.file.to.length)];
      const difference = firstDifference(old?.value, leaf.value);
      changed.push({ path: [...leaf.path, ...difference], line: leaf.file.source.line(0, [...inFile, ...difference]), written: { source: leaf.file.source, path: inFile } });
    }
  }
  for (const [key, leaf] of before) {
    if (!after.has(key)) changed.push({ path: leaf.path, line: nearestLeft(leaf, head) });
  }
  return changed;
}

/** The merged leaves, later files first to win; `null` removes a key, as Helm does with user values. */
function leaves(files: ValuesFile[]): Map<string, Leaf> {
  const merged = new Map<string, Leaf>();
  const drop = (path: string[]): void => {
    for (const [key, leaf] of merged) {
      const shared = Math.min(leaf.path.length, path.length);
      if (leaf.path.slice(0, shared).every((k, i) => k === path[i])) merged.delete(key);
    }
  };
  const add = (file: ValuesFile, value: unknown, path: string[]): void => {
    if (isRecord(value) && Object.keys(value).length > 0) {
      // A map replaces a scalar that was there.
      const scalar = merged.get(path.join('\u0000'));
      if (scalar) merged.delete(path.join('\u0000'));
      for (const [key, child] of Object.entries(value)) add(file, child, [...path, key]);
      return;
    }
    drop(path);
    if (value !== null) merged.set(path.join('\u0000'), { path, value, file });
  };
  for (const file of files) {
    const value = valueAt(file.source.values[0], file.from);
    if (value !== undefined) add(file, value, file.to);
  }
  return merged;
}

/** Within two lists, the first item that differs, for a line finer than the whole list. */
function firstDifference(before: unknown, after: unknown): number[] {
  if (!Array.isArray(before) || !Array.isArray(after)) return [];
  const index = after.findIndex((item, i) => JSON.stringify(item) !== JSON.stringify(before[i]));
  return index >= 0 ? [index] : [];
}

/** For a key the head no longer has: the deepest of its parents still written in a head file, else line 1 of its file. */
function nearestLeft(leaf: Leaf, head: ValuesFile[]): SourceLine {
  for (let length = leaf.path.length - 1; length >= 0; length--) {
    for (let i = head.length - 1; i >= 0; i--) {
      const file = head[i];
      const inFile = relativePath(leaf.path.slice(0, length), file);
      if (inFile && inFile.length > 0 && valueAt(file.source.values[0], inFile) !== undefined) return file.source.line(0, inFile);
    }
  }
  const sameFile = head.find((file) => file.source.path === leaf.file.source.path) ?? head[0];
  return { path: sameFile?.source.path ?? leaf.file.source.path, line: 1, endLine: 1 };
}

/** Where a `.Values` path is written in a file, if the file covers it. */
function relativePath(path: string[], file: ValuesFile): string[] | undefined {
  if (!file.to.every((k, i) => path[i] === k) || path.length < file.to.length) return undefined;
  return [...file.from, ...path.slice(file.to.length)];
}

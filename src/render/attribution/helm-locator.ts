import { posix } from 'node:path';
import { diffLines } from 'diff';
import type { FieldPath } from '../../model/field-path.js';
import type { RenderedObject, RenderTarget, SourceLine, SourceLocator } from '../types.js';
import { changedValues, type ChangedValue, type ValuesFile } from './helm-values.js';
import { templateReads, type TemplateReads } from './template-references.js';
import { isRecord, sourceIn, valueAt } from './yaml-source.js';

/**
 * Source lines of a helm-rendered object's fields. With the base side given: the head line of a values key that
 * the object's template reads and that changed (the values decide what the template emits), else a line of the
 * template that changed, else the template's line of the field (or its first line).
 */
export function helmLocator(object: RenderedObject, target: RenderTarget, head: ReadonlyMap<string, string>, base?: ReadonlyMap<string, string>): SourceLocator {
  const template = object.source;
  const text = template === undefined ? undefined : head.get(template);
  if (template === undefined || text === undefined) return { locate: () => target.declaredAt };
  const chart = chartOf(template);
  // Worked out on the first question, once per object.
  let changed: { values: ChangedValue[]; reads: TemplateReads; lines: number[] } | undefined;
  const changes = (base: ReadonlyMap<string, string>): { values: ChangedValue[]; reads: TemplateReads; lines: number[] } =>
    (changed ??= {
      values: changedValues(valuesFiles(base, target, chart), valuesFiles(head, target, chart)).filter((value) => !setByTarget(value.path, target, chart)),
      reads: templateReads(template, head, target.path),
      lines: changedLines(base.get(template), text),
    });

  return {
    locate(field: FieldPath): SourceLine {
      const keyLine = fieldLine(text, field);
      // A template the pull request adds is itself the cause, whatever values it reads.
      if (base && base.has(template)) {
        const { values, reads, lines } = changes(base);
        const value = explainingValue(values, reads.values, field);
        if (value) return structuralLine(value, field) ?? value.line;
        // The field's own line when it changed, else the first changed line.
        const line = keyLine !== undefined && lines.includes(keyLine) ? keyLine : lines[0];
        if (line !== undefined) return { path: template, line, endLine: line };
        const helperLine = changedHelperLine(reads, base, head);
        if (helperLine) return helperLine;
      }
      return { path: template, line: keyLine ?? 1, endLine: keyLine ?? 1 };
    },
  };
}

/** The chart directory that holds a template (a subchart's for its own templates). */
function chartOf(template: string): string {
  const padded = `/${template}`;
  return padded.slice(1, Math.max(0, padded.lastIndexOf('/templates/')));
}

/**
 * The values files a chart's templates see, lowest precedence first: the chart's own values.yaml, then for each
 * parent chart outwards its values.yaml and (for the target's chart) the target's values files, at the key of the
 * subchart under it.
 */
function valuesFiles(tree: ReadonlyMap<string, string>, target: RenderTarget, chart: string): ValuesFile[] {
  const files: ValuesFile[] = [];
  const add = (path: string, keys: string[]): void => {
    const source = sourceIn(tree, path);
    if (!source) return;
    files.push({ source, from: keys, to: [] });
    // A parent's `global:` reaches every subchart's `.Values.global`.
    if (keys.length > 0) files.push({ source, from: ['global'], to: ['global'] });
  };
  let dir = chart;
  const keys: string[] = [];
  for (;;) {
    add(posix.join(dir, 'values.yaml'), [...keys]);
    if (dir === target.path) {
      for (const file of target.helm?.values ?? []) add(posix.join(target.path, file), [...keys]);
      break;
    }
    // A subchart's values sit under its name in its parent's values.
    const parent = posix.dirname(posix.dirname(dir));
    if (posix.basename(posix.dirname(dir)) !== 'charts' || dir.length <= target.path.length) break;
    keys.unshift(chartName(tree, dir));
    dir = parent === '.' ? '' : parent;
  }
  return files;
}

function chartName(tree: ReadonlyMap<string, string>, dir: string): string {
  const value = sourceIn(tree, posix.join(dir, 'Chart.yaml'))?.values[0];
  return isRecord(value) && typeof value.name === 'string' ? value.name : posix.basename(dir);
}

/** A `set:` of the target wins over every values file: a changed key under it changes nothing. */
function setByTarget(path: (string | number)[], target: RenderTarget, chart: string): boolean {
  const under = posix.relative(target.path, chart).split('/').filter((segment, i) => i % 2 === 1);
  const full = [...under, ...path.map(String)];
  return Object.keys(target.helm?.set ?? {}).some((key) => key.split('.').every((k, i) => full[i] === k));
}

/**
 * Of the changed values the template reads, the one that best explains the field: one whose key names a key of
 * the field (`ingress.tls.enabled` for `spec.tls`), else the one the template reads first.
 */
function explainingValue(values: ChangedValue[], references: string[][], field: FieldPath): ChangedValue | undefined {
  const fieldKeys = new Set(field.filter((k): k is string => typeof k === 'string'));
  let best: { value: ChangedValue; rank: number } | undefined;
  for (const value of values) {
    const reference = references.findIndex((r) => r.every((k, i) => i >= value.path.length || String(value.path[i]) === k));
    if (reference < 0) continue;
    const rank = (value.path.some((k) => typeof k === 'string' && fieldKeys.has(k)) ? 0 : references.length) + reference;
    if (!best || rank < best.rank) best = { value, rank };
  }
  return best?.value;
}

/**
 * A changed value that the template writes out as the field's own structure (`{{ toYaml .Values.networkPolicy.ingress }}`):
 * the line inside it whose keys end like the field's (`from[0].namespaceSelector`), the longest such ending.
 */
function structuralLine(value: ChangedValue, field: FieldPath): SourceLine | undefined {
  if (!value.written) return undefined;
  const root = valueAt(value.written.source.values[0], value.written.path);
  let best: { path: (string | number)[]; length: number } | undefined;
  const walk = (node: unknown, path: (string | number)[]): void => {
    let length = 0;
    while (length < path.length && length < field.length && String(path[path.length - 1 - length]) === String(field[field.length - 1 - length])) length++;
    // An index alone says nothing: the ending must name a key.
    if (length > (best?.length ?? 0) && path.slice(path.length - length).some((k) => typeof k === 'string')) best = { path, length };
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (isRecord(node)) for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  if (typeof root === 'object' && root !== null) walk(root, []);
  return best && value.written.source.line(0, [...value.written.path, ...best.path]);
}

/** The head lines that differ from base (every line of a new file). */
function changedLines(before: string | undefined, after: string): number[] {
  const count = after.split('\n').length;
  if (before === undefined) return Array.from({ length: count }, (_, i) => i + 1);
  if (before === after) return [];
  const changed: number[] = [];
  let line = 1;
  for (const part of diffLines(before, after)) {
    const lines = part.count ?? 0;
    if (part.added) for (let i = 0; i < lines; i++) changed.push(line + i);
    // A removal shows on the head line that now stands where the removed lines were.
    else if (part.removed) changed.push(Math.max(1, Math.min(line, count)));
    if (!part.removed) line += lines;
  }
  return changed;
}

/** The first changed line inside a named template that the template includes (its own text unchanged). */
function changedHelperLine(reads: TemplateReads, base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>): SourceLine | undefined {
  for (const helper of reads.helpers) {
    const after = head.get(helper.file)!;
    const before = base.get(helper.file);
    if (before === after) continue;
    const [first, last] = [lineAt(after, helper.start), lineAt(after, helper.end)];
    const line = changedLines(before, after).find((l) => l >= first && l <= last);
    if (line !== undefined) return { path: helper.file, line, endLine: line };
  }
  return undefined;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The template line of the field: its keys found in order (`spec:`, then `ingress:` below it, ...); undefined when the first is not written. */
function fieldLine(text: string, field: FieldPath): number | undefined {
  const lines = text.split('\n');
  let from = 0;
  let found: number | undefined;
  for (const key of field) {
    if (typeof key !== 'string') continue;
    const pattern = new RegExp(`^\\s*(?:-\\s+)?["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`);
    const index = lines.findIndex((line, i) => i >= from && pattern.test(line));
    if (index < 0) break;
    found = index + 1;
    from = index + 1;
  }
  return found;
}

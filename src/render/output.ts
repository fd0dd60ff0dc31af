import * as jsYaml from 'js-yaml';
import { isMap, isScalar, parseAllDocuments, type Document, type Node } from 'yaml';
import { deepEqual, isObject } from '../model/json.js';
import { KUBERNETES_JS_YAML_SCHEMA } from '../model/yaml11.js';
import type { AppliedTransformation, RenderedObject } from './types.js';
import { joinPath } from './paths.js';

const ORIGIN = 'config.kubernetes.io/origin';
const TRANSFORMATIONS = 'alpha.config.kubernetes.io/transformations';

/**
 * The objects of `kustomize build` run through a wrapper kustomization with
 * `buildMetadata: [originAnnotations, transformerAnnotations]`: each object's origin file and transformations come
 * from kustomize's own annotations (paths relative to the wrapper, `../tree/<repository path>`), which are then
 * removed so that the object is what the cluster receives.
 */
export function kustomizeObjects(output: string): RenderedObject[] {
  return kustomizeObjectsByLines(output) ?? kustomizeObjectsByNodes(output);
}

/**
 * The fast way, for the block-style YAML kustomize writes: documents split at their markers, each decoded by
 * js-yaml, kustomize's two annotations cut out by lines. Undefined (the careful way decides) for anything else:
 * a stream it cannot split, a document js-yaml cannot decode, or a cut whose text does not decode to the object
 * less those annotations.
 */
export function kustomizeObjectsByLines(output: string): RenderedObject[] | undefined {
  const chunks = splitStream(output);
  if (!chunks) return undefined;
  const objects: RenderedObject[] = [];
  for (const { contentStart, end } of chunks) {
    const text = output.slice(contentStart, end);
    const object = decodeOrUndefined(text);
    if (object === undefined) return undefined;
    if (object === null) continue;
    const annotations = annotationsOf(object);
    const ours = Object.keys(annotations ?? {}).filter((k) => k === ORIGIN || k === TRANSFORMATIONS);
    if (ours.length === 0) {
      objects.push({ text, transformations: [] });
      continue;
    }
    const cut = cutAnnotations(text, ours, ours.length === Object.keys(annotations!).length);
    if (cut === undefined || !deepEqual(decodeOrUndefined(cut), withoutAnnotations(object, ours))) return undefined;
    objects.push({ text: cut, ...bookkeeping(ours.map((key) => [key, String(annotations![key])])) });
  }
  return objects;
}

/** The careful way: the `yaml` package's nodes and their exact source ranges. */
export function kustomizeObjectsByNodes(output: string): RenderedObject[] {
  const objects: RenderedObject[] = [];
  for (const doc of documents(output)) {
    const metadata = doc.get('metadata', true);
    const annotationsPair = isMap(metadata) ? metadata.items.find((p) => isScalar(p.key) && p.key.value === 'annotations') : undefined;
    const annotations = annotationsPair?.value;
    const values: [string, string][] = [];
    /** Text ranges to cut out of the document: kustomize's bookkeeping, never part of what the cluster receives. */
    const cuts: [number, number][] = [];
    if (isMap(annotations)) {
      const ours = annotations.items.filter((p) => isScalar(p.key) && (p.key.value === ORIGIN || p.key.value === TRANSFORMATIONS));
      for (const pair of ours) {
        values.push([String((pair.key as { value: unknown }).value), isScalar(pair.value) ? String(pair.value.value) : '']);
        cuts.push(lineRange(output, (pair.key as Node).range![0], (pair.value as Node).range![2]));
      }
      // Annotations that were only kustomize's: the whole `annotations:` entry goes.
      if (ours.length === annotations.items.length) cuts.splice(0, cuts.length, lineRange(output, (annotationsPair!.key as Node).range![0], annotations.range![2]));
    }
    const [from, to] = [doc.contents!.range![0], doc.range[1]];
    let text = '';
    let at = from;
    for (const [a, b] of cuts) {
      text += output.slice(at, a);
      at = b;
    }
    text += output.slice(at, to);
    objects.push({ text, ...bookkeeping(values) });
  }
  return objects;
}

/** The source file and transformations that kustomize's origin and transformations annotations record. */
function bookkeeping(values: readonly [string, string][]): Pick<RenderedObject, 'source' | 'transformations'> {
  let source: string | undefined;
  const transformations: AppliedTransformation[] = [];
  for (const [key, value] of values) {
    if (key === ORIGIN) {
      const o = loadOrNull(value) as { path?: string; configuredIn?: string } | null;
      source = repositoryPath(o?.path ?? o?.configuredIn);
    } else {
      for (const t of (loadOrNull(value) as { configuredIn?: string; configuredBy?: { kind?: string } }[] | null) ?? []) {
        const path = repositoryPath(t.configuredIn);
        if (path !== undefined) transformations.push({ kind: transformationKind(t.configuredBy?.kind ?? ''), path });
      }
    }
  }
  return { ...(source !== undefined ? { source } : {}), transformations };
}

/** kustomize's own small YAML values; one it cannot have written reads as nothing (the object is then unattributed). */
function loadOrNull(text: string): unknown {
  try {
    return jsYaml.load(text) ?? null;
  } catch {
    return null;
  }
}

/** A document's value as the cluster decodes it (null for an empty one); undefined when js-yaml cannot read it. */
function decodeOrUndefined(text: string): unknown {
  try {
    return jsYaml.load(text, { schema: KUBERNETES_JS_YAML_SCHEMA }) ?? null;
  } catch {
    return undefined;
  }
}

function annotationsOf(object: unknown): Record<string, unknown> | undefined {
  const metadata = isObject(object) ? object.metadata : undefined;
  const annotations = isObject(metadata) ? metadata.annotations : undefined;
  return isObject(annotations) ? annotations : undefined;
}

/** The object as it reads once the annotations `keys` are cut (and `annotations:` with them when nothing else is left). */
function withoutAnnotations(object: unknown, keys: readonly string[]): unknown {
  const { metadata } = object as { metadata: Record<string, unknown> };
  const annotations = { ...(metadata.annotations as Record<string, unknown>) };
  for (const key of keys) delete annotations[key];
  const { annotations: _, ...rest } = metadata;
  return { ...(object as Record<string, unknown>), metadata: Object.keys(annotations).length > 0 ? { ...rest, annotations } : rest };
}

/**
 * The document's text without the lines of the annotation entries `keys` (or of the whole `annotations:` entry
 * when `all`), found by indentation under the top-level `metadata:`; undefined when the layout is not that simple.
 */
function cutAnnotations(text: string, keys: readonly string[], all: boolean): string | undefined {
  const lines = text.split('\n');
  const indent = (line: string) => line.length - line.trimStart().length;
  const blank = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');
  /** The lines of the block of entry `at`: up to the next non-blank line indented no deeper. */
  const blockEnd = (at: number) => {
    let end = at + 1;
    while (end < lines.length && (blank(lines[end]) || indent(lines[end]) > indent(lines[at]))) end++;
    return end;
  };
  const metadata = lines.findIndex((l) => l === 'metadata:');
  if (metadata < 0) return undefined;
  const metadataEnd = blockEnd(metadata);
  const annotations = lines.findIndex((l, i) => i > metadata && i < metadataEnd && /^ +annotations:\s*$/.test(l));
  if (annotations < 0) return undefined;
  const annotationsEnd = blockEnd(annotations);
  const cuts: [number, number][] = [];
  if (all) cuts.push([annotations, annotationsEnd]);
  else {
    for (let i = annotations + 1; i < annotationsEnd; i++) {
      const key = /^ +([^ :#'"][^:]*):(?: |$)/.exec(lines[i])?.[1];
      if (key !== undefined && keys.includes(key)) cuts.push([i, blockEnd(i)]);
    }
  }
  const cutLines = new Set(cuts.flatMap(([a, b]) => Array.from({ length: b - a }, (_, k) => a + k)));
  return lines.filter((_, i) => !cutLines.has(i)).join('\n');
}

/**
 * A YAML stream's documents, split at their `---` marker lines: a marker at the start of a line can only begin a
 * document (the spec forbids it inside any scalar). Each document's content starts after its leading comments
 * and blank lines (helm's `# Source:`). Undefined when the stream has directives, end markers or content on a
 * marker line, which the careful way reads.
 */
export function splitStream(output: string): { contentStart: number; end: number; comments: string }[] | undefined {
  const chunks: { contentStart: number; end: number; comments: string }[] = [];
  let start = 0;
  const close = (end: number) => {
    let contentStart = start;
    // Leading comment and blank lines belong to no object.
    while (contentStart < end) {
      const lineEnd = output.indexOf('\n', contentStart);
      const next = lineEnd < 0 || lineEnd >= end ? end : lineEnd + 1;
      const line = output.slice(contentStart, next).trim();
      if (line !== '' && !line.startsWith('#')) break;
      contentStart = next;
    }
    if (contentStart < end) chunks.push({ contentStart, end, comments: output.slice(start, contentStart) });
  };
  let at = 0;
  while (at < output.length) {
    const lineEnd = output.indexOf('\n', at);
    const next = lineEnd < 0 ? output.length : lineEnd + 1;
    const line = output.slice(at, lineEnd < 0 ? output.length : lineEnd);
    if (line.startsWith('%') || line.startsWith('...')) return undefined;
    if (line.startsWith('---')) {
      if (line.slice(3).trim() !== '') return undefined;
      close(at);
      start = next;
    }
    at = next;
  }
  close(output.length);
  return chunks;
}

/** From the start of the line of `start` to the end of the line of `end` (a block scalar's range already ends there). */
function lineRange(text: string, start: number, end: number): [number, number] {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = end > 0 && text[end - 1] === '\n' ? end : (text.indexOf('\n', end) + 1 || text.length);
  return [lineStart, lineEnd];
}

/** kustomize's builtin transformer kinds, in the words of the contract (`PatchTransformer` → `patch`). */
function transformationKind(kind: string): string {
  const known: Record<string, string> = {
    PatchTransformer: 'patch', PatchStrategicMergeTransformer: 'patchStrategicMerge', PatchJson6902Transformer: 'patchJson6902',
    NamespaceTransformer: 'namespace', PrefixSuffixTransformer: 'namePrefix', PrefixTransformer: 'namePrefix', SuffixTransformer: 'nameSuffix',
    LabelTransformer: 'labels', AnnotationsTransformer: 'annotations', ImageTagTransformer: 'images', ReplicaCountTransformer: 'replicas',
    ReplacementTransformer: 'replacements',
  };
  return Object.hasOwn(known, kind) ? known[kind] : kind;
}

/** `../tree/base/x.yaml` (relative to the wrapper) → `base/x.yaml`. */
function repositoryPath(path: string | undefined): string | undefined {
  if (path === undefined || !path.startsWith('../tree/')) return undefined;
  return joinPath('', path.slice('../tree/'.length));
}

/**
 * The objects of `helm template`: each document follows a `# Source: <chart>/templates/x.yaml` comment, whose
 * path inside the chart is joined to the chart's directory in the repository.
 */
export function helmObjects(output: string, chartDir: string): RenderedObject[] {
  return helmObjectsByLines(output, chartDir) ?? helmObjectsByNodes(output, chartDir);
}

/** The fast way: documents split at their markers (undefined when the stream cannot be split so). */
export function helmObjectsByLines(output: string, chartDir: string): RenderedObject[] | undefined {
  // A document whose content is a null (`~`, `null`) holds no object, like an empty one.
  return splitStream(output)?.map((c) => ({ comments: c.comments, text: output.slice(c.contentStart, c.end) }))
    .filter((c) => !NULL_DOCUMENT.test(c.text)).map((c) => helmObject(c.comments, c.text, chartDir));
}

/** The careful way: the `yaml` package's documents; the `# Source:` comment sits between a document's start and its content. */
export function helmObjectsByNodes(output: string, chartDir: string): RenderedObject[] {
  return documents(output).map((doc) => helmObject(output.slice(doc.range[0], doc.contents!.range![0]), output.slice(doc.contents!.range![0], doc.range[1]), chartDir));
}

function helmObject(comments: string, text: string, chartDir: string): RenderedObject {
  const m = /# Source: ([^\n]+)/.exec(comments);
  const inChart = m ? m[1].trim().split('/').slice(1).join('/') : undefined;
  const source = inChart ? joinPath(chartDir, inChart) : undefined;
  // The document's own text, not a re-serialization: YAML 1.1 scalars (`on`, `0777`) stay as the cluster reads them.
  return { text, ...(source !== undefined ? { source } : {}), transformations: [] };
}

const NULL_DOCUMENT = /^\s*(?:~|null|Null|NULL)\s*(?:#[^\n]*)?\s*$/;

/** The documents that hold an object (helm emits empty ones for templates that render nothing). */
function documents(output: string): Document.Parsed[] {
  return parseAllDocuments(output, { uniqueKeys: false }).filter((d): d is Document.Parsed =>
    'contents' in d && d.contents !== null && !(isScalar(d.contents) && d.contents.value === null));
}

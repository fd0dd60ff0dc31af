import * as jsYaml from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { isObject, type JsonObject } from './json.js';
import { apiGroupOf, canonicalGroup, isClusterScoped } from './identity.js';
import { MAX_NESTING_DEPTH, positionsOf, YAML_MAX_ALIAS_COUNT, type PositionIndex } from './positions.js';
import { Resource, type Location } from './resource.js';

/** One file of a snapshot as read from disk, git or the API: bytes when the encoding is still unchecked. */
export interface SourceFile {
  path: string;
  content: string | Uint8Array;
  /** The size in bytes when the content was deliberately not fetched (too large); the loader reports it unread. */
  size?: number;
  /** Why the source did not read the file (a symlink out of the tree, a FIFO): the loader reports it unread. */
  unread?: string;
}

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface LoadOptions {
  maxFileBytes?: number;
}

/** Why a file or object could not be used; turned into findings by the manifest-* rules. */
export interface LoadProblem {
  /** `invalid`: decoded, but the API server would reject the text (e.g. a duplicated key); for manifest-invalid. */
  kind: 'parse-error' | 'duplicate' | 'invalid';
  location: Location;
  message: string;
  /** For duplicates: the object that was kept. */
  first?: Resource;
  resource?: Resource;
}

/** `hostile`: resource exhaustion, reported even when the text does not look like Kubernetes; `invalid`: the
 * document was decoded but the API server would reject it (a duplicated key). */
interface Problem {
  line: number;
  message: string;
  hostile?: boolean;
  invalid?: boolean;
}

/** The decoded documents of one file text, shared by every path (and both sides) that has exactly this text. */
interface ParsedText {
  documents: unknown[];
  positions: PositionIndex;
  problems: readonly Problem[];
}

/**
 * Remembers the decoding of each distinct file text. In a pull request almost every file is byte-identical on
 * both sides, so sharing one cache between base and head decodes each of them once.
 */
export class ParseCache {
  private readonly texts = new Map<string, ParsedText>();
  /** The objects of each file, by path: a file with the same path and text on both sides yields the same Resources. */
  private readonly files = new Map<string, { text: string; resources: Resource[] }>();

  parse(text: string, isJson: boolean): ParsedText {
    let parsed = this.texts.get(text);
    if (!parsed) {
      parsed = decode(text, isJson);
      this.texts.set(text, parsed);
    }
    return parsed;
  }

  /**
   * The Kubernetes objects of a file. Sharing them between sides lets every per-Resource memo (a policy's meaning,
   * a workload, an exposure row) serve both sides, and tells analyses by identity that nothing changed.
   */
  resources(path: string, text: string, parsed: ParsedText): Resource[] {
    const known = this.files.get(path);
    if (known?.text === text) return known.resources;
    const resources: Resource[] = [];
    parsed.documents.forEach((doc, docIndex) => resourcesOfDocument(resources, doc, path, docIndex, parsed.positions));
    this.files.set(path, { text, resources });
    return resources;
  }
}

export interface Model {
  resources: Resource[];
  /** By identity key; the first object when an identity is duplicated. */
  byKey: Map<string, Resource>;
  problems: LoadProblem[];
  /** The text of every file that was read, by path (used to tell unchanged files from changed ones). */
  texts: Map<string, string>;
}

export function loadSnapshot(files: Iterable<SourceFile>, options: LoadOptions = {}, cache = new ParseCache()): Model {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const model: Model = { resources: [], byKey: new Map(), problems: [], texts: new Map() };
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const text = readText(file, maxBytes, model.problems);
    if (text === undefined) continue;
    model.texts.set(file.path, text);
    const parsed = cache.parse(text, file.path.toLowerCase().endsWith('.json'));
    if (parsed.problems.length > 0) {
      const kubernetes = looksLikeKubernetes(text);
      for (const p of parsed.problems) {
        if (!kubernetes && !p.hostile) continue;
        model.problems.push({ kind: p.invalid ? 'invalid' : 'parse-error', location: { path: file.path, line: p.line, endLine: p.line }, message: p.message });
      }
    }
    for (const resource of cache.resources(file.path, text, parsed)) add(model, resource);
  }
  return model;
}

function readText(file: SourceFile, maxBytes: number, problems: LoadProblem[]): string | undefined {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: most texts are under the limit without counting their bytes.
  const size = file.size ?? (typeof file.content === 'string'
    ? (file.content.length * 3 <= maxBytes ? file.content.length : Buffer.byteLength(file.content))
    : file.content.byteLength);
  if (file.unread !== undefined) return unread(file, problems, file.unread);
  if (size > maxBytes) return unread(file, problems, `file is ${size} bytes, over the ${maxBytes}-byte limit for manifests; it was not read`);
  if (typeof file.content === 'string') return stripBom(file.content);
  const bytes = file.content;
  if (bytes.subarray(0, 8192).includes(0)) return unread(file, problems, 'file is binary (it contains NUL bytes); it was not read');
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return unread(file, problems, 'file is not valid UTF-8; it was not read');
  }
}

/** A module-level function, not a closure per file: readText runs for every file of both sides. */
function unread(file: SourceFile, problems: LoadProblem[], message: string): undefined {
  problems.push({ kind: 'parse-error', location: { path: file.path, line: 1, endLine: 1 }, message });
  return undefined;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function looksLikeKubernetes(text: string): boolean {
  return /apiVersion/.test(text) && /kind/.test(text);
}

/** An alias use (`*name` where a value starts): such files take the bounded `yaml` path (billion-laughs guard). */
const ALIAS_USE = /(?:^|[\s,[{:-])\*[^\s,[\]{}]/m;
/** A YAML 1.1 merge key (`<<:`), which Kubernetes' decoder honours: only the `yaml` path (with `merge`) resolves it. */
const MERGE_KEY = /<<\s*:/;

const tooDeep = (line: number): ParsedText => ({
  documents: [],
  positions: positionsOf('', 'yaml'),
  problems: [{ line, message: `nesting deeper than ${MAX_NESTING_DEPTH} levels`, hostile: true }],
});

/** Shared by every text that decodes cleanly (almost all of them); never pushed to. */
const NO_PROBLEMS: readonly Problem[] = [];

function decode(text: string, isJson: boolean): ParsedText {
  const positions = positionsOf(text, 'js-yaml');
  if (isJson) {
    const deepLine = flowDepthExceeded(text);
    if (deepLine !== undefined) return tooDeep(deepLine);
    try {
      return { documents: [JSON.parse(text)], positions, problems: NO_PROBLEMS };
    } catch {
      return decodeCarefully(text);
    }
  }
  // `includes` first: it rules most files out far faster than the regular expressions.
  if (!(text.includes('*') && ALIAS_USE.test(text)) && !(text.includes('<<') && MERGE_KEY.test(text))) {
    try {
      const documents: unknown[] = [];
      jsYaml.loadAll(text, (doc: unknown) => documents.push(doc), { maxDepth: MAX_NESTING_DEPTH });
      return { documents, positions, problems: NO_PROBLEMS };
    } catch {
      // Fall through: the careful path keeps the documents that do parse and says where the others break.
    }
  }
  const deepLine = flowDepthExceeded(text);
  return deepLine !== undefined ? tooDeep(deepLine) : decodeCarefully(text);
}

/**
 * The line where `[`/`{` nesting first exceeds the limit, or undefined. Skips double-quoted strings (exact for
 * JSON, a close approximation for YAML); block nesting needs not be checked, as its indentation makes it costly
 * to write and the `yaml` parser handles it at full speed.
 */
function flowDepthExceeded(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_NESTING_DEPTH) return line;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    } else if (c === 34) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 10) line++;
      }
    }
  }
  return undefined;
}

/**
 * The `yaml` package: slower, but per-document errors with lines, alias expansion capped, merge keys resolved.
 * A duplicated key is kept (the last value wins, as in a lenient decoder) and reported: the API server's strict
 * field validation rejects it, and a reviewer reading the first value is misled.
 */
function decodeCarefully(text: string): ParsedText {
  const positions = positionsOf(text, 'yaml');
  const documents: unknown[] = [];
  const problems: Problem[] = [];
  let parsed;
  try {
    parsed = parseAllDocuments(text, { prettyErrors: true, merge: true });
  } catch (error) {
    return { documents, positions, problems: [{ line: 1, message: firstLine(String((error as Error).message)) }] };
  }
  for (const doc of Array.isArray(parsed) ? parsed : []) {
    const duplicates = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
    if (duplicates.length < doc.errors.length) {
      const error = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY') ?? doc.errors[0];
      problems.push({ line: error.linePos?.[0]?.line ?? 1, message: firstLine(error.message) });
      documents.push(undefined);
      continue;
    }
    try {
      documents.push(doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT }));
    } catch (error) {
      const start = doc.contents?.range?.[0] ?? 0;
      problems.push({ line: lineOfOffset(text, start), message: firstLine(String((error as Error).message)), hostile: true });
      documents.push(undefined);
      continue;
    }
    for (const e of duplicates) {
      const key = /^[^:\n]*/.exec(text.slice(e.pos[0], e.pos[0] + 200))?.[0].trim() ?? '';
      problems.push({ line: e.linePos?.[0]?.line ?? 1, message: `the key "${key}" is written twice in one mapping (the last value wins)`, invalid: true });
    }
  }
  return { documents, positions, problems };
}

/** The parser's message without its position (the finding carries the line; fingerprints must not). */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function resourcesOfDocument(out: Resource[], doc: unknown, path: string, docIndex: number, positions: PositionIndex): void {
  if (!isKubernetesObject(doc)) return;
  const kind = doc.kind as string;
  if (Array.isArray(doc.items) && (kind === 'List' || kind.endsWith('List'))) {
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    doc.items.forEach((item, i) => {
      if (!isObject(item)) return;
      const apiVersion = typeof item.apiVersion === 'string' ? item.apiVersion : (doc.apiVersion as string);
      const k = typeof item.kind === 'string' ? item.kind : itemKind;
      if (!k) return;
      out.push(resourceOf(item, apiVersion, k, path, docIndex, ['items', i], positions));
    });
    return;
  }
  out.push(resourceOf(doc, doc.apiVersion as string, kind, path, docIndex, [], positions));
}

function isKubernetesObject(doc: unknown): doc is JsonObject {
  return isObject(doc) && typeof doc.apiVersion === 'string' && typeof doc.kind === 'string';
}

function resourceOf(
  object: JsonObject, apiVersion: string, kind: string, path: string, docIndex: number,
  pathInDocument: (string | number)[], positions: PositionIndex,
): Resource {
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const namespace = isClusterScoped(kind) ? '' : typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default';
  const group = canonicalGroup(kind, apiGroupOf(apiVersion));
  return new Resource({ apiVersion, group, kind, namespace, name }, object, path, docIndex, pathInDocument, positions);
}

function add(model: Model, resource: Resource): void {
  const first = model.byKey.get(resource.key);
  if (first) {
    const { kind, namespace, name } = resource;
    model.problems.push({
      kind: 'duplicate', location: resource.at(), resource, first,
      message: `${kind} ${namespace ? `${namespace}/` : ''}${name} is defined twice: here and at ${first.file}:${first.at().line}; the second definition is ignored`,
    });
    return;
  }
  model.byKey.set(resource.key, resource);
  model.resources.push(resource);
}

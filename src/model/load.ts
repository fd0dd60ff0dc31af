import * as jsYaml from 'js-yaml';
import { parseAllDocuments, visit, type Document } from 'yaml';
import { formatFieldPath, type FieldPath } from './field-path.js';
import { relaxFlowWhitespace } from './flow-whitespace.js';
import { deepEqual, identicalJson, isObject, type JsonObject } from './json.js';
import { apiGroupOf, canonicalGroup, isClusterScoped } from './identity.js';
import { joinedPositions, MAX_NESTING_DEPTH, positionsOf, YAML_MAX_ALIAS_COUNT, type DocumentSource, type PositionIndex } from './positions.js';
import { Resource, type Location, type RenderOrigin } from './resource.js';
import type { RenderedObject, RenderedTarget, RenderTarget, SourceLocator } from '../render/types.js';
import { nonStringFields } from './string-fields.js';
import { decodeSimpleDocument, NOT_SIMPLE } from './simple-yaml.js';
import { KUBERNETES_JS_YAML_SCHEMA, KUBERNETES_YAML_OPTIONS } from './yaml11.js';

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
  kind: 'parse-error' | 'duplicate' | 'invalid' | 'render-failed';
  location: Location;
  message: string;
  /** For duplicates: the copy the cluster keeps (`resource`, the one analyzed), the copies it overwrites, and
   * whether they differ in meaning (anything but key order). */
  resource?: Resource;
  overwritten?: Resource[];
  differs?: boolean;
  /** For render-failed: the target that was not rendered. */
  target?: RenderTarget;
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

/** A file as read at one path: its text, the text's decoding, and the Kubernetes objects of the file. */
interface ReadFile {
  text: string;
  parsed: ParsedText;
  resources: Resource[];
}

/**
 * Remembers the decoding of each distinct file text. In a pull request almost every file is byte-identical on
 * both sides, so sharing one cache between base and head decodes each of them once.
 */
export class ParseCache {
  private readonly texts = new Map<string, ParsedText>();
  /** Each file's decoding and objects, by path: a file with the same path and text on both sides yields the same Resources. */
  private readonly files = new Map<string, ReadFile>();
  /**
   * The models loaded through this cache. An object identical to one of theirs that another text decoded (a document
   * of a split or a merged file, a file otherwise reformatted) is replaced by theirs, so every memo by decoded object
   * serves both sides. Looked up in their own identity index: the side loaded first builds no index of its own.
   */
  private readonly models: Model[] = [];

  /**
   * Where each document text of the cleanly decoded YAML texts was decoded, by its text: a file split into one file
   * per object, or files merged into one, is assembled from them without decoding anything again.
   */
  private readonly documents = new Map<string, DocumentSlot>();

  /** The flow collections decoded, by their text: one object for each text however often it is written. */
  private readonly flows = new Map<string, unknown>();

  parse(text: string, isJson: boolean): ParsedText {
    let parsed = this.texts.get(text);
    if (!parsed) {
      parsed = (isJson ? undefined : this.byDocument(text)) ?? decode(text, isJson);
      this.texts.set(text, parsed);
    }
    return parsed;
  }

  /**
   * A YAML text assembled from its document texts when all of them were decoded before (in whatever file), else
   * decoded whole in one pass (as fast as a whole-file decode) with its document texts remembered when it decodes
   * cleanly. Undefined for a text that cannot be split (aliases, merge keys, directives): `decode` takes it.
   */
  private byDocument(text: string): ParsedText | undefined {
    const pieces = documentTexts(text);
    if (!pieces) return undefined;
    const slots = this.decodedBefore(pieces, text);
    if (slots) return assembled(pieces, slots);
    const simple = decodeSimple(text, pieces, this.flows);
    const fast = simple ?? decodeFast(text);
    // A text js-yaml rejects goes on as `decode` takes it, without decoding it again.
    if (fast instanceof jsYaml.YAMLException) return decodeYaml(text, fast);
    const parsed = withTypeChecks(fast);
    if (parsed.problems.length === 0) this.remember(pieces, parsed);
    return parsed;
  }

  /** Where each piece of `text` was decoded, or undefined as soon as one was not. */
  private decodedBefore(pieces: readonly DocumentText[], text: string): DocumentSlot[] | undefined {
    const slots: DocumentSlot[] = [];
    for (const piece of pieces) {
      // A piece that is the whole text is not a text decoded before: `parse` has just looked.
      const slot = this.documents.get(piece.text) ?? (piece.text === text ? undefined : this.wholeText(piece.text));
      if (slot === undefined) return undefined;
      slots.push(slot);
    }
    return slots;
  }

  /**
   * A piece that is the whole of a text decoded before, cleanly: its one document (none for comments only). Such
   * texts (most files hold one object) are not remembered piece by piece: their text is their one piece.
   */
  private wholeText(text: string): DocumentSlot | undefined {
    const parsed = this.texts.get(text);
    if (parsed === undefined || parsed.problems.length > 0) return undefined;
    const content = hasContent(text);
    return parsed.documents.length === (content ? 1 : 0) ? { parsed, docIndex: content ? 0 : -1, lineOffset: 0 } : undefined;
  }

  /** The document texts of a clean decoding, each with its document (none for a piece of comments only). */
  private remember(pieces: readonly DocumentText[], parsed: ParsedText): void {
    if (pieces.length === 1 && !pieces[0].explicit) return;
    const content = pieces.map((piece) => hasContent(piece.text));
    // Each piece that yields a document yields one: otherwise this text's documents are not remembered.
    if (pieces.filter((piece, i) => piece.explicit || content[i]).length !== parsed.documents.length) return;
    let docIndex = 0;
    pieces.forEach((piece, i) => {
      if (!this.documents.has(piece.text)) this.documents.set(piece.text, { parsed, docIndex: content[i] ? docIndex : -1, lineOffset: piece.lineOffset });
      if (piece.explicit || content[i]) docIndex++;
    });
  }

  private readonly share = (key: string, object: JsonObject): JsonObject => {
    for (const model of this.models) {
      const known = model.byKey.get(key)?.object;
      if (known !== undefined && known !== object && identicalJson(known, object)) return known;
    }
    return object;
  };

  /** A model loaded through this cache, whose objects the models loaded after it share. */
  loaded(model: Model): void {
    this.models.push(model);
  }

  /**
   * A file's decoding and Kubernetes objects. Sharing the objects between sides lets every per-Resource memo (a
   * policy's meaning, a workload, an exposure row) serve both sides, and tells analyses by identity that nothing changed.
   */
  file(path: string, text: string): ReadFile {
    // One lookup for a file the other side has as it is (most files of a pull request), by path then text.
    const known = this.files.get(path);
    if (known?.text === text) return known;
    const parsed = this.parse(text, path.toLowerCase().endsWith('.json'));
    const found: Resource[] = [];
    parsed.documents.forEach((doc, docIndex) => resourcesOfDocument(found, doc, path, docIndex, parsed.positions, this.share));
    // Exactly sized: an array grown by push keeps room for 17 items, and most files hold one or two objects.
    const read = { text, parsed, resources: found.slice() };
    this.files.set(path, read);
    return read;
  }
}

/**
 * What the render stage gave for a side (src/render): the rendered objects of each target, the targets that could
 * not be rendered, and how a rendered object's fields map to source lines.
 */
export interface RenderedSnapshot {
  targets: readonly RenderedTarget[];
  failures: readonly { target: RenderTarget; message: string; at: Location }[];
  /** The tool versions used, for the summary. */
  tools: readonly string[];
  /** Milliseconds spent inside the tools (for the bench). */
  toolMs?: number;
  /**
   * Targets whose objects are left out although they rendered: those that failed on the other side of the change
   * (comparing with nothing would report every object of the target as added or deleted).
   */
  skip?: ReadonlySet<string>;
  /** The text of every file the targets read, by path: where source lines are looked up. */
  texts: ReadonlyMap<string, string>;
  /**
   * The source locator of a rendered object, whose lines are in `tree`; `other` is the other side's tree (what
   * changed decides the line: a values key, a patch).
   */
  locator(object: RenderedObject, target: RenderTarget, tree: ReadonlyMap<string, string>, other: ReadonlyMap<string, string> | undefined): SourceLocator;
}

export interface Model {
  resources: Resource[];
  /** By identity key; for an identity defined more than once, the copy `kubectl apply -f` leaves in the cluster. */
  byKey: Map<string, Resource>;
  problems: LoadProblem[];
  /** The path of every file that was read (for the summary's count; the texts are in the cache). */
  files: string[];
  /** Set when the side was rendered: the render targets and the tool versions. */
  rendered?: { targets: RenderTarget[]; tools: readonly string[] };
}

export function loadSnapshot(files: Iterable<SourceFile>, options: LoadOptions = {}, cache = new ParseCache(), rendered?: RenderedSnapshot,
  other?: { rendered?: RenderedSnapshot; model?: Model }): Model {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const model: Model = { resources: [], byKey: new Map(), problems: [], files: [] };
  const sorted = inPathOrder([...files]);
  /** Every copy of each identity defined more than once. */
  const copies = new Map<string, Resource[]>();
  const add = (resource: Resource) => {
    const kept = model.byKey.get(resource.key);
    if (kept === undefined) {
      model.byKey.set(resource.key, resource);
      model.resources.push(resource);
      return;
    }
    const all = copies.get(resource.key) ?? [kept];
    all.push(resource);
    copies.set(resource.key, all);
    // `kubectl apply -f dir/` applies the copies in path order: the last one applied is what the cluster keeps.
    if (appliedBefore(kept, resource)) model.byKey.set(resource.key, resource);
  };
  for (const file of sorted) {
    const text = readText(file, maxBytes, model.problems);
    if (text === undefined) continue;
    model.files.push(file.path);
    const { parsed, resources } = cache.file(file.path, text);
    if (parsed.problems.length > 0) {
      const kubernetes = looksLikeKubernetes(text);
      for (const p of parsed.problems) {
        if (!kubernetes && !p.hostile) continue;
        model.problems.push({ kind: p.invalid ? 'invalid' : 'parse-error', location: { path: file.path, line: p.line, endLine: p.line }, message: p.message });
      }
    }
    for (const resource of resources) add(resource);
  }
  // A tree without render targets reads as it did before rendering existed (no render summary either).
  if (rendered && rendered.targets.length + rendered.failures.length > 0) loadRendered(rendered, other ?? {}, cache, model, add);
  if (copies.size > 0) {
    // The kept copy takes the place of the first one, in one pass (duplicates may be many in a hostile input).
    model.resources = model.resources.map((r) => model.byKey.get(r.key) ?? r);
    for (const all of copies.values()) model.problems.push(duplicateProblem(model.byKey.get(all[0].key)!, all));
  }
  cache.loaded(model);
  return model;
}

/** The files sorted by path; a list that comes sorted (git's, a directory walk's) is only checked. */
function inPathOrder(files: SourceFile[]): SourceFile[] {
  const byPath = (a: SourceFile, b: SourceFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  for (let i = 1; i < files.length; i++) if (byPath(files[i - 1], files[i]) > 0) return files.sort(byPath);
  return files;
}

/**
 * The objects of each rendered target, each with its target (part of its identity) and source locator; a target
 * that could not be rendered is a render-failed problem at the line the tool (or the refusal) names.
 */
function loadRendered(rendered: RenderedSnapshot, other: { rendered?: RenderedSnapshot; model?: Model }, cache: ParseCache, model: Model,
  add: (resource: Resource) => void): void {
  const otherTexts = other.rendered?.texts;
  const origin = (object: RenderedObject, target: RenderTarget): RenderOrigin & { bind(resource: Resource): void } => {
    let resource: Resource | undefined;
    let chosen: { locator: SourceLocator; side?: 'head' } | undefined;
    // An object only this side has while the other side (the head) was loaded first: the change deleted it, and
    // the line that did (a values key, the edit that dropped a resource) is in the head's tree.
    const pick = (key: string) => (other.model && otherTexts && !other.model.byKey.has(key)
      ? { locator: rendered.locator(object, target, otherTexts, rendered.texts), side: 'head' as const }
      : { locator: rendered.locator(object, target, rendered.texts, otherTexts) });
    const own: RenderOrigin = {
      target,
      locate(field) {
        chosen ??= pick(resource!.key);
        const line = chosen.locator.locate(field);
        return { path: line.path, line: line.line, endLine: line.endLine, ...(chosen.side ? { side: chosen.side } : {}) };
      },
    };
    return Object.assign(own, { bind: (r: Resource) => { resource = r; } });
  };
  model.rendered = { targets: [...rendered.targets.map((t) => t.target), ...rendered.failures.map((f) => f.target)], tools: rendered.tools };
  for (const failure of rendered.failures) model.problems.push({ kind: 'render-failed', location: failure.at, message: failure.message, target: failure.target });
  for (const { target, objects } of rendered.targets) {
    if (rendered.skip?.has(target.path)) continue;
    for (const object of objects) {
      const parsed = cache.parse(object.text, false);
      for (const p of parsed.problems) {
        model.problems.push({ kind: p.invalid ? 'invalid' : 'parse-error', location: target.declaredAt, message: `the rendered output of ${target.path || '.'}: ${p.message}` });
      }
      parsed.documents.forEach((doc, docIndex) => {
        for (const { object: decoded, apiVersion, kind, pathInDocument } of kubernetesObjectsOf(doc)) {
          const from = origin(object, target);
          const resource = resourceOf(decoded, apiVersion, kind, object.source ?? target.declaredAt.path, docIndex, pathInDocument, parsed.positions, from);
          from.bind(resource);
          add(resource);
        }
      });
    }
  }
}

/**
 * Whether `a` is applied before `b` by `kubectl apply -f <dir>`: files in the order a directory walk visits them
 * (names compared level by level, as Go's filepath.Walk does), then documents and List items in file order.
 */
function appliedBefore(a: Resource, b: Resource): boolean {
  if (a.file !== b.file) {
    const [x, y] = [a.file.split('/'), b.file.split('/')];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i];
    return x.length < y.length;
  }
  if (a.docIndex !== b.docIndex) return a.docIndex < b.docIndex;
  return Number(a.pathInDocument[1] ?? 0) < Number(b.pathInDocument[1] ?? 0);
}

function duplicateProblem(kept: Resource, all: Resource[]): LoadProblem {
  const overwritten = all.filter((r) => r !== kept);
  const differs = overwritten.some((r) => !deepEqual(r.object, kept.object));
  const { kind, namespace, name } = kept;
  const elsewhere = overwritten.map((r) => `${r.file}:${r.at().line}`).join(', ');
  return {
    kind: 'duplicate', location: kept.at(), resource: kept, overwritten, differs,
    message: `${kind} ${namespace ? `${namespace}/` : ''}${name} is defined ${all.length} times: here and at ${elsewhere}. ` +
      `\`kubectl apply -f\` applies files in path order, so the cluster keeps this copy (the last one applied) and ` +
      `overwrites ${overwritten.length === 1 ? 'the other' : 'the others'}; ` +
      (differs ? 'the copies differ, and this is the one analyzed.' : 'the copies are identical.'),
  };
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
  const unicode = decodeWithBom(bytes);
  if (unicode?.text === undefined) {
    if (unicode !== undefined) return unread(file, problems, `file is not valid ${unicode.encoding}; it was not read`);
  } else {
    // kubectl transcodes only UTF-8 and UTF-16 byte-order marks (cli-runtime's unicode.BOMOverride): a UTF-32 file is
    // analyzed, and reported, since `kubectl apply` rejects it and the cluster keeps whatever it had.
    if (unicode.encoding.startsWith('UTF-32') && looksLikeKubernetes(unicode.text)) {
      problems.push({
        kind: 'invalid', location: { path: file.path, line: 1, endLine: 1 },
        message: `file is encoded as ${unicode.encoding}, which kubectl does not read (it transcodes UTF-8 and UTF-16 only); re-encode it as UTF-8`,
      });
    }
    return unicode.text;
  }
  if (bytes.subarray(0, 8192).includes(0)) return unread(file, problems, 'file is binary (it contains NUL bytes); it was not read');
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return unread(file, problems, 'file is not valid UTF-8; it was not read');
  }
}

/**
 * UTF-16 and UTF-32 announced by a byte-order mark (go-yaml reads UTF-16 the same way); undefined without one.
 * The UTF-32 marks are tested first: FF FE 00 00 also begins the UTF-16 LE mark.
 */
function decodeWithBom(bytes: Uint8Array): { encoding: string; text?: string } | undefined {
  const [a, b, c, d] = bytes;
  const encoding = a === 0xff && b === 0xfe && c === 0 && d === 0 ? 'UTF-32LE'
    : a === 0 && b === 0 && c === 0xfe && d === 0xff ? 'UTF-32BE'
    : a === 0xff && b === 0xfe ? 'UTF-16LE'
    : a === 0xfe && b === 0xff ? 'UTF-16BE'
    : undefined;
  if (encoding === undefined) return undefined;
  try {
    const text = encoding.startsWith('UTF-16')
      ? new TextDecoder(encoding.toLowerCase(), { fatal: true }).decode(bytes)
      : decodeUtf32(bytes.subarray(4), encoding === 'UTF-32LE');
    return { encoding, text: stripBom(text) };
  } catch {
    return { encoding };
  }
}

/** TextDecoder has no UTF-32: code points are read directly; a partial unit, a surrogate or a value past U+10FFFF throws. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  if (bytes.length % 4 !== 0) throw new RangeError('truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: string[] = [];
  const points: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const point = view.getUint32(i, littleEndian);
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) throw new RangeError('invalid code point');
    points.push(point);
    // Bounded argument lists for fromCodePoint.
    if (points.length === 8192) chunks.push(String.fromCodePoint(...points.splice(0)));
  }
  chunks.push(String.fromCodePoint(...points));
  return chunks.join('');
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

/** A document text of a decoded text: document `docIndex` of `parsed` (-1: comments only), after `lineOffset` lines. */
interface DocumentSlot {
  parsed: ParsedText;
  docIndex: number;
  lineOffset: number;
}

interface DocumentText {
  text: string;
  explicit: boolean;
  lineOffset: number;
}

/** A text from document texts decoded elsewhere: the same objects, lines shifted to where they sit here. */
function assembled(pieces: readonly DocumentText[], slots: readonly DocumentSlot[]): ParsedText {
  const documents: unknown[] = [];
  const sources: (DocumentSource | undefined)[] = [];
  pieces.forEach((piece, i) => {
    const slot = slots[i];
    if (slot.docIndex >= 0) {
      documents.push(slot.parsed.documents[slot.docIndex]);
      sources.push({ positions: slot.parsed.positions, sourceDoc: slot.docIndex, lineShift: piece.lineOffset - slot.lineOffset });
    } else if (piece.explicit) {
      // A `---` with nothing after it is a null document, as a whole-file decode reads it.
      documents.push(null);
      sources.push(undefined);
    }
  });
  return { documents, positions: joinedPositions(sources), problems: NO_PROBLEMS };
}

/** Whether a document text has a line other than blanks and comments. */
function hasContent(text: string): boolean {
  return CONTENT_LINE.test(text);
}

const CONTENT_LINE = /^[ \t]*[^ \t\r\n#]/m;

/** Whether js-yaml may decode the text: no alias use and no merge key (`includes` first, far faster than the expressions). */
function fastPathText(text: string): boolean {
  return !(text.includes('*') && ALIAS_USE.test(text)) && !(text.includes('<<') && MERGE_KEY.test(text));
}

/**
 * The document texts of a YAML text, split at its bare `---` lines (without them), with the number of lines before
 * each; `explicit` when a `---` starts it. Undefined for a text that must be decoded whole: the careful path's,
 * one with directives, `...` or content after a `---`, or a line break other than LF and CRLF before a marker.
 */
function documentTexts(text: string): DocumentText[] | undefined {
  if (!fastPathText(text) || text.includes('\uFEFF') || text.startsWith('%') || text.startsWith('...') || text.includes('\n%') || text.includes('\n...')) return undefined;
  // A line break YAML reads that the split does not (a CR alone) could hide a marker.
  if (text.includes('\r') && LONE_CR.test(text)) return undefined;
  const pieces: DocumentText[] = [];
  let [start, explicit, lineOffset] = [0, false, 0];
  for (let at = text.startsWith('---') ? 0 : markerAfter(text, 0); at >= 0; at = markerAfter(text, at + 3)) {
    if (at > 0 && text.charCodeAt(at - 1) !== 10) return undefined;
    let end = at + 3;
    if (text.charCodeAt(end) === 13) end++;
    if (end < text.length && text.charCodeAt(end) !== 10) return undefined;
    pieces.push({ text: text.slice(start, at), explicit, lineOffset });
    const next = Math.min(end + 1, text.length);
    lineOffset += linesIn(text, start, next);
    [start, explicit] = [next, true];
  }
  pieces.push({ text: start === 0 ? text : text.slice(start), explicit, lineOffset });
  return pieces;
}

const LONE_CR = /\r(?!\n)/;

/** The offset of the next `---` at a line start from `from` on, or -1. */
function markerAfter(text: string, from: number): number {
  const at = text.indexOf('\n---', from > 0 ? from - 1 : 0);
  return at < 0 ? -1 : at + 1;
}

function linesIn(text: string, start: number, end: number): number {
  let lines = 0;
  for (let at = text.indexOf('\n', start); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

function decode(text: string, isJson: boolean): ParsedText {
  if (isJson) return withTypeChecks(decodeJson(text));
  return decodeYaml(text, fastPathText(text) ? decodeFast(text) : undefined);
}

/** A YAML text, given js-yaml's decoding of it (undefined: the text is not for the fast path). */
function decodeYaml(text: string, fast: ParsedText | jsYaml.YAMLException | undefined): ParsedText {
  if (fast !== undefined) {
    if (!(fast instanceof jsYaml.YAMLException)) return withTypeChecks(fast);
    if (fast.reason.startsWith('nesting exceeded')) return tooDeep((fast.mark?.line ?? 0) + 1);
    // go-yaml takes whitespace inside flow collections that js-yaml rejects: a file kubectl reads is read here too.
    const relaxed = relaxFlowWhitespace(text);
    const again = relaxed === text ? fast : decodeFast(relaxed);
    if (!(again instanceof jsYaml.YAMLException)) return withTypeChecks(again);
    // Otherwise the careful path keeps the documents that do parse and says where the others break.
  }
  return withTypeChecks(decodeCarefullyRelaxed(text));
}

/** The documents of a text whose every document is simple YAML (src/model/simple-yaml.ts), else undefined. */
function decodeSimple(text: string, pieces: readonly DocumentText[], flows: Map<string, unknown>): ParsedText | undefined {
  const documents: unknown[] = [];
  for (const piece of pieces) {
    if (!hasContent(piece.text)) {
      // A `---` with nothing after it is a null document, as js-yaml reads it.
      if (piece.explicit) documents.push(null);
      continue;
    }
    const document = decodeSimpleDocument(piece.text, flows);
    if (document === NOT_SIMPLE) return undefined;
    documents.push(document);
  }
  // slice(): an array grown by push keeps room for 17 items, and most texts hold one document.
  return { documents: documents.slice(), positions: positionsOf(text, 'js-yaml'), problems: NO_PROBLEMS };
}

function decodeFast(text: string): ParsedText | jsYaml.YAMLException {
  try {
    const documents = jsYaml.loadAll(text, { maxDepth: MAX_NESTING_DEPTH, schema: KUBERNETES_JS_YAML_SCHEMA });
    return { documents, positions: positionsOf(text, 'js-yaml'), problems: NO_PROBLEMS };
  } catch (error) {
    return error instanceof jsYaml.YAMLException ? error : new jsYaml.YAMLException(String(error));
  }
}

/**
 * JSON.parse, the fast path, keeps the last of two equal keys without a word, where the API server's strict field
 * validation rejects the object: a text that repeats a key takes the careful path, which reports it at its line.
 */
function decodeJson(text: string): ParsedText {
  const deepLine = flowDepthExceeded(text);
  if (deepLine !== undefined) return tooDeep(deepLine);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return decodeCarefully(text);
  }
  if (repeatsKeys(text, value)) return decodeCarefully(text);
  return { documents: [value], positions: positionsOf(text, 'js-yaml'), problems: NO_PROBLEMS };
}

/** A JSON string and, when it is a key, its colon. Consecutive matches stay in step with the text's strings. */
const JSON_STRING = /"(?:[^"\\]|\\.)*"(\s*:)?/g;

/** Whether the text writes more keys than the parsed value has (a repeated key collapsed into one). */
function repeatsKeys(text: string, value: unknown): boolean {
  const kept = countKeys(value);
  // Every key is followed by a colon: as many colons as kept keys (the common case) settles it without a scan.
  let colons = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) colons++;
  if (colons === kept) return false;
  let written = 0;
  JSON_STRING.lastIndex = 0;
  for (let m = JSON_STRING.exec(text); m !== null; m = JSON_STRING.exec(text)) if (m[1] !== undefined) written++;
  return written > kept;
}

function countKeys(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + countKeys(item), 0);
  if (!isObject(value)) return 0;
  let n = 0;
  for (const key in value) n += 1 + countKeys(value[key]);
  return n;
}

/** The careful path, retried on the whitespace go-yaml accepts in flow collections when it reports a syntax error. */
function decodeCarefullyRelaxed(text: string): ParsedText {
  const parsed = decodeCarefully(text);
  if (!hasSyntaxError(parsed)) return parsed;
  const relaxed = relaxFlowWhitespace(text);
  if (relaxed === text) return parsed;
  // Still broken: the errors of the text as written are the ones to report.
  const again = decodeCarefully(relaxed);
  return hasSyntaxError(again) ? parsed : again;
}

const hasSyntaxError = (parsed: ParsedText) => parsed.problems.some((p) => !p.invalid && !p.hostile);

/**
 * Fields that hold a boolean or a number where Kubernetes requires a string (`flag: yes` in a label, `name: 12345`):
 * the API server rejects the object, so they are reported at their line with the value as written.
 */
function withTypeChecks(parsed: ParsedText): ParsedText {
  let problems: Problem[] | undefined;
  parsed.documents.forEach((doc, docIndex) => {
    for (const { object, pathInDocument } of kubernetesObjectsOf(doc)) {
      for (const { path, value } of nonStringFields(object)) {
        const full = [...pathInDocument, ...path];
        const written = parsed.positions.scalarSource(docIndex, full) ?? String(value);
        const shown = written.length > 40 ? `${written.slice(0, 40)}...` : written;
        (problems ??= [...parsed.problems]).push({
          line: parsed.positions.fieldSpan(docIndex, full).line,
          message: `${formatFieldPath(full)} is written "${shown}", which kubectl decodes as the ${typeof value} ${String(value)} ` +
            `(YAML 1.1) where Kubernetes requires a string; quote it`,
          invalid: true,
        });
      }
    }
  });
  return problems ? { ...parsed, problems } : parsed;
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
  // The `yaml` parser recurses per level: deeper input than any manifest needs would overflow the stack.
  const deepLine = flowDepthExceeded(text) ?? blockDepthExceeded(text);
  if (deepLine !== undefined) return tooDeep(deepLine);
  const positions = positionsOf(text, 'yaml');
  const documents: unknown[] = [];
  const problems: Problem[] = [];
  let parsed;
  try {
    parsed = parseAllDocuments(text, { ...KUBERNETES_YAML_OPTIONS, prettyErrors: true, merge: true });
  } catch (error) {
    return { documents, positions, problems: [{ line: 1, message: firstLine(String((error as Error).message)), hostile: true }] };
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
      const unresolved = unresolvedAlias(doc);
      const start = unresolved ?? doc.contents?.range?.[0] ?? 0;
      // An alias without its anchor is a plain mistake; any other failure here is the alias-expansion cap.
      problems.push({ line: lineOfOffset(text, start), message: firstLine(String((error as Error).message)), hostile: unresolved === undefined });
      documents.push(undefined);
      continue;
    }
    for (const e of duplicates) {
      // The key as written, without its quotes (JSON keys are always quoted).
      const key = (/^[^:\n]*/.exec(text.slice(e.pos[0], e.pos[0] + 200))?.[0].trim() ?? '').replace(/^(["'])(.*)\1$/, '$2');
      problems.push({ line: e.linePos?.[0]?.line ?? 1, message: `the key "${key}" is written twice in one mapping (the last value wins)`, invalid: true });
    }
  }
  return { documents, positions, problems };
}

/** The offset of the first alias whose anchor is not defined before it, where the parser's error belongs. */
function unresolvedAlias(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * The line where block nesting first exceeds the limit, or undefined: the columns of the open block collections
 * as a stack, one more for every compact `- `/`? ` on a line (`- - - x` nests three sequences in 6 characters).
 */
function blockDepthExceeded(text: string): number | undefined {
  const open: number[] = [];
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    let i = start;
    while (text.charCodeAt(i) === 32) i++;
    if (i < end && text[i] !== '#' && text[i] !== '\r') {
      const column = i - start;
      while (open.length > 0 && open[open.length - 1] > column) open.pop();
      if (open.length === 0 || open[open.length - 1] < column) open.push(column);
      while ((text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        for (i += 2; text[i] === ' ' || text[i] === '\t'; i++);
        if (i < end && open[open.length - 1] < i - start) open.push(i - start);
      }
      if (open.length > MAX_NESTING_DEPTH) return line + 1;
    }
    start = end + 1;
  }
  return undefined;
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

const KUSTOMIZE_API = 'kustomize.config.k8s.io/';

/** The path of an object that is a whole document: one array for all of them (paths are never mutated). */
const WHOLE_DOCUMENT: FieldPath = [];

/** The Kubernetes objects of a decoded document: the document itself, or the items of a `List`/`<Kind>List`. */
function kubernetesObjectsOf(doc: unknown): { object: JsonObject; apiVersion: string; kind: string; pathInDocument: FieldPath }[] {
  // A Kustomization or Component is kustomize's input, never an API object, whether or not it is rendered.
  if (!isKubernetesObject(doc) || (doc.apiVersion as string).startsWith(KUSTOMIZE_API)) return [];
  const kind = doc.kind as string;
  if (Array.isArray(doc.items) && (kind === 'List' || kind.endsWith('List'))) {
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    const out = [];
    for (let i = 0; i < doc.items.length; i++) {
      const item = doc.items[i];
      if (!isObject(item)) continue;
      const apiVersion = typeof item.apiVersion === 'string' ? item.apiVersion : (doc.apiVersion as string);
      const k = typeof item.kind === 'string' ? item.kind : itemKind;
      if (k) out.push({ object: item, apiVersion, kind: k, pathInDocument: ['items', i] });
    }
    return out;
  }
  return [{ object: doc, apiVersion: doc.apiVersion as string, kind, pathInDocument: WHOLE_DOCUMENT }];
}

/** `share` may give an identical object to use instead of the one decoded from this text (ParseCache). */
function resourcesOfDocument(out: Resource[], doc: unknown, path: string, docIndex: number, positions: PositionIndex,
  share: (key: string, object: JsonObject) => JsonObject): void {
  for (const { object, apiVersion, kind, pathInDocument } of kubernetesObjectsOf(doc)) {
    const resource = resourceOf(object, apiVersion, kind, path, docIndex, pathInDocument, positions);
    const shared = share(resource.key, object);
    out.push(shared === object ? resource : resourceOf(shared, apiVersion, kind, path, docIndex, pathInDocument, positions));
  }
}

function isKubernetesObject(doc: unknown): doc is JsonObject {
  return isObject(doc) && typeof doc.apiVersion === 'string' && typeof doc.kind === 'string';
}

function resourceOf(
  object: JsonObject, apiVersion: string, kind: string, path: string, docIndex: number,
  pathInDocument: FieldPath, positions: PositionIndex, origin?: RenderOrigin,
): Resource {
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const name = identityField(metadata, 'name', positions, docIndex, pathInDocument);
  // Helm installs an object without a namespace into the release's namespace.
  const namespace = isClusterScoped(kind) ? '' : identityField(metadata, 'namespace', positions, docIndex, pathInDocument) || (origin?.target.helm?.namespace ?? 'default');
  const group = canonicalGroup(kind, apiGroupOf(apiVersion));
  return new Resource({ apiVersion, group, kind, namespace, name }, object, path, docIndex, pathInDocument, positions, origin);
}

/** `name: 12345` is rejected (reported by withTypeChecks), but the object keeps the identity its text shows. */
function identityField(metadata: JsonObject, field: string, positions: PositionIndex, docIndex: number, pathInDocument: FieldPath): string {
  const value = metadata[field];
  if (typeof value === 'string') return value;
  if (typeof value !== 'number' && typeof value !== 'boolean') return '';
  return positions.scalarSource(docIndex, [...pathInDocument, 'metadata', field]) ?? String(value);
}

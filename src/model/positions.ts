import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';
import { LineCounter, parseAllDocuments, isMap, isPair, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import type { FieldPath } from './field-path.js';
import { KUBERNETES_YAML_OPTIONS, resolvePlainScalar } from './yaml11.js';

/** A 1-based line span inside one file. */
export interface LineSpan {
  line: number;
  endLine: number;
}

/** Alias expansions allowed when decoding one document (the billion-laughs guard). */
export const YAML_MAX_ALIAS_COUNT = 100;

/**
 * Deepest nesting accepted. Real manifests (CRD schemas included) stay far below it; deeper input is hostile
 * (recursion in every later consumer) and, in flow style, slow for the `yaml` parser.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * Source lines of a file's fields. The fast loader decodes values without positions; the index parses the file
 * again only when a finding needs a line, so the cost of exact lines is paid for the few files that have
 * findings, not for the whole tree.
 */
export interface PositionIndex {
  /** The lines of the document's content (from its first content line). */
  documentSpan(docIndex: number): LineSpan;
  /**
   * The lines of a field: from its key (for a mapping entry) or its item start (for a list entry) to the end of
   * its value. A path that does not exist resolves to its deepest existing ancestor, so a finding about a
   * removed field still points at the object that lost it.
   */
  fieldSpan(docIndex: number, path: FieldPath): LineSpan;
  /** The text of a scalar field as written (`yes`, `0120`, without quotes); undefined when the path is not a scalar. */
  scalarSource(docIndex: number, path: FieldPath): string | undefined;
}

/**
 * The index for a text: it must number documents as the decoder did. Texts that js-yaml decoded are located with
 * js-yaml's own event stream (one fast pass, same documents); texts that took the careful path with the `yaml`
 * package's nodes.
 */
export function positionsOf(text: string, decodedBy: 'js-yaml' | 'yaml'): PositionIndex {
  return decodedBy === 'js-yaml' ? new EventPositions(text) : new NodePositions(text);
}

const WHOLE_FILE_START: LineSpan = { line: 1, endLine: 1 };

/** Where the lines of one document of a file are found: document `sourceDoc` of another text's index, `lineShift` lines further down. */
export interface DocumentSource {
  positions: PositionIndex;
  sourceDoc: number;
  lineShift: number;
}

/**
 * The index of a file whose documents were decoded in other texts (ParseCache: a file split into one file per
 * object, or files merged): each lookup goes to the text that holds the document and its lines are shifted to this
 * file's. A document without a source (an empty one) has no lines of its own, as in a whole-file index.
 */
export function joinedPositions(sources: readonly (DocumentSource | undefined)[]): PositionIndex {
  const shifted = (source: DocumentSource, span: LineSpan): LineSpan =>
    span === WHOLE_FILE_START || source.lineShift === 0 ? span : { line: span.line + source.lineShift, endLine: span.endLine + source.lineShift };
  return {
    documentSpan(docIndex) {
      const source = sources[docIndex];
      return source ? shifted(source, source.positions.documentSpan(source.sourceDoc)) : WHOLE_FILE_START;
    },
    fieldSpan(docIndex, path) {
      const source = sources[docIndex];
      return source ? shifted(source, source.positions.fieldSpan(source.sourceDoc, path)) : WHOLE_FILE_START;
    },
    scalarSource(docIndex, path) {
      const source = sources[docIndex];
      return source?.positions.scalarSource(source.sourceDoc, path);
    },
  };
}
const NO_DOCUMENTS: number[] = [];

/** Line numbers of offsets, from a table of line starts built on first use. */
class Lines {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  at(offset: number): number {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    let [low, high] = [0, this.starts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
}

/** The extent of one node of the event stream: the index after it and the offset just past its last character. */
interface Extent {
  next: number;
  end: number;
}

/** Quoted scalars' value offsets exclude the closing quote, which may sit lines further on. */
const QUOTED = new Set<number>([SCALAR_STYLE.SINGLE_QUOTED, SCALAR_STYLE.DOUBLE_QUOTED]);

const BLOCK = new Set<number>([SCALAR_STYLE.LITERAL_BLOCK, SCALAR_STYLE.FOLDED_BLOCK]);

const FLOW_CLOSER: Record<string, string> = { '[': ']', '{': '}' };

/** Positions from js-yaml's flat event stream (offsets into the text; collections close with a POP event). */
class EventPositions implements PositionIndex {
  // Built on the first lookup: one index exists per file text, and only files with findings are ever asked.
  private events: Event[] | undefined;
  private documentStarts: number[] = NO_DOCUMENTS;
  private fallback: PositionIndex | undefined;
  private lines: Lines | undefined;
  // Created on first use: an index that is never asked (most of them) allocates nothing but itself.
  private extents: Map<number, Extent> | undefined;
  private sequenceItems: Map<number, { events: number[]; starts: number[] }> | undefined;

  constructor(private readonly text: string) {}

  private stream(): Event[] | undefined {
    if (!this.events && !this.fallback) {
      try {
        this.events = parseEvents(this.text, { maxDepth: MAX_NESTING_DEPTH });
        this.lines = new Lines(this.text);
        this.documentStarts = [];
        this.events.forEach((event, index) => {
          if (event.type === EVENT_ID.DOCUMENT) this.documentStarts.push(index);
        });
      } catch {
        // Unreachable for a text js-yaml decoded; kept so a line lookup can never throw.
        this.fallback = new NodePositions(this.text);
      }
    }
    return this.events;
  }

  documentSpan(docIndex: number): LineSpan {
    return this.fieldSpan(docIndex, []);
  }

  fieldSpan(docIndex: number, path: FieldPath): LineSpan {
    const events = this.stream();
    if (!events) return this.fallback!.fieldSpan(docIndex, path);
    const found = this.find(docIndex, path);
    if (found === undefined) return WHOLE_FILE_START;
    // `key:` with no value: the key line itself.
    if ('emptyValueOf' in found) return this.span(found.emptyValueOf.valueStart, found.emptyValueOf.valueEnd);
    const start = this.startOf(events[found.node]);
    return this.span(found.keyStart ?? (start >= 0 ? start : 0), this.extent(found.node).end);
  }

  scalarSource(docIndex: number, path: FieldPath): string | undefined {
    const events = this.stream();
    if (!events) return this.fallback!.scalarSource(docIndex, path);
    const found = this.find(docIndex, path);
    if (found === undefined || 'emptyValueOf' in found || !found.complete) return undefined;
    const event = events[found.node];
    return event.type === EVENT_ID.SCALAR ? getScalarValue(this.text, event) : undefined;
  }

  /**
   * The event of a field, or of its deepest existing ancestor (`complete` false); undefined for an empty document.
   * `keyStart` is where a mapping entry's key or an empty list item's dash starts.
   */
  private find(docIndex: number, path: FieldPath): { node: number; keyStart?: number; complete: boolean } | { emptyValueOf: ScalarEvent } | undefined {
    const events = this.events!;
    const documentStart = this.documentStarts[docIndex];
    if (documentStart === undefined || events[documentStart + 1]?.type === EVENT_ID.POP) return undefined;
    let node = documentStart + 1;
    let keyStart: number | undefined;
    for (const key of path) {
      const event = events[node];
      let child: number | undefined;
      let childKeyStart: number | undefined;
      if (event.type === EVENT_ID.MAPPING && typeof key === 'string') {
        for (let i = node + 1; events[i].type !== EVENT_ID.POP;) {
          const keyEvent = events[i];
          const value = this.extent(i).next;
          if (keyEvent.type === EVENT_ID.SCALAR && this.keyOf(keyEvent) === key) {
            const valueEvent = events[value];
            if (valueEvent.type === EVENT_ID.SCALAR && valueEvent.valueStart < 0) return { emptyValueOf: keyEvent };
            [child, childKeyStart] = [value, keyEvent.valueStart];
            break;
          }
          i = this.extent(value).next;
        }
      } else if (event.type === EVENT_ID.SEQUENCE && typeof key === 'number') {
        const items = this.itemsOf(node, event.start);
        if (key < items.events.length) {
          child = items.events[key];
          // An empty item (`-` alone) has no offset of its own: it starts at its dash.
          if (this.startOf(events[child]) < 0) childKeyStart = items.starts[key];
        }
      }
      if (child === undefined) return { node, keyStart, complete: false };
      [node, keyStart] = [child, childKeyStart];
    }
    return { node, keyStart, complete: true };
  }

  /** A key as the decoder stored it: a plain `yes` or `0120` is the key "true" or "80" (YAML 1.1, as kubectl reads it). */
  private keyOf(event: ScalarEvent): string {
    const text = getScalarValue(this.text, event);
    return event.style === SCALAR_STYLE.PLAIN ? String(resolvePlainScalar(text)) : text;
  }

  private startOf(event: Event): number {
    // A block scalar's value starts on the line after its `|`/`>` header: the newline that ends the header is its start.
    if (event.type === EVENT_ID.SCALAR) return BLOCK.has(event.style) && event.valueStart > 0 ? event.valueStart - 1 : event.valueStart;
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) return event.start;
    return event.type === EVENT_ID.ALIAS ? event.anchorStart : -1;
  }

  /**
   * A sequence's items (their first events, and where each begins), found once per sequence: a file with 10,000
   * items and a finding at each would otherwise walk every item before each of them.
   */
  private itemsOf(node: number, sequenceStart: number): { events: number[]; starts: number[] } {
    this.sequenceItems ??= new Map();
    let items = this.sequenceItems.get(node);
    if (!items) {
      const events = this.events!;
      items = { events: [], starts: [] };
      let itemStart = sequenceStart;
      for (let i = node + 1; events[i].type !== EVENT_ID.POP;) {
        items.events.push(i);
        items.starts.push(itemStart);
        const item = this.extent(i);
        [i, itemStart] = [item.next, this.nextToken(item.end)];
      }
      this.sequenceItems.set(node, items);
    }
    return items;
  }

  /** Of collections only: a scalar's extent costs nothing, a collection's costs a walk of everything in it. */
  private extent(index: number): Extent {
    const event = this.events![index];
    if (event.type !== EVENT_ID.MAPPING && event.type !== EVENT_ID.SEQUENCE) return this.walkExtent(index);
    this.extents ??= new Map();
    let extent = this.extents.get(index);
    if (!extent) this.extents.set(index, (extent = this.walkExtent(index)));
    return extent;
  }

  private walkExtent(index: number): Extent {
    const events = this.events!;
    const event = events[index];
    if (event.type === EVENT_ID.SCALAR) return { next: index + 1, end: event.valueEnd + (QUOTED.has(event.style) ? 1 : 0) };
    if (event.type === EVENT_ID.ALIAS) return { next: index + 1, end: event.anchorEnd };
    if (event.type !== EVENT_ID.MAPPING && event.type !== EVENT_ID.SEQUENCE) return { next: index + 1, end: -1 };
    let end = event.start + 1;
    let i = index + 1;
    while (events[i].type !== EVENT_ID.POP) {
      const child = this.extent(i);
      end = Math.max(end, child.end);
      i = child.next;
    }
    const closer = FLOW_CLOSER[this.text[event.start]];
    return { next: i + 1, end: closer ? this.closingBracket(end, closer) : end };
  }

  /** The offset of the next token from `from` on: past blanks, commas and comments. */
  private nextToken(from: number): number {
    let i = from;
    while (i < this.text.length) {
      const c = this.text[i];
      if (c === '#') {
        const newline = this.text.indexOf('\n', i);
        if (newline === -1) return i;
        i = newline + 1;
      } else if (/[\s,"']/.test(c)) i++;
      else return i;
    }
    return from;
  }

  /** A flow collection's events end with its last item: its closing bracket is further on, past quotes, commas and comments. */
  private closingBracket(from: number, closer: string): number {
    for (let i = from; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === closer) return i + 1;
      if (c === '#') {
        const newline = this.text.indexOf('\n', i);
        if (newline === -1) break;
        i = newline;
      } else if (!/[\s,"']/.test(c)) break;
    }
    return from;
  }

  /** Lines from `start` to the last non-blank character before `end` (block scalars end with their newlines). */
  private span(start: number, end: number): LineSpan {
    let last = Math.max(start, end - 1);
    while (last > start && /\s/.test(this.text[last])) last--;
    const lines = this.lines as Lines;
    return { line: lines.at(start), endLine: lines.at(last) };
  }
}

/** Positions from the `yaml` package's nodes: for texts that only its careful parser could decode. */
class NodePositions implements PositionIndex {
  private documents: Document.Parsed[] | undefined;
  private readonly lineCounter = new LineCounter();

  constructor(private readonly text: string) {}

  private parsed(): Document.Parsed[] {
    if (!this.documents) {
      this.documents = parseAllDocuments(this.text, {
        ...KUBERNETES_YAML_OPTIONS,
        lineCounter: this.lineCounter,
        uniqueKeys: false,
      }) as Document.Parsed[];
      if (!Array.isArray(this.documents)) this.documents = [];
    }
    return this.documents;
  }

  private lineAt(offset: number): number {
    return this.lineCounter.linePos(offset).line;
  }

  documentSpan(docIndex: number): LineSpan {
    const doc = this.parsed()[docIndex];
    if (!doc?.contents) return WHOLE_FILE_START;
    const [start, , end] = doc.contents.range;
    return { line: this.lineAt(start), endLine: this.lineAt(Math.max(start, end - 1)) };
  }

  fieldSpan(docIndex: number, path: FieldPath): LineSpan {
    const found = this.find(docIndex, path);
    if (found === undefined) return WHOLE_FILE_START;
    if ('emptyValueOf' in found) {
      const start = found.emptyValueOf.range?.[0] ?? 0;
      return { line: this.lineAt(start), endLine: this.lineAt(start) };
    }
    const [start, , end] = found.node.range ?? [0, 0, 0];
    const from = found.keyStart ?? start;
    return { line: this.lineAt(from), endLine: this.lineAt(Math.max(from, end - 1)) };
  }

  scalarSource(docIndex: number, path: FieldPath): string | undefined {
    const found = this.find(docIndex, path);
    if (found === undefined || 'emptyValueOf' in found || !found.complete || !isScalar(found.node)) return undefined;
    return found.node.source;
  }

  /** The node of a field, or of its deepest existing ancestor (`complete` false); undefined for an empty document. */
  private find(docIndex: number, path: FieldPath): { node: Node; keyStart?: number; complete: boolean } | { emptyValueOf: Scalar } | undefined {
    const doc = this.parsed()[docIndex];
    if (!doc?.contents) return undefined;
    let node: Node = doc.contents;
    let keyStart: number | undefined;
    for (const key of path) {
      let next: Node | undefined;
      let nextKeyStart: number | undefined;
      if (isMap(node) && typeof key === 'string') {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
        if (pair && pair.value && isNodeLike(pair.value)) {
          next = pair.value as Node;
          nextKeyStart = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        } else if (pair && isScalar(pair.key)) {
          // `key:` with no value: the key line itself.
          return { emptyValueOf: pair.key };
        }
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (item && isNodeLike(item)) next = item as Node;
      }
      if (!next) return { node, keyStart, complete: false };
      node = next;
      keyStart = nextKeyStart;
    }
    return { node, keyStart, complete: true };
  }
}

function isNodeLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'range' in value;
}

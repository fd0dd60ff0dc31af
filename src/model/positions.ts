import { LineCounter, parseAllDocuments, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { FieldPath } from './field-path.js';

/** A 1-based line span inside one file. */
export interface LineSpan {
  line: number;
  endLine: number;
}

/** Alias expansions allowed when decoding one document (the billion-laughs guard). */
export const YAML_MAX_ALIAS_COUNT = 100;

/**
 * Source lines of a file's fields. The fast loader decodes values without positions; this index parses the
 * file again with the `yaml` package (which keeps node ranges) only when a finding needs a line, so the cost of
 * exact lines is paid for the few files that have findings, not for the whole tree.
 */
export class PositionIndex {
  private documents: Document.Parsed[] | undefined;
  private readonly lineCounter = new LineCounter();

  constructor(private readonly text: string) {}

  private parsed(): Document.Parsed[] {
    if (!this.documents) {
      this.documents = parseAllDocuments(this.text, {
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

  /** The line of the document's start (its first content line). */
  documentSpan(docIndex: number): LineSpan {
    const doc = this.parsed()[docIndex];
    if (!doc?.contents) return { line: 1, endLine: 1 };
    const [start, , end] = doc.contents.range;
    return { line: this.lineAt(start), endLine: this.lineAt(Math.max(start, end - 1)) };
  }

  /**
   * The lines of a field: from its key (for a mapping entry) or its item start (for a list entry) to the end of
   * its value. A path that does not exist resolves to its deepest existing ancestor, so a finding about a
   * removed field still points at the object that lost it.
   */
  fieldSpan(docIndex: number, path: FieldPath): LineSpan {
    const doc = this.parsed()[docIndex];
    if (!doc?.contents) return { line: 1, endLine: 1 };
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
          const start = pair.key.range?.[0] ?? 0;
          return { line: this.lineAt(start), endLine: this.lineAt(start) };
        }
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (item && isNodeLike(item)) next = item as Node;
      }
      if (!next) break;
      node = next;
      keyStart = nextKeyStart;
    }
    const [start, , end] = node.range ?? [0, 0, 0];
    const from = keyStart ?? start;
    return { line: this.lineAt(from), endLine: this.lineAt(Math.max(from, end - 1)) };
  }
}

function isNodeLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'range' in value;
}

import { isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { FieldPath } from '../../model/field-path.js';
import { positionsOf, YAML_MAX_ALIAS_COUNT, type PositionIndex } from '../../model/positions.js';
import { KUBERNETES_YAML_OPTIONS } from '../../model/yaml11.js';
import type { SourceLine } from '../types.js';

/**
 * A YAML text of a side's tree: a whole file, or a patch written inline in a kustomization (`patch: |`), whose
 * lines are shifted to the lines of the file that holds it. Values are decoded as kubectl decodes them; lines
 * come from the project's position index.
 */
export class YamlSource {
  /** Each document's decoded value (undefined for a document that does not parse). */
  readonly values: unknown[];
  private readonly documents: Document.Parsed[];
  private readonly lineCounter = new LineCounter();
  private positions: PositionIndex | undefined;

  /**
   * `lineOffset`: the file line just before the text's first line. `singleLine`: the file line of a text that
   * does not keep its lines (a folded or quoted inline patch), where every field of it is reported.
   */
  constructor(readonly path: string, readonly text: string, private readonly lineOffset = 0, private readonly singleLine?: number) {
    try {
      this.documents = parseAllDocuments(text, { ...KUBERNETES_YAML_OPTIONS, lineCounter: this.lineCounter, uniqueKeys: false }) as Document.Parsed[];
      if (!Array.isArray(this.documents)) this.documents = [];
    } catch {
      this.documents = [];
    }
    this.values = this.documents.map((doc) => {
      if (doc.errors.length > 0) return undefined;
      try {
        return doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT }) as unknown;
      } catch {
        return undefined;
      }
    });
  }

  /** The lines of a field of a document: from its key to the end of its value; a missing field gives its deepest existing ancestor. */
  line(docIndex: number, field: FieldPath): SourceLine {
    if (this.singleLine !== undefined) return { path: this.path, line: this.singleLine, endLine: this.singleLine };
    const span = (this.positions ??= positionsOf(this.text, 'yaml')).fieldSpan(docIndex, field);
    return { path: this.path, line: span.line + this.lineOffset, endLine: span.endLine + this.lineOffset };
  }

  /**
   * The YAML text held by a string field (`patch: |-`). A literal block keeps its lines, shifted to where they sit
   * in this file; any other string (folded, quoted) has every field on the string's first line.
   */
  inline(docIndex: number, field: FieldPath): YamlSource | undefined {
    const node = this.documents[docIndex]?.getIn(field, true);
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
    const line = this.lineOffset + this.lineCounter.linePos(node.range[0]).line;
    // A literal block's first content line is the line after its `|` header.
    return node.type === 'BLOCK_LITERAL' ? new YamlSource(this.path, node.value, line) : new YamlSource(this.path, node.value, 0, line);
  }
}

const parsed = new WeakMap<ReadonlyMap<string, string>, Map<string, YamlSource>>();

/** A file of a side's tree, parsed once per tree however many objects and fields ask about it. */
export function sourceIn(tree: ReadonlyMap<string, string>, path: string): YamlSource | undefined {
  const text = tree.get(path);
  if (text === undefined) return undefined;
  let files = parsed.get(tree);
  if (!files) parsed.set(tree, (files = new Map()));
  let source = files.get(path);
  if (!source) files.set(path, (source = new YamlSource(path, text)));
  return source;
}

/** The value at a path of a decoded document, or undefined. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let node = root;
  for (const key of path) {
    // Own keys only: a field named `constructor` is not the object's prototype.
    if (typeof key === 'number' ? !Array.isArray(node) : !isRecord(node) || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

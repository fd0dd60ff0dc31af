import { resolvePlainScalar } from './yaml11.js';

/**
 * A direct decoder for the YAML most manifests are written in: block mappings and sequences, one-line flow
 * collections, plain and one-line quoted scalars, comments. It builds the objects as it reads, with none of a
 * general parser's events and states, so a repository is decoded in about half the time and with far less
 * garbage. It answers only when the text is surely read the way js-yaml (with the Kubernetes schema) reads it:
 * anything else (block scalars, anchors, tags, multi-line scalars or flow collections, escapes, tabs, CRs,
 * duplicate or non-string keys, unusual characters) gives NOT_SIMPLE, and the text goes to js-yaml, which also
 * reports what is wrong with it. Equality with js-yaml is tested on every fixture and on mutated texts.
 */

export const NOT_SIMPLE: unique symbol = Symbol('not simple YAML');

/** Characters outside printable ASCII and the BMP's plain letters (line breaks other than LF, controls, BOMs, surrogates). */
const UNUSUAL_CHARACTER = /[^\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

/**
 * Deeper documents go to js-yaml, which applies the nesting limit (MAX_NESTING_DEPTH) its own way: manifests nest
 * a dozen levels, and this decoder need not count levels exactly as js-yaml does.
 */
const MAX_SIMPLE_DEPTH = 64;

/** Thrown inside the decoder to give up; caught at its entry. */
class NotSimple {}
const GIVE_UP = new NotSimple();

const SPACE = 32;
const LF = 10;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const COMMA = 44;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** A test by character code for a set of ASCII characters. */
const oneOf = (chars: string) => {
  const table = Array.from({ length: 128 }, (_, code) => chars.includes(String.fromCharCode(code)));
  return (c: number) => table[c] === true;
};

/** YAML's indicators: where a node begins they start something other than a plain scalar (or are reserved). */
const isIndicator = oneOf('-?:,[]{}#&*!|>\'"%@`');

const isFlowIndicator = oneOf(',[]{}');

class Decoder {
  /** The current content line: where it starts, where its content (past the indentation) starts, and its end. */
  private lineStart = 0;
  private content = 0;
  private lineEnd = 0;
  /** Column of `content`; -1 past the last content line. */
  private indent = -1;
  private depth = 0;
  /** Where the last key, flow collection or flow node read ends (after a key: past its colon). */
  private after = 0;
  /** How deeply the flow collection flowEnd last measured nests. */
  private flowNesting = 0;

  constructor(private readonly text: string, private readonly flows: Map<string, unknown> | undefined) {}

  document(): unknown {
    this.seekContentLine(0);
    if (this.indent < 0) throw GIVE_UP;
    const value = this.block(this.indent);
    if (this.indent >= 0) throw GIVE_UP;
    return value;
  }

  /** Moves to the first line at or after `from` with content (not blank, not a comment). */
  private seekContentLine(from: number): void {
    const text = this.text;
    let start = from;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      let at = start;
      while (at < end && text.charCodeAt(at) === SPACE) at++;
      if (at < end && text.charCodeAt(at) !== HASH) {
        this.lineStart = start;
        this.content = at;
        this.lineEnd = end;
        this.indent = at - start;
        return;
      }
      start = end + 1;
    }
    this.lineStart = this.content = this.lineEnd = text.length;
    this.indent = -1;
  }

  private nextLine(): void {
    this.seekContentLine(this.lineEnd + 1);
  }

  private isSequenceEntry(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = at + 1 < this.lineEnd ? this.text.charCodeAt(at + 1) : LF;
    return next === SPACE || next === LF;
  }

  /** The block node whose first line is the current one, at column `indent`. */
  private block(indent: number): unknown {
    if (++this.depth > MAX_SIMPLE_DEPTH) throw GIVE_UP;
    const value = this.isSequenceEntry(this.content) ? this.sequence(indent) : this.mapping(indent);
    this.depth--;
    return value;
  }

  private mapping(indent: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const text = this.text;
    while (this.indent === indent) {
      const key = this.key(this.content, false);
      if (Object.prototype.hasOwnProperty.call(result, key)) throw GIVE_UP;
      let at = this.after;
      while (at < this.lineEnd && text.charCodeAt(at) === SPACE) at++;
      if (at === this.lineEnd || text.charCodeAt(at) === HASH) {
        this.nextLine();
        if (this.indent > indent) result[key] = this.block(this.indent);
        // A sequence may sit at its key's own indentation.
        else if (this.indent === indent && this.isSequenceEntry(this.content)) result[key] = this.block(indent);
        else result[key] = null;
      } else {
        result[key] = this.inline(at);
        this.nextLine();
      }
    }
    // A deeper line after a value on its key's line continues a scalar (or is an error): not simple.
    if (this.indent > indent) throw GIVE_UP;
    return result;
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    const text = this.text;
    while (this.indent === indent && this.isSequenceEntry(this.content)) {
      let at = this.content + 1;
      while (at < this.lineEnd && text.charCodeAt(at) === SPACE) at++;
      if (at === this.lineEnd || text.charCodeAt(at) === HASH) {
        this.nextLine();
        items.push(this.indent > indent ? this.block(this.indent) : null);
        continue;
      }
      if (this.isSequenceEntry(at)) throw GIVE_UP;
      if (this.startsKey(at)) {
        // A mapping that starts on the entry's line: its keys sit at the column of the first one.
        this.content = at;
        this.indent = at - this.lineStart;
        items.push(this.block(this.indent));
        continue;
      }
      items.push(this.inline(at));
      this.nextLine();
    }
    // As in a mapping; and a line between the entries' column and their mapping's keys' is misaligned.
    if (this.indent > indent) throw GIVE_UP;
    return items.slice();
  }

  /** Whether the line's text from `at` is a `key:` (plain or quoted key followed by a colon and a space or the end). */
  private startsKey(at: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) return false;
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      const end = this.quotedEnd(at);
      return end < this.lineEnd && text.charCodeAt(end) === COLON;
    }
    return this.plainKeyEnd(at) >= 0;
  }

  /** The end of a plain key starting at `at` (its colon), or -1 when the line holds none before a comment. */
  private plainKeyEnd(at: number): number {
    const text = this.text;
    for (let i = at; i < this.lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) {
        const next = i + 1 < this.lineEnd ? text.charCodeAt(i + 1) : LF;
        if (next === SPACE || next === LF) return i;
      } else if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * A mapping key at `at` (of a flow mapping when `inFlow`); `after` is set past its colon, which a space must
   * follow (or, in a block mapping, the end of the line).
   */
  private key(at: number, inFlow: boolean): string {
    const text = this.text;
    const c = text.charCodeAt(at);
    let key: string;
    let colon: number;
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      const end = this.quotedEnd(at);
      key = this.quoted(at, end);
      colon = inFlow ? this.skipSpaces(end) : end;
      if (colon >= this.lineEnd || text.charCodeAt(colon) !== COLON) throw GIVE_UP;
    } else {
      if (isIndicator(c)) throw GIVE_UP;
      colon = inFlow ? this.flowKeyEnd(at) : this.plainKeyEnd(at);
      if (colon < 0) throw GIVE_UP;
      let end = colon;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      key = text.slice(at, end);
      // A key YAML 1.1 reads as a number, a boolean or null.
      if (typeof resolvePlainScalar(key) !== 'string') throw GIVE_UP;
    }
    const next = colon + 1 < this.lineEnd ? text.charCodeAt(colon + 1) : LF;
    if (next !== SPACE && (inFlow || next !== LF)) throw GIVE_UP;
    // One JavaScript would take as the prototype; one longer than YAML's implicit keys.
    if (key === '__proto__' || key.length > 1024) throw GIVE_UP;
    this.after = colon + 1;
    return key;
  }

  /** A value that starts and ends on the current line at `at`: a scalar or a flow collection, then nothing or a comment. */
  private inline(at: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(at);
    let value: unknown;
    let end: number;
    if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      value = this.flows ? this.sharedFlow(at, this.flows) : this.flow(at);
      end = this.after;
    } else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      end = this.quotedEnd(at);
      value = this.quoted(at, end);
    } else {
      if (isIndicator(c) && !(c === DASH || c === COLON)) throw GIVE_UP;
      // `-` and `:` start a plain scalar only when something other than a space follows.
      if ((c === DASH || c === COLON) && (at + 1 >= this.lineEnd || text.charCodeAt(at + 1) === SPACE)) throw GIVE_UP;
      let stop = at;
      while (stop < this.lineEnd) {
        const d = text.charCodeAt(stop);
        if (d === HASH && text.charCodeAt(stop - 1) === SPACE) break;
        if (d === COLON && (stop + 1 === this.lineEnd || text.charCodeAt(stop + 1) === SPACE)) throw GIVE_UP;
        stop++;
      }
      let last = stop;
      while (text.charCodeAt(last - 1) === SPACE) last--;
      return resolvePlainScalar(text.slice(at, last));
    }
    while (end < this.lineEnd && text.charCodeAt(end) === SPACE) end++;
    if (end < this.lineEnd && !(text.charCodeAt(end) === HASH && text.charCodeAt(end - 1) === SPACE)) throw GIVE_UP;
    return value;
  }

  /** The offset after the closing quote of the quoted scalar at `at`, on this line. */
  private quotedEnd(at: number): number {
    const text = this.text;
    const quote = text.charCodeAt(at);
    for (let i = at + 1; i < this.lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH && quote === DOUBLE_QUOTE) throw GIVE_UP;
      if (c !== quote) continue;
      if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE && i + 1 < this.lineEnd) {
        i++;
        continue;
      }
      return i + 1;
    }
    throw GIVE_UP;
  }

  private quoted(at: number, end: number): string {
    const inner = this.text.slice(at + 1, end - 1);
    return this.text.charCodeAt(at) === SINGLE_QUOTE && inner.includes("''") ? inner.replaceAll("''", "'") : inner;
  }

  /**
   * The flow collection at `at`, the very object decoded before from the same text (in any document decoded with
   * `flows`). Most are found by their text without decoding them again: a text that decoded before decodes the same.
   */
  private sharedFlow(at: number, flows: Map<string, unknown>): unknown {
    const end = this.flowEnd(at);
    const source = end < 0 ? undefined : this.text.slice(at, end);
    if (source !== undefined) {
      const known = flows.get(source);
      if (known !== undefined) {
        // As deep here as where it was decoded, or deeper: the nesting limit still applies.
        if (this.depth + this.flowNesting > MAX_SIMPLE_DEPTH) throw GIVE_UP;
        this.after = end;
        return known;
      }
    }
    const value = this.flow(at);
    flows.set(source !== undefined && this.after === end ? source : this.text.slice(at, this.after), value);
    return value;
  }

  /**
   * Where the flow collection at `at` closes on this line, by its brackets, and how deeply it nests (`flowNesting`);
   * -1 when a quote or a `#` is met first (decoding decides what they mean) or the line ends first.
   */
  private flowEnd(at: number): number {
    const text = this.text;
    let depth = 0;
    let deepest = 0;
    for (let i = at; i < this.lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === OPEN_BRACKET || c === OPEN_BRACE) {
        if (++depth > deepest) deepest = depth;
      } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
        if (--depth === 0) {
          this.flowNesting = deepest;
          return i + 1;
        }
      } else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE || c === HASH) {
        return -1;
      }
    }
    return -1;
  }

  /** A flow collection on this line at `at`; `after` is set past it. */
  private flow(at: number): unknown {
    if (++this.depth > MAX_SIMPLE_DEPTH) throw GIVE_UP;
    const text = this.text;
    const isMapping = text.charCodeAt(at) === OPEN_BRACE;
    const close = isMapping ? CLOSE_BRACE : CLOSE_BRACKET;
    const items: unknown[] = [];
    const result: Record<string, unknown> = {};
    let i = this.skipSpaces(at + 1);
    while (text.charCodeAt(i) !== close) {
      if (isMapping) {
        const key = this.key(i, true);
        if (Object.prototype.hasOwnProperty.call(result, key)) throw GIVE_UP;
        const start = this.skipSpaces(this.after);
        const c = text.charCodeAt(start);
        if (c === COMMA || c === close) throw GIVE_UP;
        result[key] = this.flowNode(start);
      } else {
        items.push(this.flowNode(i));
      }
      i = this.skipSpaces(this.after);
      const c = text.charCodeAt(i);
      if (c === COMMA) i = this.skipSpaces(i + 1);
      else if (c !== close) throw GIVE_UP;
    }
    this.depth--;
    this.after = i + 1;
    return isMapping ? result : items.slice();
  }

  private skipSpaces(from: number): number {
    let i = from;
    while (i < this.lineEnd && this.text.charCodeAt(i) === SPACE) i++;
    if (i >= this.lineEnd) throw GIVE_UP;
    return i;
  }

  /** The colon (followed by a space) ending a plain key of a flow mapping at `at`, or -1. */
  private flowKeyEnd(at: number): number {
    const text = this.text;
    for (let i = at; i < this.lineEnd; i++) {
      const d = text.charCodeAt(i);
      if (d === COLON && text.charCodeAt(i + 1) === SPACE) return i;
      if (isFlowIndicator(d) || d === COLON || (d === HASH && text.charCodeAt(i - 1) === SPACE)) return -1;
    }
    return -1;
  }

  /** A node inside a flow collection: a nested collection, a quoted or a plain scalar; `after` is set past it. */
  private flowNode(at: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) return this.flow(at);
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      this.after = this.quotedEnd(at);
      return this.quoted(at, this.after);
    }
    if (isIndicator(c)) throw GIVE_UP;
    let i = at;
    for (; i < this.lineEnd; i++) {
      const d = text.charCodeAt(i);
      if (isFlowIndicator(d)) break;
      // A colon makes a key (a single-pair mapping in a sequence): not simple.
      if (d === COLON || (d === HASH && text.charCodeAt(i - 1) === SPACE)) throw GIVE_UP;
    }
    if (i >= this.lineEnd) throw GIVE_UP;
    this.after = i;
    while (text.charCodeAt(i - 1) === SPACE) i--;
    return resolvePlainScalar(text.slice(at, i));
  }
}

/**
 * The one document of `text` (a document text without `---` lines, with content), as js-yaml with the Kubernetes
 * schema decodes it, or NOT_SIMPLE. With `flows`, a flow collection whose text was decoded before (in any document
 * decoded with the same map) is that same object: `{app: web}` is written in a workload's labels, its selector, its
 * Service's and its policies', and each is one object to keep. Decoded objects are never mutated.
 */
export function decodeSimpleDocument(text: string, flows?: Map<string, unknown>): unknown {
  if (UNUSUAL_CHARACTER.test(text)) return NOT_SIMPLE;
  try {
    return new Decoder(text, flows).document();
  } catch (error) {
    if (error === GIVE_UP) return NOT_SIMPLE;
    throw error;
  }
}

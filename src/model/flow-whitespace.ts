/**
 * go-yaml (what kubectl and kustomize decode with) checks no indentation inside flow collections (`[...]`, `{...}`)
 * and takes a tab there as ordinary separation, even as the only "indentation" of an item at column 0:
 *
 *     command: ["/bin/sh", "-c",
 *     <TAB>"sleep infinity"]
 *
 * js-yaml and the `yaml` package reject such files (deficient indentation). This rewrites only that whitespace:
 * tabs that separate tokens inside a flow collection become spaces, and the lines that continue a flow collection
 * are indented past the block they sit in. Lines are kept, so every line number stays exact; values are unchanged
 * (scalar contents, quoted text, comments and block scalars are left alone). Used only on texts that fail to parse.
 */
export function relaxFlowWhitespace(text: string): string {
  const lines = text.split('\n');
  const scanner = new Scanner();
  let changed = false;
  for (let n = 0; n < lines.length; n++) {
    const line = scanner.line(lines[n]);
    if (line !== lines[n]) {
      lines[n] = line;
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}

const FLOW_INDICATORS = '[]{},:';
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

class Scanner {
  /** Flow nesting at the current position (0: block context). */
  private depth = 0;
  /** The column continuation lines of the current flow collection are indented to: its opening bracket's. */
  private flowIndent = 0;
  /** An open quoted scalar spanning lines. */
  private quote: '"' | "'" | undefined;
  /** While >= 0: the lines of a block scalar (`|`, `>`) whose header line has this indentation are skipped. */
  private blockScalarIndent = -1;
  /** In flow context: the next token starts a node (after `[`, `{`, `,`, `:`), so a quote there opens a scalar. */
  private expectNode = false;

  line(original: string): string {
    let line = original;
    const indent = /^ */.exec(line)![0].length;
    if (this.blockScalarIndent >= 0) {
      if (line.trim() === '' || indent > this.blockScalarIndent) return line;
      this.blockScalarIndent = -1;
    }
    let i = indent;
    let nodeStart = true;
    if (this.quote !== undefined) {
      i = this.skipQuoted(line, 0);
      if (this.quote !== undefined) return line;
      nodeStart = false;
    } else if (this.depth > 0) {
      // Inside a flow collection the leading blanks are separation, not indentation.
      const lead = /^[ \t]*/.exec(line)![0].length;
      if (lead < line.length && (lead < this.flowIndent || line.slice(0, lead).includes('\t'))) {
        const width = Math.max(lead, this.flowIndent);
        line = ' '.repeat(width) + line.slice(lead);
        i = width;
      } else i = lead;
    }
    // Code units: only ASCII characters are ever compared or replaced.
    const chars = line.split('');
    return this.depth > 0 ? this.flow(chars, i, line) : this.block(chars, i, line, nodeStart);
  }

  /** Block context: finds the flow collection, quoted scalar or block scalar that starts a node on this line. */
  private block(chars: string[], from: number, line: string, atNodeStart: boolean): string {
    let i = from;
    let nodeStart = atNodeStart;
    while (i < chars.length) {
      while (isBlank(chars[i])) i++;
      const c = chars[i];
      if (c === undefined || c === '#') break;
      const next = chars[i + 1];
      if (nodeStart && (c === '-' || c === '?') && (next === undefined || isBlank(next))) {
        i++;
      } else if (nodeStart && (c === '&' || c === '!')) {
        while (i < chars.length && !isBlank(chars[i])) i++;
      } else if (nodeStart && (c === '[' || c === '{')) {
        this.depth = 1;
        this.flowIndent = i;
        this.expectNode = true;
        return this.flow(chars, i + 1, line);
      } else if (nodeStart && (c === '"' || c === "'")) {
        this.quote = c;
        i = this.skipQuoted(line, i + 1);
        if (this.quote !== undefined) return line;
        nodeStart = false;
      } else if (nodeStart && (c === '|' || c === '>')) {
        this.blockScalarIndent = /^ */.exec(line)![0].length;
        return line;
      } else {
        // A plain scalar, or the `:` after a key: a value node may follow `: `.
        for (; i < chars.length; i++) {
          if (chars[i] === ':' && (i + 1 === chars.length || isBlank(chars[i + 1]))) break;
          if (chars[i] === '#' && isBlank(chars[i - 1])) return line;
        }
        i++;
        nodeStart = true;
      }
    }
    return line;
  }

  /** Flow context: tracks nesting, skips quoted scalars and comments, turns separating tabs into spaces. */
  private flow(chars: string[], from: number, line: string): string {
    let changed = false;
    for (let i = from; i < chars.length; i++) {
      const c = chars[i];
      if (isBlank(c)) {
        let end = i;
        while (isBlank(chars[end])) end++;
        const before = chars[i - 1];
        const after = chars[end];
        // Blanks between two characters of one plain scalar belong to its value; all others separate tokens.
        const insideScalar = i > 0 && !isBlank(before) && !FLOW_INDICATORS.includes(before)
          && after !== undefined && after !== '#' && after !== '\r' && !FLOW_INDICATORS.includes(after);
        if (!insideScalar) {
          for (let j = i; j < end; j++) {
            if (chars[j] === '\t') {
              chars[j] = ' ';
              changed = true;
            }
          }
        }
        i = end - 1;
      } else if (c === '#' && (i === 0 || isBlank(chars[i - 1]))) {
        break;
      } else if ((c === '"' || c === "'") && this.expectNode) {
        this.quote = c;
        const rest = chars.slice(i + 1).join('');
        const consumed = this.skipQuoted(rest, 0);
        if (this.quote !== undefined) break;
        i += consumed;
        this.expectNode = false;
      } else if (c === '[' || c === '{') {
        this.depth++;
        this.expectNode = true;
      } else if (c === ']' || c === '}') {
        this.depth--;
        this.expectNode = false;
        // The rest of the line is block context again: a comment, or nothing.
        if (this.depth === 0) break;
      } else if (c === ',' || c === ':' || c === '?') {
        this.expectNode = true;
      } else {
        this.expectNode = false;
      }
    }
    return changed ? chars.join('') : line;
  }

  /** Skips the rest of an open quoted scalar in `text` from `from`; returns the index after its closing quote. */
  private skipQuoted(text: string, from: number): number {
    const quote = this.quote!;
    for (let i = from; i < text.length; i++) {
      const c = text[i];
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else {
          this.quote = undefined;
          return i + 1;
        }
      }
    }
    return text.length;
  }
}

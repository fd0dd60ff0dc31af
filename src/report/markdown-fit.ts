/**
 * Cutting Markdown to a size without breaking it: only at a line break, and only outside code fences and
 * `<details>` blocks, so no table row, code span, escape, link or block is cut in two. The renderers keep every
 * line bounded (values from the manifests are shortened before they are escaped), so line cuts lose little.
 */

/** The longest start of `text` of at most `max` characters that ends where a cut keeps the Markdown whole. */
export function cutMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  let safe = 0;
  let fenced = false;
  let depth = 0;
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end > max) break;
    const line = text.slice(start, end);
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced) depth += count(line, '<details>') - count(line, '</details>');
    if (!fenced && depth <= 0) safe = end;
    start = end + 1;
  }
  return text.slice(0, safe);
}

function count(line: string, tag: string): number {
  return line.split(tag).length - 1;
}

/** The first lines that fit in `budget` characters (each counted with its line break), in order. */
export function fitLines(lines: readonly string[], budget: number): string[] {
  const kept: string[] = [];
  let room = budget;
  for (const line of lines) {
    if (line.length + 1 > room) break;
    kept.push(line);
    room -= line.length + 1;
  }
  return kept;
}

/** The length of lines joined with line breaks, plus one for the break after them. */
export function linesLength(lines: readonly string[]): number {
  return lines.reduce((n, l) => n + l.length + 1, 0);
}

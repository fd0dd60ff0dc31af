import { expect } from 'vitest';

/** Cells of a GFM table row: split on pipes that are not backslash-escaped. */
export function cells(row: string): string[] {
  return row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

/**
 * Markdown that a cut did not break: every table row has as many cells as its header, code fences and
 * `<details>` blocks are closed, and no line ends inside an escape (a lone backslash, half an entity) or a code span.
 */
/**
 * The backticks of a line that are neither escaped nor part of a code span (a message's quoted values), read as
 * CommonMark reads them: a backtick run opens a span that the next run of the same length closes; a run without
 * one is literal text, which segguard must have escaped.
 */
function strayBackticks(line: string): string {
  let stray = '';
  let i = 0;
  const runAt = (k: number) => {
    let n = 0;
    while (line[k + n] === '`') n++;
    return n;
  };
  while (i < line.length) {
    if (line[i] === '\\') {
      i += 2;
    } else if (line[i] === '`') {
      const n = runAt(i);
      let k = i + n;
      while (k < line.length && !(line[k] === '`' && runAt(k) === n)) k += line[k] === '`' ? runAt(k) : 1;
      if (k < line.length) i = k + n;
      else {
        stray += line.slice(i, i + n);
        i += n;
      }
    } else i++;
  }
  return stray;
}

export function expectWellFormedMarkdown(text: string): void {
  const lines = text.split('\n');
  let width: number | undefined;
  let fenced = false;
  let details = 0;
  for (const [i, line] of lines.entries()) {
    const where = `line ${i + 1}: ${line.slice(0, 120)}`;
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced || line.startsWith('```')) continue;
    details += (line.match(/<details>/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
    expect(details, where).toBeGreaterThanOrEqual(0);
    if (line.startsWith('|')) {
      const n = cells(line).length;
      width ??= n;
      expect(n, where).toBe(width);
      expect(line.endsWith('|') && !line.endsWith('\\|'), where).toBe(true);
    } else width = undefined;
    expect(line, where).not.toMatch(/(?<!\\)(\\\\)*\\$/);
    expect(line, where).not.toMatch(/&#?\w*$/);
    expect(strayBackticks(line), where).toBe('');
  }
  expect(fenced, 'an open code fence').toBe(false);
  expect(details, 'an open <details> block').toBe(0);
}

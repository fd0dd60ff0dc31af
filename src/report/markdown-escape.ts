import { MAX_WORD, shortenWords } from './shorten.js';

/**
 * Escapes text from manifests (names, labels, hosts, messages that quote them) for Markdown inline text and
 * GFM table cells, as GitHub renders them:
 * - line breaks become spaces (a cell or a list item is one line);
 * - `&`, `<`, `>` become entities, so no HTML (`<script>`, `<img>`, `<!--`) is ever interpreted;
 * - every other ASCII punctuation that Markdown can read as syntax gets a backslash (emphasis, code spans, links
 *   and images, table pipes, headings, lists, strikethrough, `$` math);
 * - `@` and `#` get a zero-width space after them, so `@someone` pings nobody and `#12` links no issue.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|~<>&@:$]/g, (c) => ESCAPES[c] ?? `\\${c}`);
}

const ZWSP = '&#8203;';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '@': `@${ZWSP}`,
  '#': `\\#${ZWSP}`,
  // A colon breaks bare-URL autolinks (`https://evil`) when escaped as an entity, not with a backslash.
  ':': '&#58;',
};

/** A message or note in one cell: long enough for any sentence segguard writes, short enough to leave room for others. */
const MAX_CELL = 1_500;

/**
 * Text from the manifests for one table cell or list item: long values shortened first (a 100 KB name keeps its
 * start and end around an ellipsis), then escaped, so the cut can never split an escape.
 */
export function escapeCell(text: string, max = MAX_CELL): string {
  return escapeMarkdown(shortenWords(text, MAX_WORD, max));
}

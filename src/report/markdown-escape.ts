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

/**
 * A finding's message for Markdown. Its code spans (the values rules quote with `code`, src/findings/code-span.ts)
 * stay code spans: their content is literal to Markdown, so it needs no escape, only line breaks made spaces and,
 * in a GFM table `cell`, `|` escaped (GitHub splits cells on it even inside code). Everything else is escaped as
 * escapeCell escapes it. A backtick run without a closing run of the same length is text, and escaped.
 */
export function escapeMessage(message: string, context: 'cell' | 'inline' = 'cell', max = MAX_CELL): string {
  const text = shortenWords(message, MAX_WORD, max);
  let out = '';
  let prose = 0;
  const opener = /`+/g;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const fence = match[0];
    const closer = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g');
    closer.lastIndex = match.index + fence.length;
    const close = closer.exec(text);
    if (!close) continue;
    const content = text.slice(match.index + fence.length, close.index).replace(/\r\n?|\n/g, ' ');
    out += `${escapeMarkdown(text.slice(prose, match.index))}${fence}${context === 'cell' ? escapePipes(content) : content}${fence}`;
    prose = close.index + fence.length;
    opener.lastIndex = prose;
  }
  return out + escapeMarkdown(text.slice(prose));
}

/**
 * `|` as `\|` for a GFM table cell. A backslash right before a pipe would pair with the escape's backslash and
 * end the cell (the rest of the message lost), so a zero-width space keeps them apart.
 */
function escapePipes(content: string): string {
  return content.replace(/\\\|/g, '\\\u200b|').replace(/\|/g, '\\|');
}

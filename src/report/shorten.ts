/**
 * Shortening of values that come from the manifests (names, hosts, annotation values, messages quoting them)
 * before they are escaped: cutting raw text and escaping afterwards can never split an escape, an entity or a
 * surrogate pair. The start and the end of a value are kept, as names often differ only at the end (`web-1`, `web-2`).
 */

const ELLIPSIS = '…';

/** At most `max` UTF-16 units (GitHub counts no more characters than that): start…end when longer. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  const keep = Math.max(0, max - ELLIPSIS.length);
  let head = '';
  let tail = '';
  // Two thirds for the start, the rest for the end, counted in code points and measured in UTF-16 units.
  for (const ch of chars) {
    if (head.length + ch.length > Math.ceil((keep * 2) / 3)) break;
    head += ch;
  }
  for (let i = chars.length - 1; i >= 0; i--) {
    if (head.length + tail.length + chars[i].length > keep) break;
    tail = chars[i] + tail;
  }
  return `${head}${ELLIPSIS}${tail}`;
}

/**
 * Every run of non-space characters longer than `maxWord` shortened (a 100 KB name inside a sentence keeps the
 * sentence readable), then the whole text to `max`.
 */
export function shortenWords(text: string, maxWord: number, max = Number.MAX_SAFE_INTEGER): string {
  if (text.length <= maxWord) return text;
  const words = text.replace(new RegExp(`\\S{${maxWord + 1},}`, 'gu'), (word) => shorten(word, maxWord));
  return shorten(words, max);
}

/** Longest value shown whole: Kubernetes names and DNS names are at most 253 characters, `namespace/name[Kind]` a little more. */
export const MAX_WORD = 400;

/**
 * Shortening of values that come from the manifests (names, hosts, annotation values, messages quoting them)
 * before they are escaped: cutting raw text and escaping afterwards can never split an escape, an entity or a
 * surrogate pair. The start and the end of a value are kept, as names often differ only at the end (`web-1`, `web-2`).
 */

const ELLIPSIS = '…';

/** At most `max` UTF-16 units (GitHub counts no more characters than that): start…end when longer. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const keep = Math.max(0, max - ELLIPSIS.length);
  // Two thirds for the start, the rest for the end; a surrogate pair cut in two loses its half.
  let head = text.slice(0, Math.ceil((keep * 2) / 3));
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  let tail = text.slice(text.length - (keep - head.length));
  if (/^[\uDC00-\uDFFF]/.test(tail)) tail = tail.slice(1);
  return `${head}${ELLIPSIS}${tail}`;
}

/**
 * Every run of non-space characters longer than `maxWord` shortened (a 100 KB name inside a sentence keeps the
 * sentence readable), then the whole text to `max`.
 */
export function shortenWords(text: string, maxWord: number, max = Number.MAX_SAFE_INTEGER): string {
  if (text.length <= maxWord) return text;
  const words = text.replace(new RegExp(`\\S{${maxWord + 1},}`, 'g'), (word) => shorten(word, maxWord));
  return shorten(words, max);
}

/** Longest value shown whole: Kubernetes names and DNS names are at most 253 characters, `namespace/name[Kind]` a little more. */
export const MAX_WORD = 400;

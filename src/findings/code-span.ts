/**
 * Manifest values quoted in finding messages. A message is plain text whose quoted values are Markdown code spans:
 * the Markdown reports render those as code (escapeMessage), text output, annotations and SARIF show the backticks
 * as written, which read as quotes. Every rule quotes values through `code`, so a value is never mistaken for prose
 * nor cut before the part the finding is about.
 */

/** The longest value shown whole, in characters (code points). */
export const MAX_CODE = 120;

const ELLIPSIS = '…';

/**
 * `value` as a code span: line breaks shown as ⏎ (a message is one line), a fence longer than any run of
 * backticks in the value, and a space inside the fence when the value starts or ends with a backtick or a space
 * (CommonMark drops one space from each end). A value longer than `max` keeps the part around `focus` (an index
 * into `value`, e.g. of the `;` a finding is about), else its start and end, with `…` where it was cut.
 */
export function code(value: string, options: { focus?: number; max?: number } = {}): string {
  if (value === '') return 'an empty value';
  const content = excerpt(value, options.max ?? MAX_CODE, options.focus).replace(/\r\n?|\n/g, '⏎');
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** At most `max` code points of `value` (never splitting an astral character): the whole, or a window with `…`. */
function excerpt(value: string, max: number, focus?: number): string {
  const points = [...value];
  if (points.length <= max) return value;
  const keep = max - 2;
  if (focus === undefined) {
    const head = Math.ceil((keep * 2) / 3);
    return `${points.slice(0, head).join('')}${ELLIPSIS}${points.slice(points.length - (keep - head)).join('')}`;
  }
  // The focus as a code point index, shown with two thirds of the window before it (what leads up to it).
  const at = [...value.slice(0, focus)].length;
  const start = Math.max(0, Math.min(at - Math.floor((keep * 2) / 3), points.length - keep));
  const end = start + keep;
  return `${start > 0 ? ELLIPSIS : ''}${points.slice(start, end).join('')}${end < points.length ? ELLIPSIS : ''}`;
}

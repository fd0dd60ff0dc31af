import { cutMarkdown } from '../report/markdown-fit.js';

/** GitHub's documented size limits (see shared/reference/github-integration.md). */
export const LIMITS = {
  /** Check run `output.summary` and `output.text`, in characters. */
  checkRunText: 65_535,
  /** Issue and review comment bodies, in characters. */
  commentBody: 65_536,
  /** Annotations accepted in one create/update check-run request; later requests append. */
  annotationsPerRequest: 50,
  /** Annotation `message` and `raw_details`: 64 KB. */
  annotationBytes: 64 * 1024,
  annotationTitle: 255,
  /** Job summary per step: 1 MiB. */
  jobSummaryBytes: 1024 * 1024,
} as const;

/**
 * Cuts Markdown to at most `max` characters (UTF-16 units, never fewer than GitHub's count of characters) where
 * the cut keeps it whole (a line break outside code fences and `<details>` blocks: see cutMarkdown), and says
 * visibly that it was cut: a silent cut would hide findings. The renderers fit their text already; this is the
 * last guard before a request.
 */
export function capText(text: string, max: number, note = 'Truncated: GitHub limits this text to {max} characters.'): string {
  if (text.length <= max) return text;
  const suffix = `\n\n> [!WARNING]\n> ${note.replace('{max}', max.toLocaleString('en-US'))}\n`;
  return cutMarkdown(text, Math.max(0, max - suffix.length)) + suffix;
}

/** Cuts to at most `max` UTF-8 bytes without splitting a character. */
export function capBytes(text: string, max: number, marker = ' […]'): string {
  if (Buffer.byteLength(text) <= max) return text;
  const budget = max - Buffer.byteLength(marker);
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (used + size > budget) break;
    out += ch;
    used += size;
  }
  return out + marker;
}

/**
 * Hidden HTML comments in bodies the bot writes, so that a rerun recognises its own comments: which finding a
 * review comment is about, which issue comment is the sticky summary, and which comments are already marked
 * resolved.
 */
const FINDING = /<!-- segguard:finding ([0-9a-f]+) -->/g;

export const SUMMARY_MARKER = '<!-- segguard:summary -->';
export const RESOLVED_MARKER = '<!-- segguard:resolved -->';

export function findingMarker(fingerprint: string): string {
  return `<!-- segguard:finding ${fingerprint} -->`;
}

/** The fingerprints a comment is about: one per finding of its cause. */
export function fingerprintsIn(body: string | null | undefined): string[] {
  return body ? [...body.matchAll(FINDING)].map((m) => m[1]) : [];
}

export function isResolved(body: string | null | undefined): boolean {
  return !!body && body.includes(RESOLVED_MARKER);
}

export function isSummary(body: string | null | undefined): boolean {
  return !!body && body.includes(SUMMARY_MARKER);
}

import { SEVERITIES, type Severity } from '../findings/severity.js';
import { failsGate, type Report } from './report.js';

/**
 * Rules that report what segguard could not analyze exactly (a file it cannot parse or render, an object too complex
 * for an exact meaning, a side that read nothing): counted, and failing the gate, but not "openings".
 */
const NOT_ANALYZED = new Set(['manifest-too-complex', 'manifest-parse-error', 'render-failed', 'manifest-none-read']);

/**
 * The first thing a reviewer reads, in a mark and words: whether the change may merge and why (`❌ Blocks merge: 3
 * critical, 4 high new openings (gate: high)`). From the analysis's counts, never from a cut text: every finding
 * counts, whatever the outputs had room for. The summary comment's first line and the check run's title.
 */
export function verdict(report: Report): string {
  const { counts, suppressed, proposed, warnings } = report.summary;
  const audit = report.summary.mode === 'audit';
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
  // The counts are the analysis's; only how many of them are not analyzed is read from the findings (all of them).
  const unanalyzed = countBySeverity(report.findings.filter((f) => !f.suppressed && NOT_ANALYZED.has(f.ruleId)).map((f) => f.severity));
  const openings = Object.fromEntries(SEVERITIES.map((s) => [s, counts[s] - unanalyzed[s]])) as Record<Severity, number>;
  const opened = SEVERITIES.reduce((n, s) => n + openings[s], 0);
  const what = [
    opened > 0 ? `${countsText(openings)} ${audit ? '' : 'new '}${opened === 1 ? 'opening' : 'openings'}` : '',
    total > opened ? `${countsText(unanalyzed)} not fully analyzed` : '',
  ].filter(Boolean).join(', ');
  // Counted apart: a proposed suppression silences nothing, yet a reviewer must see that one is asked for.
  const extra = [
    proposed > 0 ? `${proposed} with a proposed suppression, counted until approved` : '',
    suppressed > 0 ? `${suppressed} suppressed` : '',
  ].filter(Boolean).map((part) => `; ${part}`).join('');
  const gate = `gate: ${report.failOn}`;
  if (total === 0) {
    const none = audit ? 'Nothing open' : 'No new opening';
    if (warnings?.length) return `⚠️ ${none} in what was read: see the warning${extra}`;
    return `✅ ${none}${report.failOn === 'none' ? ' (gate off)' : ''}${extra}`;
  }
  if (report.failOn === 'none') return `⚠️ ${what}, gate off (fail-on: none)${extra}`;
  if (failsGate(report)) return `❌ ${audit ? 'Fails the gate' : 'Blocks merge'}: ${what} (${gate})${extra}`;
  if (audit) return `✅ Passes the gate (${report.failOn}): ${what}${extra}`;
  return `✅ May merge: ${what}, below the gate (${report.failOn})${extra}`;
}


function countBySeverity(severities: readonly Severity[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const s of severities) counts[s]++;
  return counts;
}

/** `3 critical, 4 high`. */
function countsText(counts: Record<Severity, number>): string {
  return SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`).join(', ');
}

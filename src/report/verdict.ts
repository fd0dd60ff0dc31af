import { SEVERITIES } from '../findings/severity.js';
import { failsGate, type Report } from './report.js';

/**
 * The first thing a reviewer reads, in a mark and words: whether the change may merge and why (`❌ Blocks merge: 3
 * critical, 4 high new openings (gate: high)`). From the analysis's counts, never from a cut text: every finding
 * counts, whatever the outputs had room for. The summary comment's first line and the check run's title.
 */
export function verdict(report: Report): string {
  const { counts, suppressed, proposed, warnings } = report.summary;
  const audit = report.summary.mode === 'audit';
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
  const what = `${SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`).join(', ')} ${audit ? '' : 'new '}${total === 1 ? 'opening' : 'openings'}`;
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


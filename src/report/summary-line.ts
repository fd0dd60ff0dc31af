import { SEVERITIES } from '../findings/severity.js';
import { failsGate, plural, type Report } from './report.js';

/** One sentence on the counts and the gate, shared by the text and markdown formats. */
export function summaryLine(report: Report): string {
  const { counts, suppressed, proposed } = report.summary;
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
  const bySeverity = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`).join(', ');
  const gate = report.failOn === 'none' ? 'the gate is off (fail-on: none)'
    : failsGate(report) ? `fails the gate (fail-on: ${report.failOn})` : `passes the gate (fail-on: ${report.failOn})`;
  // Counted apart: a proposed suppression silences nothing, yet a reviewer must see that one is asked for.
  const proposals = proposed > 0 ? `, ${proposed} with a proposed suppression` : '';
  return `${plural(total, 'finding')}${bySeverity ? ` (${bySeverity})` : ''}, ${suppressed} suppressed${proposals}; ${gate}`;
}

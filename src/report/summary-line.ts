import { SEVERITIES } from '../findings/severity.js';
import { failsGate, plural, type Report } from './report.js';

/** One sentence on the counts and the gate, shared by the text and markdown formats. */
export function summaryLine(report: Report): string {
  const { counts, suppressed } = report.summary;
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
  const bySeverity = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`).join(', ');
  const gate = report.failOn === 'none' ? 'the gate is off (fail-on: none)'
    : failsGate(report) ? `fails the gate (fail-on: ${report.failOn})` : `passes the gate (fail-on: ${report.failOn})`;
  return `${plural(total, 'finding')}${bySeverity ? ` (${bySeverity})` : ''}, ${suppressed} suppressed; ${gate}`;
}

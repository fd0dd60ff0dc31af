import type { Finding } from '../findings/finding.js';
import type { Severity } from '../findings/severity.js';
import { partition, plural, type Report, type ReportOptions } from './report.js';
import { summaryLine } from './summary-line.js';

const SEVERITY_COLOUR: Record<Severity, number> = { critical: 35, high: 31, medium: 33, low: 36, info: 34 };

/**
 * Plain text for a terminal or a log: one line per finding, `path:line severity rule-id message`, grouped by
 * file; related places and details indented under it; suppressed findings listed after the others; the
 * analysis notes (e.g. the connectivity mode and why) just before the closing summary line.
 */
export function renderText(report: Report, options: ReportOptions = {}): string {
  const paint = (code: number, s: string) => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const { active, suppressed } = partition(report.findings);
  const lines: string[] = [];
  const list = (findings: Finding[]) => {
    let file: string | undefined;
    for (const f of findings) {
      if (file !== undefined && f.location.path !== file) lines.push('');
      file = f.location.path;
      const side = f.location.side === 'base' ? ' (base)' : '';
      lines.push(`${paint(1, `${clean(f.location.path)}:${f.location.line}`)}${side} ${paint(SEVERITY_COLOUR[f.severity], f.severity)} ${paint(2, f.ruleId)} ${clean(f.message)}`);
      for (const r of f.related) lines.push(`    ${clean(r.path)}:${r.line}${r.side === 'base' ? ' (base)' : ''}: ${clean(r.message)}`);
      if (f.details) for (const d of f.details.split('\n')) lines.push(`    ${clean(d)}`);
      if (f.suppressed) lines.push(`    suppressed: ${clean(f.suppressed.reason)}`);
    }
  };
  list(active);
  if (suppressed.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(paint(2, `Suppressed (${plural(suppressed.length, 'finding')}, by segguard.io/ignore annotations):`));
    list(suppressed);
  }
  if (lines.length > 0) lines.push('');
  for (const note of report.summary.notes ?? []) lines.push(paint(2, `note: ${clean(note)}`));
  for (const warning of report.summary.warnings ?? []) lines.push(paint(33, `warning: ${clean(warning)}`));
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/**
 * Manifest text may carry control characters (an ANSI escape in a name could rewrite the terminal): show them
 * as visible escapes instead.
 */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\n' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

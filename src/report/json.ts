import { failsGate, partition, type Report } from './report.js';

/**
 * `{"findings": [...], "suppressed": [...], "summary": {...}}`: findings the gate judges, suppressed findings
 * apart (each with its reason), and the counts with the gate's verdict.
 */
export function renderJson(report: Report): string {
  const { active, suppressed } = partition(report.findings);
  const summary = { ...report.summary, failOn: report.failOn, failed: failsGate(report) };
  return `${JSON.stringify({ findings: active, suppressed, summary }, null, 2)}\n`;
}

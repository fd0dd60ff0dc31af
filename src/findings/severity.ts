export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is worse: critical 4 … info 0. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** Whether a finding of `severity` reaches the gate `threshold` (`none` never fails). */
export function reaches(severity: Severity, threshold: Severity | 'none'): boolean {
  return threshold !== 'none' && severityRank(severity) >= severityRank(threshold);
}

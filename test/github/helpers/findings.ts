import type { AnalysisSummary } from '../../../src/analyze.js';
import type { Finding, Side } from '../../../src/findings/finding.js';
import { SEVERITIES, type Severity } from '../../../src/findings/severity.js';

let serial = 0;

/** A finding as the core makes them, with a distinct fingerprint unless one is given. */
export function finding(path: string, line: number, options: { side?: Side; severity?: Severity; ruleId?: string; message?: string; fingerprint?: string; suppressed?: boolean } = {}): Finding {
  serial++;
  return {
    ruleId: options.ruleId ?? 'netpol-ingress-widened',
    severity: options.severity ?? 'high',
    message: options.message ?? `Policy ${serial} now admits traffic from every namespace`,
    location: { path, line, endLine: line, side: options.side ?? 'head' },
    related: [],
    resource: { group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'shop', name: `policy-${serial}` },
    fingerprint: options.fingerprint ?? serial.toString(16).padStart(16, '0'),
    ...(options.suppressed ? { suppressed: { reason: 'accepted risk' } } : {}),
  };
}

/** The analysis result delivery needs: findings and their counts. */
export function resultOf(findings: Finding[]): { findings: Finding[]; summary: AnalysisSummary } {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => !f.suppressed && f.severity === s).length])) as Record<Severity, number>;
  return {
    findings,
    summary: { counts, suppressed: findings.filter((f) => f.suppressed).length, proposed: findings.filter((f) => !f.suppressed && f.proposedSuppression).length, files: { base: 1, head: 1 }, resources: { base: 1, head: 1 } },
  };
}

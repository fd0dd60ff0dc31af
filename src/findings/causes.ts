import type { Finding, FindingEdge } from './finding.js';
import { severityRank, type Severity } from './severity.js';

/**
 * The `related` message that links two findings of one edit (src/rules/connectivity/same-cause.ts writes it): the
 * widened ipBlock and the connection it opens. Reports read it back to show such findings as one entry.
 */
export function sameChangeMessage(ruleId: string): string {
  return `the same change, reported by ${ruleId}`;
}

/**
 * Findings one edit causes, shown as one entry, one annotation and one review comment. Every finding stays in the
 * analysis (counts, gate, JSON, SARIF); a cause only changes how many times a reviewer reads about it.
 */
export interface Cause {
  /** The primary first: the finding at the edited field (it has no edges), else the first one. */
  findings: Finding[];
  severity: Severity;
  ruleIds: string[];
  /** The new connections of every finding, each once. */
  edges: FindingEdge[];
}

export function primaryOf(cause: Cause): Finding {
  return cause.findings[0];
}

/**
 * The findings grouped by cause, in the order of their first finding. Findings join when one names the other as
 * "the same change" at its place, and only when both have the same suppression state (a suppressed finding is
 * never shown as part of a counted one).
 */
export function causesOf(findings: readonly Finding[]): Cause[] {
  const byPlace = new Map<string, Finding[]>();
  const placeOf = (side: string, path: string, line: number) => JSON.stringify([side, path, line]);
  for (const f of findings) {
    const key = placeOf(f.location.side, f.location.path, f.location.line);
    byPlace.set(key, [...(byPlace.get(key) ?? []), f]);
  }
  const parent = new Map<Finding, Finding>(findings.map((f) => [f, f]));
  const root = (f: Finding): Finding => {
    let at = f;
    while (parent.get(at) !== at) at = parent.get(at)!;
    parent.set(f, at);
    return at;
  };
  for (const f of findings) {
    for (const r of f.related) {
      for (const other of byPlace.get(placeOf(r.side, r.path, r.line)) ?? []) {
        if (other !== f && r.message === sameChangeMessage(other.ruleId) && stateOf(other) === stateOf(f)) parent.set(root(other), root(f));
      }
    }
  }
  const groups = new Map<Finding, Finding[]>();
  for (const f of findings) {
    const key = root(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map(causeOf);
}

/** One cause of the given findings (all of one edit), or of one finding alone. */
export function causeOf(members: readonly Finding[]): Cause {
  const edited = members.find((f) => !f.edges?.length) ?? members[0];
  const findings = [edited, ...members.filter((f) => f !== edited)];
  const severity = findings.reduce((top, f) => (severityRank(f.severity) > severityRank(top) ? f.severity : top), edited.severity);
  const edges = [...new Map(findings.flatMap((f) => f.edges ?? []).map((e) => [JSON.stringify(e), e])).values()];
  return { findings, severity, ruleIds: [...new Set(findings.map((f) => f.ruleId))], edges };
}

/** Whether a related place of `finding` is only the link to another finding of its cause (shown as one already). */
export function isSameCauseLink(related: Finding['related'][number], cause: Cause): boolean {
  return cause.findings.some((f) => related.message === sameChangeMessage(f.ruleId) && related.path === f.location.path &&
    related.line === f.location.line && related.side === f.location.side);
}

function stateOf(f: Finding): string {
  return f.suppressed ? 'suppressed' : f.proposedSuppression ? 'proposed' : '';
}

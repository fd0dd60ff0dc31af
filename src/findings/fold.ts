import { describeIdentity } from '../model/identity.js';
import { fingerprintOf, type Finding } from './finding.js';
import { SEVERITIES, severityRank } from './severity.js';

/**
 * Findings one rule may report on one object before the rest are folded. A policy of 10,000 new ipBlock peers
 * is one change to review, not 20,000 annotations: listing each made a 118 MB report that no reviewer reads and
 * that took longer to write than the analysis took to run.
 */
export const FOLD_AFTER = 200;
/** Folded findings whose messages a folded finding's details quote. */
const QUOTED = 1_000;

/**
 * Folds the findings past FOLD_AFTER of each rule on each object into one finding at the first folded place, with
 * the highest severity among them, so the gate and the counts by severity see every one of them. Findings with a
 * different suppression state are never folded together. `findings` must be in reporting order (by place);
 * returns the kept findings and a note for the summary when any were folded.
 */
export function foldFloods(findings: readonly Finding[]): { findings: Finding[]; note?: string } {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.resource) continue;
    // The render target too: dev's and prod's copies of one object are two objects (their findings merge later, per line).
    const key = `${f.ruleId}\0${fingerprintOf('', f.resource, '')}\0${f.resource.scope ?? ''}\0${suppressionState(f)}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const folded = new Map<Finding, Finding | null>();
  let total = 0;
  for (const group of groups.values()) {
    if (group.length <= FOLD_AFTER) continue;
    const rest = group.slice(FOLD_AFTER);
    total += rest.length;
    folded.set(rest[0], foldedFinding(rest));
    for (const f of rest.slice(1)) folded.set(f, null);
  }
  if (total === 0) return { findings: [...findings] };
  const kept: Finding[] = [];
  for (const f of findings) {
    const replacement = folded.get(f);
    if (replacement === undefined) kept.push(f);
    else if (replacement !== null) kept.push(replacement);
  }
  return {
    findings: kept,
    note: `${total.toLocaleString('en-US')} findings were folded: past ${FOLD_AFTER} findings of one rule on one object, ` +
      'the rest are one finding each (with the highest severity among them, which the gate counts)',
  };
}

function suppressionState(f: Finding): string {
  return f.suppressed ? 'suppressed' : f.proposedSuppression ? 'proposed' : '';
}

function foldedFinding(rest: Finding[]): Finding {
  const [first] = rest;
  const resource = first.resource as NonNullable<Finding['resource']>;
  const severity = rest.reduce((top, f) => (severityRank(f.severity) > severityRank(top) ? f.severity : top), first.severity);
  const counts = SEVERITIES.map((s) => [s, rest.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0)
    .map(([s, n]) => `${n.toLocaleString('en-US')} ${s}`).join(', ');
  const last = rest.reduce((max, f) => (f.location.path === first.location.path ? Math.max(max, f.location.endLine) : max), first.location.endLine);
  const quoted = rest.slice(0, QUOTED).map((f) => `${f.location.path}:${f.location.line}: ${f.message}`);
  if (rest.length > QUOTED) quoted.push(`… and ${(rest.length - QUOTED).toLocaleString('en-US')} more`);
  return {
    ruleId: first.ruleId,
    severity,
    message: `${rest.length.toLocaleString('en-US')} more ${first.ruleId} finding${rest.length === 1 ? '' : 's'} on ${describeIdentity(resource)} (${counts}), ` +
      `from line ${first.location.line} to ${last}: past the first ${FOLD_AFTER} they are folded into this one; the first is: ${first.message}`,
    location: first.location,
    related: [],
    resource,
    fingerprint: fingerprintOf(first.ruleId, resource, `folded\0${suppressionState(first)}`),
    details: quoted.join('\n'),
    ...(first.suppressed ? { suppressed: first.suppressed } : {}),
    ...(first.proposedSuppression ? { proposedSuppression: first.proposedSuppression } : {}),
  };
}

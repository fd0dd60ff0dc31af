import { deepEqual } from '../model/json.js';
import { describeIdentity, identityKey } from '../model/identity.js';
import type { Model } from '../model/load.js';
import type { Resource } from '../model/resource.js';
import type { Finding } from './finding.js';

export const IGNORE_ANNOTATION = 'segguard.io/ignore';

/** The rule that reports malformed suppressions: its findings are never suppressed themselves. */
const SUPPRESSION_INVALID = 'suppression-invalid';

export interface Suppression {
  ruleIds: string[];
  reason: string;
}

/**
 * Reads `segguard.io/ignore: "<rule-id>[,<rule-id>]: <reason>"`. Undefined when the resource has none;
 * `reason: ''` when the reason is missing, which the engine reports instead of honouring.
 */
export function suppressionOf(resource: Resource | undefined): Suppression | undefined {
  const value = resource?.annotations()[IGNORE_ANNOTATION];
  if (value === undefined) return undefined;
  const colon = value.indexOf(':');
  const ids = colon < 0 ? value : value.slice(0, colon);
  const reason = colon < 0 ? '' : value.slice(colon + 1).trim();
  return { ruleIds: ids.split(',').map((s) => s.trim()).filter(Boolean), reason };
}

/** The valid suppression of `resource` that names `ruleId`, if any (a suppression without a reason names nothing). */
function coveringSuppression(resource: Resource | undefined, ruleId: string): Suppression | undefined {
  const suppression = suppressionOf(resource);
  return suppression?.reason && suppression.ruleIds.includes(ruleId) ? suppression : undefined;
}

const ANNOTATION_PATH = ['metadata', 'annotations', IGNORE_ANNOTATION];

/**
 * Whether approvers accepted the suppressions a change proposes, as the adapter read it from the pull request's
 * reviews (the core never fetches it). `unavailable`: the lookup failed, so nothing proposed is applied.
 */
export type SuppressionApproval =
  | { state: 'approved'; by: string[] }
  | { state: 'not-approved' }
  | { state: 'unavailable'; reason: string };

/**
 * `change`: a pull request's suppressions are judged against the base, like everything else. `tree`: one tree's
 * state (audit), whose own suppressions hold.
 */
export type SuppressionMode = 'change' | 'tree';

/**
 * Marks the findings a suppression covers. A finding is only ever covered by the annotation of the very object it
 * is about: same API group, kind, namespace and name.
 *
 * In a change, only the base's word counts: a base suppression covers a finding while its object is unchanged from
 * base to head (findings that arise on it through changes elsewhere stay suppressed). A finding about an object
 * the change alters or deletes counts, with a related line saying the base's suppression covers the base version
 * only. A suppression in the head that the base did not have on the unchanged object (new, widened, or on a
 * changed object) is only proposed: the finding stays counted and carries it, until an approver approves.
 */
export function judgeSuppressions(findings: readonly Finding[], base: Model, head: Model, mode: SuppressionMode,
  approval?: SuppressionApproval): void {
  for (const finding of findings) {
    if (!finding.resource || finding.ruleId === SUPPRESSION_INVALID) continue;
    const key = identityKey(finding.resource);
    const before = base.byKey.get(key);
    const after = head.byKey.get(key);
    if (mode === 'tree') {
      const own = coveringSuppression(after ?? before, finding.ruleId);
      if (own) finding.suppressed = { reason: own.reason };
      continue;
    }
    const held = coveringSuppression(before, finding.ruleId);
    if (held && before && after && deepEqual(before.object, after.object)) {
      finding.suppressed = { reason: held.reason };
      continue;
    }
    if (held && before) {
      finding.related.push({
        ...before.at(ANNOTATION_PATH), side: 'base',
        message: `the base's ${IGNORE_ANNOTATION} ("${held.reason}") covers the base version only: this change ${after ? 'alters' : 'deletes'} ${describeIdentity(before)}, so the finding counts`,
      });
    }
    const proposed = coveringSuppression(after, finding.ruleId);
    if (proposed && after) {
      finding.proposedSuppression = { reason: proposed.reason, location: { ...after.at(ANNOTATION_PATH), side: 'head' } };
      if (approval?.state === 'approved') finding.suppressed = { reason: proposed.reason, approvedBy: [...approval.by] };
    }
  }
}

/**
 * The summary line on proposed suppressions: how many, and why they do or do not count. Undefined when the change
 * proposes none.
 */
export function proposalNote(findings: readonly Finding[], approvers: readonly string[], approval?: SuppressionApproval): string | undefined {
  const proposed = findings.filter((f) => f.proposedSuppression);
  if (proposed.length === 0) return undefined;
  const what = proposed.length === 1 ? '1 finding carries a suppression' : `${proposed.length} findings carry a suppression`;
  if (approval?.state === 'approved') return `${what} this change proposes; applied: approved on the current head by ${approval.by.join(', ')}.`;
  const until = approvers.length > 0
    ? `until it is merged or one of suppressions.approvers (${approvers.join(', ')}) approves the current head`
    : 'until it is merged (no suppressions.approvers are configured)';
  const why = approval?.state === 'unavailable' ? ` The approving reviews could not be read (${approval.reason}), so none is applied.` : '';
  return `${what} this change proposes: a change cannot silence its own findings, so they count for the gate ${until}.${why}`;
}

/** How many added or widened suppressions the summary names one by one. */
const MAX_NAMED_SUPPRESSIONS = 10;

/**
 * The summary line on suppressions the change adds or widens (rule ids the base's annotation on that object did not
 * name), whether or not a finding needs them now: once merged they silence those rules on that object, so a
 * reviewer must see them even when nothing is silenced yet. Undefined when there are none.
 */
export function addedSuppressionsNote(base: Model, head: Model): string | undefined {
  const added: string[] = [];
  for (const resource of head.resources) {
    // The very same object on both sides (identical file text) has the very same annotation.
    if (base.byKey.get(resource.key) === resource) continue;
    const suppression = suppressionOf(resource);
    if (!suppression?.reason || suppression.ruleIds.length === 0) continue;
    const before = suppressionOf(base.byKey.get(resource.key));
    const held = before?.reason ? before.ruleIds : [];
    const widened = suppression.ruleIds.filter((id) => !held.includes(id));
    if (widened.length === 0) continue;
    const at = resource.at(ANNOTATION_PATH);
    added.push(`${describeIdentity(resource)} (${at.path}:${at.line}): ${widened.join(', ')}`);
  }
  if (added.length === 0) return undefined;
  const more = added.length > MAX_NAMED_SUPPRESSIONS ? `; and ${added.length - MAX_NAMED_SUPPRESSIONS} more` : '';
  return `This change adds ${IGNORE_ANNOTATION} suppressions, which take effect once merged: ${added.slice(0, MAX_NAMED_SUPPRESSIONS).join('; ')}${more}.`;
}

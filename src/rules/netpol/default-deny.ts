import type { FieldPath } from '../../model/field-path.js';
import type { Model } from '../../model/load.js';
import { DIRECTIONS, type Direction, type NetworkPolicyModel, type PolicyRule } from '../../model/network-policy.js';
import { policyIndexOf } from '../../model/policy-index.js';
import { EVERYTHING, selectsEverything } from '../../model/selector.js';
import type { DiffContext } from '../rule.js';
import { admitsEverything, baselineRules } from './isolation.js';
import { changedPolicies, isAllowAll, isDefaultDeny, policyTypesPath } from './policies.js';

/**
 * How a namespace lost a default deny. Shared by netpol-default-deny-removed (which reports it) and by the rules
 * that would otherwise report the same change a second time (netpol-deleted, netpol-policy-type-dropped,
 * netpol-isolation-narrowed, netpol-allow-all-rule).
 */
export interface DefaultDenyLoss {
  before: NetworkPolicyModel;
  after?: NetworkPolicyModel;
  directions: Direction[];
  how: 'deleted' | 'allow-all' | 'unisolated' | 'narrowed';
  /** The head rule that allows everything (how = 'allow-all'). */
  rule?: PolicyRule;
  /** Where to report: on the head policy when it still exists, on the base policy when it was deleted. */
  side: 'base' | 'head';
  path: FieldPath;
}

const cache = new WeakMap<Model, { base: Model; losses: DefaultDenyLoss[] }>();

export function defaultDenyLosses(context: Pick<DiffContext, 'base' | 'head' | 'changed'>): DefaultDenyLoss[] {
  const cached = cache.get(context.head);
  if (cached && cached.base === context.base) return cached.losses;
  const losses = computeLosses(context);
  cache.set(context.head, { base: context.base, losses });
  return losses;
}

/** Whether netpol-default-deny-removed reports this policy (in this direction, or in any when omitted). */
export function claimedByDefaultDeny(context: Pick<DiffContext, 'base' | 'head' | 'changed'>, key: string, direction?: Direction): boolean {
  return defaultDenyLosses(context).some((l) => l.before.resource.key === key && (!direction || l.directions.includes(direction)));
}

function computeLosses({ base, head, changed }: Pick<DiffContext, 'base' | 'head' | 'changed'>): DefaultDenyLoss[] {
  const losses: DefaultDenyLoss[] = [];
  for (const { before, after } of changedPolicies(changed)) {
    if (!before) continue;
    const namespace = before.resource.namespace;
    for (const direction of DIRECTIONS) {
      if (!isDefaultDeny(before, direction)) continue;
      // A namespace where some policy already allowed every pod everything had no effective default deny.
      if (admitsEverything(baselineRules(base, namespace, EVERYTHING, direction))) continue;
      if (after && isDefaultDeny(after, direction)) continue;
      const allowAll = after && selectsEverything(after.podSelector) && after.isolates[direction]
        ? after.rules[direction].find(isAllowAll) : undefined;
      let loss: Omit<DefaultDenyLoss, 'directions'>;
      if (allowAll && after) {
        loss = { before, after, how: 'allow-all', rule: allowAll, side: 'head', path: allowAll.path };
      } else if (policyIndexOf(head).where(namespace, (p) => selectsEverything(p.podSelector) && p.isolates[direction]).length > 0) {
        // Every pod is still isolated (by this policy with new allow rules, or by another one): the allows are
        // judged by the rule-level rules, the default deny itself is not gone.
        continue;
      } else if (!after) {
        loss = { before, how: 'deleted', side: 'base', path: [] };
      } else if (!after.isolates[direction]) {
        loss = { before, after, how: 'unisolated', side: 'head', path: policyTypesPath(after) };
      } else {
        loss = { before, after, how: 'narrowed', side: 'head', path: ['spec', 'podSelector'] };
      }
      // One finding per place: a policy deleted for both directions is one regression.
      const same = losses.find((l) => l.before === before && l.how === loss.how && l.side === loss.side && l.path.join('.') === loss.path.join('.'));
      if (same) same.directions.push(direction);
      else losses.push({ ...loss, directions: [direction] });
    }
  }
  return losses;
}

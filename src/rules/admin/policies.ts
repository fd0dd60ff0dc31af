import { code } from '../../findings/code-span.js';
import {
  clusterPolicyOf, type AdminAction, type AdminNetworkPolicyModel, type AdminRule, type BaselineAdminNetworkPolicyModel, type ClusterPolicyModel,
} from '../../model/admin-network-policy.js';
import { DIRECTIONS } from '../../model/network-policy.js';
import type { ResourcePair } from '../rule.js';
import { sameMatch } from './coverage.js';

/** A changed ANP or BANP: the base and head versions of the object with the same identity (its metadata.name). */
export interface ClusterPolicyPair<P extends ClusterPolicyModel = ClusterPolicyModel> {
  before?: P;
  after?: P;
}

/** The changed ANPs of a change (added, deleted or modified). */
export function changedAdminPolicies(changed: readonly ResourcePair[]): ClusterPolicyPair<AdminNetworkPolicyModel>[] {
  return changedOfKind(changed, 'AdminNetworkPolicy');
}

/** The changed BANPs (the API accepts only `default`; another name is manifest-invalid's, and evaluated by nothing). */
export function changedBaselinePolicies(changed: readonly ResourcePair[]): ClusterPolicyPair<BaselineAdminNetworkPolicyModel>[] {
  return changedOfKind(changed, 'BaselineAdminNetworkPolicy').filter((pair) => (pair.before ?? pair.after)!.resource.name === 'default');
}

function changedOfKind<K extends ClusterPolicyModel['kind']>(changed: readonly ResourcePair[], kind: K): ClusterPolicyPair<Extract<ClusterPolicyModel, { kind: K }>>[] {
  type P = Extract<ClusterPolicyModel, { kind: K }>;
  const of = (resource: ResourcePair['before']): P | undefined => {
    const policy = resource && clusterPolicyOf(resource);
    return policy?.kind === kind ? (policy as P) : undefined;
  };
  return changed.map((pair) => ({ before: of(pair.before), after: of(pair.after) })).filter((pair) => pair.before || pair.after);
}

/** How a policy's rules map between base and head. */
export interface RulePairing {
  /** [base rule, head rule]: the same rule in both. */
  pairs: [AdminRule, AdminRule][];
  /** Base rules the head no longer has. */
  removed: AdminRule[];
  /** Head rules the base did not have. */
  added: AdminRule[];
}

/**
 * The rules of two versions of a policy, paired per direction: by `name` first, then by what they match (peers and
 * ports, whatever their name and action: a renamed rule, or rules reordered, pair with themselves), then, among the
 * unnamed rules left, by position (a rule edited in place).
 */
export function pairRules(before: ClusterPolicyModel, after: ClusterPolicyModel): RulePairing {
  const pairing: RulePairing = { pairs: [], removed: [], added: [] };
  for (const direction of DIRECTIONS) {
    const base = [...before.rules[direction]];
    const head = [...after.rules[direction]];
    const take = (match: (b: AdminRule, h: AdminRule) => boolean) => {
      for (const h of [...head]) {
        const b = base.find((r) => match(r, h));
        if (!b) continue;
        pairing.pairs.push([b, h]);
        base.splice(base.indexOf(b), 1);
        head.splice(head.indexOf(h), 1);
      }
    };
    take((b, h) => h.name !== '' && b.name === h.name);
    take((b, h) => b.action === h.action && sameMatch(b, h));
    take((b, h) => sameMatch(b, h));
    take((b, h) => b.name === '' && h.name === '' && b.index === h.index);
    pairing.removed.push(...base);
    pairing.added.push(...head);
  }
  return pairing;
}

/** How much an action lets through: Deny < Pass (the NetworkPolicies decide) < Allow. */
const OPENNESS: Record<AdminAction, number> = { Deny: 0, Pass: 1, Allow: 2 };

/** Whether the action lets through more than `before` did. */
export function loosens(before: AdminAction, after: AdminAction): boolean {
  return OPENNESS[after] > OPENNESS[before];
}

/** Allow and Pass rules let connections past the Denies after them. */
export function opens(rule: AdminRule): boolean {
  return rule.action !== 'Deny';
}

/** `ingress rule `from-shop``, or `egress rule 2` for an unnamed rule: how messages name a rule. */
export function describeAdminRule(rule: AdminRule): string {
  return `${rule.direction} rule ${rule.name ? code(rule.name) : rule.index}`;
}

/** `AdminNetworkPolicy `deny-sandbox``: how messages name an ANP or the BANP. */
export function clusterPolicyName(policy: ClusterPolicyModel): string {
  return `${policy.kind} ${code(policy.resource.name)}`;
}

/** `AdminNetworkPolicy `guard` (priority 10)`: an ANP with its priority, when it has a valid one. */
export function nameWithPriority(policy: AdminNetworkPolicyModel): string {
  return `${clusterPolicyName(policy)}${Number.isNaN(policy.priority) ? '' : ` (priority ${policy.priority})`}`;
}

/** Every rule of a policy, ingress first. */
export function rulesOf(policy: ClusterPolicyModel): AdminRule[] {
  return [...policy.rules.ingress, ...policy.rules.egress];
}

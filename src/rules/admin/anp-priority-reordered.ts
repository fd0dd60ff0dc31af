import { clusterPoliciesOf, type AdminNetworkPolicyModel, type AdminRule } from '../../model/admin-network-policy.js';
import { defineRule } from '../rule.js';
import { isEverythingPeer, rulesOverlap } from './coverage.js';
import { changedAdminPolicies, clusterPolicyName, describeAdminRule, opens, pairRules, rulesOf } from './policies.js';

/** A head ANP with its base version. */
interface Versions {
  before: AdminNetworkPolicyModel;
  after: AdminNetworkPolicyModel;
}

/** An Allow/Pass rule of one ANP that meets a Deny rule of another, in head, with the base versions of both rules. */
interface Contest {
  opener: AdminRule;
  deny: AdminRule;
}

export default defineRule({
  id: 'anp-priority-reordered',
  kind: 'diff',
  severity: 'high',
  description: 'An AdminNetworkPolicy priority change lets an Allow or Pass rule take precedence over (or tie with) an overlapping Deny of another ANP it used to lose to.',
  check(context) {
    const moved = changedAdminPolicies(context.changed)
      .filter((p): p is Versions => p.before !== undefined && p.after !== undefined && validPriority(p.before) && validPriority(p.after) && p.before.priority !== p.after.priority);
    if (moved.length === 0) return;
    const baseByName = new Map(clusterPoliciesOf(context.base).admin.map((p) => [p.resource.name, p]));
    const others: Versions[] = clusterPoliciesOf(context.head).admin.flatMap((after) => {
      const before = baseByName.get(after.resource.name);
      return before && validPriority(before) && validPriority(after) ? [{ before, after }] : [];
    });
    const movedNames = new Set(moved.map((m) => m.after.resource.name));
    for (const changed of moved) {
      for (const other of others) {
        if (other.after.resource.name === changed.after.resource.name) continue;
        report(changed, other, changed);
        // When both moved, the finding goes to the opener's priority line (found when it is `changed`).
        if (!movedNames.has(other.after.resource.name)) report(other, changed, changed);
      }
    }

    /** The opener's rules that now tie with or win over the denier's: one finding on `blamed`'s priority line. */
    function report(opener: Versions, denier: Versions, blamed: Versions): void {
      const [was, now] = [opener.before.priority - denier.before.priority, opener.after.priority - denier.after.priority];
      // The Deny was evaluated first in base (lower number) and is not any more.
      if (was <= 0 || now > 0) return;
      const contests = contestsOf(opener, denier);
      if (contests.length === 0) return;
      const [{ opener: rule, deny }] = contests;
      const tie = now === 0;
      const more = contests.length > 1 ? ` (and ${contests.length - 1} more overlapping rule pair${contests.length === 2 ? '' : 's'})` : '';
      const outcome = rule.action === 'Allow' ? 'allowed' : 'handed to the NetworkPolicies';
      const other = blamed === opener ? denier : opener;
      const [own, theirs] = blamed === opener ? [rule, deny] : [deny, rule];
      const position = tie ? 'the same as' : blamed === opener ? 'ahead of' : 'behind';
      const otherPriority = `priority ${other.after.priority}${other.after.priority === other.before.priority ? '' : `, was ${other.before.priority}`}`;
      context.report({
        message: `${clusterPolicyName(blamed.after)}: priority now ${blamed.after.priority} (was ${blamed.before.priority}), ${position} ` +
          `${clusterPolicyName(other.after)} (${otherPriority}), whose ${describeAdminRule(theirs)} (${theirs.action}) overlaps its ` +
          `${describeAdminRule(own)} (${own.action})${more}. ` +
          (tie
            ? `The API leaves the order of equal priorities undefined, so the connections both match may be ${outcome} instead of denied.`
            : `The connections both match, denied in base, are now ${outcome}.`),
        at: { resource: blamed.after.resource, path: blamed.after.priorityPath, side: 'head' },
        severity: tie ? 'medium' : rule.peers.some(isEverythingPeer) && deny.peers.some(isEverythingPeer) ? 'critical' : 'high',
        key: `${opener.after.resource.name} over ${denier.after.resource.name}`,
        related: [{ resource: denier.after.resource, path: deny.actionPath, side: 'head', message: `the Deny rule of ${clusterPolicyName(denier.after)} that ${clusterPolicyName(opener.after)} ${tie ? 'now ties with' : 'now wins over'}` }],
      });
    }
  },
});

/**
 * The Allow/Pass rules of `opener` that meet a Deny rule of `denier`, in head and in base (the same rules, paired by
 * name or meaning, with the same roles): a new rule, or one whose action changed, is another rule's finding.
 */
function contestsOf(opener: Versions, denier: Versions): Contest[] {
  const baseOf = (v: Versions) => new Map(pairRules(v.before, v.after).pairs.map(([b, h]) => [h, b]));
  const [openerBase, denierBase] = [baseOf(opener), baseOf(denier)];
  const contests: Contest[] = [];
  for (const rule of rulesOf(opener.after).filter(opens)) {
    const ruleBefore = openerBase.get(rule);
    if (!ruleBefore || !opens(ruleBefore)) continue;
    for (const deny of rulesOf(denier.after).filter((r) => r.action === 'Deny')) {
      const denyBefore = denierBase.get(deny);
      if (denyBefore?.action !== 'Deny') continue;
      if (rulesOverlap({ subject: opener.after.subject, rule }, { subject: denier.after.subject, rule: deny }) &&
        rulesOverlap({ subject: opener.before.subject, rule: ruleBefore }, { subject: denier.before.subject, rule: denyBefore })) {
        contests.push({ opener: rule, deny });
      }
    }
  }
  return contests;
}

function validPriority(policy: AdminNetworkPolicyModel): boolean {
  return !Number.isNaN(policy.priority);
}

import { clusterPoliciesOf, type AdminNetworkPolicyModel, type AdminRule } from '../../model/admin-network-policy.js';
import { defineRule } from '../rule.js';
import { isEverythingPeer, ruleCovers, rulesOverlap, selectionWithin } from './coverage.js';
import { changedAdminPolicies, describeAdminRule, rulesOf, nameWithPriority } from './policies.js';

export default defineRule({
  id: 'anp-deleted',
  kind: 'diff',
  severity: 'high',
  description: 'An AdminNetworkPolicy with a Deny rule (or a Pass rule a later Allow now overrides) is gone, and no remaining ANP of the same or an earlier priority denies the same; critical when it denied every namespace or 0.0.0.0/0.',
  check(context) {
    const head = clusterPoliciesOf(context.head).admin;
    for (const { before, after } of changedAdminPolicies(context.changed)) {
      if (!before || after) continue;
      const lost = rulesOf(before).filter((rule) => !replaced(before, rule, head) && (rule.action === 'Deny' || (rule.action === 'Pass' && overriddenPass(before, rule, head))));
      if (lost.length === 0) continue;
      const denies = lost.filter((r) => r.action === 'Deny');
      const passes = lost.filter((r) => r.action === 'Pass');
      const list = (rules: AdminRule[], action: string) => rules.length === 0 ? [] :
        [`its ${action} ${rules.map(describeAdminRule).join(', ')} ${rules.length === 1 ? 'is' : 'are'} gone`];
      const consequences = [
        ...(denies.length > 0 ? ['what it denied now goes to the later ANPs, the NetworkPolicies and the BaselineAdminNetworkPolicy, and is allowed where none of them denies it'] : []),
        ...(passes.length > 0 ? ['what it passed to the NetworkPolicies is now decided by a later ANP Allow'] : []),
      ];
      context.report({
        message: `${nameWithPriority(before)} was deleted: ${[...list(denies, 'Deny'), ...list(passes, 'Pass')].join(' and ')}, ` +
          `and no remaining AdminNetworkPolicy of the same or an earlier priority does the same; ${consequences.join('; ')}.`,
        at: { resource: before.resource, side: 'base' },
        severity: denies.some((r) => r.peers.some(isEverythingPeer)) ? 'critical' : undefined,
        key: 'deleted',
      });
    }
  },
});

/**
 * Whether a head ANP of the same or an earlier priority applies the same action to all the rule matched, with no
 * earlier rule of its own taking the connections first: the ANP renamed, moved, or merged into another.
 */
function replaced(policy: AdminNetworkPolicyModel, rule: AdminRule, head: readonly AdminNetworkPolicyModel[]): boolean {
  return head.some((other) => other.priority <= policy.priority && selectionWithin(policy.subject, other.subject) &&
    other.rules[rule.direction].some((candidate, i) => candidate.action === rule.action && ruleCovers(candidate, rule) &&
      !other.rules[rule.direction].slice(0, i).some((earlier) => earlier.action !== rule.action && rulesOverlap({ subject: other.subject, rule: earlier }, { subject: policy.subject, rule }))));
}

/** A deleted Pass matters where a later head ANP has an overlapping Allow: it decides instead of the NetworkPolicies. */
function overriddenPass(policy: AdminNetworkPolicyModel, rule: AdminRule, head: readonly AdminNetworkPolicyModel[]): boolean {
  return head.some((other) => other.priority >= policy.priority &&
    other.rules[rule.direction].some((candidate) => candidate.action === 'Allow' && rulesOverlap({ subject: other.subject, rule: candidate }, { subject: policy.subject, rule })));
}

import type { Severity } from '../../findings/severity.js';
import { defineRule } from '../rule.js';
import { describeAdminPeer, describeAdminPorts, describeSelection, isEverythingPeer } from './coverage.js';
import { changedAdminPolicies, describeAdminRule, loosens, pairRules, nameWithPriority } from './policies.js';

/** What the new action does to the connections the rule matches, by the old and new action. */
const CONSEQUENCE: Record<string, string> = {
  'Deny Allow': 'they are now allowed before any NetworkPolicy is consulted, and no NetworkPolicy or later ANP can deny them',
  'Deny Pass': 'they are now handed to the NetworkPolicies, or to the BaselineAdminNetworkPolicy for pods no NetworkPolicy selects; where neither denies them they are allowed',
  'Pass Allow': 'the NetworkPolicies (and the BaselineAdminNetworkPolicy) no longer decide them: they are allowed whatever those say',
};

/** Deny → Allow or Pass opens what the Deny closed; Pass → Allow only overrides the tiers below, which may have allowed it anyway. */
const SEVERITY: Record<string, Severity> = { 'Deny Allow': 'high', 'Deny Pass': 'high', 'Pass Allow': 'medium' };

export default defineRule({
  id: 'anp-action-loosened',
  kind: 'diff',
  severity: 'high',
  description: 'An AdminNetworkPolicy rule\'s action lets more through: Deny → Allow or Pass, Pass → Allow; critical when the rule matches every namespace or 0.0.0.0/0.',
  check(context) {
    for (const { before, after } of changedAdminPolicies(context.changed)) {
      if (!before || !after) continue;
      for (const [was, now] of pairRules(before, after).pairs) {
        if (!loosens(was.action, now.action)) continue;
        const change = `${was.action} ${now.action}`;
        const peers = now.peers.map(describeAdminPeer).join('; ');
        const towards = now.direction === 'ingress' ? `from ${peers} to` : `to ${peers} from`;
        context.report({
          message: `${nameWithPriority(after)}: ${describeAdminRule(now)} is now ${now.action} (was ${was.action}) ` +
            `for connections ${towards} ${describeSelection(after.subject)} on ${describeAdminPorts(now.ports)}: ${CONSEQUENCE[change]}.`,
          at: { resource: after.resource, path: now.actionPath, side: 'head' },
          severity: now.peers.some(isEverythingPeer) ? 'critical' : SEVERITY[change],
          key: `${now.direction} ${now.name || now.index} ${change}`,
          related: [{ resource: before.resource, path: was.actionPath, side: 'base', message: `in base, this rule was ${was.action}` }],
        });
      }
    }
  },
});

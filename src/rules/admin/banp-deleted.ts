import { defineRule } from '../rule.js';
import { isEverythingPeer } from './coverage.js';
import { changedBaselinePolicies, clusterPolicyName, describeAdminRule, rulesOf } from './policies.js';

export default defineRule({
  id: 'banp-deleted',
  kind: 'diff',
  severity: 'high',
  description: 'The BaselineAdminNetworkPolicy `default` with Deny rules is gone: the pods no NetworkPolicy selects lose their cluster-wide default deny; critical when it denied every namespace or 0.0.0.0/0.',
  check(context) {
    for (const { before, after } of changedBaselinePolicies(context.changed)) {
      if (!before || after) continue;
      const denies = rulesOf(before).filter((rule) => rule.action === 'Deny');
      if (denies.length === 0) continue;
      context.report({
        message: `${clusterPolicyName(before)} was deleted with its Deny ${denies.map(describeAdminRule).join(', ')}: ` +
          `for ${denies.length === 1 ? 'the connections it denied' : 'the connections they denied'}, pods that no NetworkPolicy selects ` +
          'are now open (no ANP or NetworkPolicy denies them, so they are allowed).',
        at: { resource: before.resource, side: 'base' },
        severity: denies.some((r) => r.peers.some(isEverythingPeer)) ? 'critical' : undefined,
        key: 'deleted',
      });
    }
  },
});

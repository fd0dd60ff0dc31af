import { DIRECTIONS } from '../../model/network-policy.js';
import { defineRule } from '../rule.js';
import { describePods, joinDirections } from './describe.js';
import { claimedByDefaultDeny } from './default-deny.js';
import { losesIsolation } from './isolation.js';
import { changedPolicies, policyName } from './policies.js';

export default defineRule({
  id: 'netpol-deleted',
  kind: 'diff',
  severity: 'high',
  description: 'A NetworkPolicy that exists in base is gone in head, leaving the pods it isolated open.',
  check(context) {
    const { base, head } = context;
    for (const { key, before, after } of changedPolicies(context.changed)) {
      if (!before || after) continue;
      // A deleted default deny is netpol-default-deny-removed's finding.
      if (claimedByDefaultDeny(context, key)) continue;
      // Deleting a policy whose pods another policy still isolates only takes allows away: a tightening.
      const lost = DIRECTIONS.filter((d) => losesIsolation(base, head, before, d));
      if (lost.length === 0) continue;
      const counts = lost.map((d) => `${before.rules[d].length} ${d} rule${before.rules[d].length === 1 ? '' : 's'}`).join(' and ');
      context.report({
        message: `NetworkPolicy ${policyName(before)} was deleted. It isolated ${describePods(before)} for ${joinDirections(lost)} ` +
          `(allowing only what its ${counts} listed), and no remaining policy isolates all of those pods, ` +
          `so ${lost.map((d) => (d === 'ingress' ? 'any source can now reach them' : 'they can now reach any destination')).join(' and ')}, ` +
          'including addresses outside the cluster.',
        at: { resource: before.resource, side: 'base' },
        key: 'deleted',
      });
    }
  },
});

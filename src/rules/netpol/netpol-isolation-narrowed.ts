import { DIRECTIONS } from '../../model/network-policy.js';
import { compareSelectors, describeSelector } from '../../model/selector.js';
import { defineRule } from '../rule.js';
import { claimedByDefaultDeny } from './default-deny.js';
import { joinDirections } from './describe.js';
import { losesIsolation } from './isolation.js';
import { changedPolicies, policyName } from './policies.js';

export default defineRule({
  id: 'netpol-isolation-narrowed',
  kind: 'diff',
  severity: 'medium',
  description: 'An isolating NetworkPolicy\'s own podSelector now selects fewer pods; the pods that fall out lose their isolation.',
  check(context) {
    const { base, head } = context;
    for (const { key, before, after } of changedPolicies(context.changed)) {
      if (!before || !after) continue;
      const relation = compareSelectors(before.podSelector, after.podSelector);
      if (relation !== 'subset' && relation !== 'incomparable') continue;
      // A direction the head no longer isolates at all is netpol-policy-type-dropped's finding.
      const narrowed = DIRECTIONS.filter((d) => before.isolates[d] && after.isolates[d] &&
        !claimedByDefaultDeny(context, key, d) && losesIsolation(base, head, before, d));
      if (narrowed.length === 0) continue;
      const from = describeSelector(before.podSelector);
      const to = describeSelector(after.podSelector);
      context.report({
        message: `NetworkPolicy ${policyName(after)}: podSelector went from ${from} to ${to}, which ` +
          `${relation === 'subset' ? 'selects a subset' : 'no longer selects all'} of the pods it isolated for ${joinDirections(narrowed)}. ` +
          `Pods matching ${from} but not ${to} are isolated by no other policy, so their ${joinDirections(narrowed)} traffic is now unrestricted.`,
        at: { resource: after.resource, path: ['spec', 'podSelector'], side: 'head' },
        key: `narrowed ${to}`,
        related: [{ resource: before.resource, path: ['spec', 'podSelector'], side: 'base', message: `podSelector in base: ${from}` }],
      });
    }
  },
});

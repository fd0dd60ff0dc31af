import { DIRECTIONS } from '../../model/network-policy.js';
import { defineRule } from '../rule.js';
import { claimedByDefaultDeny } from './default-deny.js';
import { describePods, joinDirections } from './describe.js';
import { losesIsolation } from './isolation.js';
import { changedPolicies, describePolicyTypes, policyName, policyTypesPath } from './policies.js';

export default defineRule({
  id: 'netpol-policy-type-dropped',
  kind: 'diff',
  severity: 'high',
  description: 'The effective policyTypes of a NetworkPolicy loses Ingress or Egress (including an explicit [Ingress, Egress] removed while `egress` is empty), leaving its pods open in that direction.',
  check(context) {
    const { base, head } = context;
    for (const { key, before, after } of changedPolicies(context.changed)) {
      if (!before || !after) continue;
      const dropped = DIRECTIONS.filter((d) => before.isolates[d] && !after.isolates[d] &&
        !claimedByDefaultDeny(context, key, d) && losesIsolation(base, head, before, d));
      if (dropped.length === 0) continue;
      const silent = !after.policyTypesExplicit && before.policyTypesExplicit
        ? ' policyTypes was removed, and without it Kubernetes isolates Egress only when spec.egress is non-empty, so the empty egress list no longer denies anything.'
        : '';
      context.report({
        message: `NetworkPolicy ${policyName(after)}: the effective policyTypes went from ${describePolicyTypes(before)} to ` +
          `${describePolicyTypes(after)}.${silent} No other policy isolates ${describePods(after)} for ${joinDirections(dropped)}, ` +
          `so their ${joinDirections(dropped)} traffic is now unrestricted.`,
        at: { resource: after.resource, path: policyTypesPath(after), side: 'head' },
        key: `dropped ${joinDirections(dropped)}`,
        related: [{ resource: before.resource, path: policyTypesPath(before), side: 'base', message: `policyTypes in base: ${describePolicyTypes(before)}` }],
      });
    }
  },
});

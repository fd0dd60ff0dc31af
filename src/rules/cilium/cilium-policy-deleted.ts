import { DIRECTIONS } from '../../model/network-policy.js';
import { selectsEverything } from '../../model/selector.js';
import { resourceLabel } from '../../semantics/cilium.js';
import { joinDirections } from '../netpol/describe.js';
import { losesIsolation } from '../netpol/isolation.js';
import { defineRule } from '../rule.js';
import { changedCiliumPolicies, headDenyRules, scopeFor, undeniedPeers } from './specs.js';

export default defineRule({
  id: 'cilium-policy-deleted',
  kind: 'diff',
  severity: 'high',
  description: 'A CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy that exists in base is gone in head, leaving the endpoints it isolated open or lifting its deny rules; critical when it isolated every endpoint of its namespace (a default deny), or for a cluster-wide policy of each namespace it admits.',
  check(context) {
    for (const { before, after } of changedCiliumPolicies(context.changed)) {
      if (!before || after) continue;
      const losing = before.policies.filter((p) => DIRECTIONS.some((d) => losesIsolation(context.base, context.head, p, d)));
      const lost = DIRECTIONS.filter((d) => losing.some((p) => losesIsolation(context.base, context.head, p, d)));
      // A rule over every endpoint of its namespace (a CCNP's: of each namespace it admits) was a default deny: what is left is open by default.
      const everyEndpoint = losing.some((p) => selectsEverything(p.podSelector));
      // Deny rules another head policy over the same endpoints still holds (a policy split or renamed) lift nothing.
      const denies = before.policies.flatMap((p) => {
        const scope = scopeFor(context, p);
        return DIRECTIONS.flatMap((d) => p.deny[d].filter((rule) => undeniedPeers(headDenyRules(context.head, p, scope, d), rule, scope).length > 0));
      }).length;
      if (lost.length === 0 && denies === 0) continue;
      const name = resourceLabel(before.resource);
      const open = lost.length > 0 ? `its endpoints are no longer isolated for ${joinDirections(lost)} by any remaining policy` : '';
      const lifted = denies > 0 ? `its ${denies} deny rule${denies === 1 ? '' : 's'} no longer override${denies === 1 ? 's' : ''} any allow` : '';
      context.report({
        message: `${name} was deleted: ${[open, lifted].filter(Boolean).join(', and ')}.`,
        at: { resource: before.resource, side: 'base' },
        severity: everyEndpoint ? 'critical' : undefined,
        key: 'deleted',
      });
    }
  },
});

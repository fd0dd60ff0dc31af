import { formatFieldPath } from '../../model/field-path.js';
import { losesIsolation } from '../netpol/isolation.js';
import { defineRule } from '../rule.js';
import { policyLabel } from '../../semantics/cilium.js';
import { changedSpecs } from './specs.js';

export default defineRule({
  id: 'cilium-default-deny-disabled',
  kind: 'diff',
  severity: 'high',
  description: 'A Cilium policy sets enableDefaultDeny to false for a direction it isolated in base, and no other policy isolates those endpoints: everything its rules did not allow is allowed again.',
  check(context) {
    for (const { before, after } of changedSpecs(context)) {
      for (const direction of ['ingress', 'egress'] as const) {
        if (!before.isolates[direction] || after.isolates[direction] || !after.defaultDenyExplicit[direction]) continue;
        if (!losesIsolation(context.base, context.head, before, direction)) continue;
        context.report({
          message: `${policyLabel(after)} sets enableDefaultDeny.${direction} to false: its endpoints are no longer in default deny for ${direction}, ` +
            `so ${direction === 'ingress' ? 'any source can reach them' : 'they can reach any destination'} except what deny rules forbid.`,
          at: { resource: after.resource, path: [...after.specPath, 'enableDefaultDeny', direction], side: 'head' },
          key: `${formatFieldPath(after.specPath)}:${direction}`,
        });
      }
    }
  },
});

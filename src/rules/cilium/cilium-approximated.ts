import { formatFieldPath } from '../../model/field-path.js';
import { resourceLabel } from '../../semantics/cilium.js';
import { defineRule } from '../rule.js';
import { changedCiliumPolicies } from './specs.js';

/**
 * What segguard does not evaluate in a Cilium policy the change adds or edits (L7 rules, toFQDNs, entities such as
 * host, nodeSelector rules), each shown where it is written, and one line in the summary: the connectivity of
 * such a policy is its L3/L4 meaning (docs/cilium.md).
 */
export default defineRule({
  id: 'cilium-approximated',
  kind: 'diff',
  modes: ['pr', 'audit'],
  severity: 'info',
  description: 'A Cilium policy the change adds or edits has parts segguard records but does not evaluate (L7 http/dns/kafka rules, toFQDNs, the host or kube-apiserver entities, nodeSelector rules); its connectivity is analyzed at L3/L4.',
  check(context) {
    let count = 0;
    for (const { after } of changedCiliumPolicies(context.changed)) {
      for (const approximation of after?.approximations ?? []) {
        count++;
        context.report({
          message: `${resourceLabel(after!.resource)}: ${approximation.message} (at ${formatFieldPath(approximation.path)}).`,
          at: { resource: after!.resource, path: approximation.path, side: 'head' },
          key: `${formatFieldPath(approximation.path)}\0${approximation.message}`,
        });
      }
    }
    if (count > 0) context.note?.('cilium: L7 rules and toFQDNs are not evaluated; Cilium policies are analyzed at L3/L4 (cilium-approximated lists what was approximated)');
  },
});

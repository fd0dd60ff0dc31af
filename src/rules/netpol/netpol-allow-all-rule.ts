import { code } from '../../findings/code-span.js';
import { formatFieldPath } from '../../model/field-path.js';
import { defineRule } from '../rule.js';
import { PEER_WORD, capitalize, describePods, isolationNote } from './describe.js';
import { policyName } from './policies.js';
import { describeReplaced, replacedPlace, wideningsOf } from './widenings.js';

export default defineRule({
  id: 'netpol-allow-all-rule',
  kind: 'diff',
  severity: 'critical',
  description: 'A NetworkPolicy rule with no peers and no ports (`ingress: [{}]`) appears for pods that were isolated, allowing every source or destination on every port.',
  check(context) {
    for (const w of wideningsOf(context, 'allow-all')) {
      const word = PEER_WORD[w.direction];
      const was = describeReplaced(w.replaced);
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} rule ${w.rule.index} has no ${code(word.field)} and no ${code('ports')}, ` +
          `so it now allows every ${word.one} (any pod, any namespace, any address outside the cluster) on every port and protocol` +
          `${was ? ` instead of ${was}` : ''}. ${capitalize(isolationNote(w.direction, w.isolatedBy))}; ` +
          `${describePods(w.policy)} ${w.direction === 'ingress' ? 'can now be reached by anything' : 'can now reach anything'}.`,
        at: { resource: w.policy.resource, path: w.rule.path, side: 'head' },
        key: formatFieldPath(w.rule.path),
        related: replacedPlace(w.replaced, 'the base rule it replaced'),
      });
    }
  },
});

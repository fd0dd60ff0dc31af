import { code } from '../../findings/code-span.js';
import { defineRule } from '../rule.js';
import { capitalize, describePeer, isolationNote } from './describe.js';
import { policyName } from './policies.js';
import { describeReplaced, replacedPlace, wideningsOf } from './widenings.js';

export default defineRule({
  id: 'netpol-peer-and-split',
  kind: 'diff',
  severity: 'high',
  description: 'A peer with both namespaceSelector and podSelector (an AND) is split into separate peers (an OR), admitting every pod of those namespaces and those pods of the own namespace.',
  check(context) {
    for (const w of wideningsOf(context, 'peer-split')) {
      const namespace = w.policy.resource.namespace;
      const [nsHalf, podHalf] = w.peer.namespaces === 'own' ? [w.other, w.peer] : [w.peer, w.other];
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} rule ${w.rule.index} split the single peer ` +
          `{namespaceSelector + podSelector} (${describeReplaced(w.replaced) ?? 'an AND of both'}) into two list items, ` +
          `which Kubernetes ORs: it now admits ${describePeer(nsHalf, namespace)} OR ${describePeer(podHalf, namespace)}. ` +
          `${capitalize(isolationNote(w.direction, w.isolatedBy))}; put both selectors back in one list item (no ${code('-')} before podSelector).`,
        at: { resource: w.policy.resource, path: w.peer.path, side: 'head' },
        key: `${w.direction} ${describeReplaced(w.replaced) ?? describePeer(w.peer, namespace)}`,
        related: replacedPlace(w.replaced, 'the base peer with both selectors'),
      });
    }
  },
});

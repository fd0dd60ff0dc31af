import { code } from '../../findings/code-span.js';
import { defineRule } from '../rule.js';
import { PEER_WORD, capitalize, describePeer, isolationNote } from './describe.js';
import { policyName } from './policies.js';
import { describeReplaced, replacedPlace, wideningsOf } from './widenings.js';

export default defineRule({
  id: 'netpol-all-namespaces-peer',
  kind: 'diff',
  severity: 'high',
  description: 'A peer with `namespaceSelector: {}` appears, admitting pods of every namespace of the cluster.',
  check(context) {
    for (const w of wideningsOf(context, 'all-namespaces')) {
      const namespace = w.policy.resource.namespace;
      const was = describeReplaced(w.replaced);
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} rule ${w.rule.index} now has a peer with ${code('namespaceSelector: {}')}, ` +
          `admitting ${describePeer(w.peer, namespace)}${was ? ` instead of ${was}` : ''}. ` +
          `${capitalize(isolationNote(w.direction, w.isolatedBy))}; any workload in any namespace, including ones created later, ` +
          `is now an allowed ${PEER_WORD[w.direction].one}.`,
        at: { resource: w.policy.resource, path: [...w.peer.path, 'namespaceSelector'], side: 'head' },
        key: `${w.direction} ${describePeer(w.peer, namespace)}`,
        related: replacedPlace(w.replaced, 'the base peer it replaced'),
      });
    }
  },
});

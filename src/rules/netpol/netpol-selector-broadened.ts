import { describeSelector } from '../../model/selector.js';
import { defineRule } from '../rule.js';
import { capitalize, describeNamespaces, describePeer, isolationNote } from './describe.js';
import { namespacesWithin } from './peers.js';
import { policyName, scopeOf } from './policies.js';
import { replacedPlace, wideningsOf } from './widenings.js';

export default defineRule({
  id: 'netpol-selector-broadened',
  kind: 'diff',
  severity: 'high',
  description: 'A peer\'s namespaceSelector or podSelector now selects a superset (a label dropped, an In value added, a NotIn value removed, an expression removed).',
  check(context) {
    for (const w of wideningsOf(context, 'selector-broadened')) {
      const namespace = w.policy.resource.namespace;
      const before = w.replaced?.peer;
      if (!before || before.type !== 'pods') continue;
      // Blame the selector that grew: the namespaces when they differ, the pods otherwise.
      const namespacesGrew = !namespacesWithin(w.peer.namespaces, before.namespaces, scopeOf(context.base, context.head, namespace));
      const change = namespacesGrew
        ? `namespaces went from ${describeNamespaces(before.namespaces, namespace)} to ${describeNamespaces(w.peer.namespaces, namespace)}`
        : `podSelector went from ${describeSelector(before.pods)} to ${describeSelector(w.peer.pods)}`;
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: an ${w.direction} peer now selects more: its ${change} ` +
          `(was ${describePeer(before, namespace)}, now ${describePeer(w.peer, namespace)}). ` +
          `${capitalize(isolationNote(w.direction, w.isolatedBy))}; every newly matched pod is now admitted.`,
        at: { resource: w.policy.resource, path: [...w.peer.path, namespacesGrew ? 'namespaceSelector' : 'podSelector'], side: 'head' },
        key: `${w.direction} ${describePeer(w.peer, namespace)}`,
        related: replacedPlace(w.replaced, 'the narrower base peer'),
      });
    }
  },
});

import { code } from '../../findings/code-span.js';
import type { FieldPath } from '../../model/field-path.js';
import { getIn, isObject } from '../../model/json.js';
import { defineRule } from '../rule.js';
import { describePeer } from './describe.js';
import { NAMESPACE_NAME_LABEL } from './peers.js';
import { policyName } from './policies.js';
import { wideningsOf } from './widenings.js';

export default defineRule({
  id: 'netpol-mutable-namespace-label',
  kind: 'diff',
  severity: 'low',
  description: `A new namespaceSelector is keyed on a label other than ${NAMESPACE_NAME_LABEL}, which anyone who can edit a namespace can add to it.`,
  check(context) {
    for (const w of wideningsOf(context, 'mutable-namespace-label')) {
      const namespace = w.policy.resource.namespace;
      const labels = w.keys.map((k) => code(k)).join(', ');
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: a new ${w.direction} peer (${describePeer(w.peer, namespace)}) selects namespaces ` +
          `by ${labels}. Namespace labels other than ${NAMESPACE_NAME_LABEL} can be set by anyone allowed to edit a namespace, ` +
          `so such a user can label their own namespace into this peer; select by ${NAMESPACE_NAME_LABEL} (immutable) where you mean specific namespaces.`,
        at: { resource: w.policy.resource, path: keyPath(w.policy.resource.object, [...w.peer.path, 'namespaceSelector'], w.keys[0]), side: 'head' },
        key: `${w.direction} ${describePeer(w.peer, namespace)}`,
      });
    }
  },
});

/** The line of the label key in matchLabels or of the matchExpression on it; the selector itself otherwise. */
function keyPath(object: unknown, selectorPath: FieldPath, key: string): FieldPath {
  const labels = getIn(object, [...selectorPath, 'matchLabels']);
  if (isObject(labels) && key in labels) return [...selectorPath, 'matchLabels', key];
  const expressions = getIn(object, [...selectorPath, 'matchExpressions']);
  const index = Array.isArray(expressions) ? expressions.findIndex((e) => isObject(e) && e.key === key) : -1;
  return index >= 0 ? [...selectorPath, 'matchExpressions', index] : selectorPath;
}

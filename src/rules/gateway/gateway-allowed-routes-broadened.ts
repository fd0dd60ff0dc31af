import { code } from '../../findings/code-span.js';
import type { FieldPath } from '../../model/field-path.js';
import type { GatewayListener } from '../../model/gateway.js';
import { compareSelectors, describeSelector, EVERYTHING, parseSelector, type LabelSelector } from '../../model/selector.js';
import { NAMESPACE_NAME_LABEL } from '../../semantics/topology.js';
import { defineRule } from '../rule.js';
import { describeListener, existingPath, gatewayPairs, pairListeners, placeOf } from './gateways.js';

const fromPath = (l: GatewayListener): FieldPath => [...l.fieldPath, 'allowedRoutes', 'namespaces', 'from'];
const selectorPath = (l: GatewayListener): FieldPath => [...l.fieldPath, 'allowedRoutes', 'namespaces', 'selector'];

/**
 * The namespaces a listener admits routes from, as a namespace selector: `Same` is the Gateway's namespace (by its
 * immutable name label), `All` every namespace. So `Same` → a selector naming that namespace only is no change.
 */
function admitted(listener: GatewayListener, namespace: string): LabelSelector {
  switch (listener.allowedFrom) {
    case 'Same':
      return parseSelector({ matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } });
    case 'All':
      return EVERYTHING;
    case 'Selector':
      return listener.selector ?? EVERYTHING;
  }
}

function describeAdmitted(listener: GatewayListener, selector: LabelSelector): string {
  switch (listener.allowedFrom) {
    case 'Same':
      return "the Gateway's own namespace";
    case 'All':
      return 'every namespace';
    case 'Selector':
      return `the namespaces matching ${code(describeSelector(selector))}`;
  }
}

export default defineRule({
  id: 'gateway-allowed-routes-broadened',
  kind: 'diff',
  severity: 'high',
  description: 'A Gateway listener accepts routes from more namespaces: allowedRoutes.namespaces.from Same → Selector → All, or a namespace selector that matches more.',
  check({ changed, report }) {
    for (const { before, after } of gatewayPairs(changed)) {
      if (!before || !after) continue;
      for (const [was, now] of pairListeners(before, after)) {
        const wasAdmitted = admitted(was, before.resource.namespace);
        const nowAdmitted = admitted(now, after.resource.namespace);
        const relation = compareSelectors(wasAdmitted, nowAdmitted);
        if (relation !== 'superset' && relation !== 'incomparable') continue;
        const fromChanged = was.allowedFrom !== now.allowedFrom;
        const change = fromChanged
          ? `allowedRoutes.namespaces.from went from ${code(was.allowedFrom)} to ${code(now.allowedFrom)}`
          : `the namespace selector went from ${code(describeSelector(wasAdmitted))} to ${code(describeSelector(nowAdmitted))}`;
        report({
          message: `${describeListener(after, now)}: ${change}, so routes from ${describeAdmitted(now, nowAdmitted)} ` +
            `(${relation === 'superset' ? 'not only' : 'instead of'} ${describeAdmitted(was, wasAdmitted)}) can attach to it and receive its traffic.`,
          at: placeOf(after.resource, existingPath(after.resource, fromChanged ? [fromPath(now)] : [selectorPath(now), fromPath(now)]), 'head'),
          key: `${now.name} ${fromChanged ? 'from' : 'selector'}`,
          related: [{
            ...placeOf(before.resource, existingPath(before.resource, [fromChanged ? fromPath(was) : selectorPath(was), fromPath(was), was.fieldPath]), 'base'),
            message: `was ${describeAdmitted(was, wasAdmitted)}`,
          }],
        });
      }
    }
  },
});

import { ALLOWED_FROM, type GatewayListener } from '../../model/gateway.js';
import { compareSelectors, describeSelector, EVERYTHING } from '../../model/selector.js';
import { defineRule } from '../rule.js';
import { describeListener, existingPath, gatewayPairs, pairListeners, placeOf } from './gateways.js';

const fromPath = (l: GatewayListener) => [...l.fieldPath, 'allowedRoutes', 'namespaces', 'from'];
const selectorPath = (l: GatewayListener) => [...l.fieldPath, 'allowedRoutes', 'namespaces', 'selector'];

const MEANING = { Same: "the Gateway's own namespace", Selector: 'the namespaces its selector matches', All: 'every namespace' } as const;

export default defineRule({
  id: 'gateway-allowed-routes-broadened',
  kind: 'diff',
  severity: 'high',
  description: 'A Gateway listener accepts routes from more namespaces: allowedRoutes.namespaces.from Same → Selector → All, or a namespace selector that matches more.',
  check({ changed, report }) {
    for (const { before, after } of gatewayPairs(changed)) {
      if (!before || !after) continue;
      for (const [was, now] of pairListeners(before, after)) {
        const subject = describeListener(after, now);
        const related = (message: string, paths: (readonly (string | number)[])[]) =>
          [{ ...placeOf(before.resource, existingPath(before.resource, [...paths, was.fieldPath]), 'base'), message }];
        if (ALLOWED_FROM.indexOf(now.allowedFrom) > ALLOWED_FROM.indexOf(was.allowedFrom)) {
          report({
            message: `${subject}: allowedRoutes.namespaces.from went from ${was.allowedFrom} to ${now.allowedFrom}, so routes from ${MEANING[now.allowedFrom]} ` +
              `(not only ${MEANING[was.allowedFrom]}) can attach to it and receive its traffic.`,
            at: placeOf(after.resource, fromPath(now), 'head'),
            key: `${now.name} from`,
            related: related(`was ${was.allowedFrom}`, [fromPath(was)]),
          });
        } else if (was.allowedFrom === 'Selector' && now.allowedFrom === 'Selector') {
          const relation = compareSelectors(was.selector ?? EVERYTHING, now.selector ?? EVERYTHING);
          if (relation !== 'superset' && relation !== 'incomparable') continue;
          report({
            message: `${subject}: the namespace selector went from ${describeSelector(was.selector ?? EVERYTHING)} to ${describeSelector(now.selector ?? EVERYTHING)}, ` +
              `which ${relation === 'superset' ? 'matches every namespace it did and more' : 'matches namespaces it did not'}: routes from those namespaces can attach to the listener.`,
            at: placeOf(after.resource, existingPath(after.resource, [selectorPath(now), fromPath(now)]), 'head'),
            key: `${now.name} selector`,
            related: related(`was ${describeSelector(was.selector ?? EVERYTHING)}`, [selectorPath(was)]),
          });
        }
      }
    }
  },
});

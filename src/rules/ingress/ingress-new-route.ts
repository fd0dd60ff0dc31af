import { describeBackend } from '../../model/ingress.js';
import { serviceSeverity } from '../../semantics/tiers.js';
import { defineRule } from '../rule.js';
import { classifiedRoutes, describeRoute, place, routeKey, subjectOf } from './routes.js';

export default defineRule({
  id: 'ingress-new-route',
  kind: 'diff',
  severity: 'info',
  description: 'An Ingress routes a host/path to a service that the base did not route there.',
  check(context) {
    const { report } = context;
    for (const { pair, after, route, verdict } of classifiedRoutes(context)) {
      if (verdict.kind !== 'new-route') continue;
      const tier = route.backend.service ? serviceSeverity(context.config?.tiers, context.head, after.resource.namespace, route.backend.service) : undefined;
      report({
        message: `${subjectOf(after)}${pair.before ? '' : ' (new)'}: new route ${describeRoute(route)} → ${describeBackend(route.backend)}; ` +
          `the service becomes reachable from outside the cluster on this host and path, check that it is meant to be public${tier?.suffix ?? ''}.`,
        ...(tier ? { severity: tier.severity } : {}),
        at: place(after, [...route.fieldPath, 'path'], 'head'),
        key: `${routeKey(route)} → ${describeBackend(route.backend)}`,
      });
    }
  },
});

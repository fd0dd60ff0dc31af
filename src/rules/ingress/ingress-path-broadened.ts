import { code } from '../../findings/code-span.js';
import { describeBackend } from '../../model/ingress.js';
import { defineRule } from '../rule.js';
import { describePath, matchesEveryPath } from './paths.js';
import { classifiedRoutes, describeRoute, place, routeKey, subjectOf } from './routes.js';

export default defineRule({
  id: 'ingress-path-broadened',
  kind: 'diff',
  severity: 'medium',
  description: 'An Ingress route now admits request paths it did not: Exact → Prefix, a shorter prefix, or → ImplementationSpecific.',
  check(context) {
    const { report } = context;
    for (const { pair, after, route, verdict } of classifiedRoutes(context)) {
      if (verdict.kind !== 'path-broadened' || !pair.before) continue;
      const field = verdict.changed;
      const everything = matchesEveryPath(route);
      report({
        message: `${subjectOf(after)}: the route for ${describeRoute(verdict.base)} now matches ${describePath(route)}` +
          `${route.host === undefined ? ' on every host' : ` on ${code(route.host)}`}, ` +
          (everything
            ? `which is every path of the host: anything ${describeBackend(route.backend)} serves, including admin and debug endpoints, is now reachable through the Ingress.`
            : `so requests the base did not route to ${describeBackend(route.backend)} now reach it.`),
        at: place(after, [...route.fieldPath, field], 'head'),
        severity: everything ? 'high' : undefined,
        key: `${routeKey(route)} from ${routeKey(verdict.base)}`,
        related: [{ ...place(pair.before, [...verdict.base.fieldPath, field], 'base'), message: `was ${describePath(verdict.base)}` }],
      });
    }
  },
});

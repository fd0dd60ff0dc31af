import { describeBackend, type IngressBackend, type IngressModel } from '../../model/ingress.js';
import { defineRule, type ReportInput } from '../rule.js';
import { normalizeHost } from './hosts.js';
import { representativeRequest } from './paths.js';
import { backendLine, describeRoute, ingressPairs, pathsOf, place, routeKey, sameBackend, serve, subjectOf } from './routes.js';

function changedBackend(before: IngressModel, after: IngressModel, was: IngressBackend, now: IngressBackend, what: string, key: string): ReportInput {
  return {
    message: `${subjectOf(after)}: ${what} now routes to ${describeBackend(now)} instead of ${describeBackend(was)}; ` +
      'existing clients reach a different service or port, which may not expect external traffic or enforce the same checks.',
    at: place(after, backendLine(now, was), 'head'),
    key,
    related: [{ ...place(before, backendLine(was, now), 'base'), message: `was ${describeBackend(was)}` }],
  };
}

export default defineRule({
  id: 'ingress-backend-changed',
  kind: 'diff',
  severity: 'medium',
  description: 'Requests for an existing Ingress host/path (or the default backend) now go to another service or port.',
  check({ base, head, changed, report }) {
    for (const { before, after } of ingressPairs(changed)) {
      if (!before || !after) continue;
      const seen = new Set<string>();
      for (const route of pathsOf(before)) {
        // Compare who serves the same request on each side, so a reordered, migrated or merged route compares equal.
        const request = representativeRequest(route);
        const id = `${normalizeHost(route.host) ?? '*'} ${request}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const was = serve(before, route.host, request);
        const now = serve(after, route.host, request);
        if (!was || !now || sameBackend(was.backend, now.backend, after.resource, { base, head })) continue;
        const through = routeKey(now) === routeKey(was) ? '' : ` (through the head route ${describeRoute(now)})`;
        report(changedBackend(before, after, was.backend, now.backend, `the route ${describeRoute(was)}${through}`, routeKey(was)));
      }
      if (before.defaultBackend && after.defaultBackend && !sameBackend(before.defaultBackend, after.defaultBackend, after.resource, { base, head })) {
        report(changedBackend(before, after, before.defaultBackend, after.defaultBackend, 'the default backend', 'defaultBackend'));
      }
    }
  },
});

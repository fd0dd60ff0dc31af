import { destinationSeverity } from '../../semantics/tiers.js';
import { defineRule } from '../rule.js';
import { connectivityChange, placeOf } from './change.js';

export const exposureAdded = defineRule({
  id: 'exposure-added',
  kind: 'diff',
  severity: 'high',
  description: 'A workload newly reachable from outside the cluster through an Ingress or Route (host/path → Service → workload:port), or a new port of it exposed.',
  check(context) {
    const change = connectivityChange(context);
    if (!change) return;
    // The ways in of the newly exposed workloads' namespaces only: the others' are not needed.
    const exposures = change.head.exposures(new Set(change.exposures.map((e) => e.workload.namespace)));
    for (const e of change.exposures) {
      const { entry } = e;
      // Each way in with the newly exposed ports it carries (the others may route only part of them).
      const routed = exposures.get(e.workload.id)?.entries ?? [];
      const edges = [entry, ...e.others].flatMap((way) => routed.filter((r) => r.entry === way).map((r) => ({
        source: { name: way.route, type: 'entry' as const },
        destination: { name: e.workload.id, type: 'workload' as const },
        ports: r.conns.intersect(e.added).toString(),
      })));
      const via = `${entry.resource.kind} ${entry.resource.namespace}/${entry.resource.name} (${entry.route} → service ${entry.service}` +
        `${entry.port !== undefined ? `:${entry.port}` : ''})`;
      const what = e.before.isEmpty() ? 'is newly reachable from outside the cluster' : `is now also reachable from outside the cluster (was ${e.before.toString()})`;
      const tier = destinationSeverity(context.config?.tiers, change.head.topology, [e.workload], e.workload.namespace);
      context.report({
        message: `Workload ${e.workload.id} ${what} on ${e.added.toString()} through ${via}${tier?.suffix ?? ''}.`,
        ...(tier ? { severity: tier.severity } : {}),
        at: placeOf({ resource: entry.resource, path: entry.path, side: 'head' }, context),
        key: e.workload.id,
        edges,
        related: e.others.map((o) => ({ ...placeOf({ resource: o.resource, path: o.path, side: 'head' }, context), message: `also routed here by ${o.resource.kind} ${o.resource.namespace}/${o.resource.name} (${o.route})` })),
      });
    }
  },
});

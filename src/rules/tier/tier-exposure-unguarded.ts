import type { Model } from '../../model/load.js';
import { Connectivity } from '../../semantics/connectivity.js';
import { buildExposureMap, describeEntry, type ExposureRow, type GuardKind } from '../../semantics/exposure-map.js';
import { tierResolvers, type TierResolver } from '../../semantics/tiers.js';
import { defineRule } from '../rule.js';

/** The guards that make an entry point acceptable for the critical tier: any one of them. */
const GUARDS: readonly GuardKind[] = ['tls', 'client-cert', 'ip-allowlist'];

export const tierExposureUnguarded = defineRule({
  id: 'tier-exposure-unguarded',
  kind: 'diff',
  severity: 'critical',
  modes: ['pr', 'audit'],
  description: 'A workload of the highest trust tier newly reachable from outside the cluster through an entry point with no TLS, no client-certificate verification and no IP allow-list.',
  check(context) {
    const resolvers = tierResolvers(context.config?.tiers, context.base, context.head);
    if (!resolvers) return;
    const { base, head } = resolvers;
    const before = new Set(unguarded(context.base, base).flatMap(({ row, workloads }) => workloads.map((w) => `${row.key}\0${w}`)));
    for (const { row, workloads } of unguarded(context.head, head)) {
      const fresh = workloads.filter((w) => !before.has(`${row.key}\0${w}`));
      if (fresh.length === 0) continue;
      const { kind, namespace, name } = row.object;
      const others = row.guards.filter((g) => !GUARDS.includes(g.kind)).map((g) => g.kind);
      context.report({
        message: `${fresh.length > 1 ? 'Workloads' : 'Workload'} ${fresh.join(', ')} (${head.highest} tier) ${fresh.length > 1 ? 'are' : 'is'} newly reachable from outside the cluster through ` +
          `${kind} ${namespace}/${name} (${describeEntry(row)}, ${row.controller}) with no TLS, no client-certificate verification and no IP allow-list` +
          `${others.length > 0 ? ` (only ${others.join(', ')})` : ''}: anyone who can reach the controller talks to it in clear text; ` +
          'add TLS for the host, and client-certificate verification or an allow-list.',
        at: { resource: row.source.resource, path: row.source.path, side: 'head' },
        key: row.key,
      });
    }
  },
});

/** Rows without any of GUARDS, with the highest-tier workloads behind them that the policies let the controller reach. */
function unguarded(model: Model, resolver: TierResolver): { row: ExposureRow; workloads: string[] }[] {
  const out: { row: ExposureRow; workloads: string[] }[] = [];
  for (const row of buildExposureMap(model).rows) {
    if (row.guards.some((g) => GUARDS.includes(g.kind))) continue;
    const workloads = resolver.destinationsOf(row).filter((w) => {
      if (w.tier.rank !== 0) return false;
      // A Service whose pods are not in the files: no policy can be checked against them, so it counts (fail closed).
      if (w.service) return true;
      const connectivity = Connectivity.of(model);
      const workload = connectivity.topology.byId.get(w.id);
      if (!workload) return false;
      // A NetworkPolicy that keeps the ingress controller out of the pods closes the way in (exposure-added's rule).
      const allowed = connectivity.allowed({ type: 'pods', cls: connectivity.ingressController }, { type: 'pods', cls: connectivity.classOf(workload) });
      const ports = w.ports ?? [];
      return ports.length === 0 ? !allowed.isEmpty() : ports.some((p) => (typeof p === 'number' ? allowed.contains('TCP', p) : !allowed.isEmpty()));
    }).map((w) => w.id);
    if (workloads.length > 0) out.push({ row, workloads: [...new Set(workloads)] });
  }
  return out;
}

import { buildExposureMap } from '../../semantics/exposure-map.js';
import { tierResolver } from '../../semantics/tiers.js';
import { defineRule } from '../rule.js';

export const tierUnassigned = defineRule({
  id: 'tier-unassigned',
  kind: 'state',
  severity: 'low',
  description: 'With trust tiers configured and no default tier, a workload that neither its pod label, its namespace label nor tiers.namespaces assigns to a tier (or a routed Service without workloads whose namespace has none).',
  check({ model, side, config, report }) {
    const tiers = config?.tiers;
    const resolver = tierResolver(tiers, model);
    if (!tiers || !resolver || tiers.default !== undefined) return;
    for (const workload of resolver.topology.workloads) {
      if (resolver.ofWorkload(workload)) continue;
      const ignored = resolver.ignoredLabels(workload).map((l) => `; its ${l.source} ${tiers.label}=${l.value} names no tier of tiers.order`).join('');
      report({
        message: `Workload ${workload.id} belongs to no trust tier${ignored}: add the label ${tiers.label} (one of ${tiers.order.join(', ')}) to its pods or its namespace, ` +
          `or map namespace ${workload.namespace} in tiers.namespaces; the tier rules cannot judge traffic to or from it.`,
        at: { resource: workload.resources[0], path: workload.labelsPath, side },
        key: workload.id,
      });
    }
    // A route's Service whose pods are not in the files takes its namespace's tier (TierResolver.destinationsOf):
    // without one, the tier rules cannot judge the route either.
    const reported = new Set<string>();
    for (const row of buildExposureMap(model).rows) {
      for (const backend of row.backends) {
        const id = `${backend.namespace}/${backend.service}[Service]`;
        if (backend.blocked || backend.resource || backend.workloads.length > 0 || reported.has(id) || resolver.ofNamespace(backend.namespace)) continue;
        reported.add(id);
        report({
          message: `Backend ${id}, routed by ${row.object.kind} ${row.object.namespace}/${row.object.name} and without workloads in the files, belongs to no trust tier: ` +
            `add the label ${tiers.label} (one of ${tiers.order.join(', ')}) to namespace ${backend.namespace}, or map it in tiers.namespaces; ` +
            'the tier rules cannot judge the routes to it.',
          at: { resource: row.source.resource, path: row.source.path, side },
          key: id,
        });
      }
    }
  },
});

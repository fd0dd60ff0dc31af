import { tierResolver } from '../../semantics/tiers.js';
import { defineRule } from '../rule.js';

export const tierUnassigned = defineRule({
  id: 'tier-unassigned',
  kind: 'state',
  severity: 'low',
  description: 'With trust tiers configured and no default tier, a workload that neither its pod label, its namespace label nor tiers.namespaces assigns to a tier.',
  check({ model, side, config, report }) {
    const tiers = config?.tiers;
    const resolver = tierResolver(tiers, model);
    if (!tiers || !resolver || tiers.default !== undefined) return;
    for (const workload of resolver.topology.workloads) {
      if (resolver.ofWorkload(workload)) continue;
      const ignored = resolver.ignoredLabels(workload).map((l) => `; its ${l.source} ${tiers.label}=${l.value} names no tier of tiers.order`).join('');
      report({
        message: `${workload.id} belongs to no trust tier${ignored}: add the label ${tiers.label} (one of ${tiers.order.join(', ')}) to its pods or its namespace, ` +
          `or map namespace ${workload.namespace} in tiers.namespaces; the tier rules cannot judge traffic to or from it`,
        at: { resource: workload.resources[0], path: workload.labelsPath, side },
        key: workload.id,
      });
    }
  },
});

import { DIRECTIONS } from '../../model/network-policy.js';
import { policyIndexOf } from '../../model/policy-index.js';
import { buildExposureMap, workloadsOf } from '../../semantics/exposure-map.js';
import { buildTopology, NAMESPACE_NAME_LABEL } from '../../semantics/topology.js';
import { defineRule } from '../rule.js';

export const workloadNotIsolated = defineRule({
  id: 'workload-not-isolated',
  kind: 'state',
  severity: 'low',
  modes: ['audit'],
  description: 'A workload is selected by no NetworkPolicy that isolates it for ingress (or egress), so that direction is fully open; medium when an entry point exposes it.',
  check({ model, side, report }) {
    const exposed = new Set(buildExposureMap(model).rows.flatMap((r) => workloadsOf(r).map((w) => w.id)));
    const topology = buildTopology(model);
    for (const w of topology.workloads) {
      // The policies that select the pods, cluster-wide Cilium policies of their namespace included.
      const policies = policyIndexOf(model).selecting(w.namespace, w.labels, topology.namespaces.get(w.namespace) ?? { [NAMESPACE_NAME_LABEL]: w.namespace });
      for (const direction of DIRECTIONS) {
        if (policies.some((p) => p.isolates[direction])) continue;
        const entry = direction === 'ingress' && exposed.has(w.id);
        const open = direction === 'ingress' ? 'every pod and address can connect to it' : 'it can connect to every destination';
        report({
          message: `Workload ${w.id} is not isolated for ${direction}: no NetworkPolicy in ${w.namespace} selects its pod labels and isolates ${direction}, so ${open}` +
            (entry ? ' (and an entry point exposes it outside the cluster).' : '.'),
          at: { resource: w.resources[0], path: w.labelsPath, side },
          ...(entry ? { severity: 'medium' as const } : {}),
          key: `${w.id}:${direction}`,
        });
      }
    }
  },
});

import { clusterPoliciesOf, describeClusterPolicy } from '../../model/admin-network-policy.js';
import { DIRECTIONS } from '../../model/network-policy.js';
import { policyIndexOf } from '../../model/policy-index.js';
import { matches } from '../../model/selector.js';
import { denyRulesOf, policyLabel } from '../../semantics/cilium.js';
import { clusterTierVerdict } from '../../semantics/cluster-deny.js';
import { Connectivity } from '../../semantics/connectivity.js';
import { NAMESPACE_NAME_LABEL } from '../../semantics/topology.js';
import { isAllowAll } from '../netpol/policies.js';
import { defineRule } from '../rule.js';

export const workloadNotIsolated = defineRule({
  id: 'workload-not-isolated',
  kind: 'state',
  severity: 'low',
  modes: ['audit'],
  description: 'A workload is selected by no NetworkPolicy or Cilium policy that isolates it for ingress (or egress), and no AdminNetworkPolicy, BaselineAdminNetworkPolicy or Cilium deny rule denies everything to it, so that direction is open (but for the deny rules the message names); medium when an entry point reaches it.',
  check({ model, side, report }) {
    const connectivity = Connectivity.of(model);
    const clusterPolicies = clusterPoliciesOf(model);
    for (const w of connectivity.topology.workloads) {
      const nsLabels = connectivity.topology.namespaces.get(w.namespace) ?? { [NAMESPACE_NAME_LABEL]: w.namespace };
      // The policies that select the pods, cluster-wide Cilium policies of their namespace included.
      const policies = policyIndexOf(model).selecting(w.namespace, w.labels, nsLabels);
      for (const direction of DIRECTIONS) {
        if (policies.some((p) => p.isolates[direction])) continue;
        const admin = clusterTierVerdict(clusterPolicies, (p) => matches(p.subject.namespaces, nsLabels) && matches(p.subject.pods, w.labels), direction);
        if (admin.denied) continue;
        // Cilium deny rules apply without default deny (NetworkPolicy tier: below an ANP Allow of everything).
        const ciliumDenying = admin.allowed ? [] : policies.filter((p) => denyRulesOf(p, direction).length > 0);
        if (ciliumDenying.some((p) => denyRulesOf(p, direction).some(isAllowAll))) continue;
        const denying = [...admin.denying.map(describeClusterPolicy), ...ciliumDenying.map(policyLabel)];
        // The controller's traffic as far as every tier lets it in: an ANP or Cilium deny may keep it out.
        const entry = direction === 'ingress' && !connectivity.ingressConnection(w).isEmpty();
        const open = direction === 'ingress' ? 'every pod and address can connect to it' : 'it can connect to every destination';
        const except = denying.length === 0 ? '' : ` except what ${joinNames(denying)} ${denying.length === 1 ? 'denies' : 'deny'}`;
        report({
          message: `Workload ${w.id} is not isolated for ${direction}: no NetworkPolicy or Cilium policy in ${w.namespace} selects its pod labels and isolates ${direction}, ` +
            `so ${open}${except}${entry ? ' (and an entry point exposes it outside the cluster)' : ''}.`,
          at: { resource: w.resources[0], path: w.labelsPath, side },
          ...(entry ? { severity: 'medium' as const } : {}),
          key: `${w.id}:${direction}`,
        });
      }
    }
  },
});

/** `a`, `a and b`, `a, b and c`. */
function joinNames(names: readonly string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

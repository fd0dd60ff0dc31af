import { clusterPoliciesOf, coversNamespace, deniesEverything } from '../../model/admin-network-policy.js';
import { isCiliumModel } from '../../model/cilium-policy.js';
import { DIRECTIONS, type NetworkPolicyModel } from '../../model/network-policy.js';
import { policyIndexOf } from '../../model/policy-index.js';
import { selectsEverything } from '../../model/selector.js';
import { denyRulesOf, policyLabel } from '../../semantics/cilium.js';
import { buildTopology, NAMESPACE_NAME_LABEL } from '../../semantics/topology.js';
import { isAllowAll, policyName } from '../netpol/policies.js';
import type { Place } from '../rule.js';
import { defineRule } from '../rule.js';

export const namespaceWithoutDefaultDeny = defineRule({
  id: 'namespace-without-default-deny',
  kind: 'state',
  severity: 'medium',
  modes: ['audit'],
  description: 'A namespace that has workloads or is declared has no default deny for ingress (or egress): no NetworkPolicy or Cilium policy (a CiliumClusterwideNetworkPolicy over the namespace included) isolates every pod, and no AdminNetworkPolicy, BaselineAdminNetworkPolicy or Cilium deny rule denies everything to its pods, so any pod no other policy selects is open in that direction.',
  check({ model, side, report }) {
    const topology = buildTopology(model);
    const { admin, baseline } = clusterPoliciesOf(model);
    const namespaces = new Set<string>();
    const places = new Map<string, Place>();
    for (const r of model.resources) {
      if (r.kind === 'Namespace' && r.group === '') {
        namespaces.add(r.name);
        places.set(r.name, { resource: r, path: ['metadata', 'name'], side });
      }
    }
    for (const w of topology.workloads) {
      namespaces.add(w.namespace);
      // An undeclared namespace is shown on its first workload, where `metadata.namespace` names it.
      if (!places.has(w.namespace)) places.set(w.namespace, { resource: w.resources[0], path: ['metadata', 'namespace'], side });
    }
    for (const namespace of [...namespaces].sort()) {
      const labels = topology.namespaces.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace };
      // The policies over every pod of the namespace: its own, and the cluster-wide Cilium ones that admit it.
      const everyPod = policyIndexOf(model).governing(namespace, labels).filter((p) => selectsEverything(p.podSelector));
      for (const direction of DIRECTIONS) {
        const isolatingAll = everyPod.filter((p) => p.isolates[direction]);
        // A Cilium rule adds its allows once another policy isolates the pods, even without default deny of its own.
        const allowingAll = [...new Set(everyPod.filter((p) => (p.isolates[direction] || isCiliumModel(p)) && p.rules[direction].some(isAllowAll)).map(nameOf))];
        // A Cilium deny of everything overrides every NetworkPolicy and Cilium allow (it sits in their tier).
        if (everyPod.some((p) => denyRulesOf(p, direction).some(isAllowAll))) continue;
        if (isolatingAll.length > 0 && allowingAll.length === 0) continue;
        // An ANP Deny of everything overrides every NetworkPolicy; the BANP's applies where no NetworkPolicy allows all.
        const denies = (policy: (typeof admin)[number] | typeof baseline) => policy !== undefined && coversNamespace(policy, labels) &&
          policy.rules[direction].some(deniesEverything);
        if (admin.some(denies) || (allowingAll.length === 0 && denies(baseline))) continue;
        const names = (list: string[]) => `${list.sort().join(', ')} allow${list.length === 1 ? 's' : ''}`;
        const why = isolatingAll.length === 0
          ? `no NetworkPolicy or Cilium policy selects every pod and isolates ${direction}`
          : `${names(allowingAll)} all ${direction} to every pod`;
        const open = direction === 'ingress' ? 'accepts connections from every source, in and outside the cluster' : 'may connect to every destination';
        report({
          message: `Namespace ${namespace} has no default deny for ${direction}: ${why}, so a pod no other policy isolates ${open}.`,
          at: places.get(namespace)!,
          // Egress: a missing egress default deny is common and less direct a risk than open ingress.
          ...(direction === 'egress' ? { severity: 'low' as const } : {}),
          key: `${namespace}:${direction}`,
        });
      }
    }
  },
});

/** `shop/web` for a NetworkPolicy (as the NetworkPolicy rules name it), `CiliumClusterwideNetworkPolicy guard` for a Cilium one. */
function nameOf(policy: NetworkPolicyModel): string {
  return isCiliumModel(policy) ? policyLabel(policy) : policyName(policy);
}

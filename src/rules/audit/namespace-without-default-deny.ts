import { clusterPoliciesOf, coversNamespace, deniesEverything } from '../../model/admin-network-policy.js';
import { DIRECTIONS } from '../../model/network-policy.js';
import { EVERYTHING, selectsEverything } from '../../model/selector.js';
import { buildTopology, NAMESPACE_NAME_LABEL } from '../../semantics/topology.js';
import { baselineRules } from '../netpol/isolation.js';
import { isAllowAll, policiesIn, policyName } from '../netpol/policies.js';
import type { Place } from '../rule.js';
import { defineRule } from '../rule.js';

export const namespaceWithoutDefaultDeny = defineRule({
  id: 'namespace-without-default-deny',
  kind: 'state',
  severity: 'medium',
  modes: ['audit'],
  description: 'A namespace that has workloads or is declared has no default deny for ingress (or egress): no policy isolates every pod, and no AdminNetworkPolicy or BaselineAdminNetworkPolicy denies everything to its pods, so any pod no other policy selects is open in that direction.',
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
      for (const direction of DIRECTIONS) {
        const isolatingAll = policiesIn(model, namespace).filter((p) => selectsEverything(p.podSelector) && p.isolates[direction]);
        const allowingAll = [...new Set(baselineRules(model, namespace, EVERYTHING, direction).filter((r) => isAllowAll(r.rule)).map((r) => policyName(r.policy)))];
        if (isolatingAll.length > 0 && allowingAll.length === 0) continue;
        // An ANP Deny of everything overrides every NetworkPolicy; the BANP's applies where no NetworkPolicy allows all.
        const labels = topology.namespaces.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace };
        const denies = (policy: (typeof admin)[number] | typeof baseline) => policy !== undefined && coversNamespace(policy, labels) &&
          policy.rules[direction].some(deniesEverything);
        if (admin.some(denies) || (allowingAll.length === 0 && denies(baseline))) continue;
        const names = (list: string[]) => `${list.sort().join(', ')} allow${list.length === 1 ? 's' : ''}`;
        const why = isolatingAll.length === 0
          ? `no NetworkPolicy selects every pod and isolates ${direction}`
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

import { describeClusterPolicy } from '../../model/admin-network-policy.js';
import { matches } from '../../model/selector.js';
import { defineRule } from '../rule.js';
import type { Unisolation } from '../../semantics/change.js';
import { policyLabel, subjectPath } from '../../semantics/cilium.js';
import { clusterTierVerdict } from '../../semantics/cluster-deny.js';
import type { Connectivity } from '../../semantics/connectivity.js';
import { isAllowAll } from '../netpol/policies.js';
import { connectivityChange, placeOf } from './change.js';

export const workloadUnisolated = defineRule({
  id: 'workload-unisolated',
  kind: 'diff',
  severity: 'high',
  description: 'A workload that a NetworkPolicy or Cilium policy isolated for ingress or egress in base is selected by no isolating policy in head, and no AdminNetworkPolicy, BaselineAdminNetworkPolicy or Cilium deny rule closes that direction entirely, so it is open (but for the deny rules the message names).',
  check(context) {
    const change = connectivityChange(context);
    if (!change) return;
    // Workloads that lost isolation for one reason (a deleted default deny, say) are one finding per direction,
    // not one per workload: the reviewer fixes the cause once.
    const groups = new Map<string, Unisolation[]>();
    for (const u of change.unisolated) {
      if (closedAnyway(change.head, u)) continue;
      const headLine = u.headPlace ? `${u.headPlace.resource.key}:${u.headPlace.path?.join('.') ?? ''}` : '';
      const key = `${u.basePolicies[0].resource.key}:${u.direction}:${u.reason}:${headLine}`;
      const group = groups.get(key);
      if (group) group.push(u);
      else groups.set(key, [u]);
    }
    for (const [key, group] of groups) {
      const [u, ...rest] = group;
      const [policy] = u.basePolicies;
      // ANPs, the BANP and Cilium deny rules still decide what their rules match: the direction is open but for them.
      const cilium = ciliumDenying(change.head, u);
      const deniers = [...(u.clusterPolicies.length > 0 ? ['AdminNetworkPolicy or BaselineAdminNetworkPolicy rule'] : []), ...(cilium.length > 0 ? ['Cilium deny rule'] : [])];
      const unless = deniers.length > 0 ? `that no ${deniers.join(' or ')} denies` : '';
      const open = u.direction === 'ingress'
        ? `every source in and outside the cluster ${unless ? `${unless} ` : ''}may now reach`
        : `may now reach every destination${unless ? ` ${unless}` : ''}`;
      // A collapsed workload stands for its alike members: "shop/pod-0[Pod] and 4999 more Pods alike are".
      const plural = rest.length > 0 || (u.workload.members?.length ?? 0) > 1;
      const verb = plural ? 'are' : 'is';
      const subject = `${plural ? 'Workloads' : 'Workload'} ${u.workload.id}${rest.length > 0 ? ` and ${rest.length} more` : ''}`;
      context.report({
        message: u.direction === 'ingress'
          ? `${subject} ${verb} no longer isolated for ingress: ${u.reason}; ${open} ${plural ? 'them' : 'it'}.`
          : `${subject} ${verb} no longer isolated for egress: ${u.reason}; ${plural ? 'they' : 'it'} ${open}.`,
        at: placeOf({ resource: policy.resource, path: subjectPath(policy), side: 'base' }, context),
        key: rest.length === 0 ? `${u.workload.id}:${u.direction}` : key,
        related: [
          ...(u.headPlace ? [{ ...placeOf(u.headPlace, context), message: u.reason }] : []),
          ...u.clusterPolicies.map((p) => ({ ...placeOf({ resource: p.resource, path: ['spec', 'subject'], side: 'head' }, context), message: `${describeClusterPolicy(p)} still decides the ${u.direction} connections its rules match` })),
          ...cilium.map((p) => ({ ...placeOf({ resource: p.resource, path: subjectPath(p), side: 'head' }, context), message: `${policyLabel(p)} still denies the ${u.direction} connections its deny rules match` })),
        ],
        ...(rest.length > 0 ? { details: group.map((g) => g.workload.id).join('\n') } : {}),
      });
    }
  },
});

/** The head Cilium policies whose deny rules still apply to the workload in the direction. */
function ciliumDenying(head: Connectivity, u: Unisolation) {
  return [...new Set(head.deny.rulesFor(u.direction, head.classOf(u.workload)).map((ref) => ref.policy))];
}

/**
 * Whether head closes the direction for the workload without isolating it: a Cilium deny of every peer on every
 * port, or an ANP (or the BANP) Deny of everything that decides first. Nothing is open then.
 */
function closedAnyway(head: Connectivity, u: Unisolation): boolean {
  const cls = head.classOf(u.workload);
  if (head.deny.rulesFor(u.direction, cls).some(({ rule }) => isAllowAll(rule))) return true;
  return clusterTierVerdict(head.clusterPolicies, (p) => matches(p.subject.namespaces, cls.nsLabels) && matches(p.subject.pods, cls.labels), u.direction).denied;
}

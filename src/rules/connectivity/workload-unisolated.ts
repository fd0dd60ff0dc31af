import { describeClusterPolicy } from '../../model/admin-network-policy.js';
import { defineRule } from '../rule.js';
import type { Unisolation } from '../../semantics/change.js';
import { subjectPath } from '../../semantics/cilium.js';
import { connectivityChange, placeOf } from './change.js';

export const workloadUnisolated = defineRule({
  id: 'workload-unisolated',
  kind: 'diff',
  severity: 'high',
  description: 'A workload that a NetworkPolicy isolated for ingress or egress in base is selected by no isolating policy in head, so that direction is fully open.',
  check(context) {
    const change = connectivityChange(context);
    if (!change) return;
    // Workloads that lost isolation for one reason (a deleted default deny, say) are one finding per direction,
    // not one per workload: the reviewer fixes the cause once.
    const groups = new Map<string, Unisolation[]>();
    for (const u of change.unisolated) {
      const headLine = u.headPlace ? `${u.headPlace.resource.key}:${u.headPlace.path?.join('.') ?? ''}` : '';
      const key = `${u.basePolicies[0].resource.key}:${u.direction}:${u.reason}:${headLine}`;
      const group = groups.get(key);
      if (group) group.push(u);
      else groups.set(key, [u]);
    }
    for (const [key, group] of groups) {
      const [u, ...rest] = group;
      const [policy] = u.basePolicies;
      // ANPs and the BANP still decide what their rules match: the direction is open but for them.
      const governed = u.clusterPolicies.length > 0;
      const open = u.direction === 'ingress'
        ? `every source in and outside the cluster ${governed ? 'that no AdminNetworkPolicy or BaselineAdminNetworkPolicy rule denies ' : ''}may now reach`
        : `may now reach every destination${governed ? ' that no AdminNetworkPolicy or BaselineAdminNetworkPolicy rule denies' : ''}`;
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
        ],
        ...(rest.length > 0 ? { details: group.map((g) => g.workload.id).join('\n') } : {}),
      });
    }
  },
});

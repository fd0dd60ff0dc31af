import { defineRule } from '../rule.js';
import { connectivityChange, placeOf } from './change.js';

export const workloadUnisolated = defineRule({
  id: 'workload-unisolated',
  kind: 'diff',
  severity: 'high',
  description: 'A workload that a NetworkPolicy isolated for ingress or egress in base is selected by no isolating policy in head, so that direction is fully open.',
  check(context) {
    const change = connectivityChange(context);
    if (!change) return;
    for (const u of change.unisolated) {
      const [policy] = u.basePolicies;
      const open = u.direction === 'ingress' ? 'every source in and outside the cluster may now reach it' : 'it may now reach every destination';
      context.report({
        message: `${u.workload.id} is no longer isolated for ${u.direction}: ${u.reason}; ${open}`,
        at: placeOf({ resource: policy.resource, path: ['spec', 'podSelector'], side: 'base' }, context),
        key: `${u.workload.id}:${u.direction}`,
        related: u.headPlace ? [{ ...placeOf(u.headPlace, context), message: u.reason }] : [],
      });
    }
  },
});

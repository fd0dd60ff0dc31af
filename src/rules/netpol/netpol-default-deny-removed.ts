import type { FieldPath } from '../../model/field-path.js';
import { defineRule } from '../rule.js';
import { defaultDenyLosses, type DefaultDenyLoss } from './default-deny.js';
import { describePolicyTypes, policyName, policyTypesPath } from './policies.js';
import { describePods, joinDirections } from './describe.js';

export default defineRule({
  id: 'netpol-default-deny-removed',
  kind: 'diff',
  severity: 'critical',
  description: 'A namespace that had a default deny (a policy selecting every pod, isolating a direction, allowing nothing in it) no longer has one: deleted, emptied of isolation, or given an allow-all rule.',
  check(context) {
    for (const loss of defaultDenyLosses(context)) {
      const resource = loss.side === 'head' && loss.after ? loss.after.resource : loss.before.resource;
      context.report({
        message: messageOf(loss),
        at: { resource, path: loss.path, side: loss.side },
        key: `${loss.how} ${joinDirections(loss.directions)}`,
        related: loss.side === 'head' ? [{ resource: loss.before.resource, path: baseField(loss), side: 'base', message: 'the default deny in base' }] : [],
      });
    }
  },
});

/** The base field the head change is about. */
function baseField(loss: DefaultDenyLoss): FieldPath {
  if (loss.how === 'unisolated') return policyTypesPath(loss.before);
  return loss.how === 'narrowed' ? ['spec', 'podSelector'] : ['spec'];
}

function messageOf(loss: DefaultDenyLoss): string {
  const { before, after } = loss;
  const namespace = before.resource.namespace;
  const directions = joinDirections(loss.directions);
  const what = `NetworkPolicy ${policyName(before)}, the default deny for ${directions} of namespace ${namespace},`;
  const impact = `pods of ${namespace} that no other policy isolates now accept all ${directions} traffic, and new workloads are open by default`;
  switch (loss.how) {
    case 'deleted':
      return `${what} was deleted and no other policy isolates every pod of the namespace for ${directions}: ${impact}.`;
    case 'allow-all':
      return `${what} now has ${loss.rule?.direction} rule ${loss.rule?.index} with no peers and no ports, which allows everything: ` +
        `every pod of ${namespace} is open to all ${directions} traffic.`;
    case 'unisolated':
      return `${what} no longer isolates ${directions}: its effective policyTypes went from ${describePolicyTypes(before)} to ` +
        `${after ? describePolicyTypes(after) : '[]'}${after && !after.policyTypesExplicit && before.policyTypesExplicit
          ? ' (policyTypes was removed, and without it Egress is only isolated when spec.egress is non-empty)' : ''}; ${impact}.`;
    case 'narrowed':
      return `${what} no longer selects every pod: its podSelector now picks only ${after ? describePods(after) : 'some pods'}; ${impact}.`;
  }
}

import { defineRule } from '../rule.js';

export default defineRule({
  id: 'manifest-duplicate',
  kind: 'state',
  modes: ['pr', 'audit'],
  severity: 'medium',
  description: 'Two objects on one side have the same identity (group, kind, namespace, name); the later one would overwrite the earlier one when applied.',
  check({ model, side, report }) {
    for (const problem of model.problems) {
      if (problem.kind !== 'duplicate' || !problem.resource || !problem.first) continue;
      report({
        message: `${problem.message}. Whichever is applied last wins, so what the cluster enforces depends on apply order.`,
        at: { resource: problem.resource, side },
        related: [{ resource: problem.first, side, message: 'first definition' }],
        key: 'duplicate',
      });
    }
  },
});

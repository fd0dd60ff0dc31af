import { defineRule } from '../rule.js';

export default defineRule({
  id: 'manifest-duplicate',
  kind: 'state',
  modes: ['pr', 'audit'],
  severity: 'high',
  description: 'Two objects on one side have the same identity (group, kind, namespace, name): `kubectl apply -f` keeps the copy applied last (last by path order), which is the one analyzed; high when the copies differ in meaning, low when identical.',
  check({ model, side, report }) {
    for (const problem of model.problems) {
      if (problem.kind !== 'duplicate' || !problem.resource || !problem.overwritten) continue;
      report({
        message: problem.message,
        // Identical copies change nothing whichever wins; differing ones make the reviewed copy possibly not the applied one.
        severity: problem.differs ? undefined : 'low',
        at: { resource: problem.resource, side },
        related: problem.overwritten.map((resource) => ({ resource, side, message: 'overwritten copy' })),
        key: problem.differs ? 'duplicate-differs' : 'duplicate',
      });
    }
  },
});

import { describeIdentity } from '../../src/model/identity.js';
import { defineRule } from '../../src/rules/rule.js';

/**
 * A test-only diff rule that reports every added or changed object of the head: it makes "the rest of the tree
 * was still analyzed" observable whatever other rules exist.
 */
export const probeRule = defineRule({
  id: 'test-probe',
  kind: 'diff',
  severity: 'high',
  description: 'Reports every object the head adds or changes (tests only).',
  check({ changed, report }) {
    for (const { after } of changed) {
      if (after) report({ message: `seen ${describeIdentity(after)}`, at: { resource: after, side: 'head' }, key: 'seen' });
    }
  },
});

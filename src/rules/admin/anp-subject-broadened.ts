import { defineRule } from '../rule.js';
import { subjectBroadening } from './broadenings.js';
import { changedAdminPolicies, nameWithPriority } from './policies.js';

export default defineRule({
  id: 'anp-subject-broadened',
  kind: 'diff',
  severity: 'high',
  description: 'The subject of an AdminNetworkPolicy with Allow or Pass rules selects pods it did not, so those rules override their NetworkPolicies; critical when such a rule matches every namespace or 0.0.0.0/0.',
  check(context) {
    for (const { before, after } of changedAdminPolicies(context.changed)) {
      if (!before || !after) continue;
      const b = subjectBroadening(before, after);
      if (!b) continue;
      context.report({
        message: `${nameWithPriority(after)}: ${b.what}.`,
        at: { resource: after.resource, path: b.path, side: 'head' },
        severity: b.severity,
        key: b.key,
        related: [{ resource: before.resource, path: [...before.subject.path, before.subject.field], side: 'base', message: 'the subject in base' }],
      });
    }
  },
});

import { IGNORE_ANNOTATION, suppressionOf } from '../../findings/suppression.js';
import { describeIdentity } from '../../model/identity.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'suppression-invalid',
  kind: 'state',
  modes: ['pr', 'audit'],
  severity: 'medium',
  description: `A \`${IGNORE_ANNOTATION}\` annotation without a reason or without rule ids: it is not honoured, because every suppression must say why.`,
  check({ side, changedResources, report }) {
    // An annotation is judged on its own object.
    for (const resource of changedResources) {
      const suppression = suppressionOf(resource);
      if (!suppression || (suppression.reason && suppression.ruleIds.length > 0)) continue;
      const missing = suppression.ruleIds.length === 0 ? 'rule ids' : 'reason';
      report({
        message: `The ${IGNORE_ANNOTATION} annotation on ${describeIdentity(resource)} has no ${missing}; write "<rule-id>[,<rule-id>]: <reason>". Until then it suppresses nothing.`,
        at: { resource, path: ['metadata', 'annotations', IGNORE_ANNOTATION], side },
        key: 'suppression',
      });
    }
  },
});

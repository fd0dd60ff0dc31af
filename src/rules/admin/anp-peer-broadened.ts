import { defineRule } from '../rule.js';
import { ruleBroadenings } from './broadenings.js';
import { changedAdminPolicies, describeAdminRule, opens, pairRules, nameWithPriority } from './policies.js';

export default defineRule({
  id: 'anp-peer-broadened',
  kind: 'diff',
  severity: 'high',
  description: 'An AdminNetworkPolicy Allow or Pass rule matches more: a namespaces/pods selector that selects more, wider networks CIDRs, more ports; critical for every namespace or 0.0.0.0/0.',
  check(context) {
    for (const { before, after } of changedAdminPolicies(context.changed)) {
      if (!before || !after) continue;
      for (const [was, now] of pairRules(before, after).pairs) {
        // A rule that was a Deny is anp-action-loosened's: all it matches is new.
        if (!opens(was) || !opens(now)) continue;
        for (const b of ruleBroadenings(was, now)) {
          context.report({
            message: `${nameWithPriority(after)}: ${now.action} ${describeAdminRule(now)} ${b.what}. ` +
              `The connections it matches ${now.action === 'Allow' ? 'are allowed before any NetworkPolicy is consulted' : 'skip every later ANP Deny'}, ` +
              'so the newly matched ones are open to the pods of its subject.',
            at: { resource: after.resource, path: b.path, side: 'head' },
            severity: b.severity,
            key: `${now.direction} ${now.name || now.index} ${b.key}`,
            related: [{ resource: before.resource, path: was.path, side: 'base', message: 'the rule in base' }],
          });
        }
      }
    }
  },
});

import { code } from '../../findings/code-span.js';
import { formatFieldPath } from '../../model/field-path.js';
import { getIn } from '../../model/json.js';
import { defineRule } from '../rule.js';
import { PEER_WORD, capitalize, describePorts, isolationNote } from './describe.js';
import { policyName } from './policies.js';
import { describeReplaced, replacedPlace, wideningsOf } from './widenings.js';

export default defineRule({
  id: 'netpol-peers-emptied',
  kind: 'diff',
  severity: 'high',
  description: 'A NetworkPolicy rule\'s `from`/`to` becomes empty or absent for isolated pods, so it admits every source or destination on its ports.',
  check(context) {
    for (const w of wideningsOf(context, 'peers-emptied')) {
      const word = PEER_WORD[w.direction];
      const path = [...w.rule.path, word.field];
      const written = getIn(w.policy.resource.object, path) === undefined ? `has no ${code(word.field)}` : `has an empty ${code(word.field)}`;
      const was = describeReplaced(w.replaced);
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} rule ${w.rule.index} ${written}, so it now admits every ${word.one} ` +
          `(any pod, any namespace, any address outside the cluster) on ${describePorts(w.rule.ports)}` +
          `${was ? ` instead of only the listed ${word.many} (base: ${was})` : ''}. ` +
          `${capitalize(isolationNote(w.direction, w.isolatedBy))}.`,
        at: { resource: w.policy.resource, path, side: 'head' },
        key: formatFieldPath(path),
        related: replacedPlace(w.replaced, 'the base rule with listed peers'),
      });
    }
  },
});

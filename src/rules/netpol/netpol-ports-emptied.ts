import { formatFieldPath } from '../../model/field-path.js';
import { getIn } from '../../model/json.js';
import { defineRule } from '../rule.js';
import { capitalize, describePeer, describePorts, isolationNote } from './describe.js';
import { policyName } from './policies.js';
import { replacedPlace, wideningsOf } from './widenings.js';

export default defineRule({
  id: 'netpol-ports-emptied',
  kind: 'diff',
  severity: 'medium',
  description: 'A NetworkPolicy rule\'s `ports` becomes empty or absent, so peers admitted on some ports are now admitted on every port and protocol.',
  check(context) {
    for (const w of wideningsOf(context, 'ports-emptied')) {
      const namespace = w.policy.resource.namespace;
      const path = [...w.rule.path, 'ports'];
      const written = getIn(w.policy.resource.object, path) === undefined ? 'has no `ports`' : 'has an empty `ports`';
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} rule ${w.rule.index} ${written}, so ` +
          `it now admits ${w.peers.map((p) => describePeer(p, namespace)).join('; ')} on every port and protocol ` +
          `instead of only ${describePorts(w.before)}. ${capitalize(isolationNote(w.direction, w.isolatedBy))}; ` +
          (w.direction === 'ingress'
            ? 'every other port the pods listen on (admin, debug, metrics) is now reachable from those sources.'
            : 'every port and protocol of those destinations is now reachable.'),
        at: { resource: w.policy.resource, path, side: 'head' },
        key: formatFieldPath(path),
        related: replacedPlace(w.replaced, 'the base rule with listed ports'),
      });
    }
  },
});

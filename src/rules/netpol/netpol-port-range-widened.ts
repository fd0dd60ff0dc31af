import { formatFieldPath } from '../../model/field-path.js';
import { defineRule } from '../rule.js';
import { capitalize, describePeers, describePort, isolationNote } from './describe.js';
import { policyName } from './policies.js';
import { replacedPlace, wideningsOf } from './widenings.js';

export default defineRule({
  id: 'netpol-port-range-widened',
  kind: 'diff',
  severity: 'medium',
  description: 'A NetworkPolicy rule admits ports its peers were not admitted on before: endPort added or raised, a port turned into a range, a protocol or port added.',
  check(context) {
    for (const w of wideningsOf(context, 'port-range-widened')) {
      const namespace = w.policy.resource.namespace;
      const path = w.port.endPort !== undefined ? [...w.port.path, 'endPort'] : w.port.path;
      const was = w.replaced?.port ? ` (base: ${describePort(w.replaced.port)})` : '';
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} rule ${w.rule.index} now admits ${describePort(w.port)}${was} ` +
          `for ${describePeers(w.rule.peers, w.direction, namespace)}, beyond the ports the base admitted for them. ` +
          `${capitalize(isolationNote(w.direction, w.isolatedBy))}; the extra ports reach services the policy kept closed.`,
        at: { resource: w.policy.resource, path, side: 'head' },
        key: `${formatFieldPath(w.rule.path)} ${describePort(w.port)}`,
        related: replacedPlace(w.replaced, 'the base port it widened'),
      });
    }
  },
});

import type { FieldPath } from '../../model/field-path.js';
import { describeAddresses, parseCidr } from '../../model/ip-set.js';
import { defineRule } from '../rule.js';
import { PEER_WORD, capitalize, describePeer, formatCount, isolationNote } from './describe.js';
import { policyName } from './policies.js';
import { replacedPlace, wideningsOf, type Widening } from './widenings.js';

export default defineRule({
  id: 'netpol-ipblock-widened',
  kind: 'diff',
  severity: 'high',
  description: 'An ipBlock now admits addresses the base did not (a wider cidr, a removed or narrowed except, a new broader block); critical when an ingress ipBlock becomes 0.0.0.0/0 or ::/0.',
  check(context) {
    for (const w of wideningsOf(context, 'ipblock-widened')) {
      const namespace = w.policy.resource.namespace;
      const everything = parseCidr(w.peer.cidr)?.prefix === 0;
      const was = w.replaced?.peer ? ` (base: ${describePeer(w.replaced.peer, namespace)})` : ' (a new block)';
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} ${describePeer(w.peer, namespace)}${was} now admits ` +
          `${formatCount(w.added.size())} more ${PEER_WORD[w.direction].one} addresses (${describeAddresses(w.added)}). ` +
          `${capitalize(isolationNote(w.direction, w.isolatedBy))}` +
          `${everything ? `; ${w.peer.cidr} is the whole address space, including the internet` : ''}.`,
        at: { resource: w.policy.resource, path: blamedField(w), side: 'head' },
        severity: everything && w.direction === 'ingress' ? 'critical' : undefined,
        key: `${w.direction} ${describePeer(w.peer, namespace)}`,
        related: replacedPlace(w.replaced, 'the base ipBlock'),
      });
    }
  },
});

/** The cidr line, unless the cidr is unchanged and the widening came from the except list. */
function blamedField(w: Extract<Widening, { kind: 'ipblock-widened' }>): FieldPath {
  const before = w.replaced?.peer;
  const exceptChanged = before?.type === 'ipBlock' && before.cidr === w.peer.cidr && w.peer.except.length > 0;
  return [...w.peer.path, exceptChanged ? 'except' : 'cidr'];
}

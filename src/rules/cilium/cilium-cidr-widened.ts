import { describeAddresses } from '../../model/ip-set.js';
import { addressesOf } from '../netpol/peers.js';
import { defineRule } from '../rule.js';
import { allowComparisons, describeCiliumPeer, ruleName } from './specs.js';

export default defineRule({
  id: 'cilium-cidr-widened',
  kind: 'diff',
  severity: 'high',
  description: 'A Cilium fromCIDR/toCIDR/fromCIDRSet/toCIDRSet now admits addresses the same policy did not (a wider cidr, a removed except, a new block); critical when an ingress CIDR becomes 0.0.0.0/0 or ::/0.',
  check(context) {
    for (const { pair, direction, base, head } of allowComparisons(context)) {
      // Every address the base rules of the direction admitted, entities and L4-only rules included.
      const before = base.reduce((set, r) => set.union(addressesOf(r.peers)), addressesOf([]));
      for (const rule of head) {
        for (const peer of rule.peers === 'all' ? [] : rule.peers) {
          if (peer.type !== 'ipBlock' || peer.entity || !peer.field.includes('CIDR')) continue;
          const added = peer.addresses.subtract(before);
          if (added.isEmpty()) continue;
          const everything = peer.cidr.endsWith('/0');
          context.report({
            message: `${ruleName(rule, pair.after)} now admits ${describeAddresses(added)} through ${describeCiliumPeer(peer, pair.after.resource.namespace)}, ` +
              `which no base rule of this policy admitted ${direction === 'ingress' ? 'as sources' : 'as destinations'}` +
              `${everything ? `; ${peer.cidr} is the whole address space, including the internet` : ''}.`,
            at: { resource: pair.after.resource, path: peer.field.endsWith('Set') ? [...peer.path, 'cidr'] : peer.path, side: 'head' },
            severity: everything && direction === 'ingress' ? 'critical' : undefined,
            key: `${pair.after.specPath.join('.')}:${direction}:${peer.cidr}:${peer.except.join(',')}`,
          });
        }
      }
    }
  },
});

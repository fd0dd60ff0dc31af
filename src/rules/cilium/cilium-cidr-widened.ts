import { describeAddresses } from '../../model/ip-set.js';
import { addressesOf } from '../netpol/peers.js';
import { defineRule } from '../rule.js';
import { allowComparisons, describeCiliumPeer, ruleName } from './specs.js';

export default defineRule({
  id: 'cilium-cidr-widened',
  kind: 'diff',
  severity: 'high',
  description: 'A Cilium fromCIDR/toCIDR/fromCIDRSet/toCIDRSet now admits addresses the base did not admit for the same endpoints (a wider cidr, a removed except, a new block); critical when an ingress CIDR becomes 0.0.0.0/0 or ::/0.',
  check(context) {
    for (const { policy, direction, base, head } of allowComparisons(context)) {
      // Every address the base rules admitted, entities, ipBlocks and L4-only rules included.
      const before = base.reduce((set, b) => set.union(addressesOf(b.rule.peers)), addressesOf([]));
      for (const rule of head) {
        for (const peer of rule.peers === 'all' ? [] : rule.peers) {
          if (peer.type !== 'ipBlock' || !peer.field.includes('CIDR')) continue;
          const added = peer.addresses.subtract(before);
          if (added.isEmpty()) continue;
          const everything = peer.cidr.endsWith('/0');
          context.report({
            message: `${ruleName(rule, policy)} now admits ${describeAddresses(added)} through ${describeCiliumPeer(peer, policy.resource.namespace)}, ` +
              `which no base rule admitted ${direction === 'ingress' ? 'as sources' : 'as destinations'} of these endpoints` +
              `${everything ? `; ${peer.cidr} is the whole address space, including the internet` : ''}.`,
            at: { resource: policy.resource, path: peer.field.endsWith('Set') ? [...peer.path, 'cidr'] : peer.path, side: 'head' },
            severity: everything && direction === 'ingress' ? 'critical' : undefined,
            key: `${policy.specPath.join('.')}:${direction}:${peer.cidr}:${peer.except.join(',')}`,
          });
        }
      }
    }
  },
});

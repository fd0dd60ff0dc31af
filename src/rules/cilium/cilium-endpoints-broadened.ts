import type { PodPeer } from '../../model/network-policy.js';
import { selectsEverything } from '../../model/selector.js';
import { peersAdmit, podPeerWithin } from '../netpol/peers.js';
import { defineRule } from '../rule.js';
import { allowComparisons, describeCiliumPeer, ruleName } from './specs.js';

export default defineRule({
  id: 'cilium-endpoints-broadened',
  kind: 'diff',
  severity: 'high',
  description: 'A Cilium fromEndpoints/toEndpoints selector now selects more endpoints than the same policy admitted (a label dropped, a namespace opened, or the empty selector `{}`, every endpoint of the namespace).',
  check(context) {
    for (const { pair, direction, scope, base, head } of allowComparisons(context)) {
      const namespace = pair.after.resource.namespace;
      const basePeers = base.flatMap((r) => (r.peers === 'all' ? [] : r.peers.filter((p): p is PodPeer & typeof p => p.type === 'pods' && !p.entity)));
      for (const rule of head) {
        for (const peer of rule.peers === 'all' ? [] : rule.peers) {
          if (peer.type !== 'pods' || peer.entity) continue;
          if (base.some((r) => peersAdmit(r.peers, peer, scope))) continue;
          const narrower = basePeers.find((q) => podPeerWithin(q, peer, scope));
          if (!narrower && !selectsEverything(peer.pods)) continue; // a new grant: connectivity-added speaks for it
          context.report({
            message: `${ruleName(rule, pair.after)} now admits ${describeCiliumPeer(peer, namespace)}, more endpoints than ` +
              `${narrower ? describeCiliumPeer(narrower, namespace) : 'any peer'} the base admitted ${direction === 'ingress' ? 'from' : 'to'}.`,
            at: { resource: pair.after.resource, path: peer.path, side: 'head' },
            key: `${pair.after.specPath.join('.')}:${direction}:${describeCiliumPeer(peer, namespace)}`,
            related: narrower ? [{ resource: pair.before.resource, path: narrower.path, side: 'base', message: 'the base selector' }] : [],
          });
        }
      }
    }
  },
});

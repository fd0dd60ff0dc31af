import type { PodPeer } from '../../model/network-policy.js';
import { selectsEverything } from '../../model/selector.js';
import type { BaseRule } from '../netpol/isolation.js';
import { peersAdmit, podPeerWithin } from '../netpol/peers.js';
import { defineRule } from '../rule.js';
import { allowComparisons, describeCiliumPeer, ruleName } from './specs.js';

export default defineRule({
  id: 'cilium-endpoints-broadened',
  kind: 'diff',
  severity: 'high',
  description: 'A Cilium fromEndpoints/toEndpoints selector now selects more endpoints than the base admitted for the same endpoints (a label dropped, a namespace opened, or the empty selector `{}`, every endpoint of the namespace).',
  check(context) {
    for (const { policy, direction, scope, base, head } of allowComparisons(context)) {
      const namespace = policy.resource.namespace;
      const basePeers = base.flatMap((b) => (b.rule.peers === 'all' ? [] : b.rule.peers
        .filter((p): p is PodPeer => p.type === 'pods' && !('entity' in p && p.entity))
        .map((peer) => ({ ...b, peer }))));
      for (const rule of head) {
        for (const peer of rule.peers === 'all' ? [] : rule.peers) {
          if (peer.type !== 'pods' || peer.entity) continue;
          if (base.some((b: BaseRule) => peersAdmit(b.rule.peers, peer, scope))) continue;
          const narrower = basePeers.find((q) => podPeerWithin(q.peer, peer, scope));
          if (!narrower && !selectsEverything(peer.pods)) continue; // a new grant: connectivity-added speaks for it
          context.report({
            message: `${ruleName(rule, policy)} now admits ${describeCiliumPeer(peer, namespace)}, more endpoints than ` +
              `${narrower ? describeCiliumPeer(narrower.peer, narrower.policy.resource.namespace) : 'any peer'} the base admitted ${direction === 'ingress' ? 'from' : 'to'}.`,
            at: { resource: policy.resource, path: peer.path, side: 'head' },
            key: `${policy.specPath.join('.')}:${direction}:${describeCiliumPeer(peer, namespace)}`,
            related: narrower ? [{ resource: narrower.policy.resource, path: narrower.peer.path, side: 'base', message: 'the base selector' }] : [],
          });
        }
      }
    }
  },
});

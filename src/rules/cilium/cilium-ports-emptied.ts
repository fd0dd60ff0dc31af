import type { Peer, PolicyRule } from '../../model/network-policy.js';
import { describePorts } from '../netpol/describe.js';
import { coversEveryPort, peersAdmit, type Scope } from '../netpol/peers.js';
import { defineRule } from '../rule.js';
import { allowComparisons, describeCiliumPeer, ruleName } from './specs.js';

export default defineRule({
  id: 'cilium-ports-emptied',
  kind: 'diff',
  severity: 'medium',
  description: 'A Cilium rule loses its toPorts (or lists every port), so peers the base admitted to the same endpoints on some ports only are now admitted on every port and protocol.',
  check(context) {
    for (const { policy, direction, scope, base, head } of allowComparisons(context)) {
      for (const rule of head) {
        if (rule.peers === 'all' || !coversEveryPort(rule.ports)) continue;
        // The peers some base rule admitted, none of them on every port.
        const narrowed = rule.peers.map((peer) => ({ peer, rules: base.filter((b) => admits(b.rule, peer, scope)) }))
          .filter(({ rules }) => rules.length > 0 && !rules.some((b) => coversEveryPort(b.rule.ports)));
        if (narrowed.length === 0) continue;
        const [{ peer, rules: [was] }] = narrowed;
        context.report({
          message: `${ruleName(rule, policy)} has no toPorts, so it now admits ${describeCiliumPeer(peer, policy.resource.namespace)}` +
            `${narrowed.length > 1 ? ` (and ${narrowed.length - 1} more peers)` : ''} on every port and protocol instead of only ${describePorts(was.rule.ports)} ` +
            `${direction === 'ingress' ? 'into' : 'from'} these endpoints.`,
          at: { resource: policy.resource, path: rule.path, side: 'head' },
          key: `${policy.specPath.join('.')}:${direction}:${describeCiliumPeer(peer, policy.resource.namespace)}`,
          related: [{ resource: was.policy.resource, path: was.rule.path, side: 'base', message: 'the base rule with its ports' }],
        });
      }
    }
  },
});

/** Whether a base rule admitted all of `peer` (pods within its selectors, or addresses within its blocks). */
function admits(rule: PolicyRule, peer: Peer, scope: Scope): boolean {
  if (rule.peers === 'all') return true;
  if (peer.type === 'pods') return peersAdmit(rule.peers, peer, scope);
  return rule.peers.some((q) => q.type === 'ipBlock' && peer.addresses.isSubsetOf(q.addresses));
}

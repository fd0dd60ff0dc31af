import type { CiliumPeer, CiliumRule } from '../../model/cilium-policy.js';
import { describePorts } from '../netpol/describe.js';
import { coversEveryPort, peersAdmit, type Scope } from '../netpol/peers.js';
import { defineRule } from '../rule.js';
import { allowComparisons, describeCiliumPeer, ruleName } from './specs.js';

export default defineRule({
  id: 'cilium-ports-emptied',
  kind: 'diff',
  severity: 'medium',
  description: 'A Cilium rule loses its toPorts (or lists every port), so peers the same policy admitted on some ports only are now admitted on every port and protocol.',
  check(context) {
    for (const { pair, direction, scope, base, head } of allowComparisons(context)) {
      for (const rule of head) {
        if (rule.peers === 'all' || !coversEveryPort(rule.ports)) continue;
        // The peers some base rule admitted, none of them on every port.
        const narrowed = rule.peers.map((peer) => ({ peer, rules: base.filter((r) => admits(r, peer, scope)) }))
          .filter(({ rules }) => rules.length > 0 && !rules.some((r) => coversEveryPort(r.ports)));
        if (narrowed.length === 0) continue;
        const [{ peer, rules: [was] }] = narrowed;
        context.report({
          message: `${ruleName(rule, pair.after)} has no toPorts, so it now admits ${describeCiliumPeer(peer, pair.after.resource.namespace)}` +
            `${narrowed.length > 1 ? ` (and ${narrowed.length - 1} more peers)` : ''} on every port and protocol instead of only ${describePorts(was.ports)} ` +
            `${direction === 'ingress' ? 'into' : 'from'} these endpoints.`,
          at: { resource: pair.after.resource, path: rule.path, side: 'head' },
          key: `${pair.after.specPath.join('.')}:${direction}:${describeCiliumPeer(peer, pair.after.resource.namespace)}`,
          related: [{ resource: pair.before.resource, path: was.path, side: 'base', message: 'the base rule with its ports' }],
        });
      }
    }
  },
});

/** Whether a base rule admitted all of `peer` (pods within its selectors, or addresses within its CIDRs). */
function admits(rule: CiliumRule, peer: CiliumPeer, scope: Scope): boolean {
  if (rule.peers === 'all') return true;
  if (peer.type === 'pods') return peersAdmit(rule.peers, peer, scope);
  return rule.peers.some((q) => q.type === 'ipBlock' && peer.addresses.isSubsetOf(q.addresses));
}

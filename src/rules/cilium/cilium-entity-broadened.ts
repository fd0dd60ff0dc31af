import { code } from '../../findings/code-span.js';
import type { CiliumPeer } from '../../model/cilium-policy.js';
import { addressesOf, peersAdmit, type Scope } from '../netpol/peers.js';
import type { BaseRule } from '../netpol/isolation.js';
import { defineRule } from '../rule.js';
import { allowComparisons, describeCiliumPeer, ruleName } from './specs.js';

const BROADENING = new Set(['world', 'world-ipv4', 'world-ipv6', 'cluster', 'all']);

export default defineRule({
  id: 'cilium-entity-broadened',
  kind: 'diff',
  severity: 'high',
  description: 'A Cilium rule now admits the entity world, cluster or all for endpoints the base isolated and did not already admit them for (every address outside the cluster, every pod, or both); critical for world or all on ingress.',
  check(context) {
    for (const { policy, direction, scope, base, head } of allowComparisons(context)) {
      const seen = new Set<string>();
      for (const rule of head) {
        for (const peer of rule.peers === 'all' ? [] : rule.peers) {
          const entity = peer.entity;
          // `world` is two peers (IPv4 and IPv6) of one line: one finding, when either part is new.
          const place = peer.path.join('.');
          if (!entity || !BROADENING.has(entity) || seen.has(place) || admitted(base, peer, scope)) continue;
          seen.add(place);
          const outside = entity !== 'cluster';
          context.report({
            message: `${ruleName(rule, policy)} now admits ${describeCiliumPeer(peer, policy.resource.namespace)}, ` +
              `${outside ? 'every address outside the cluster' : 'every pod of every namespace'}${entity === 'all' ? ' and every pod of every namespace' : ''}, ` +
              `${direction === 'ingress' ? 'as sources' : 'as destinations'}; no base rule admitted ${code(entity)} for these endpoints.`,
            at: { resource: policy.resource, path: peer.path, side: 'head' },
            severity: outside && direction === 'ingress' ? 'critical' : undefined,
            key: `${policy.specPath.join('.')}:${direction}:${entity}`,
          });
        }
      }
    }
  },
});

/** Whether the base rules already admitted all of an entity's peer: its addresses, or every pod of every namespace. */
function admitted(base: readonly BaseRule[], peer: CiliumPeer, scope: Scope): boolean {
  if (peer.type === 'pods') return base.some((b) => peersAdmit(b.rule.peers, peer, scope));
  return peer.addresses.isSubsetOf(base.reduce((set, b) => set.union(addressesOf(b.rule.peers)), addressesOf([])));
}

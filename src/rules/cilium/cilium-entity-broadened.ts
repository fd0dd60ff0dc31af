import { code } from '../../findings/code-span.js';
import type { CiliumRule } from '../../model/cilium-policy.js';
import { defineRule } from '../rule.js';
import { allowComparisons, describeCiliumPeer, ruleName } from './specs.js';

/** The entities that admit at least what each entity admits (`all` is world and cluster). */
const COVERED_BY: Record<string, string[]> = {
  world: ['world', 'all'],
  'world-ipv4': ['world', 'world-ipv4', 'all'],
  'world-ipv6': ['world', 'world-ipv6', 'all'],
  cluster: ['cluster', 'all'],
  all: ['all'],
};

export default defineRule({
  id: 'cilium-entity-broadened',
  kind: 'diff',
  severity: 'high',
  description: 'A Cilium rule now admits the entity world, cluster or all where the same policy did not (every address outside the cluster, every pod, or both); critical for world or all on ingress.',
  check(context) {
    for (const { pair, direction, base, head } of allowComparisons(context)) {
      const had = entitiesOf(base);
      if (base.some((r) => r.peers === 'all')) continue; // an L4-only rule already admitted every peer
      const seen = new Set<string>();
      for (const rule of head) {
        for (const peer of rule.peers === 'all' ? [] : rule.peers) {
          const entity = peer.entity;
          if (!entity || !COVERED_BY[entity] || COVERED_BY[entity].some((e) => had.has(e))) continue;
          // `world` is two peers (IPv4 and IPv6) of one line.
          if (seen.has(peer.path.join('.'))) continue;
          seen.add(peer.path.join('.'));
          if (entity === 'all' && had.has('cluster') && had.has('world')) continue;
          const outside = entity !== 'cluster';
          context.report({
            message: `${ruleName(rule, pair.after)} now admits ${describeCiliumPeer(peer, pair.after.resource.namespace)}, ` +
              `${outside ? 'every address outside the cluster' : 'every pod of every namespace'}${entity === 'all' ? ' and every pod of every namespace' : ''}, ` +
              `${direction === 'ingress' ? 'as sources' : 'as destinations'}; the base rule admitted no ${code(entity)} entity.`,
            at: { resource: pair.after.resource, path: peer.path, side: 'head' },
            severity: outside && direction === 'ingress' ? 'critical' : undefined,
            key: `${pair.after.specPath.join('.')}:${direction}:${entity}`,
          });
        }
      }
    }
  },
});

function entitiesOf(rules: readonly CiliumRule[]): Set<string> {
  return new Set(rules.flatMap((r) => (r.peers === 'all' ? [] : r.peers.flatMap((p) => (p.entity ? [p.entity] : [])))));
}

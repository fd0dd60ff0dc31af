import type { CiliumRule } from '../../model/cilium-policy.js';
import { formatFieldPath } from '../../model/field-path.js';
import { describePorts } from '../netpol/describe.js';
import { peersAdmit, portsNotWithin, type Scope } from '../netpol/peers.js';
import { defineRule } from '../rule.js';
import { changedCiliumPolicies, counterpart, describeCiliumPeer, ruleName, scopeFor } from './specs.js';

export default defineRule({
  id: 'cilium-deny-removed',
  kind: 'diff',
  severity: 'high',
  description: 'A Cilium ingressDeny/egressDeny rule is removed or narrowed in a policy that stays: what it denied is no longer denied, and deny rules override every allow (Cilium and Kubernetes policies alike).',
  check(context) {
    for (const { before, after } of changedCiliumPolicies(context.changed)) {
      if (!before || !after) continue; // a deleted policy is cilium-policy-deleted's finding
      for (const old of before.policies) {
        const now = counterpart(old, after.policies);
        const scope = scopeFor(context, old);
        for (const direction of ['ingress', 'egress'] as const) {
          for (const rule of old.deny[direction]) {
            if (now && covered(now.deny[direction], rule, scope)) continue;
            const peers = rule.peers === 'all' ? `every ${direction === 'ingress' ? 'source' : 'destination'}` : rule.peers.map((p) => describeCiliumPeer(p, old.resource.namespace)).join(', ');
            context.report({
              message: `${ruleName(rule, old)} ${now ? 'is removed or narrowed' : 'is gone with its rule'}: it denied ${peers} on ${describePorts(rule.ports)}, ` +
                'and no deny rule of the policy in head denies all of it, so any allow (of any policy) now lets it through.',
              at: { resource: old.resource, path: rule.path, side: 'base' },
              key: `${formatFieldPath(rule.path)}:${peers}`,
            });
          }
        }
      }
    }
  },
});

/** Whether the head deny rules deny at least what `base` denied: each of its peers on all of its ports. */
function covered(heads: readonly CiliumRule[], base: CiliumRule, scope: Scope): boolean {
  const wide = heads.filter((h) => {
    const left = portsNotWithin(base.ports, [h.ports]);
    return left !== 'all' && left.length === 0;
  });
  if (wide.some((h) => h.peers === 'all')) return true;
  if (base.peers === 'all') return false;
  return base.peers.every((peer) => wide.some((h) => h.peers !== 'all' && (peer.type === 'pods'
    ? peersAdmit(h.peers, peer, scope)
    : h.peers.some((q) => q.type === 'ipBlock' && peer.addresses.isSubsetOf(q.addresses)))));
}

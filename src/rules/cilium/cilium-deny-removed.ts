import type { CiliumRule } from '../../model/cilium-policy.js';
import { formatFieldPath } from '../../model/field-path.js';
import { describePorts } from '../netpol/describe.js';
import { defineRule } from '../rule.js';
import { changedCiliumPolicies, counterpart, describeCiliumPeer, headDenyRules, ruleName, scopeFor, undeniedPeers } from './specs.js';

export default defineRule({
  id: 'cilium-deny-removed',
  kind: 'diff',
  severity: 'high',
  description: 'A Cilium ingressDeny/egressDeny rule of a policy that stays is removed or narrowed (fewer peers or ports denied) and no head deny rule over the same endpoints (of any Cilium policy) denies it: what it denied is no longer denied, and deny rules override every allow (Cilium and Kubernetes policies alike).',
  check(context) {
    for (const { before, after } of changedCiliumPolicies(context.changed)) {
      if (!before || !after) continue; // a deleted policy is cilium-policy-deleted's finding
      for (const old of before.policies) {
        const scope = scopeFor(context, old);
        const gone = counterpart(old, after.policies) === undefined;
        for (const direction of ['ingress', 'egress'] as const) {
          const heads = headDenyRules(context.head, old, scope, direction);
          for (const rule of old.deny[direction]) {
            const lifted = undeniedPeers(heads, rule, scope);
            if (lifted.length === 0) continue;
            // `world` is two peers (IPv4 and IPv6) of one entity: named once.
            const describe = (peers: CiliumRule['peers']) => (peers === 'all'
              ? `every ${direction === 'ingress' ? 'source' : 'destination'}`
              : [...new Set(peers.map((p) => describeCiliumPeer(p, old.resource.namespace)))].join(', '));
            context.report({
              message: `${ruleName(rule, old)} ${gone ? 'is gone with its rule' : 'is removed or narrowed'}: it denied ${describe(rule.peers)} on ${describePorts(rule.ports)}, ` +
                `and no deny rule over these endpoints in head denies ${describe(lifted)} on all of those ports, so any allow (of any policy) now lets it through.`,
              at: { resource: old.resource, path: rule.path, side: 'base' },
              key: `${formatFieldPath(rule.path)}:${describe(rule.peers)}`,
            });
          }
        }
      }
    }
  },
});

import { code } from '../../findings/code-span.js';
import { ciliumPolicyOf, isCiliumModel, isCiliumPolicy, type CiliumPeer, type CiliumPolicyDocument, type CiliumPolicyModel, type CiliumRule } from '../../model/cilium-policy.js';
import { formatFieldPath } from '../../model/field-path.js';
import type { Model } from '../../model/load.js';
import type { Direction, NetworkPolicyModel, Peer } from '../../model/network-policy.js';
import { compareSelectors, matches } from '../../model/selector.js';
import { denyRulesOf, policyLabel } from '../../semantics/cilium.js';
import { describePeer } from '../netpol/describe.js';
import { baselineRules, isolatingPolicies, policiesSelectingAllOf, type BaseRule } from '../netpol/isolation.js';
import { peersAdmit, portsNotWithin, type Scope } from '../netpol/peers.js';
import { changedModels, scopeOf, type ModelPair } from '../netpol/policies.js';
import type { DiffContext, ResourcePair } from '../rule.js';

/**
 * The Cilium rules judge each allow rule of a changed policy (`spec`, `specs[i]`) against everything the base
 * admitted for the same endpoints and direction: the rules of every base policy (Cilium or Kubernetes) that
 * isolated all of them, as the NetworkPolicy rules do. Reordering rules or peers, or moving a grant from one
 * policy to another, is no change.
 */

/** The changed Cilium policies (added, deleted or modified). */
export function changedCiliumPolicies(changed: readonly ResourcePair[]): ModelPair<CiliumPolicyDocument>[] {
  return changedModels(changed, isCiliumPolicy, ciliumPolicyOf);
}

/** A rule of a changed policy in head, with the same rule in base (matched by `spec` / `specs[i]`). */
export interface SpecPair {
  before: CiliumPolicyModel;
  after: CiliumPolicyModel;
}

/** The rules that exist on both sides of a changed policy. */
export function changedSpecs(context: Pick<DiffContext, 'changed'>): SpecPair[] {
  const out: SpecPair[] = [];
  for (const { before, after } of changedCiliumPolicies(context.changed)) {
    if (!before || !after) continue;
    for (const spec of after.policies) {
      const old = counterpart(spec, before.policies);
      if (old) out.push({ before: old, after: spec });
    }
  }
  return out;
}

/**
 * The rule of `others` (the same policy on the other side) that `spec` is: the one at the same place when it
 * selects the same endpoints, else one that does (the specs were reordered), else the one at the same place.
 */
export function counterpart(spec: CiliumPolicyModel, others: readonly CiliumPolicyModel[]): CiliumPolicyModel | undefined {
  const samePlace = others.find((p) => formatFieldPath(p.specPath) === formatFieldPath(spec.specPath));
  const sameEndpoints = (p: CiliumPolicyModel) =>
    compareSelectors(p.podSelector, spec.podSelector) === 'equal' && compareSelectors(p.subjectNamespaces, spec.subjectNamespaces) === 'equal';
  if (samePlace && sameEndpoints(samePlace)) return samePlace;
  return others.find(sameEndpoints) ?? samePlace;
}

/** A head rule's direction, with what the base admitted for the same endpoints (never empty of isolation). */
export interface AllowComparison {
  policy: CiliumPolicyModel;
  direction: Direction;
  scope: Scope;
  /** The base rules that admitted something to or from all of these endpoints. */
  base: BaseRule[];
  head: CiliumRule[];
}

/**
 * The allow rules of every rule of a changed or added Cilium policy, for the directions whose endpoints some
 * base policy isolated: where nothing isolated them, an allow rule opens nothing.
 */
export function allowComparisons(context: Pick<DiffContext, 'changed' | 'base' | 'head'>): AllowComparison[] {
  const out: AllowComparison[] = [];
  for (const { after } of changedCiliumPolicies(context.changed)) {
    for (const policy of after?.policies ?? []) {
      const namespace = policy.resource.namespace;
      const scope = scopeFor(context, policy);
      // A namespaced policy's endpoints are also those of the cluster-wide policies that select their namespace.
      const clusterwide = (p: NetworkPolicyModel) => namespace !== '' && isCiliumModel(p) && matches(p.subjectNamespaces, scope.labels);
      for (const direction of ['ingress', 'egress'] as const) {
        if (policy.rules[direction].length === 0) continue;
        const isolated = isolatingPolicies(context.base, namespace, policy.podSelector, direction).length > 0 ||
          (namespace !== '' && isolatingPolicies(context.base, '', policy.podSelector, direction).some(clusterwide));
        if (!isolated) continue;
        const base = [
          ...baselineRules(context.base, namespace, policy.podSelector, direction, policy.resource.key),
          ...(namespace !== '' ? baselineRules(context.base, '', policy.podSelector, direction).filter((b) => clusterwide(b.policy)) : []),
        ];
        out.push({ policy, direction, scope, base, head: policy.rules[direction] });
      }
    }
  }
  return out;
}

/** A CNP's namespace as the manifests know it; a CCNP has none (its peers name theirs, or mean every namespace). */
export function scopeFor(context: Pick<DiffContext, 'base' | 'head'>, policy: CiliumPolicyModel): Scope {
  const namespace = policy.resource.namespace;
  return namespace ? scopeOf(context.base, context.head, namespace) : { namespace: '', labels: {} };
}

/** `CiliumNetworkPolicy shop/web: ingress rule 0`: how messages start. */
export function ruleName(rule: CiliumRule, policy: CiliumPolicyModel): string {
  return `${policyLabel(policy)}: ${rule.field} rule ${rule.index}`;
}

/**
 * How messages name a peer: `fromEntities world`, `fromEndpoints pods {app: api} in namespace shop`, `toCIDRSet
 * 10.0.0.0/8 except …`; a NetworkPolicy's peer as the NetworkPolicy rules name it.
 */
export function describeCiliumPeer(peer: Peer, namespace: string): string {
  if (!('field' in peer)) return describePeer(peer, namespace);
  const cilium = peer as CiliumPeer;
  if (cilium.entity) return `${cilium.field} ${code(cilium.entity)}`;
  if (cilium.type === 'ipBlock') return `${cilium.field} ${code(cilium.cidr)}${cilium.except.length > 0 ? ` except ${cilium.except.map((c) => code(c)).join(', ')}` : ''}`;
  return `${cilium.field} ${describePeer(peer, namespace)}`;
}

/**
 * The deny rules of `model` over every endpoint `policy` selects, of any Cilium policy: deny rules pair by content,
 * not by place, so a deny moved to another rule, policy or cluster-wide policy over the same endpoints still holds.
 */
export function headDenyRules(model: Model, policy: CiliumPolicyModel, scope: Scope, direction: Direction): CiliumRule[] {
  return policiesSelectingAllOf(model, policy, scope.labels).flatMap((p) => [...denyRulesOf(p, direction)]);
}

/** The peers of a base deny rule that the head deny rules no longer deny on all of its ports (several head rules may share the ports). */
export function undeniedPeers(heads: readonly CiliumRule[], base: CiliumRule, scope: Scope): CiliumRule['peers'] {
  const deniedOnAllPorts = (holding: readonly CiliumRule[]) => {
    const left = portsNotWithin(base.ports, holding.map((h) => h.ports));
    return left !== 'all' && left.length === 0;
  };
  const everyone = heads.filter((h) => h.peers === 'all');
  if (base.peers === 'all') return deniedOnAllPorts(everyone) ? [] : 'all';
  return base.peers.filter((peer) => !deniedOnAllPorts(heads.filter((h) => h.peers === 'all' || (peer.type === 'pods'
    ? peersAdmit(h.peers, peer, scope)
    : h.peers.some((q) => q.type === 'ipBlock' && peer.addresses.isSubsetOf(q.addresses))))));
}

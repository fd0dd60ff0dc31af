import { code } from '../../findings/code-span.js';
import { ciliumPolicyOf, isCiliumPolicy, type CiliumPeer, type CiliumPolicyDocument, type CiliumPolicyModel, type CiliumRule } from '../../model/cilium-policy.js';
import { formatFieldPath } from '../../model/field-path.js';
import type { Direction } from '../../model/network-policy.js';
import { describeSelector, selectsEverything } from '../../model/selector.js';
import { policyLabel } from '../../semantics/cilium.js';
import { describeNamespaces } from '../netpol/describe.js';
import type { Scope } from '../netpol/peers.js';
import { changedModels, scopeOf, type ModelPair } from '../netpol/policies.js';
import type { DiffContext, ResourcePair } from '../rule.js';

/**
 * The Cilium rules compare each rule of a policy (`spec`, `specs[i]`) with the same rule in base, direction by
 * direction and as a whole (every allow rule of the direction together), so reordering rules or peers, or moving a
 * peer from one rule to another of the same spec, is no change.
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
      const old = before.policies.find((p) => formatFieldPath(p.specPath) === formatFieldPath(spec.specPath));
      if (old) out.push({ before: old, after: spec });
    }
  }
  return out;
}

/**
 * The head allow rules of each rule that isolated its endpoints for the direction in base, with the base allow
 * rules of that direction: a rule that did not isolate in base opened nothing by adding allows.
 */
export function allowComparisons(context: Pick<DiffContext, 'changed' | 'base' | 'head'>): { pair: SpecPair; direction: Direction; scope: Scope; base: CiliumRule[]; head: CiliumRule[] }[] {
  return changedSpecs(context).flatMap((pair) => (['ingress', 'egress'] as const)
    .filter((direction) => pair.before.isolates[direction])
    .map((direction) => ({ pair, direction, scope: scopeFor(context, pair.after), base: pair.before.rules[direction], head: pair.after.rules[direction] })));
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

/** How messages name a peer: `fromEntities world`, `fromEndpoints pods {app: api} in namespace shop`, `toCIDRSet 10.0.0.0/8 except …`. */
export function describeCiliumPeer(peer: CiliumPeer, namespace: string): string {
  if (peer.entity) return `${peer.field} ${code(peer.entity)}`;
  if (peer.type === 'ipBlock') return `${peer.field} ${code(peer.cidr)}${peer.except.length > 0 ? ` except ${peer.except.map((c) => code(c)).join(', ')}` : ''}`;
  const pods = selectsEverything(peer.pods) ? 'every pod' : `pods ${code(describeSelector(peer.pods))}`;
  return `${peer.field} ${pods} in ${describeNamespaces(peer.namespaces, namespace)}`;
}

import { clusterPoliciesOf, type ClusterPolicyModel } from '../../model/admin-network-policy.js';
import { isCiliumModel } from '../../model/cilium-policy.js';
import type { Model } from '../../model/load.js';
import type { Direction, NetworkPolicyModel, PolicyRule } from '../../model/network-policy.js';
import { isSubsetOf, matches, overlaps, selectsNothing, type LabelSelector } from '../../model/selector.js';
import { deepEqual } from '../../model/json.js';
import { denyRulesOf } from '../../semantics/cilium.js';
import { clusterTierVerdict } from '../../semantics/cluster-deny.js';
import { buildTopology, workloadsIn, type Topology } from '../../semantics/topology.js';
import { policyIndexOf } from '../../model/policy-index.js';
import { isAllowAll, policiesIn, scopeOf } from './policies.js';

/**
 * Isolation context, shared by every NetworkPolicy rule: the same allow rule opens nothing for pods that no
 * policy isolated in base (everything was already allowed) and everything for pods behind a default deny.
 */

/** The policies of `model` that isolate at least some of the pods `selector` picks in `namespace` for `direction`. */
export function isolatingPolicies(model: Model, namespace: string, selector: LabelSelector, direction: Direction): NetworkPolicyModel[] {
  return policyIndexOf(model).where(namespace, (p) => p.isolates[direction] && overlaps(p.podSelector, selector));
}

/** The policies of `model` that isolate every pod `selector` picks (their podSelector is a superset). */
export function coveringPolicies(model: Model, namespace: string, selector: LabelSelector, direction: Direction): NetworkPolicyModel[] {
  return policyIndexOf(model).where(namespace, (p) => p.isolates[direction] && isSubsetOf(selector, p.podSelector));
}

/** A rule of a base policy, with the policy it belongs to. */
export interface BaseRule {
  policy: NetworkPolicyModel;
  rule: PolicyRule;
}

/**
 * What the base admitted for every pod `selector` picks in `direction`: the rules of the base policies that
 * select all of those pods and isolate the direction. The policy with identity `preferKey` (the same policy
 * before the change) comes first, so the base line a change replaced is found there when it exists.
 */
export function baselineRules(base: Model, namespace: string, selector: LabelSelector, direction: Direction, preferKey?: string): BaseRule[] {
  const policies = coveringPolicies(base, namespace, selector, direction)
    .sort((a, b) => Number(b.resource.key === preferKey) - Number(a.resource.key === preferKey));
  return policies.flatMap((policy) => policy.rules[direction].map((rule) => ({ policy, rule })));
}

/**
 * Whether a changed policy's podSelector changed while it still selects the very same workloads of the repository
 * (at least one): its pods were relabelled together with its selector (`app: web` to `app: web-v2` in the Deployment
 * and in the policy). What the policy admitted those pods in base is then part of what the base admitted them,
 * though no base policy selects their new labels: judged by the labels alone, a rename would read as new access.
 */
export function relabelledWithItsPods(base: Model, head: Model, before: NetworkPolicyModel, after: NetworkPolicyModel): boolean {
  const namespace = after.resource.namespace;
  if (deepEqual(before.resource.spec.podSelector, after.resource.spec.podSelector)) return false;
  const was = selectedWorkloads(buildTopology(base), namespace, before.podSelector);
  const is = selectedWorkloads(buildTopology(head), namespace, after.podSelector);
  return is.length > 0 && was.length === is.length && was.every((id, i) => id === is[i]);
}

/** The ids of the workloads of a namespace whose pods a selector picks, sorted. */
function selectedWorkloads(topology: Topology, namespace: string, selector: LabelSelector): string[] {
  return workloadsIn(topology, namespace).filter((w) => matches(selector, w.labels)).map((w) => w.id).sort();
}

export function admitsEverything(rules: readonly BaseRule[]): boolean {
  return rules.some((r) => isAllowAll(r.rule));
}

/**
 * Whether the pods of a base policy are left unisolated in `direction` by the head (no head policy isolates all
 * of them) while the base really restricted them. When another head policy still isolates them, the change only
 * takes allows away: a tightening.
 */
export function losesIsolation(base: Model, head: Model, policy: NetworkPolicyModel, direction: Direction): boolean {
  const namespace = policy.resource.namespace;
  if (!policy.isolates[direction] || selectsNothing(policy.podSelector)) return false;
  if (stillIsolated(base, head, policy, direction) || closedAnyway(base, head, policy, direction)) return false;
  return !admitsEverything(baselineRules(base, namespace, policy.podSelector, direction));
}

/**
 * Whether a head policy isolates every pod `policy` selects: one of its namespace, or a cluster-wide Cilium policy
 * whose endpointSelector admits that namespace. A cluster-wide policy (namespace '') is covered by another only
 * when that one admits every namespace it admitted.
 */
function stillIsolated(base: Model, head: Model, policy: NetworkPolicyModel, direction: Direction): boolean {
  return policiesSelectingAllOf(head, policy, scopeOf(base, head, policy.resource.namespace).labels).some((p) => p.isolates[direction]);
}

/**
 * Whether head closes the whole direction for the pods without isolating them: a Cilium deny of every peer on
 * every port over all of them, or an ANP (or the BANP) Deny of everything that decides before any Allow or Pass
 * of everything. Nothing opens then, whatever NetworkPolicy goes.
 */
function closedAnyway(base: Model, head: Model, policy: NetworkPolicyModel, direction: Direction): boolean {
  const { labels } = scopeOf(base, head, policy.resource.namespace);
  if (policiesSelectingAllOf(head, policy, labels).some((p) => denyRulesOf(p, direction).some(isAllowAll))) return true;
  // A cluster-wide Cilium policy's pods are those of every namespace it admits.
  const inNamespaces = (p: ClusterPolicyModel) => (policy.resource.namespace === ''
    ? isCiliumModel(policy) && isSubsetOf(policy.subjectNamespaces, p.subject.namespaces)
    : matches(p.subject.namespaces, labels));
  return clusterTierVerdict(clusterPoliciesOf(head), (p) => inNamespaces(p) && isSubsetOf(policy.podSelector, p.subject.pods), direction).denied;
}

/**
 * The policies of `model` that select every pod `policy` selects: those of its namespace, and the cluster-wide
 * Cilium policies whose endpointSelector admits the namespace (labels `nsLabels`). A cluster-wide policy
 * (namespace '') is covered only by cluster-wide ones that admit every namespace it admits.
 */
export function policiesSelectingAllOf(model: Model, policy: NetworkPolicyModel, nsLabels: Readonly<Record<string, string>>): NetworkPolicyModel[] {
  const namespace = policy.resource.namespace;
  const within = (p: { podSelector: LabelSelector }) => isSubsetOf(policy.podSelector, p.podSelector);
  const clusterwide = policiesIn(model, '').filter(isCiliumModel).filter(within);
  if (namespace === '') return isCiliumModel(policy) ? clusterwide.filter((p) => isSubsetOf(policy.subjectNamespaces, p.subjectNamespaces)) : [];
  return [...policyIndexOf(model).where(namespace, within), ...clusterwide.filter((p) => matches(p.subjectNamespaces, nsLabels))];
}

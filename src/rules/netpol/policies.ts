import type { FieldPath } from '../../model/field-path.js';
import type { Model } from '../../model/load.js';
import { isNetworkPolicy, networkPolicyOf, type Direction, type NetworkPolicyModel, type PolicyRule } from '../../model/network-policy.js';
import { policyIndexOf } from '../../model/policy-index.js';
import { selectsEverything } from '../../model/selector.js';
import type { Resource } from '../../model/resource.js';
import type { ResourcePair } from '../rule.js';
import { IpSet } from '../../model/ip-set.js';
import { NAMESPACE_NAME_LABEL, addressesOf, coversEveryPort, type Scope } from './peers.js';

/** What the manifests say about each namespace's labels (a Namespace object's labels), per side. */
const namespaceLabelIndexes = new WeakMap<Model, Map<string, Record<string, string>>>();

function namespaceLabels(model: Model): Map<string, Record<string, string>> {
  let labels = namespaceLabelIndexes.get(model);
  if (labels) return labels;
  labels = new Map();
  for (const resource of model.byKey.values()) {
    if (resource.kind === 'Namespace' && resource.group === '') labels.set(resource.name, resource.labels());
  }
  namespaceLabelIndexes.set(model, labels);
  return labels;
}

export function policiesIn(model: Model, namespace: string): readonly NetworkPolicyModel[] {
  return policyIndexOf(model).in(namespace);
}

/**
 * The scope of a policy's namespace: its labels from a Namespace manifest when the head (or else the base) has
 * one, plus the immutable kubernetes.io/metadata.name label every namespace carries.
 */
export function scopeOf(base: Model, head: Model, namespace: string): Scope {
  const labels = namespaceLabels(head).get(namespace) ?? namespaceLabels(base).get(namespace) ?? {};
  return { namespace, labels: { ...labels, [NAMESPACE_NAME_LABEL]: namespace } };
}

export interface ModelPair<M> {
  key: string;
  before?: M;
  after?: M;
}

export type PolicyPair = ModelPair<NetworkPolicyModel>;

/** The changed NetworkPolicies (added, deleted or modified), as effective models. */
export function changedPolicies(changed: readonly ResourcePair[]): PolicyPair[] {
  return changedModels(changed, isNetworkPolicy, networkPolicyOf);
}

/** The changed objects of one kind (added, deleted or modified), each side as its model. */
export function changedModels<M>(changed: readonly ResourcePair[], is: (resource: Resource) => boolean, modelOf: (resource: Resource) => M): ModelPair<M>[] {
  const out: ModelPair<M>[] = [];
  for (const pair of changed) {
    const before = pair.before && is(pair.before) ? modelOf(pair.before) : undefined;
    const after = pair.after && is(pair.after) ? modelOf(pair.after) : undefined;
    if (before || after) out.push({ key: pair.key, before, after });
  }
  return out;
}

/** `shop/web`: how messages name a policy. */
export function policyName(policy: NetworkPolicyModel): string {
  return `${policy.resource.namespace}/${policy.resource.name}`;
}

/**
 * A rule that admits every source (or destination) on every port: `ingress: [{}]`, every port listed as ranges,
 * or peers that are every pod of every namespace and every IPv4 address (Cilium's entity `all`).
 */
export function isAllowAll(rule: PolicyRule): boolean {
  return admitsEveryPeer(rule) && coversEveryPort(rule.ports);
}

const EVERY_IPV4 = IpSet.fromCidr('0.0.0.0/0');

function admitsEveryPeer(rule: PolicyRule): boolean {
  if (rule.peers === 'all') return true;
  const everyPod = rule.peers.some((p) => p.type === 'pods' && p.namespaces !== 'own' && selectsEverything(p.namespaces) && selectsEverything(p.pods));
  return everyPod && EVERY_IPV4.isSubsetOf(addressesOf(rule.peers));
}

/** A default deny for a direction: selects every pod of its namespace, isolates the direction, allows nothing in it. */
export function isDefaultDeny(policy: NetworkPolicyModel, direction: Direction): boolean {
  return selectsEverything(policy.podSelector) && policy.isolates[direction] && policy.rules[direction].length === 0;
}

/** `[Ingress, Egress]`: the effective policyTypes, for messages. */
export function describePolicyTypes(policy: NetworkPolicyModel): string {
  const types = [policy.isolates.ingress ? 'Ingress' : '', policy.isolates.egress ? 'Egress' : ''].filter(Boolean);
  return `[${types.join(', ')}]`;
}

/**
 * The field that decides whether a policy isolates egress: `policyTypes` when written; otherwise the defaulting
 * reads `spec.egress` (an empty or absent list leaves egress open), so the finding points there, or at `spec`.
 */
export function policyTypesPath(policy: NetworkPolicyModel): FieldPath {
  if (policy.policyTypesExplicit) return ['spec', 'policyTypes'];
  return policy.resource.spec.egress !== undefined ? ['spec', 'egress'] : ['spec'];
}

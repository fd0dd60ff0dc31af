import { ciliumPolicyOf, isCiliumModel, isCiliumPolicy, type CiliumPolicyModel } from './cilium-policy.js';
import { LabelIndex } from './label-index.js';
import type { Model } from './load.js';
import { isNetworkPolicy, networkPolicyOf, networkPolicySelectionOf, type NetworkPolicyModel, type PolicySelection } from './network-policy.js';
import type { Resource } from './resource.js';
import { ABSENT, matches } from './selector.js';

/**
 * The NetworkPolicies (and Cilium policies, lowered to the same shape: src/model/cilium-policy.ts) of one model by
 * namespace; CiliumClusterwideNetworkPolicies under the namespace ''. Meanings are built per namespace on first use: the analysis of a
 * pull request reads the namespaces its changes reach, not every policy of the repository.
 */
export class PolicyIndex {
  private readonly resourcesByNamespace = new Map<string, Resource[]>();
  private readonly meanings = new Map<string, NetworkPolicyModel[]>();
  private readonly selections = new Map<string, readonly PolicyCandidate[]>();
  private readonly indexes = new Map<string, SelectorIndex>();
  /** The policy objects in model order, without building their meanings. */
  readonly resources: readonly Resource[];
  /** Whether some policy is a Cilium policy: only then can deny rules or cluster-wide policies apply. */
  readonly hasCilium: boolean;

  constructor(resources: Iterable<Resource>) {
    const policies: Resource[] = [];
    let hasCilium = false;
    for (const resource of resources) {
      const cilium = isCiliumPolicy(resource);
      if (!cilium && !isNetworkPolicy(resource)) continue;
      hasCilium ||= cilium;
      const list = this.resourcesByNamespace.get(resource.namespace);
      if (list) list.push(resource);
      else this.resourcesByNamespace.set(resource.namespace, [resource]);
      policies.push(resource);
    }
    this.resources = policies;
    this.hasCilium = hasCilium;
  }

  /** The policies of one namespace, in model order. */
  in(namespace: string): readonly NetworkPolicyModel[] {
    let policies = this.meanings.get(namespace);
    if (!policies) this.meanings.set(namespace, (policies = (this.resourcesByNamespace.get(namespace) ?? []).flatMap(policiesOf)));
    return policies;
  }

  /**
   * The policies of one namespace (in model order) that `test` accepts by their selection alone: a NetworkPolicy's
   * rules are built only when it is accepted. Asking which policies select some pods is most of what the analysis
   * asks of the policies of a namespace, and most of them select other pods.
   */
  where(namespace: string, test: (policy: PolicySelection | NetworkPolicyModel) => boolean): NetworkPolicyModel[] {
    return this.candidatesIn(namespace).filter(test).map(meaningOf);
  }

  /** The selections of a namespace's policies, one per meaning `in` gives (a Cilium policy's are its meanings). */
  private candidatesIn(namespace: string): readonly PolicyCandidate[] {
    let candidates = this.selections.get(namespace);
    if (!candidates) {
      candidates = (this.resourcesByNamespace.get(namespace) ?? []).flatMap((r) => (isCiliumPolicy(r) ? ciliumPolicyOf(r).policies : [networkPolicySelectionOf(r)]));
      this.selections.set(namespace, candidates);
    }
    return candidates;
  }

  /**
   * The policies of a namespace whose podSelector matches `labels`, in model order. Found through an index of
   * the selectors' required `key=value` labels, so asking for each of n label sets does not test every policy
   * n times (5,000 policies that each select their own pods).
   */
  selecting(namespace: string, labels: Readonly<Record<string, string>>, nsLabels?: Readonly<Record<string, string>>): NetworkPolicyModel[] {
    const own = this.selectingIn(namespace, labels, nsLabels);
    // Cluster-wide Cilium policies select pods of every namespace their endpointSelector admits.
    return this.hasCilium && namespace !== '' && nsLabels ? [...own, ...this.selectingIn('', labels, nsLabels)] : own;
  }

  /**
   * The policies that may select pods of a namespace with labels `nsLabels`: its own, then the cluster-wide Cilium
   * policies whose endpointSelector admits the namespace.
   */
  governing(namespace: string, nsLabels: Readonly<Record<string, string>>): NetworkPolicyModel[] {
    const own = this.in(namespace);
    if (!this.hasCilium || namespace === '') return [...own];
    return [...own, ...this.in('').filter((p) => isCiliumModel(p) && matches(p.subjectNamespaces, nsLabels))];
  }

  private selectingIn(namespace: string, labels: Readonly<Record<string, string>>, nsLabels?: Readonly<Record<string, string>>): NetworkPolicyModel[] {
    const candidates = this.candidatesIn(namespace);
    const selected: NetworkPolicyModel[] = [];
    if (candidates.length === 0) return selected;
    let index = this.indexes.get(namespace);
    if (!index) this.indexes.set(namespace, (index = indexSelectors(candidates)));
    // Asked for every pod class of both sides: plain loops, no intermediate arrays.
    const found = index.unindexed.slice();
    for (const key in labels) {
      const posting = index.byLabel.get(key, labels[key]);
      if (posting) for (const i of posting) found.push(i);
    }
    if (found.length > 1) found.sort((a, b) => a - b);
    for (const i of found) {
      const p = candidates[i];
      if (matches(p.podSelector, labels) && (!nsLabels || !isCiliumCandidate(p) || matches(p.subjectNamespaces, nsLabels))) selected.push(meaningOf(p));
    }
    return selected;
  }

  /** Every policy, in model order (all meanings built). */
  all(): NetworkPolicyModel[] {
    return this.resources.flatMap(policiesOf);
  }
}

/** A policy as selection asks about it: a NetworkPolicy's selection (rules not built yet), or a Cilium policy's meaning. */
type PolicyCandidate = PolicySelection | NetworkPolicyModel;

function isCiliumCandidate(candidate: PolicyCandidate): candidate is CiliumPolicyModel {
  return 'rules' in candidate && isCiliumModel(candidate);
}

/** The full meaning of a candidate (a NetworkPolicy's rules are built here, once per decoded object). */
function meaningOf(candidate: PolicyCandidate): NetworkPolicyModel {
  return 'rules' in candidate ? candidate : networkPolicyOf(candidate.resource);
}

/** The meanings of one policy object: a NetworkPolicy is one, a Cilium policy one per spec. */
function policiesOf(resource: Resource): NetworkPolicyModel[] {
  return isCiliumPolicy(resource) ? ciliumPolicyOf(resource).policies : [networkPolicyOf(resource)];
}

const modelIndexes = new WeakMap<Model, PolicyIndex>();

export function policyIndexOf(model: Model): PolicyIndex {
  let index = modelIndexes.get(model);
  if (!index) modelIndexes.set(model, (index = new PolicyIndex(model.resources)));
  return index;
}

/** Positions of policies by one `key=value` their podSelector requires; `unindexed`: those that require none. */
interface SelectorIndex {
  byLabel: LabelIndex;
  unindexed: number[];
}

function indexSelectors(policies: readonly PolicyCandidate[]): SelectorIndex {
  const index: SelectorIndex = { byLabel: new LabelIndex(), unindexed: [] };
  policies.forEach((policy, i) => {
    // One required key suffices: a label set has one value per key, so a policy is found at most once.
    const required = [...policy.podSelector.constraints].find(([, set]) => !set.complement && !set.values.has(ABSENT));
    if (!required) {
      index.unindexed.push(i);
      return;
    }
    const [key, set] = required;
    for (const value of set.values) index.byLabel.add(key, value, i);
  });
  return index;
}

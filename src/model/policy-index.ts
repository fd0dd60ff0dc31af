import type { Model } from './load.js';
import { isNetworkPolicy, networkPolicyOf, type NetworkPolicyModel } from './network-policy.js';
import type { Resource } from './resource.js';

/**
 * The NetworkPolicies of one model by namespace. Meanings are built per namespace on first use: the analysis of a
 * pull request reads the namespaces its changes reach, not every policy of the repository.
 */
export class PolicyIndex {
  private readonly resourcesByNamespace = new Map<string, Resource[]>();
  private readonly meanings = new Map<string, NetworkPolicyModel[]>();
  /** The policy objects in model order, without building their meanings. */
  readonly resources: readonly Resource[];

  constructor(resources: Iterable<Resource>) {
    const policies: Resource[] = [];
    for (const resource of resources) {
      if (!isNetworkPolicy(resource)) continue;
      const list = this.resourcesByNamespace.get(resource.namespace);
      if (list) list.push(resource);
      else this.resourcesByNamespace.set(resource.namespace, [resource]);
      policies.push(resource);
    }
    this.resources = policies;
  }

  /** The policies of one namespace, in model order. */
  in(namespace: string): readonly NetworkPolicyModel[] {
    let policies = this.meanings.get(namespace);
    if (!policies) this.meanings.set(namespace, (policies = (this.resourcesByNamespace.get(namespace) ?? []).map(networkPolicyOf)));
    return policies;
  }

  /** Every policy, in model order (all meanings built). */
  all(): NetworkPolicyModel[] {
    return this.resources.map(networkPolicyOf);
  }
}

const indexes = new WeakMap<Model, PolicyIndex>();

export function policyIndexOf(model: Model): PolicyIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = new PolicyIndex(model.resources)));
  return index;
}

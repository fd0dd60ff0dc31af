import type { AdminPodSelection, ClusterPolicyModel } from '../model/admin-network-policy.js';
import { isCiliumModel } from '../model/cilium-policy.js';
import type { NetworkPolicyModel } from '../model/network-policy.js';
import { ABSENT, describeSelector, selectsNothing, type LabelSelector } from '../model/selector.js';
import { NAMESPACE_NAME_LABEL, type ContainerPort, type Service, type Topology, type Workload } from './topology.js';

/**
 * Selector-level peers for repositories that keep policies without the workloads they govern: every pod
 * selector of the policies and Services becomes one abstract workload ("pods with {app: ledger} in namespace
 * payments"), every namespace selector an abstract namespace, with labels that satisfy the selector (the
 * subjects and pod peers of AdminNetworkPolicies and the BaselineAdminNetworkPolicy too). The
 * analysis then runs unchanged on these peers. Both sides share the same abstract workloads (so they compare);
 * each keeps its own Services, Ingresses and Routes. Returns one topology per side, in order.
 */
export function abstractTopologies(sides: readonly Topology[], policies: readonly NetworkPolicyModel[], clusterPolicies: readonly ClusterPolicyModel[] = []): Topology[] {
  const namespaces = new Map<string, Readonly<Record<string, string>>>();
  const undeclaredNamespaces = new Set<string>();
  for (const side of sides) {
    for (const [name, labels] of side.namespaces) if (!namespaces.has(name)) namespaces.set(name, labels);
  }
  const workloads: Workload[] = [];
  const byId = new Map<string, Workload>();
  const add = (namespace: string, nsDisplay: string, selector: LabelSelector, ports: ContainerPort[], origin: Workload['resources'][number]) => {
    const labels = representative(selector);
    if (!labels) return;
    const name = `[pod with ${describeSelector(selector)}]`;
    const id = `${nsDisplay}/${name}`;
    const existing = byId.get(id);
    if (existing) {
      if (ports.length > 0) existing.ports = mergePorts(existing.ports, ports);
      return;
    }
    const workload: Workload = { id, name, namespace, kind: 'pods', labels, ports, resources: [origin], labelsPath: [] };
    byId.set(id, workload);
    workloads.push(workload);
  };
  const namespaceFor = (selector: LabelSelector): { name: string; display: string } | undefined => {
    const labels = representative(selector);
    if (!labels) return undefined;
    const name = labels[NAMESPACE_NAME_LABEL] ?? `[namespace with ${describeSelector(selector)}]`;
    if (!namespaces.has(name)) {
      namespaces.set(name, { ...labels, [NAMESPACE_NAME_LABEL]: name });
      undeclaredNamespaces.add(name);
    }
    return { name, display: labels[NAMESPACE_NAME_LABEL] ?? name };
  };
  for (const policy of policies) {
    const ns = policy.resource.namespace;
    // A cluster-wide Cilium policy selects pods of the namespaces its endpointSelector names (any, when none).
    const subject = isCiliumModel(policy) && policy.clusterwide ? namespaceFor(policy.subjectNamespaces) : { name: ns, display: ns };
    if (subject && !namespaces.has(subject.name)) namespaces.set(subject.name, { [NAMESPACE_NAME_LABEL]: subject.name });
    if (subject) add(subject.name, subject.display, policy.podSelector, [], policy.resource);
    for (const direction of ['ingress', 'egress'] as const) {
      for (const rule of policy.rules[direction]) {
        if (rule.peers === 'all') continue;
        for (const peer of rule.peers) {
          if (peer.type !== 'pods') continue;
          const target = peer.namespaces === 'own' ? { name: ns, display: ns } : namespaceFor(peer.namespaces);
          if (target) add(target.name, target.display, peer.pods, [], policy.resource);
        }
      }
    }
  }
  const addSelection = (selection: AdminPodSelection, origin: ClusterPolicyModel['resource']) => {
    const target = namespaceFor(selection.namespaces);
    if (target) add(target.name, target.display, selection.pods, [], origin);
  };
  for (const policy of clusterPolicies) {
    addSelection(policy.subject, policy.resource);
    for (const rule of [...policy.rules.ingress, ...policy.rules.egress]) {
      for (const peer of rule.peers) if (peer.type === 'pods') addSelection(peer, policy.resource);
    }
  }
  for (const side of sides) {
    for (const service of side.services) {
      if (!service.selector) continue;
      const selector: LabelSelector = { constraints: new Map(Object.entries(service.selector).map(([k, v]) => [k, { complement: false, values: new Set([v]) }])) };
      add(service.namespace, service.namespace, selector, servicePorts(service), service.resource);
    }
  }
  return sides.map((side) => ({ workloads, byId, namespaces, undeclaredNamespaces, services: side.services, entries: side.entries }));
}

/** A label set the selector matches, or undefined when it matches none. */
export function representative(selector: LabelSelector): Record<string, string> | undefined {
  if (selectsNothing(selector)) return undefined;
  const labels: Record<string, string> = {};
  for (const [key, set] of selector.constraints) {
    if (!set.complement) {
      const value = [...set.values].filter((v) => v !== ABSENT).sort()[0];
      if (value !== undefined) labels[key] = value;
      continue;
    }
    // Every value but a few: absent when that is allowed, else a value none of the exclusions name.
    if (!set.values.has(ABSENT)) continue;
    let value = 'any';
    while (set.values.has(value)) value += '_';
    labels[key] = value;
  }
  return labels;
}

/** The pod ports a Service sends to: numeric target ports, and named ones under their name. */
function servicePorts(service: Service): ContainerPort[] {
  return service.ports.flatMap((p): ContainerPort[] => {
    const target = p.targetPort ?? p.port;
    if (typeof target === 'number') return [{ port: target, protocol: 'TCP' }];
    if (typeof target === 'string' && p.port !== undefined) return [{ name: target, port: p.port, protocol: 'TCP' }];
    return [];
  });
}

function mergePorts(a: readonly ContainerPort[], b: readonly ContainerPort[]): ContainerPort[] {
  const seen = new Set(a.map((p) => JSON.stringify(p)));
  return [...a, ...b.filter((p) => !seen.has(JSON.stringify(p)))];
}

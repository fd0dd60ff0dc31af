import type { Topology, Workload } from './topology.js';

/**
 * Workloads that no policy can tell apart on either side of a change (same kind and namespace, and in base and in
 * head the same presence, pod labels, ports and namespace labels) become one workload for the change analysis:
 * every pair of them has the same connections before and after, so comparing them pair by pair repeats one answer
 * n² times (5,000 unlabeled Pods are 25 million pairs). The collapsed workload names its first member and how
 * many it stands for; connections between its members are kept (see Workload.members). Returns the topologies
 * unchanged when no two workloads collapse.
 */
export function collapseAlike(base: Topology, head: Topology): [Topology, Topology] {
  const groups = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const topology of [base, head]) {
    for (const w of topology.workloads) {
      if (seen.has(w.id)) continue;
      seen.add(w.id);
      const key = JSON.stringify([w.kind, w.namespace, signature(base, w.id), signature(head, w.id)]);
      const group = groups.get(key);
      if (group) group.push(w.id);
      else groups.set(key, [w.id]);
    }
  }
  if (groups.size === seen.size) return [base, head];
  const groupOf = new Map<string, string[]>();
  for (const ids of groups.values()) for (const id of ids) groupOf.set(id, ids);
  return [collapsed(base, groupOf), collapsed(head, groupOf)];
}

/** What decides a workload's connections on one side; undefined when the side does not have it. */
function signature(topology: Topology, id: string): string | undefined {
  const w = topology.byId.get(id);
  if (!w) return undefined;
  return JSON.stringify([sorted(w.labels), w.ports, sorted(topology.namespaces.get(w.namespace) ?? {})]);
}

function sorted(labels: Readonly<Record<string, string>>): [string, string][] {
  return Object.keys(labels).sort().map((k) => [k, labels[k]]);
}

function collapsed(topology: Topology, groupOf: ReadonlyMap<string, readonly string[]>): Topology {
  const workloads: Workload[] = [];
  const byId = new Map<string, Workload>();
  for (const w of topology.workloads) {
    const ids = groupOf.get(w.id) ?? [w.id];
    if (ids.length === 1) {
      workloads.push(w);
      byId.set(w.id, w);
      continue;
    }
    // Named after the group's first member in joint order: the same name on both sides, so base and head pairs compare.
    // Abstract peers (selector mode) have the kind `pods`.
    const id = `${ids[0]} and ${ids.length - 1} more ${w.kind === 'pods' ? 'peer' : w.kind}${ids.length > 2 ? 's' : ''} alike`;
    if (byId.has(id)) continue;
    const members = ids.map((member) => topology.byId.get(member) as Workload);
    const group: Workload = { ...members[0], id, members, resources: members.flatMap((m) => m.resources) };
    workloads.push(group);
    byId.set(id, group);
  }
  return { ...topology, workloads, byId };
}

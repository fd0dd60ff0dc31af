import { podKey } from './pod-key.js';
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
  if (!hasTwins(base) && !hasTwins(head)) return [base, head];
  const groups = new Map<string, string[]>();
  const seen = new Set<string>();
  const [baseSide, headSide] = [sideOf(base), sideOf(head)];
  for (const topology of [base, head]) {
    for (const w of topology.workloads) {
      if (seen.has(w.id)) continue;
      seen.add(w.id);
      // JSON strings hold no raw NUL, so NUL separates the parts unambiguously; '' is a side without the workload.
      const key = `${JSON.stringify(w.kind)}\0${JSON.stringify(w.namespace)}\0${signature(baseSide, w.id)}\0${signature(headSide, w.id)}`;
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

/**
 * Whether two workloads of one namespace have the same pod labels and ports on this side. Two workloads collapse only
 * when each side has both with the same signature, or neither: one of them has a twin on some side. In most
 * repositories no workload has one, and this check (a set of memoized keys per namespace) spares writing a signature
 * of every workload of both sides.
 */
function hasTwins(topology: Topology): boolean {
  const keys = new Map<string, Set<string>>();
  for (const w of topology.workloads) {
    let seen = keys.get(w.namespace);
    if (!seen) keys.set(w.namespace, (seen = new Set()));
    const key = podKey(w.labels, w.ports);
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** One side of the change, with the signatures of its namespaces' labels (shared by all their workloads). */
interface Side {
  topology: Topology;
  namespaces: Map<string, string>;
}

function sideOf(topology: Topology): Side {
  return { topology, namespaces: new Map() };
}

/** What decides a workload's connections on one side; '' when the side does not have it. */
function signature(side: Side, id: string): string {
  const w = side.topology.byId.get(id);
  if (!w) return '';
  let namespace = side.namespaces.get(w.namespace);
  if (namespace === undefined) side.namespaces.set(w.namespace, (namespace = JSON.stringify(sorted(side.topology.namespaces.get(w.namespace) ?? {}))));
  return `[${podKey(w.labels, w.ports)},${namespace}]`;
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

import type { ContainerPort } from './topology.js';

/**
 * The key of each labels object, with the ports object it was written for. One table keyed by the labels alone:
 * a table per labels object (one per workload) made thousands of weak tables for the collector to trace.
 */
const keys = new WeakMap<object, { ports: readonly ContainerPort[]; key: string }>();

/**
 * The pod labels (sorted) and container ports of a workload as one JSON text: what tells its pods apart from others
 * in the connectivity analysis (pod classes, alike workloads). Memoized by the labels and ports objects, which every
 * Resource of one decoded object shares (both sides, a moved file), so each is written once: a workload's labels
 * and ports are made together (topology.ts), so a labels object comes with one ports object.
 */
export function podKey(labels: Readonly<Record<string, string>>, ports: readonly ContainerPort[]): string {
  const known = keys.get(labels);
  if (known?.ports === ports) return known.key;
  const sortedLabels = Object.keys(labels).sort().map((k) => [k, labels[k]]);
  const key = JSON.stringify([sortedLabels, ports]);
  keys.set(labels, { ports, key });
  return key;
}

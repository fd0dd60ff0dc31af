import type { ContainerPort } from './topology.js';

const keys = new WeakMap<object, WeakMap<object, string>>();

/**
 * The pod labels (sorted) and container ports of a workload as one JSON text: what tells its pods apart from others
 * in the connectivity analysis (pod classes, alike workloads). Memoized by the labels and ports objects, which every
 * Resource of one decoded object shares (both sides, a moved file), so each is written once.
 */
export function podKey(labels: Readonly<Record<string, string>>, ports: readonly ContainerPort[]): string {
  let byPorts = keys.get(labels);
  if (!byPorts) keys.set(labels, (byPorts = new WeakMap()));
  let key = byPorts.get(ports);
  if (key === undefined) {
    const sortedLabels = Object.keys(labels).sort().map((k) => [k, labels[k]]);
    byPorts.set(ports, (key = JSON.stringify([sortedLabels, ports])));
  }
  return key;
}

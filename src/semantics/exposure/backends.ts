import type { ExposureBackend, ExposureWorkload } from '../exposure-map.js';
import { serviceAccessPorts } from '../connectivity.js';
import { serviceNamed, workloadsIn, type Service, type Topology, type Workload } from '../topology.js';

/**
 * Service → workloads: the workloads of the Service's namespace whose pod labels match its selector, with the pod
 * ports the named Service port (or every port) leads to. A Service without a selector, or one the manifests do
 * not define, resolves to no workload (its endpoints are not in the manifests).
 */
export function resolveBackends(backends: readonly Omit<ExposureBackend, 'workloads'>[], topology: Topology): ExposureBackend[] {
  return backends.map((b) => {
    if (b.resource || b.blocked) return { ...b, workloads: [] };
    const service = serviceNamed(topology, b.namespace, b.service);
    return { ...b, workloads: service ? workloadsBehind(service, b.port, workloadsIn(topology, service.namespace)) : [] };
  });
}

/**
 * What resolving these backends reads: each Service and the workloads of its namespace. The objects are shared by
 * both sides where their files are identical, so equal inputs (item by item) resolve to equal backends.
 */
export function backendInputs(backends: readonly Omit<ExposureBackend, 'workloads'>[], topology: Topology): unknown[] {
  const inputs: unknown[] = [];
  for (const b of backends) {
    if (b.resource || b.blocked) continue;
    const service = serviceNamed(topology, b.namespace, b.service);
    inputs.push(service);
    if (service) inputs.push(...workloadsIn(topology, service.namespace));
  }
  return inputs;
}

function workloadsBehind(service: Service, port: number | string | undefined, workloads: readonly Workload[]): ExposureWorkload[] {
  const selector = service.selector;
  // An empty selector is no selector: the endpoint controllers skip it.
  if (!selector || Object.keys(selector).length === 0) return [];
  const access = serviceAccessPorts(service.ports, port);
  const wanted = Object.entries(selector);
  const out: ExposureWorkload[] = [];
  for (const w of workloads) {
    if (w.namespace !== service.namespace || !wanted.every(([k, v]) => w.labels[k] === v)) continue;
    const ports = access.map((p) => (typeof p === 'number' ? p : w.ports.find((c) => c.name === p)?.port ?? p));
    out.push({ id: w.id, ports: [...new Set(ports)] });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

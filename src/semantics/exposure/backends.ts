import type { ExposureBackend, ExposureWorkload } from '../exposure-map.js';
import { serviceAccessPorts } from '../connectivity.js';
import { serviceNamed, serviceSelects, workloadsIn, type Service, type Topology, type Workload } from '../topology.js';

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

/**
 * Whether backends resolve to the same workloads and ports in two topologies (`a` in `at`, `b` in `bt`, equal but
 * for where they are written): each Service is the same decoded object or absent from both, and the workloads it
 * selects are the same by id, pod labels and ports. A moved file makes new Service and Workload objects of the same
 * decoded objects, which resolve alike; a relabelled neighbour in the namespace changes nothing behind this Service.
 */
export function sameResolution(a: readonly Omit<ExposureBackend, 'workloads'>[], at: Topology, b: readonly Omit<ExposureBackend, 'workloads'>[], bt: Topology): boolean {
  return a.every((backend, i) => {
    if (backend.resource || backend.blocked) return true;
    const [x, y] = [serviceNamed(at, backend.namespace, backend.service), serviceNamed(bt, b[i].namespace, b[i].service)];
    if (x === undefined || y === undefined) return x === y;
    if (x.resource.object !== y.resource.object) return false;
    const [before, after] = [workloadsIn(at, x.namespace), workloadsIn(bt, y.namespace)];
    return (before.length === after.length && before.every((w, k) => w === after[k])) ||
      sameWorkloads(before.filter((w) => serviceSelects(x, w)), after.filter((w) => serviceSelects(y, w)));
  });
}

/** The same workloads by id, pod labels and ports objects (shared by every Resource of one decoded object), in any order. */
function sameWorkloads(a: readonly Workload[], b: readonly Workload[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(a.map((w) => [w.id, w]));
  return b.every((w) => {
    const other = byId.get(w.id);
    return other !== undefined && other.labels === w.labels && other.ports === w.ports;
  });
}

function workloadsBehind(service: Service, port: number | string | undefined, workloads: readonly Workload[]): ExposureWorkload[] {
  const access = serviceAccessPorts(service.ports, port);
  const out: ExposureWorkload[] = [];
  for (const w of workloads) {
    if (!serviceSelects(service, w)) continue;
    const ports = access.map((p) => (typeof p === 'number' ? p : w.ports.find((c) => c.name === p)?.port ?? p));
    out.push({ id: w.id, ports: [...new Set(ports)] });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

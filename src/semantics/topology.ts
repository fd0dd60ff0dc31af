import { internPath, type FieldPath } from '../model/field-path.js';
import { ingressOf, isIngress } from '../model/ingress.js';
import { isObject, type JsonObject } from '../model/json.js';
import type { Model } from '../model/load.js';
import type { Protocol } from '../model/network-policy.js';
import { perObject, perResource } from '../model/memo.js';
import type { Resource } from '../model/resource.js';

/**
 * Who runs where: workloads with their pod labels and ports, namespaces with their labels, and the routes into
 * the cluster (Service, Ingress, OpenShift Route). Built from one Model; no I/O.
 */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface ContainerPort {
  name?: string;
  port: number;
  protocol: Protocol;
}

export interface Workload {
  /** `namespace/name[Kind]`, np-guard's name for it; unique in a topology. */
  id: string;
  name: string;
  namespace: string;
  /** The owner kind (Deployment, DaemonSet, …) or `Pod` for a pod without a controller. */
  kind: string;
  labels: Readonly<Record<string, string>>;
  ports: readonly ContainerPort[];
  /** The object(s) that define it (the controller, or every pod of one owner). */
  resources: Resource[];
  /** Where its pod labels are written, relative to `resources[0]`. */
  labelsPath: FieldPath;
  /**
   * Set on a workload that stands for several alike ones (see collapseAlike): two or more. Its members connect
   * with each other, so its connections to itself count.
   */
  members?: readonly Workload[];
}

export interface ServicePort {
  name?: string;
  port?: number;
  /** Absent: the `port` value is used. */
  targetPort?: number | string;
}

export interface Service {
  namespace: string;
  name: string;
  /** undefined: no selector (endpoints managed by hand), so it selects no workload here. */
  selector: Readonly<Record<string, string>> | undefined;
  ports: ServicePort[];
  resource: Resource;
}

/** One way in from outside the cluster: an Ingress backend or a Route target, aimed at a Service port. */
export interface Entry {
  resource: Resource;
  /** The field that names the backend (for attribution). */
  path: FieldPath;
  namespace: string;
  service: string;
  /** undefined: every port of the Service. */
  port?: number | string;
  /** `host/path` for messages; `*` when every host. */
  route: string;
}

export interface Topology {
  workloads: Workload[];
  byId: Map<string, Workload>;
  /** Declared namespaces and every namespace referenced by an object, with the automatic name label. */
  namespaces: Map<string, Readonly<Record<string, string>>>;
  /** Namespaces that are referenced but have no Namespace object. */
  undeclaredNamespaces: Set<string>;
  services: Service[];
  entries: Entry[];
}

/**
 * Where each controller kind keeps its pod template. A Map, not an object literal: a kind is user input, and
 * `kind: constructor` must not find Object's members.
 */
const TEMPLATE_PATHS: ReadonlyMap<string, FieldPath> = new Map<string, FieldPath>([
  ['Deployment', ['spec', 'template']],
  ['StatefulSet', ['spec', 'template']],
  ['DaemonSet', ['spec', 'template']],
  ['ReplicaSet', ['spec', 'template']],
  ['ReplicationController', ['spec', 'template']],
  ['Job', ['spec', 'template']],
  ['CronJob', ['spec', 'jobTemplate', 'spec', 'template']],
]);

/** Where each controller kind's pod labels are written: one interned path per kind, shared by its workloads. */
const TEMPLATE_LABELS_PATHS: ReadonlyMap<string, FieldPath> = new Map(
  [...TEMPLATE_PATHS].map(([kind, path]) => [kind, internPath([...path, 'metadata', 'labels'])]),
);

const isPod = (r: Resource) => r.kind === 'Pod' && r.group === '';
const isController = (r: Resource) => TEMPLATE_PATHS.has(r.kind) && (r.group === 'apps' || r.group === 'batch' || r.group === '' || r.group === 'extensions');
const isService = (r: Resource) => r.kind === 'Service' && r.group === '';

/** Whether an object defines workloads or Services: what a Service port leads to (the exposure map's backends). */
export function definesBackends(r: Resource): boolean {
  return isPod(r) || isController(r) || isService(r);
}

const topologies = new WeakMap<Model, Topology>();

/** The topology of a model, built once (the connectivity, exposure and audit analyses all read it; none changes it). */
export function buildTopology(model: Model): Topology {
  let topology = topologies.get(model);
  if (!topology) topologies.set(model, (topology = computeTopology(model)));
  return topology;
}

function computeTopology(model: Model): Topology {
  const workloads: Workload[] = [];
  const byId = new Map<string, Workload>();
  const declared = new Map<string, Record<string, string>>();
  const services: Service[] = [];
  const entries: Entry[] = [];
  /** Pods of one owner are one workload; the per-Resource workloads are shared with the other side, so not mutated. */
  const podsOf = new Map<string, Resource[]>();
  const add = (w: Workload) => {
    const pods = podsOf.get(w.id);
    if (pods) pods.push(...w.resources);
    else if (byId.has(w.id)) podsOf.set(w.id, [...(byId.get(w.id) as Workload).resources, ...w.resources]);
    else {
      byId.set(w.id, w);
      workloads.push(w);
    }
  };
  for (const r of model.resources) {
    if (r.kind === 'Namespace' && r.group === '') {
      declared.set(r.name, { ...r.labels(), [NAMESPACE_NAME_LABEL]: r.name });
    } else if (isPod(r)) {
      add(workloadOfPod(r));
    } else if (isController(r)) {
      add(workloadOfController(r));
    } else if (isService(r)) {
      services.push(serviceOf(r));
    } else if (isIngress(r)) {
      entries.push(...entriesOfIngress(r));
    } else if (r.kind === 'Route' && r.group === 'route.openshift.io') {
      entries.push(...entriesOfRoute(r));
    }
  }
  if (podsOf.size > 0) {
    workloads.forEach((w, i) => {
      const resources = podsOf.get(w.id);
      if (resources) byId.set(w.id, (workloads[i] = { ...w, resources }));
    });
  }
  const namespaces = new Map<string, Readonly<Record<string, string>>>(declared);
  const undeclaredNamespaces = new Set<string>();
  const reference = (ns: string) => {
    if (namespaces.has(ns)) return;
    namespaces.set(ns, { [NAMESPACE_NAME_LABEL]: ns });
    undeclaredNamespaces.add(ns);
  };
  for (const w of workloads) reference(w.namespace);
  for (const r of model.resources) if (r.namespace && (r.kind === 'NetworkPolicy' || r.kind === 'CiliumNetworkPolicy')) reference(r.namespace);
  return { workloads, byId, namespaces, undeclaredNamespaces, services, entries };
}

const workloadIndexes = new WeakMap<Topology, Map<string, Workload[]>>();

/** The workloads of one namespace, in topology order (Services and NetworkPolicies select in their own namespace only). */
export function workloadsIn(topology: Topology, namespace: string): readonly Workload[] {
  let index = workloadIndexes.get(topology);
  if (!index) {
    index = new Map();
    for (const w of topology.workloads) {
      const list = index.get(w.namespace);
      if (list) list.push(w);
      else index.set(w.namespace, [w]);
    }
    workloadIndexes.set(topology, index);
  }
  return index.get(namespace) ?? [];
}

/**
 * Whether a Service's endpoints include a workload's pods: same namespace, every selector label. A Service without a
 * selector, or with `selector: {}` (the API server stores an empty selector as none), has no endpoints here.
 */
export function serviceSelects(service: Service, workload: Workload): boolean {
  const selector = service.selector;
  if (!selector || workload.namespace !== service.namespace) return false;
  let any = false;
  for (const key in selector) {
    if (workload.labels[key] !== selector[key]) return false;
    any = true;
  }
  return any;
}

const serviceIndexes = new WeakMap<Topology, Map<string, Map<string, Service>>>();

/** The Service of a namespace by name (what an Ingress backend or a Route names), if the manifests define it. */
export function serviceNamed(topology: Topology, namespace: string, name: string): Service | undefined {
  let index = serviceIndexes.get(topology);
  if (!index) {
    index = new Map();
    for (const s of topology.services) {
      let byName = index.get(s.namespace);
      if (!byName) index.set(s.namespace, (byName = new Map()));
      byName.set(s.name, s);
    }
    serviceIndexes.set(topology, index);
  }
  return index.get(namespace)?.get(name);
}

// Per Resource: the objects of files that are the same on both sides are read once and shared by both topologies.
const POD_LABELS_PATH = internPath(['metadata', 'labels']);

const workloadOfPod = perResource((r: Resource): Workload => {
  const metadata = isObject(r.object.metadata) ? r.object.metadata : {};
  const owners = Array.isArray(metadata.ownerReferences) ? metadata.ownerReferences : [];
  // Pods of a controller are one workload named after the controller (np-guard's convention).
  const owner = owners.find((o) => isObject(o) && o.controller === true);
  let name = r.name;
  let kind = 'Pod';
  if (isObject(owner) && owner.kind !== 'Node' && typeof owner.name === 'string') {
    name = owner.name;
    kind = typeof owner.kind === 'string' && owner.kind !== '' ? owner.kind : 'Pod';
  }
  const { labels, ports } = podPartsOf(r);
  return { id: workloadId(r.namespace, name, kind), name, namespace: r.namespace, kind, labels, ports, resources: [r], labelsPath: POD_LABELS_PATH };
});

const workloadOfController = perResource((r: Resource): Workload => {
  const { labels, ports } = templatePartsOf(r);
  return {
    id: workloadId(r.namespace, r.name, r.kind), name: r.name, namespace: r.namespace, kind: r.kind,
    labels, ports, resources: [r], labelsPath: TEMPLATE_LABELS_PATHS.get(r.kind)!,
  };
});

/**
 * The pod labels and ports of a decoded object, shared by every Resource of it: a moved or reformatted file is a new
 * Resource of the same object, and what is keyed by these (pod classes, alike workloads) is then computed once.
 */
type PodParts = Pick<Workload, 'labels' | 'ports'>;

const podPartsOf = perObject((r): PodParts => ({ labels: r.labels(), ports: containerPorts(r.spec) }));

const templatePartsOf = perObject((r): PodParts => {
  let template: unknown = r.object;
  for (const step of TEMPLATE_PATHS.get(r.kind)!) template = isObject(template) ? template[step as string] : undefined;
  const tpl = isObject(template) ? template : {};
  const metadata = isObject(tpl.metadata) ? tpl.metadata : {};
  const labels: Record<string, string> = {};
  if (isObject(metadata.labels)) for (const [k, v] of Object.entries(metadata.labels)) labels[k] = v === null ? '' : String(v);
  return { labels, ports: containerPorts(isObject(tpl.spec) ? tpl.spec : {}) };
});

export function workloadId(namespace: string, name: string, kind: string): string {
  // One flat string (see identityKey): ids are keys of every workload index of both sides.
  return [namespace, '/', name, '[', kind, ']'].join('');
}

function containerPorts(podSpec: JsonObject): ContainerPort[] {
  const ports: ContainerPort[] = [];
  // Init containers run to completion before the pod serves: only `containers` listen.
  for (const c of Array.isArray(podSpec.containers) ? podSpec.containers : []) {
    if (!isObject(c) || !Array.isArray(c.ports)) continue;
    for (const p of c.ports) {
      if (!isObject(p) || typeof p.containerPort !== 'number') continue;
      const protocol = p.protocol === 'UDP' || p.protocol === 'SCTP' ? p.protocol : 'TCP';
      ports.push({ ...(typeof p.name === 'string' && p.name !== '' ? { name: p.name } : {}), port: p.containerPort, protocol });
    }
  }
  // Kept for the whole analysis, one per workload: exactly sized (an array grown by push keeps room for 17 items).
  return ports.slice();
}

const serviceOf = perResource((r: Resource): Service => {
  const spec = r.spec;
  let selector: Record<string, string> | undefined;
  if (isObject(spec.selector)) {
    selector = {};
    for (const [k, v] of Object.entries(spec.selector)) selector[k] = v === null ? '' : String(v);
  }
  const ports: ServicePort[] = (Array.isArray(spec.ports) ? spec.ports : []).filter(isObject).map((p) => ({
    ...(typeof p.name === 'string' && p.name !== '' ? { name: p.name } : {}),
    ...(typeof p.port === 'number' ? { port: p.port } : {}),
    ...(typeof p.targetPort === 'number' || (typeof p.targetPort === 'string' && p.targetPort !== '')
      ? { targetPort: typeof p.targetPort === 'string' && /^\d+$/.test(p.targetPort) ? Number(p.targetPort) : p.targetPort }
      : {}),
  }));
  return { namespace: r.namespace, name: r.name, selector, ports, resource: r };
});

const entriesOfIngress = perResource((r: Resource): Entry[] => {
  const model = ingressOf(r);
  const out: Entry[] = [];
  const push = (service: string | undefined, port: number | string | undefined, path: FieldPath, route: string) => {
    if (service) out.push({ resource: r, path, namespace: r.namespace, service, ...(port !== undefined ? { port } : {}), route });
  };
  if (model.defaultBackend) push(model.defaultBackend.service, model.defaultBackend.port, model.defaultBackend.path, '* (default backend)');
  for (const rule of model.rules) {
    for (const p of rule.paths) push(p.backend.service, p.backend.port, p.backend.path, `${rule.host ?? '*'}${p.path}`);
  }
  return out;
});

const entriesOfRoute = perResource((r: Resource): Entry[] => {
  const spec = r.spec;
  const port = isObject(spec.port) && (typeof spec.port.targetPort === 'number' || typeof spec.port.targetPort === 'string')
    ? spec.port.targetPort : undefined;
  const route = `${typeof spec.host === 'string' && spec.host !== '' ? spec.host : '*'}${typeof spec.path === 'string' ? spec.path : ''}`;
  const out: Entry[] = [];
  const push = (target: unknown, path: FieldPath) => {
    if (!isObject(target) || typeof target.name !== 'string') return;
    if (target.kind !== undefined && target.kind !== '' && target.kind !== 'Service') return;
    out.push({ resource: r, path, namespace: r.namespace, service: target.name, ...(port !== undefined ? { port } : {}), route });
  };
  push(spec.to, ['spec', 'to']);
  (Array.isArray(spec.alternateBackends) ? spec.alternateBackends : []).forEach((b, i) => push(b, ['spec', 'alternateBackends', i]));
  return out;
});

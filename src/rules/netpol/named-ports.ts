import { getIn, isObject } from '../../model/json.js';
import type { Model } from '../../model/load.js';
import type { PolicyRule, PortSpec } from '../../model/network-policy.js';
import type { Resource } from '../../model/resource.js';
import { matches, type LabelSelector } from '../../model/selector.js';

/**
 * Named ports (`port: http`) resolve against the destination pod's `containers[].ports[].name`. When every
 * workload of the manifests that a policy selects maps a name to the same number, the name and the number
 * mean the same thing, so `port: http` → `port: 8080` is no change. Otherwise the name stays a name.
 */
interface PodTemplate {
  labels: Record<string, string>;
  /** `TCP/http` → 8080. */
  ports: Map<string, number>;
}

const templates = new WeakMap<Model, Map<string, PodTemplate[]>>();

function templatesIn(model: Model, namespace: string): PodTemplate[] {
  let byNamespace = templates.get(model);
  if (!byNamespace) {
    byNamespace = new Map();
    for (const resource of model.byKey.values()) {
      const template = podTemplateOf(resource);
      if (!template) continue;
      const list = byNamespace.get(resource.namespace) ?? [];
      list.push(template);
      byNamespace.set(resource.namespace, list);
    }
    templates.set(model, byNamespace);
  }
  return byNamespace.get(namespace) ?? [];
}

/** The pod a workload runs: a Pod itself, the `template` of a controller, the job template of a CronJob. */
function podTemplateOf(resource: Resource): PodTemplate | undefined {
  const pod = resource.kind === 'Pod' ? resource.object
    : getIn(resource.object, ['spec', 'template']) ?? getIn(resource.object, ['spec', 'jobTemplate', 'spec', 'template']);
  if (!isObject(pod) || !isObject(pod.spec)) return undefined;
  const labels = getIn(pod, ['metadata', 'labels']);
  const ports = new Map<string, number>();
  for (const field of ['containers', 'initContainers']) {
    const containers = pod.spec[field];
    if (!Array.isArray(containers)) continue;
    for (const container of containers) {
      const list = isObject(container) ? container.ports : undefined;
      if (!Array.isArray(list)) continue;
      for (const port of list) {
        if (!isObject(port) || typeof port.name !== 'string' || typeof port.containerPort !== 'number') continue;
        ports.set(`${typeof port.protocol === 'string' ? port.protocol : 'TCP'}/${port.name}`, port.containerPort);
      }
    }
  }
  const labelMap: Record<string, string> = {};
  if (isObject(labels)) for (const [k, v] of Object.entries(labels)) labelMap[k] = String(v);
  return { labels: labelMap, ports };
}

/**
 * The rule with its named ports replaced by numbers where the pods of `podSelector` in `namespace` (the
 * destination of an ingress rule) agree on the number. Egress rules are left alone: their destinations are the
 * peers, across namespaces.
 */
export function resolveNamedPorts(rule: PolicyRule, model: Model, namespace: string, podSelector: LabelSelector): PolicyRule {
  if (rule.direction !== 'ingress' || rule.ports === 'all' || !rule.ports.some((p) => typeof p.port === 'string')) return rule;
  const pods = templatesIn(model, namespace).filter((t) => matches(podSelector, t.labels));
  if (pods.length === 0) return rule;
  const ports = rule.ports.map((spec): PortSpec => {
    if (typeof spec.port !== 'string') return spec;
    const numbers = new Set(pods.map((pod) => pod.ports.get(`${spec.protocol}/${spec.port}`)));
    const [number] = numbers;
    return numbers.size === 1 && number !== undefined ? { ...spec, port: number } : spec;
  });
  return { ...rule, ports };
}

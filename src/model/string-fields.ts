import type { FieldPath } from './field-path.js';
import { isObject, type JsonObject } from './json.js';

/** A field Kubernetes decodes into a Go string that holds a boolean or a number (e.g. an unquoted `yes` or `12345`). */
export interface NonStringField {
  path: FieldPath;
  value: boolean | number;
}

/** Maps whose values are Go strings wherever they occur: labels, annotations, label selectors' matchLabels. */
const STRING_MAPS = new Set(['labels', 'annotations', 'matchLabels']);
const METADATA_STRINGS = ['name', 'namespace', 'generateName'];
/**
 * The fields on the way to those maps in the kinds segguard analyzes (workloads and their templates, Services,
 * NetworkPolicies and their peers, AdminNetworkPolicies, Cilium policies): the walk descends only into these, so
 * containers, volumes and CRD schemas cost nothing.
 */
const ON_THE_WAY = new Set([
  'metadata', 'spec', 'template', 'jobTemplate', 'selector', 'podSelector', 'namespaceSelector', 'ingress', 'egress',
  'from', 'to', 'subject', 'pods', 'namespaces', 'endpointSelector', 'fromEndpoints', 'toEndpoints', 'specs',
]);

/**
 * The fields the API server rejects for their type: YAML 1.1 (kubectl's reading) turns an unquoted `yes`, `on` or
 * `0120` into a boolean or number where the field is a string ("cannot unmarshal bool into ... of type string"),
 * so the object is never applied. Only `metadata` and `spec` are searched, along the fields that lead to such maps.
 */
export function nonStringFields(object: JsonObject): NonStringField[] {
  const search = new Search();
  const { metadata, spec } = object;
  if (isObject(metadata)) {
    search.path.push('metadata');
    for (const field of METADATA_STRINGS) search.check(metadata[field], field);
    search.walk(metadata);
    search.path.pop();
  }
  if (isObject(spec)) {
    search.path.push('spec');
    search.walk(spec);
    // A Service's selector is a plain string map (a workload's is a LabelSelector, searched above).
    if (object.kind === 'Service' && isObject(spec.selector)) search.stringMap(spec.selector, 'selector');
    search.path.pop();
  }
  return search.found;
}

/** One search: the path to the current node, and what was found (methods, not closures: it runs for every object). */
class Search {
  readonly path: (string | number)[] = [];
  readonly found: NonStringField[] = [];

  check(value: unknown, key: string | number): void {
    if (typeof value === 'boolean' || typeof value === 'number') this.found.push({ path: [...this.path, key], value });
  }

  stringMap(map: JsonObject, key: string): void {
    this.path.push(key);
    for (const entry in map) this.check(map[entry], entry);
    this.path.pop();
  }

  walk(value: unknown): void {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (typeof value[i] !== 'object' || value[i] === null) continue;
        this.path.push(i);
        this.walk(value[i]);
        this.path.pop();
      }
      return;
    }
    if (!isObject(value)) return;
    for (const key in value) {
      const child = value[key];
      if (typeof child !== 'object' || child === null) continue;
      if (STRING_MAPS.has(key) && isObject(child)) this.stringMap(child, key);
      else if (key === 'matchExpressions' && Array.isArray(child)) this.expressions(child);
      else if (ON_THE_WAY.has(key)) {
        this.path.push(key);
        this.walk(child);
        this.path.pop();
      }
    }
  }

  private expressions(list: unknown[]): void {
    this.path.push('matchExpressions');
    for (let i = 0; i < list.length; i++) {
      const expression = list[i];
      if (!isObject(expression)) continue;
      this.path.push(i);
      this.check(expression.key, 'key');
      this.check(expression.operator, 'operator');
      if (Array.isArray(expression.values)) {
        this.path.push('values');
        for (let j = 0; j < expression.values.length; j++) this.check(expression.values[j], j);
        this.path.pop();
      }
      this.path.pop();
    }
    this.path.pop();
  }
}

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
 * The fields the API server rejects for their type: YAML 1.1 (kubectl's reading) turns an unquoted `yes`, `on` or
 * `0120` into a boolean or number where the field is a string ("cannot unmarshal bool into ... of type string"),
 * so the object is never applied. Only `metadata` and `spec` are searched: data maps (ConfigMap, Secret) are
 * large and their values are coerced by kubectl's own decoding rules, not rejected.
 */
export function nonStringFields(object: JsonObject): NonStringField[] {
  const out: NonStringField[] = [];
  const path: (string | number)[] = [];
  const check = (value: unknown, key: string | number) => {
    if (typeof value === 'boolean' || typeof value === 'number') out.push({ path: [...path, key], value });
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (typeof item !== 'object' || item === null) return;
        path.push(i);
        walk(item);
        path.pop();
      });
      return;
    }
    if (!isObject(value)) return;
    for (const key in value) {
      const child = value[key];
      if (typeof child !== 'object' || child === null) continue;
      path.push(key);
      if (STRING_MAPS.has(key) && isObject(child)) {
        for (const entry in child) check(child[entry], entry);
      } else if (key === 'matchExpressions' && Array.isArray(child)) {
        child.forEach((expression, i) => {
          if (!isObject(expression)) return;
          path.push(i);
          check(expression.key, 'key');
          check(expression.operator, 'operator');
          if (Array.isArray(expression.values)) {
            path.push('values');
            expression.values.forEach(check);
            path.pop();
          }
          path.pop();
        });
      } else walk(child);
      path.pop();
    }
  };
  const { metadata, spec } = object;
  if (isObject(metadata)) {
    path.push('metadata');
    for (const field of METADATA_STRINGS) check(metadata[field], field);
    walk(metadata);
    path.pop();
  }
  if (isObject(spec)) {
    path.push('spec');
    walk(spec);
    // A Service's selector is a plain string map (a workload's is a LabelSelector, searched above).
    if (object.kind === 'Service' && isObject(spec.selector)) {
      path.push('selector');
      for (const key in spec.selector) check(spec.selector[key], key);
      path.pop();
    }
    path.pop();
  }
  return out;
}

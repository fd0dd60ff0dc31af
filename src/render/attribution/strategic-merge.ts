import type { FieldPath } from '../../model/field-path.js';
import { isRecord, valueAt } from './yaml-source.js';

/** Where a rendered field sits in a document that was merged into the object (a resource file or a strategic-merge patch). */
export interface WrittenField {
  /** The path in the written document: the field itself, the directive or list that covers it, or its deepest written ancestor. */
  path: (string | number)[];
  /** The written document decides the field's value: it writes the field, replaces a list or map holding it, or deletes it. */
  sets: boolean;
}

/** Finds the key by which strategic merge pairs the items of a list (undefined: the written list replaces the list). */
export type MergeKeyOf = (listPath: FieldPath, writtenItems: unknown[]) => string | undefined;

/** patchMergeKey of the Kubernetes API lists that have one, by field name (`ports` depends on where it sits). */
const SCHEMA_MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  conditions: 'type',
};

/** The API groups whose schemas kustomize carries; other kinds (custom resources) are merged without a schema. */
const SCHEMA_GROUPS = new Set(['', 'apps', 'batch', 'autoscaling', 'policy', 'extensions', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'scheduling.k8s.io', 'discovery.k8s.io', 'coordination.k8s.io', 'node.k8s.io', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'certificates.k8s.io']);

/** kyaml's keys for merging the lists of a kind without a schema: the first key that every item has. */
const ASSOCIATIVE_KEYS = ['mountPath', 'devicePath', 'ip', 'type', 'topologyKey', 'name', 'containerPort'];

/** How kustomize pairs list items when it merges into an object of this apiVersion and kind. */
export function mergeKeysFor(apiVersion: unknown, kind: unknown): MergeKeyOf {
  const group = typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (!SCHEMA_GROUPS.has(group)) {
    return (_path, items) => ASSOCIATIVE_KEYS.find((key) => items.length > 0 && items.every((item) => isRecord(item) && item[key] !== undefined));
  }
  return (path) => {
    const name = path[path.length - 1];
    if (name !== 'ports') return typeof name === 'string' && Object.hasOwn(SCHEMA_MERGE_KEYS, name) ? SCHEMA_MERGE_KEYS[name] : undefined;
    // A container's ports merge by containerPort, a Service's by port; NetworkPolicy ports are replaced.
    if (typeof path[path.length - 2] === 'number' && typeof path[path.length - 3] === 'string' && /^(init|ephemeral)?[cC]ontainers$/.test(path[path.length - 3] as string)) return 'containerPort';
    return kind === 'Service' && path.length === 2 && path[0] === 'spec' ? 'port' : undefined;
  };
}

const DIRECTIVE = '$patch';

/**
 * Follows a field of the rendered object into a written document, as strategic merge paired them: mapping keys
 * by name, items of keyed lists by their merge key, items of other lists by position (such a list is replaced
 * whole by the document that writes it). `$patch: replace`/`delete` in the way decides everything under it.
 */
export function followField(rendered: unknown, written: unknown, field: FieldPath, mergeKeyOf: MergeKeyOf): WrittenField {
  const path: (string | number)[] = [];
  let [have, wrote] = [rendered, written];
  // The nearest directive passed on the way: it covers the field when the document does not write the field itself.
  let covering: (string | number)[] | undefined;
  for (let i = 0; i < field.length; i++) {
    const key = field[i];
    if (isRecord(wrote) && (wrote[DIRECTIVE] === 'replace' || wrote[DIRECTIVE] === 'delete')) covering = [...path, DIRECTIVE];
    let next: string | number | undefined;
    if (typeof key === 'string') {
      if (isRecord(wrote) && Object.hasOwn(wrote, key)) next = key;
    } else if (Array.isArray(wrote)) {
      const item = Array.isArray(have) ? (have as unknown[])[key] : undefined;
      const mergeKey = mergeKeyOf(field.slice(0, i), wrote);
      if (mergeKey === undefined) {
        // A list without a merge key is the written list, whole: an item past its end still came from it.
        if (key < wrote.length) next = key;
        else return { path, sets: true };
      } else {
        const index = isRecord(item) ? wrote.findIndex((w) => isRecord(w) && w[mergeKey] === item[mergeKey]) : -1;
        const directive = wrote.findIndex((w) => isRecord(w) && (w[DIRECTIVE] === 'replace' || (item === undefined && w[DIRECTIVE] === 'delete')));
        if (index >= 0) next = index;
        else if (directive >= 0) return { path: [...path, directive], sets: true };
      }
    }
    if (next === undefined) return covering ? { path: covering, sets: true } : { path, sets: false };
    path.push(next);
    have = valueAt(have, [key]);
    wrote = (wrote as Record<string | number, unknown>)[next];
  }
  return { path, sets: true };
}

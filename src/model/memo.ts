import type { JsonObject } from './json.js';
import type { Resource } from './resource.js';

/** A per-Resource memo: a model is computed once and shared by every rule (Resources are immutable). */
export function perResource<T>(build: (resource: Resource) => T): (resource: Resource) => T {
  const cache = new WeakMap<Resource, T>();
  return (resource) => {
    let value = cache.get(resource);
    if (value === undefined) {
      value = build(resource);
      cache.set(resource, value);
    }
    return value;
  };
}

/**
 * A memo by decoded object alone, for a value that names no Resource (pod labels, ports): a moved or reformatted
 * file is a new Resource of the same object, and gets the very value the other side has.
 */
export function perObject<T>(build: (resource: Resource) => T): (resource: Resource) => T {
  const values = new WeakMap<JsonObject, T>();
  return (resource) => {
    let value = values.get(resource.object);
    if (value === undefined) {
      value = build(resource);
      values.set(resource.object, value);
    }
    return value;
  };
}

/**
 * A memo by decoded object, then by Resource: identical file texts (most files of both sides of a PR) share one
 * decoded object, so the meaning is built once for both sides; each Resource still gets its own `resource` field.
 */
export function perDecodedObject<M extends { resource: Resource }>(build: (resource: Resource) => Omit<M, 'resource'>): (resource: Resource) => M {
  const meaningOf = perObject(build);
  return perResource((resource) => ({ resource, ...meaningOf(resource) }) as M);
}

/**
 * A memo per object whose value also depends on other objects (`inputs`): reused while those are the same
 * objects, item by item. The objects of files identical on both sides of a change are shared, so most values
 * computed for the base serve the head as they are.
 */
export function memoWhileSame<K extends object, A extends unknown[], V>(build: (key: K, ...args: A) => V): (key: K, inputs: readonly unknown[], ...args: A) => V {
  const cache = new WeakMap<K, { inputs: readonly unknown[]; value: V }>();
  return (key, inputs, ...args) => {
    const known = cache.get(key);
    if (known && sameItems(known.inputs, inputs)) return known.value;
    const value = build(key, ...args);
    cache.set(key, { inputs, value });
    return value;
  };
}

/** Whether two lists hold the same objects in the same order. */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

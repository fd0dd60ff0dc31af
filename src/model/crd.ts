import { isObject, type JsonObject, type JsonValue } from './json.js';
import type { Resource } from './resource.js';

/** Small readers for custom-resource models (Traefik, Gateway API): wrong shapes read as absent. */
export const nonEmptyString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
export const listOf = (value: unknown): JsonValue[] => (Array.isArray(value) ? value : []);
export const objectOf = (value: unknown): JsonObject => (isObject(value) ? value : {});
export const numberOf = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

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

import { isObject, type JsonObject, type JsonValue } from './json.js';

/** Small readers for custom-resource models (Traefik, Gateway API): wrong shapes read as absent. */
export const nonEmptyString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
export const listOf = (value: unknown): JsonValue[] => (Array.isArray(value) ? value : []);
export const objectOf = (value: unknown): JsonObject => (isObject(value) ? value : {});
export const numberOf = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

import type { FieldPath } from '../../model/field-path.js';
import {
  gatewayOf, gatewayRouteOf, isGateway, isGatewayRoute, type GatewayListener, type GatewayModel, type GatewayRouteModel,
} from '../../model/gateway.js';
import { getIn } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import type { Place, ResourcePair } from '../rule.js';

/** A changed object of one kind on both sides (either may be missing for an add or a delete). */
export interface Pair<T> {
  before?: T;
  after?: T;
}

export function gatewayPairs(changed: readonly ResourcePair[]): Pair<GatewayModel>[] {
  return pairsOf(changed, isGateway, gatewayOf);
}

export function routePairs(changed: readonly ResourcePair[]): Pair<GatewayRouteModel>[] {
  return pairsOf(changed, isGatewayRoute, gatewayRouteOf);
}

function pairsOf<T>(changed: readonly ResourcePair[], is: (r: Resource) => boolean, model: (r: Resource) => T): Pair<T>[] {
  const pairs: Pair<T>[] = [];
  for (const { before, after } of changed) {
    const b = before && is(before) ? model(before) : undefined;
    const a = after && is(after) ? model(after) : undefined;
    if (b || a) pairs.push({ before: b, after: a });
  }
  return pairs;
}

/**
 * Each head listener with the base listener it is: the same name, else the same port, protocol and hostname (a
 * renamed listener), else the same port and protocol. Listeners new in the head have no pair.
 */
export function pairListeners(before: GatewayModel, after: GatewayModel): [GatewayListener, GatewayListener][] {
  const free = new Set(before.listeners);
  const pairs: [GatewayListener, GatewayListener][] = [];
  const tests: ((a: GatewayListener, b: GatewayListener) => boolean)[] = [
    (a, b) => a.name === b.name,
    (a, b) => a.port === b.port && a.protocol === b.protocol && a.hostname?.toLowerCase() === b.hostname?.toLowerCase(),
    (a, b) => a.port === b.port && a.protocol === b.protocol,
  ];
  const paired = new Set<GatewayListener>();
  for (const test of tests) {
    for (const listener of after.listeners) {
      if (paired.has(listener)) continue;
      const match = [...free].find((b) => test(listener, b));
      if (match) {
        pairs.push([match, listener]);
        free.delete(match);
        paired.add(listener);
      }
    }
  }
  return pairs.sort((x, y) => x[1].index - y[1].index);
}

/** `Gateway infra/edge listener https (port 443)`. */
export function describeListener(gateway: GatewayModel, listener: GatewayListener): string {
  return `Gateway ${gateway.resource.namespace}/${gateway.resource.name} listener ${listener.name}${listener.port === undefined ? '' : ` (port ${listener.port})`}`;
}

/** `HTTPRoute shop/web`. */
export function describeRoute(route: GatewayRouteModel): string {
  return `${route.kind} ${route.resource.namespace}/${route.resource.name}`;
}

export function placeOf(resource: Resource, path: FieldPath, side: 'base' | 'head'): Place {
  return { resource, path, side };
}

/** The deepest of `paths` that the object actually has (written fields have lines; defaults do not). */
export function existingPath(resource: Resource, paths: FieldPath[]): FieldPath {
  return paths.find((p) => getIn(resource.object, p) !== undefined) ?? [];
}

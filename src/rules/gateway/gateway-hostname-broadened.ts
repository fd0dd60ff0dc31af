import { code } from '../../findings/code-span.js';
import { GATEWAY_GROUP, gatewayHostCovers, gatewayOf, type GatewayRouteModel } from '../../model/gateway.js';
import { lookup } from '../../model/lookup.js';
import type { Model } from '../../model/load.js';
import { defineRule } from '../rule.js';
import { describeListener, describeRoute, existingPath, gatewayPairs, pairListeners, placeOf, routePairs } from './gateways.js';

/** Strictly broader: `now` admits every name `was` did, and more. */
const broader = (now: string | undefined, was: string | undefined) => gatewayHostCovers(now, was) && !gatewayHostCovers(was, now);

/**
 * The hostnames of the listeners a route attaches to (its parentRefs, narrowed by sectionName and port);
 * undefined when a parent is not in the snapshot or a listener accepts every hostname.
 */
function parentHostnames(model: Model, route: GatewayRouteModel): string[] | undefined {
  const names: string[] = [];
  for (const parent of route.parentRefs) {
    const resource = parent.group === GATEWAY_GROUP && parent.kind === 'Gateway'
      ? lookup(model, { group: GATEWAY_GROUP, kind: 'Gateway', namespace: parent.namespace, name: parent.name }, route.resource)
      : undefined;
    if (!resource) return undefined;
    for (const listener of gatewayOf(resource).listeners) {
      if ((parent.sectionName !== undefined && parent.sectionName !== listener.name) || (parent.port !== undefined && parent.port !== listener.port)) continue;
      if (listener.hostname === undefined) return undefined;
      names.push(listener.hostname);
    }
  }
  return route.parentRefs.length > 0 ? names : undefined;
}

export default defineRule({
  id: 'gateway-hostname-broadened',
  kind: 'diff',
  severity: 'high',
  description: "A Gateway listener's hostname is removed or widened by a wildcard (a suffix match), or a route's hostnames are emptied or widened.",
  check({ head, changed, report }) {
    for (const { before, after } of gatewayPairs(changed)) {
      if (!before || !after) continue;
      for (const [was, now] of pairListeners(before, after)) {
        if (was.hostname === undefined || !broader(now.hostname, was.hostname)) continue;
        const removed = now.hostname === undefined;
        report({
          message: `${describeListener(after, now)}: ` + (now.hostname === undefined
            ? `the hostname ${code(was.hostname!)} was removed, so the listener accepts every hostname and every route attached to it without hostnames serves them all.`
            : `the hostname ${code(was.hostname!)} became ${code(now.hostname)}, which matches every name ending in ${code(now.hostname.slice(1))} at any depth, so routes attached to it can serve hosts they did not.`),
          at: placeOf(after.resource, removed ? now.fieldPath : [...now.fieldPath, 'hostname'], 'head'),
          key: `${now.name} hostname`,
          related: [{ ...placeOf(before.resource, [...was.fieldPath, 'hostname'], 'base'), message: `was ${was.hostname}` }],
        });
      }
    }
    for (const { before, after } of routePairs(changed)) {
      if (!before || !after || before.hostnames.length === 0) continue;
      if (after.hostnames.length === 0) {
        const inherited = parentHostnames(head, after);
        // Emptied, but every listener it attaches to only accepts names the base hostnames covered: same hosts.
        if (inherited && inherited.every((h) => before.hostnames.some((b) => gatewayHostCovers(b, h)))) continue;
        report({
          message: `${describeRoute(after)}: its hostnames (${before.hostnames.map((h) => code(h)).join(', ')}) were emptied, so it inherits every hostname of the listeners it attaches to ` +
            '(all of them for a listener without hostname) and takes their traffic.',
          at: placeOf(after.resource, existingPath(after.resource, [after.hostnamesPath, ['spec']]), 'head'),
          key: 'hostnames',
          related: [{ ...placeOf(before.resource, before.hostnamesPath, 'base'), message: `was ${before.hostnames.join(', ')}` }],
        });
        continue;
      }
      reportWidened(before, after);
    }

    function reportWidened(before: GatewayRouteModel, after: GatewayRouteModel) {
      after.hostnames.forEach((name, i) => {
        if (before.hostnames.some((b) => gatewayHostCovers(b, name))) return;
        const widened = before.hostnames.find((b) => broader(name, b));
        if (!widened) return;
        report({
          message: `${describeRoute(after)}: the hostname ${code(widened)} became ${code(name)}, which matches every name ending in ${code(name.slice(1))}, so the route takes traffic for hosts it did not.`,
          at: placeOf(after.resource, [...after.hostnamesPath, i], 'head'),
          key: `hostname ${name.toLowerCase()}`,
          related: [{ ...placeOf(before.resource, [...before.hostnamesPath, before.hostnames.indexOf(widened)], 'base'), message: `was ${widened}` }],
        });
      });
    }
  },
});

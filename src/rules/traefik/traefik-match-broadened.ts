import { code } from '../../findings/code-span.js';
import { conjunctKey, formatConjunct, isIngressRoute, type Conjunct } from '../../model/traefik.js';
import { defineRule } from '../rule.js';
import { broadeningReasons, conjunctBroader, conjunctCovers, decidable } from './match.js';
import { routersOf, touchesTraefik, type Router } from './routers.js';

/**
 * Pairs each head route of an IngressRoute with the base route it most likely is (never by list index): the
 * same rule, else the same services, else a rule admitting some of the same requests, else the only route.
 */
function pairRoutes(before: Router[], after: Router[]): Map<Router, Router> {
  const pairs = new Map<Router, Router>();
  const free = new Set(before);
  const keys = (r: Router) => r.conjuncts.map(conjunctKey).sort().join(' || ');
  const overlaps = (a: Router, b: Router) => a.conjuncts.some((x) => b.conjuncts.some((y) => conjunctCovers(x, y) || conjunctCovers(y, x)));
  const tests: ((a: Router, b: Router) => boolean)[] = [
    (a, b) => keys(a) === keys(b),
    (a, b) => a.backends.join() === b.backends.join(),
    overlaps,
    () => before.length === 1 && after.length === 1,
  ];
  for (const test of tests) {
    for (const route of after) {
      if (pairs.has(route)) continue;
      const match = [...free].find((b) => test(route, b));
      if (match) {
        pairs.set(route, match);
        free.delete(match);
      }
    }
  }
  return pairs;
}

/** An alternative of `route` that its base route did not have, when the route gained alternatives (decidably). */
function isAddedBranch(conjunct: Conjunct, route: Router, paired: Router): boolean {
  const key = conjunctKey(conjunct);
  return route.conjuncts.length > paired.conjuncts.length && !paired.conjuncts.some((c) => conjunctKey(c) === key) && decidable(conjunct, ...paired.conjuncts);
}

export default defineRule({
  id: 'traefik-match-broadened',
  kind: 'diff',
  severity: 'high',
  description: 'An IngressRoute rule admits requests it did not: a Host matcher removed or wildcarded, a shorter PathPrefix, a condition dropped, or an `||` branch added.',
  check({ base, head, changed, report }) {
    if (!touchesTraefik(changed)) return;
    // Requests any base router sent to the same services: a route moved between objects (or from an Ingress) is
    // not broader; the same requests now sent elsewhere are another change, not this one.
    const baseConjuncts = routersOf(base).flatMap((router) => router.conjuncts.map((conjunct) => ({ router, conjunct })));
    for (const { before, after } of changed) {
      if (!after || !isIngressRoute(after)) continue;
      const headRoutes = routersOf(head).filter((r) => r.resource === after);
      const pairs = before ? pairRoutes(routersOf(base).filter((r) => r.resource === before), headRoutes) : new Map<Router, Router>();
      for (const route of headRoutes) {
        for (const conjunct of route.conjuncts) {
          if (baseConjuncts.some((b) => b.router.backends.join() === route.backends.join() && conjunctCovers(b.conjunct, conjunct))) continue;
          const paired = pairs.get(route);
          const narrower = baseConjuncts.filter((b) => conjunctBroader(conjunct, b.conjunct));
          const replaced = narrower.find((b) => b.router === paired) ?? narrower.find((b) => b.router.resource === before) ?? narrower[0];
          if (replaced) reportBroadened(route, conjunct, replaced.router, replaced.conjunct);
          // An alternative the route gained; a route rewritten to other requests (as many alternatives) is a new
          // route, and a regexp makes "not covered" a guess, so neither is reported.
          else if (paired && isAddedBranch(conjunct, route, paired)) reportBranch(route, conjunct, paired);
        }
      }
    }

    function reportBroadened(route: Router, conjunct: Conjunct, was: Router, wasConjunct: Conjunct) {
      report({
        message: `${route.subject}: the rule now matches ${code(formatConjunct(conjunct))}, which admits every request of the base's ` +
          `${code(formatConjunct(wasConjunct))} and more (${broadeningReasons(conjunct, wasConjunct).join('; ')}): requests the base did not route now reach ${route.backends.join(', ')}.`,
        at: { resource: route.resource, path: route.matchPath, side: 'head' },
        key: `${conjunctKey(conjunct)} from ${conjunctKey(wasConjunct)}`,
        related: [{ resource: was.resource, path: was.matchPath, side: 'base', message: `was ${code(formatConjunct(wasConjunct))}` }],
      });
    }

    function reportBranch(route: Router, conjunct: Conjunct, was: Router) {
      report({
        message: `${route.subject}: the rule gained the alternative ${code(formatConjunct(conjunct))} (an added ${code('||')} branch), so requests the base did not route now reach ${route.backends.join(', ')}.`,
        at: { resource: route.resource, path: route.matchPath, side: 'head' },
        key: `${conjunctKey(conjunct)} branch`,
        related: [{ resource: was.resource, path: was.matchPath, side: 'base', message: `was ${code(was.conjuncts.map(formatConjunct).join(' || '))}` }],
      });
    }
  },
});

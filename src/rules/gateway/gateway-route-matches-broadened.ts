import type { FieldPath } from '../../model/field-path.js';
import type { RouteMatch, RouteRule } from '../../model/gateway.js';
import type { Resource } from '../../model/resource.js';
import { defineRule } from '../rule.js';
import { describeRoute, existingPath, placeOf, routePairs } from './gateways.js';
import { broadeningReasons, describeMatch, matchBroader, matchCovers } from './matches.js';

/** The line of a match that tells what changed: its path (HTTP) or method (gRPC) when written, else the match. */
function matchLine(resource: Resource, rule: RouteRule, match: RouteMatch): FieldPath {
  if (!match.fieldPath) return rule.fieldPath;
  return existingPath(resource, [[...match.fieldPath, match.grpc ? 'method' : 'path'], match.fieldPath]);
}

export default defineRule({
  id: 'gateway-route-matches-broadened',
  kind: 'diff',
  severity: 'medium',
  description: 'An HTTPRoute or GRPCRoute rule admits requests no base rule admitted: its matches removed (now every request), a shorter path prefix, or a condition dropped.',
  check({ changed, report }) {
    for (const { before, after } of routePairs(changed)) {
      if (!before || !after || (after.kind !== 'HTTPRoute' && after.kind !== 'GRPCRoute')) continue;
      // Rules compare by their matches, never by list index: reordering rules or matches changes nothing.
      const baseMatches = before.rules.flatMap((rule) => rule.matches.map((match) => ({ rule, match })));
      for (const rule of after.rules) {
        for (const match of rule.matches) {
          if (baseMatches.some((b) => matchCovers(b.match, match))) continue;
          const replaced = baseMatches.filter((b) => matchBroader(match, b.match)).sort((x, y) => Number(y.rule.matchesEverything) - Number(x.rule.matchesEverything))[0];
          if (!replaced) continue;
          const everything = rule.matchesEverything;
          // A rule that lost several matches: name all of them, not only the one the finding relates to.
          const was = everything ? baseMatches.filter((b) => b.rule === replaced.rule && matchBroader(match, b.match)).map((b) => describeMatch(b.match)).join(' or ') : '';
          report({
            message: `${describeRoute(after)}: ` + (everything
              ? `rule ${rule.index + 1} has no matches any more, so it takes every request${after.kind === 'HTTPRoute' ? ' (PathPrefix /)' : ''} on the route's hostnames, not only ${was}.`
              : `a rule now matches ${describeMatch(match)}, which admits every request of the base's ${describeMatch(replaced.match)} and more (${broadeningReasons(match, replaced.match).join('; ')}).`),
            at: placeOf(after.resource, matchLine(after.resource, rule, match), 'head'),
            key: `${describeMatch(match)} from ${describeMatch(replaced.match)}`,
            related: [{ ...placeOf(before.resource, matchLine(before.resource, replaced.rule, replaced.match), 'base'), message: `was ${describeMatch(replaced.match)}` }],
          });
        }
      }
    }
  },
});

import { code } from '../../findings/code-span.js';
import { formatFieldPath } from '../../model/field-path.js';
import { describeIdentity } from '../../model/identity.js';
import { describeAddresses, type IpSet } from '../../model/ip-set.js';
import { conjunctKey, formatConjunct, isMiddleware, middlewareOf, type AppliedGuard, type IpAllowList } from '../../model/traefik.js';
import { defineRule, reportOnce, type ReportInput } from '../rule.js';
import { blameGuard, headGuards, mayPreexist, routerGuards, routersAt, servedRequests, touchesTraefik } from './routers.js';

const TRUST_RISK = 'so the allow-list now reads the client address from the X-Forwarded-For header, which any client can set to an allowed address';

/** `10.0.0.0/8 (16,777,216 addresses)`. */
function describeAdded(added: IpSet): string {
  const size = added.size();
  return `${describeAddresses(added)} (${size.toLocaleString('en-US')} address${size === 1n ? '' : 'es'})`;
}

const allowListsOf = (guards: AppliedGuard[]) => guards.filter((g) => g.kind === 'ipAllowList');

/** Every allow-list on a router must pass: the addresses admitted are their intersection. */
function admitted(guards: AppliedGuard[]): IpSet {
  return guards.map((g) => g.middleware.ipAllowList!.sourceRange).reduce((acc, set) => acc.intersect(set));
}

export default defineRule({
  id: 'traefik-allowlist-loosened',
  kind: 'diff',
  severity: 'high',
  description: 'A Traefik ipAllowList/ipWhiteList admits addresses it did not (address sets compared, not text), or its ipStrategy starts trusting X-Forwarded-For.',
  check({ base, head, changed, report }) {
    if (!touchesTraefik(changed)) return;
    const emit = reportOnce(report);
    // The same Middleware on both sides (a v2 object migrated to traefik.io keeps its identity).
    for (const { before, after } of changed) {
      if (!before || !after || !isMiddleware(after)) continue;
      const was = middlewareOf(before).ipAllowList;
      const now = middlewareOf(after).ipAllowList;
      if (!was || !now) continue;
      const subject = describeIdentity(after);
      const added = now.sourceRange.subtract(was.sourceRange);
      if (!added.isEmpty()) {
        const culprit = now.ranges.find((r) => !r.set.isSubsetOf(was.sourceRange)) ?? now.ranges[0];
        emit({
          message: `${subject}: ${now.field}.sourceRange now admits ${describeAdded(added)} that the base did not, so clients from those addresses reach every router using it.`,
          at: { resource: after, path: culprit?.fieldPath ?? now.sourceRangePath, side: 'head' },
          key: 'sourceRange',
          related: [{ resource: before, path: was.sourceRangePath, side: 'base', message: `was ${was.ranges.map((r) => r.text).join(', ') || 'empty'}` }],
        });
      }
      if (now.trustsForwardedFor && !was.trustsForwardedFor) emit(trustFinding(`${subject}:`, now, { resource: after, side: 'head' }, { resource: before, path: was.fieldPath, side: 'base' }));
    }
    // A router whose allow-lists are other Middlewares now (renamed, swapped, or changed inside a chain).
    for (const served of servedRequests({ base, head })) {
      const was = allowListsOf(routerGuards(base, served.base));
      const now = allowListsOf(headGuards(served.head, head, base));
      if (was.length === 0 || now.length === 0) continue;
      const keys = (guards: AppliedGuard[]) => guards.map((g) => g.middleware.resource.key).sort().join(',');
      if (keys(was) === keys(now)) continue;
      if (mayPreexist(served) && routersAt(base, served.headConjunct).some((r) => keys(allowListsOf(routerGuards(base, r))) === keys(now))) continue;
      const at = blameGuard(was[0], served.head, head);
      const route = code(formatConjunct(served.headConjunct));
      const related = [{ resource: served.base.resource, path: was[0].via[0].fieldPath, side: 'base' as const, message: `${describeIdentity(was[0].middleware.resource)} applied in base` }];
      const added = admitted(now).subtract(admitted(was));
      const names = now.map((g) => describeIdentity(g.middleware.resource)).join(' and ');
      if (!added.isEmpty()) {
        emit({
          message: `${served.head.subject}: the router for ${route} now applies the allow-list ${names}, which admits ${describeAdded(added)} that the base allow-list did not.`,
          at,
          key: `${conjunctKey(served.headConjunct)} sourceRange`,
          related,
        });
      }
      const trusting = now.find((g) => g.middleware.ipAllowList!.trustsForwardedFor);
      if (trusting && !was.some((g) => g.middleware.ipAllowList!.trustsForwardedFor)) {
        emit({ ...trustFinding(`${served.head.subject}: the router for ${route} now applies ${describeIdentity(trusting.middleware.resource)}, whose`, trusting.middleware.ipAllowList!, at, related[0]), key: `${conjunctKey(served.headConjunct)} ipStrategy` });
      }
    }
  },
});

function trustFinding(subject: string, now: IpAllowList, at: ReportInput['at'], related: ReportInput['at']): ReportInput {
  const field = formatFieldPath(now.strategyPath!.slice(1));
  return {
    message: `${subject} ${field} makes the ${now.field} trust forwarded headers, ${TRUST_RISK}.`,
    at: at.path ? at : { ...at, path: now.strategyPath },
    key: 'ipStrategy',
    related: [{ ...related, message: 'no forwarded-header trust in base' }],
  };
}

import { describeIdentity } from '../../model/identity.js';
import { conjunctKey, formatConjunct, guardsOf } from '../../model/traefik.js';
import { defineRule, reportOnce } from '../rule.js';
import { baseServedUnguarded, blameGuard, categoryOf, headGuards, servedRequests, touchesTraefik, type GuardCategory } from './routers.js';

const WHAT: Record<GuardCategory, string> = {
  'allow-list': 'an IP allow-list',
  authentication: 'authentication',
};

export default defineRule({
  id: 'traefik-guard-middleware-removed',
  kind: 'diff',
  severity: 'high',
  description: 'A Traefik router no longer applies an ipAllowList/ipWhiteList, basicAuth, digestAuth or forwardAuth middleware (directly or through a chain) that guarded the same requests in the base.',
  check({ base, head, changed, report }) {
    if (!touchesTraefik(changed)) return;
    const emit = reportOnce(report);
    for (const served of servedRequests({ base, head })) {
      const baseGuards = guardsOf(base, served.base.middlewares);
      if (baseGuards.length === 0) continue;
      const now = new Set(headGuards(served.head, head, base).map(categoryOf));
      for (const guard of baseGuards) {
        const category = categoryOf(guard);
        if (now.has(category) || baseServedUnguarded(base, served.headConjunct, category)) continue;
        const middleware = describeIdentity(guard.middleware.resource);
        const chain = guard.via.length > 1 ? ` (through ${guard.via.slice(0, -1).map((r) => r.text).join(' → ')})` : '';
        emit({
          message: `${served.head.subject}: the router for ${formatConjunct(served.headConjunct)} no longer applies ${WHAT[category]}: ` +
            `the base guarded these requests with the ${guard.kind} ${middleware}${chain}, so they now reach the backend without it.`,
          at: blameGuard(guard, served.head, head),
          key: `${conjunctKey(served.headConjunct)} ${category}`,
          related: [{ resource: served.base.resource, path: guard.via[0].fieldPath, side: 'base', message: `${guard.kind} ${middleware} applied in base` }],
        });
      }
    }
  },
});

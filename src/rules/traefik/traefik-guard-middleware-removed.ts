import { code } from '../../findings/code-span.js';
import { formatFieldPath } from '../../model/field-path.js';
import { describeIdentity } from '../../model/identity.js';
import { conjunctKey, formatConjunct, type AppliedGuard } from '../../model/traefik.js';
import { defineRule, reportOnce, type Place, type ReportInput } from '../rule.js';
import {
  baseServedUnguarded, blameGuard, categoryOf, describeRouter, headGuards, routerGuards, servedRequests, touchesTraefik, type GuardCategory,
  type Served,
} from './routers.js';

const WHAT: Record<GuardCategory, string> = {
  'allow-list': 'an IP allow-list',
  authentication: 'authentication',
};

/** How many routers a grouped finding names before "and N more". */
const NAMED = 3;

interface Loss {
  served: Served;
  guard: AppliedGuard;
  category: GuardCategory;
  at: Place;
}

function describeGuard(guard: AppliedGuard): string {
  const chain = guard.via.length > 1 ? ` (through ${guard.via.slice(0, -1).map((r) => r.text).join(' → ')})` : '';
  return `the ${guard.kind} ${describeIdentity(guard.middleware.resource)}${chain}`;
}

function relatedOf({ served, guard }: Loss): ReportInput['related'] {
  return [{ resource: served.base.resource, path: guard.via[0].fieldPath, side: 'base', message: `${guard.kind} ${describeIdentity(guard.middleware.resource)} applied in base` }];
}

export default defineRule({
  id: 'traefik-guard-middleware-removed',
  kind: 'diff',
  severity: 'high',
  description: 'A Traefik router no longer applies an ipAllowList/ipWhiteList, basicAuth, digestAuth or forwardAuth middleware (directly or through a chain) that guarded the same requests in the base.',
  check({ base, head, changed, report }) {
    if (!touchesTraefik(changed)) return;
    const emit = reportOnce(report);
    // Losses caused by a changed Middleware (a chain that dropped a member) are one finding on that Middleware.
    const viaMiddleware = new Map<string, Loss[]>();
    for (const served of servedRequests({ base, head })) {
      const baseGuards = routerGuards(base, served.base);
      if (baseGuards.length === 0) continue;
      const now = new Set(headGuards(served.head, head, base).map(categoryOf));
      for (const guard of baseGuards) {
        const category = categoryOf(guard);
        if (now.has(category) || baseServedUnguarded(base, served, category)) continue;
        const loss: Loss = { served, guard, category, at: blameGuard(guard, served.head, head) };
        if (loss.at.resource === served.head.resource) {
          emit({
            message: `${served.head.subject}: the router for ${code(formatConjunct(served.headConjunct))} no longer applies ${WHAT[category]}: ` +
              `the base guarded these requests with ${describeGuard(guard)}, so they now reach the backend without it.`,
            at: loss.at,
            key: `${conjunctKey(served.headConjunct)} ${category}`,
            related: relatedOf(loss),
          });
          continue;
        }
        const group = `${loss.at.resource.key} ${formatFieldPath(loss.at.path ?? [])} ${category}`;
        viaMiddleware.set(group, [...(viaMiddleware.get(group) ?? []), loss]);
      }
    }
    for (const losses of viaMiddleware.values()) {
      const [first] = losses;
      const routers = [...new Map(losses.map((l) => [`${l.served.head.resource.key} ${conjunctKey(l.served.headConjunct)}`, describeRouter(l.served.head, l.served.headConjunct)])).values()];
      const named = routers.slice(0, NAMED).join(', ') + (routers.length > NAMED ? ` and ${routers.length - NAMED} more` : '');
      emit({
        message: `${describeIdentity(first.at.resource)}: this change stops ${WHAT[first.category]} from applying to ${routers.length === 1 ? 'the router' : `${routers.length} routers`} ` +
          `it guarded in base with ${describeGuard(first.guard)}: ${named}. Their requests now reach the backend without it.`,
        at: first.at,
        key: `${first.category} ${first.guard.middleware.resource.key}`,
        related: relatedOf(first),
      });
    }
  },
});

import type { Approximation } from '../../model/approximation.js';
import { formatFieldPath } from '../../model/field-path.js';
import { describeIdentity } from '../../model/identity.js';
import type { Resource } from '../../model/resource.js';
import { ingressRouteOf, isIngressRoute } from '../../model/traefik.js';
import { connectivityChange } from '../connectivity/change.js';
import { defineRule } from '../rule.js';

/** The approximations each model made of an object (see src/model/approximation.ts). */
function approximationsOf(resource: Resource): Approximation[] {
  if (isIngressRoute(resource)) return ingressRouteOf(resource).approximations;
  return [];
}

/**
 * A diff rule over the changed objects, not a state rule: an object the PR changes is analyzed only as broadly as
 * it was approximated, on both sides, so a base that was approximated too does not make the change seen.
 */
export default defineRule({
  id: 'manifest-too-complex',
  kind: 'diff',
  modes: ['pr', 'audit'],
  severity: 'high',
  description: 'An object the change adds or edits is too large or complex to analyze exactly, so segguard analyzed a broader meaning (e.g. a route that may match everything as matching everything) and a reviewer must check it.',
  check(context) {
    const { changed, report } = context;
    const tell = (resource: Resource, approximation: Approximation, side: 'base' | 'head') => report({
      message: `${describeIdentity(resource)}: ${approximation.message} (at ${formatFieldPath(approximation.path)}). segguard cannot analyze it exactly, so what it reports here may be broader than the change; check it by hand or simplify it.`,
      at: { resource, path: approximation.path, side },
      key: `${formatFieldPath(approximation.path)}\0${approximation.message}`,
    });
    for (const { after } of changed) {
      if (!after) continue;
      for (const approximation of approximationsOf(after)) tell(after, approximation, 'head');
    }
    // The connectivity of a pull request (an audit compares no connectivity), placed on the first object it names.
    const tooComplex = context.mode === 'audit' ? undefined : connectivityChange(context)?.tooComplex;
    if (tooComplex) tell(tooComplex.resource, { path: tooComplex.path, message: tooComplex.message }, tooComplex.side);
  },
});

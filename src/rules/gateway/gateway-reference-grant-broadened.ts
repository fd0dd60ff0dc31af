import { grantToCovers, isReferenceGrant, referenceGrantOf, type GrantFrom, type GrantTo, type ReferenceGrantModel } from '../../model/gateway.js';
import { defineRule, reportOnce } from '../rule.js';
import { placeOf } from './gateways.js';

const sameFrom = (a: GrantFrom) => (b: GrantFrom) => a.group === b.group && a.kind === b.kind && a.namespace === b.namespace;
const describeFrom = (f: GrantFrom) => `${f.kind} objects in namespace ${f.namespace}`;
const describeTo = (t: GrantTo) => (t.name === undefined ? `every ${t.kind}` : `${t.kind} ${t.name}`);
const describeTos = (grant: ReferenceGrantModel) => grant.to.map(describeTo).join(', ');

export default defineRule({
  id: 'gateway-reference-grant-broadened',
  kind: 'diff',
  severity: 'high',
  description: 'A ReferenceGrant lets more cross-namespace references in: a grant added, a `to.name` removed (every object of the kind), or a `from` namespace added.',
  check({ base, changed, report }) {
    // What the base already granted, by target namespace: a grant renamed, moved or split grants nothing new.
    const baseGrants = base.resources.filter(isReferenceGrant).map(referenceGrantOf);
    const granted = (namespace: string, from: GrantFrom, to: GrantTo) =>
      baseGrants.some((g) => g.namespace === namespace && g.from.some(sameFrom(from)) && g.to.some((t) => grantToCovers(t, to)));
    const emit = reportOnce(report);
    for (const { before, after } of changed) {
      if (!after || !isReferenceGrant(after)) continue;
      const now = referenceGrantOf(after);
      const was = before ? referenceGrantOf(before) : undefined;
      const subject = `ReferenceGrant ${now.namespace}/${after.name}`;
      for (const from of now.from) {
        for (const to of now.to) {
          if (granted(now.namespace, from, to)) continue;
          const fromKey = `from ${from.group}/${from.kind}/${from.namespace}`;
          if (!was) {
            emit({
              message: `${subject} added: ${describeFrom(from)} may now reference ${describeTos(now)} in namespace ${now.namespace}, across the namespace border.`,
              at: placeOf(after, from.fieldPath, 'head'),
              key: fromKey,
            });
          } else if (!was.from.some(sameFrom(from))) {
            emit({
              message: `${subject}: the namespace ${from.namespace} was added to from, so ${describeFrom(from)} may now reference ${describeTos(now)} in namespace ${now.namespace}.`,
              at: placeOf(after, from.fieldPath, 'head'),
              key: fromKey,
              related: [{ ...placeOf(before!, ['spec', 'from'], 'base'), message: `from was ${was.from.map((f) => f.namespace).join(', ') || 'empty'}` }],
            });
          } else {
            const named = was.to.find((t) => t.group === to.group && t.kind === to.kind && t.name !== undefined);
            const unnamed = to.name === undefined && named;
            emit({
              message: unnamed
                ? `${subject}: to.name ${named.name} was removed, so the grant covers every ${to.kind} in namespace ${now.namespace}, not only ${named.name}.`
                : `${subject}: ${describeTo(to)} in namespace ${now.namespace} was added to the grant, so ${describeFrom(from)} may now reference it.`,
              at: placeOf(after, to.fieldPath, 'head'),
              key: `to ${to.group}/${to.kind}/${to.name ?? '*'}`,
              related: [{ ...placeOf(before!, named ? named.fieldPath : ['spec', 'to'], 'base'), message: `was ${describeTos(was)}` }],
            });
          }
        }
      }
    }
  },
});

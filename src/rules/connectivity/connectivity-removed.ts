import { defineRule } from '../rule.js';
import { connectivityChange, detailLines, diffLine, placeOf } from './change.js';

export const connectivityRemoved = defineRule({
  id: 'connectivity-removed',
  kind: 'diff',
  severity: 'info',
  description: 'Connections that base allowed and head no longer does: not a security regression, but it may break the application.',
  check(context) {
    const change = connectivityChange(context);
    if (!change) return;
    const { removed, removedPast } = change;
    // Too many to list: base's connections were compared only for the pairs head still connects.
    const uncounted = removedPast ? `; base allowed more than ${removedPast.limit} connections here, too many to compare one by one, so more may be closed` : '';
    const [first] = removed;
    if (!first) {
      if (removedPast) {
        context.report({
          message: `Connections allowed in base may no longer be allowed in head${uncounted}; check that the application does not need them.`,
          at: placeOf(removedPast, context), key: 'removed',
        });
      }
      return;
    }
    // One summary finding, placed on the destination of the first lost connection (head if it still exists).
    const peer = [first.dst, first.src].find((p) => p.type === 'workload');
    if (peer?.type !== 'workload') return;
    const inHead = change.head.topology.byId.get(peer.name);
    const workload = inHead ?? peer.workload;
    const count = removed.length;
    context.report({
      message: `In head, ${count} connection${count > 1 ? 's' : ''} allowed in base ${count > 1 ? 'are' : 'is'} no longer allowed ` +
        `(first: ${first.src.name} => ${first.dst.name}, ${first.before.toString()} -> ${first.after.toString()})${uncounted}; check that the application does not need ${count > 1 ? 'them' : 'it'}.`,
      at: placeOf({ resource: workload.resources[0], path: [], side: inHead ? 'head' : 'base' }, context),
      key: 'removed',
      details: detailLines(removed, diffLine),
    });
  },
});

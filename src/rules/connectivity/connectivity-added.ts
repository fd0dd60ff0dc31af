import { defineRule } from '../rule.js';
import { connectivityChange, detailLines, diffLine, edgeOf, MAX_DETAIL_LINES, placeOf } from './change.js';

export const connectivityAdded = defineRule({
  id: 'connectivity-added',
  kind: 'diff',
  severity: 'high',
  description: 'A connection between workloads (or from/to outside the cluster) that head allows and base did not, grouped by the line that opens it.',
  check(context) {
    const change = connectivityChange(context);
    if (!change) return;
    for (const group of change.added) {
      const [first, ...rest] = group.diffs;
      const opened = first.after.subtract(first.before);
      const more = rest.length > 0 ? `, and ${rest.length} more connection${rest.length > 1 ? 's' : ''}` : '';
      context.report({
        message: `${rest.length > 0 ? 'New connections' : 'New connection'}: ${first.src.name} may now reach ${first.dst.name} on ${opened.toString()}${more}, ` +
          `because of ${group.cause.what}${group.critical ? ` (${group.critical})` : ''}.`,
        at: placeOf(group.cause, context),
        ...(group.critical ? { severity: 'critical' as const } : {}),
        key: group.cause.key,
        related: group.cause.related.map((r) => ({ ...placeOf(r, context), message: r.message })),
        details: detailLines(group.diffs, diffLine),
        edges: group.diffs.slice(0, MAX_DETAIL_LINES).map(edgeOf),
      });
    }
  },
});

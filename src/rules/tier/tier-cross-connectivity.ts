import { describeTier, TierResolver } from '../../semantics/tiers.js';
import { connectivityChange, detailLines, placeOf } from '../connectivity/change.js';
import { defineRule } from '../rule.js';

export const tierCrossConnectivity = defineRule({
  id: 'tier-cross-connectivity',
  kind: 'diff',
  severity: 'critical',
  description: 'A connection that head allows and base did not, from a workload of a lower trust tier into a workload of a higher one.',
  check(context) {
    const tiers = context.config?.tiers;
    if (!tiers) return;
    const change = connectivityChange(context);
    if (!change) return;
    // The head topology of the analysis: in selector mode its peers are abstract, with their namespaces' labels.
    const resolver = new TierResolver(tiers, change.head.topology);
    // The connections connectivity-added reports, with the same cause (the line that opens them).
    for (const group of change.added) {
      const crossings = group.diffs.flatMap((diff) => {
        if (diff.src.type !== 'workload' || diff.dst.type !== 'workload') return [];
        // A widened pair may carry the base copies of its peers: the tiers are those of head.
        const src = resolver.ofWorkloadId(diff.src.name);
        const dst = resolver.ofWorkloadId(diff.dst.name);
        return src && dst && src.rank > dst.rank ? [{ diff, src, dst }] : [];
      });
      if (crossings.length === 0) continue;
      const [{ diff, src, dst }, ...rest] = crossings;
      const more = rest.length > 0 ? `, and ${rest.length} more connection${rest.length > 1 ? 's' : ''} into a higher tier` : '';
      context.report({
        message: `New connection into a higher tier: ${diff.src.name} (${describeTier(src, tiers)}) may now reach ${diff.dst.name} (${describeTier(dst, tiers)}) on ` +
          `${diff.after.subtract(diff.before).toString()}${more}, because of ${group.cause.what}; traffic from a lower trust tier into a higher one must be explicitly justified.`,
        at: placeOf(group.cause, context),
        key: group.cause.key,
        related: group.cause.related.map((r) => ({ ...placeOf(r, context), message: r.message })),
        details: detailLines(crossings, (c) => `${c.diff.src.name} (${c.src.tier}) => ${c.diff.dst.name} (${c.dst.tier}) : ${c.diff.before.toString()} -> ${c.diff.after.toString()}`),
      });
    }
  },
});

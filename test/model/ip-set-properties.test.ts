import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IpSet, type IpFamily, type IpRange } from '../../src/model/ip-set.js';
import { overlay, paintedAt } from '../../src/semantics/ip-blocks.js';

// The linear merges of IpSet against a reference that knows nothing but membership: an address is in a set when
// one of the ranges it was built from holds it. Addresses are drawn near the edges of the ranges (and across the
// IPv4/IPv6 boundary), where off-by-one errors live.
const FAMILIES: IpFamily[] = ['ipv4', 'ipv6'];
const LIMIT: Record<IpFamily, bigint> = { ipv4: (1n << 32n) - 1n, ipv6: (1n << 128n) - 1n };

const rangeArb = fc.record({ family: fc.constantFrom(...FAMILIES), a: fc.bigInt(0n, 64n), b: fc.bigInt(0n, 64n), high: fc.boolean() })
  .map(({ family, a, b, high }): IpRange => {
    // Small numbers overlap often; `high` puts the range at the top of the family's space.
    const offset = high ? LIMIT[family] - 64n : 0n;
    return { family, start: offset + (a < b ? a : b), end: offset + (a < b ? b : a) };
  });
const rangesArb = fc.array(rangeArb, { maxLength: 12 });

const member = (ranges: readonly IpRange[], family: IpFamily, x: bigint) => ranges.some((r) => r.family === family && r.start <= x && x <= r.end);

/** Every address that can tell two sets apart: each range edge and its neighbours. */
function probes(...lists: (readonly IpRange[])[]): [IpFamily, bigint][] {
  const out: [IpFamily, bigint][] = FAMILIES.flatMap((f) => [[f, 0n], [f, LIMIT[f]]] as [IpFamily, bigint][]);
  for (const r of lists.flat()) {
    for (const x of [r.start - 1n, r.start, r.end, r.end + 1n]) if (x >= 0n && x <= LIMIT[r.family]) out.push([r.family, x]);
  }
  return out;
}

function wellFormed(set: IpSet): boolean {
  return set.ranges.every((r, i) => {
    const prev = set.ranges[i - 1];
    if (r.start > r.end) return false;
    if (!prev) return true;
    if (prev.family !== r.family) return prev.family === 'ipv4';
    return prev.end + 1n < r.start; // disjoint and not adjacent
  });
}

describe('IpSet operations against a membership reference', () => {
  const ops = [
    ['union', (a: IpSet, b: IpSet) => a.union(b), (x: boolean, y: boolean) => x || y],
    ['intersect', (a: IpSet, b: IpSet) => a.intersect(b), (x: boolean, y: boolean) => x && y],
    ['subtract', (a: IpSet, b: IpSet) => a.subtract(b), (x: boolean, y: boolean) => x && !y],
  ] as const;

  it.each(ops)('%s holds exactly the right addresses, normalized', (_, op, truth) => {
    fc.assert(fc.property(rangesArb, rangesArb, (a, b) => {
      const result = op(IpSet.of(a), IpSet.of(b));
      expect(wellFormed(result)).toBe(true);
      for (const [family, x] of probes(a, b)) {
        expect(result.contains(family, x)).toBe(truth(member(a, family, x), member(b, family, x)));
      }
    }), { seed: 9, numRuns: 400 });
  });

  it('contains, equality, subset and unionAll agree with the reference', () => {
    fc.assert(fc.property(rangesArb, rangesArb, rangesArb, (a, b, c) => {
      const [sa, sb] = [IpSet.of(a), IpSet.of(b)];
      const points = probes(a, b);
      for (const [family, x] of points) expect(sa.contains(family, x)).toBe(member(a, family, x));
      const sameMembers = points.every(([f, x]) => member(a, f, x) === member(b, f, x));
      expect(sa.equals(sb)).toBe(sameMembers);
      expect(sa.isSubsetOf(sb)).toBe(points.every(([f, x]) => !member(a, f, x) || member(b, f, x)));
      expect(IpSet.unionAll([sa, sb, IpSet.of(c)]).equals(sa.union(sb).union(IpSet.of(c)))).toBe(true);
      // The order ranges come in does not matter.
      expect(IpSet.of([...a].reverse()).equals(sa)).toBe(true);
    }), { seed: 9, numRuns: 400 });
  });

  it('overlay gives each address the combination of the ranges covering it', () => {
    const pieces = fc.array(fc.record({ range: rangeArb, value: fc.integer({ min: 0, max: 5 }) }), { maxLength: 12 });
    fc.assert(fc.property(pieces, (list) => {
      const painted = overlay(list, Math.min, (x, y) => x === y);
      for (const [family, x] of probes(list.map((p) => p.range))) {
        const covering = list.filter((p) => member([p.range], family, x)).map((p) => p.value);
        expect(paintedAt(painted, family, x)?.value).toBe(covering.length > 0 ? Math.min(...covering) : undefined);
      }
    }), { seed: 9, numRuns: 400 });
  });
});

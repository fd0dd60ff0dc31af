import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeAddresses, IpSet } from '../../src/model/ip-set.js';

const set = (...cidrs: string[]) => IpSet.unionAll(cidrs.map((c) => IpSet.fromCidr(c)));
const except = (outer: string, ...holes: string[]) => set(outer).subtract(set(...holes));

describe('address sets as people write them', () => {
  it('names the fewest CIDR blocks', () => {
    expect(describeAddresses(set('10.0.0.0/8', '192.168.1.0/24'))).toBe('10.0.0.0/8, 192.168.1.0/24');
    // Two adjacent /25s are one /24; a range that is no single block is its fewest blocks.
    expect(describeAddresses(set('10.0.0.0/25', '10.0.0.128/25'))).toBe('10.0.0.0/24');
    expect(describeAddresses(set('10.0.0.1/32', '10.0.0.2/31'))).toBe('10.0.0.1/32, 10.0.0.2/31');
  });

  it('writes one block less some when that is shorter', () => {
    expect(describeAddresses(except('0.0.0.0/0', '198.51.100.0/24'))).toBe('0.0.0.0/0 except 198.51.100.0/24');
    expect(describeAddresses(except('10.0.0.0/8', '10.1.0.0/16', '10.2.0.0/16'))).toBe('10.0.0.0/8 except 10.1.0.0/16, 10.2.0.0/16');
    expect(describeAddresses(except('::/0', '2001:db8::/32'))).toBe('::/0 except 2001:db8::/32');
  });

  it('keeps the families apart, with a semicolon once an except list could run on', () => {
    expect(describeAddresses(IpSet.all())).toBe('0.0.0.0/0, ::/0');
    expect(describeAddresses(except('0.0.0.0/0', '10.0.0.0/8').union(set('::/0')))).toBe('0.0.0.0/0 except 10.0.0.0/8; ::/0');
  });

  it('names at most `limit` blocks and counts the rest', () => {
    const hosts = set('1.1.1.1/32', '2.2.2.2/32', '3.3.3.3/32', '4.4.4.4/32', '5.5.5.5/32');
    expect(describeAddresses(hosts)).toBe('1.1.1.1/32, 2.2.2.2/32, 3.3.3.3/32 and 2 more');
    expect(describeAddresses(hosts, 5)).toBe('1.1.1.1/32, 2.2.2.2/32, 3.3.3.3/32, 4.4.4.4/32, 5.5.5.5/32');
    expect(describeAddresses(IpSet.EMPTY)).toBe('no address');
  });
});

describe('address descriptions read back as the set they describe', () => {
  // Random unions of CIDRs less random holes, in both families and at the top of the space, where 128-bit
  // arithmetic and block alignment go wrong first.
  const cidrArb = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 })).map(([n, len]) =>
      `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${len}`),
    fc.tuple(fc.constantFrom('::', '2001:db8::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00', 'fe80::1:0'), fc.integer({ min: 0, max: 128 }))
      .map(([address, len]) => `${address}/${len}`),
  );
  const setArb = fc.tuple(fc.array(cidrArb, { minLength: 1, maxLength: 6 }), fc.array(cidrArb, { maxLength: 6 }))
    .map(([blocks, holes]) => set(...blocks).subtract(set(...holes)));

  /** The set a description names, read back: `outer except a, b` or `a, b`, families apart by `; `. */
  function readBack(text: string): IpSet {
    return IpSet.unionAll(text.split('; ').map((part) => {
      const [outer, holes] = part.split(' except ');
      return holes === undefined ? set(...outer.split(', ')) : set(outer).subtract(set(...holes.split(', ')));
    }));
  }

  it('names every block when the limit allows, and counts the same blocks when it does not', () => {
    fc.assert(fc.property(setArb, (addresses) => {
      if (addresses.isEmpty()) return;
      const full = describeAddresses(addresses, 100_000);
      expect(full).not.toContain(' more');
      expect(readBack(full).ranges).toEqual(addresses.ranges);
      // The blocks named, not counting the outer block of an `except` form.
      const named = full.replace(/(^|; )[^;]*? except /g, '$1').split(/, |; /).length;
      const short = describeAddresses(addresses, 1);
      const rest = /and ([\d,]+) more$/.exec(short);
      expect(1 + Number(rest?.[1].replace(/,/g, '') ?? 0)).toBe(named);
    }), { seed: 20261202, numRuns: 300 });
  });
});

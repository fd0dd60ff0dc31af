import { describe, expect, it } from 'vitest';
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

import { describe, expect, it } from 'vitest';
import { IpSet, parseCidr } from '../../src/model/ip-set.js';

const set = (...cidrs: string[]) => cidrs.reduce((acc, c) => acc.union(IpSet.fromCidr(c)), IpSet.EMPTY);

describe('parseCidr', () => {
  it('reads IPv4 and IPv6 CIDRs and bare addresses, normalising host bits', () => {
    expect(parseCidr('10.1.2.3/8')).toMatchObject({ family: 'ipv4', prefix: 8, range: { start: 10n << 24n, end: (11n << 24n) - 1n } });
    expect(parseCidr('192.168.1.7')).toMatchObject({ family: 'ipv4', prefix: 32 });
    expect(parseCidr('::/0')).toMatchObject({ family: 'ipv6', prefix: 0, range: { start: 0n, end: (1n << 128n) - 1n } });
    expect(parseCidr('2001:db8::/32')?.prefix).toBe(32);
    expect(parseCidr('::ffff:10.0.0.0/104')?.family).toBe('ipv6');
  });

  it.each(['10/8', '10.1/16', '167772160/8', '010.0.0.0/8', '0x0a.0.0.0/8', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/a', ' 10.0.0.0/8',
    '10.0.0.256/8', 'fe80::1%eth0/64', '2001:db8::/129', 'example.com/8', ''])('rejects %j as Kubernetes does', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('IpSet', () => {
  it('counts addresses and subtracts excepts', () => {
    expect(set('10.0.0.0/8').size()).toBe(1n << 24n);
    expect(set('10.0.0.0/8').subtract(set('10.1.0.0/16')).size()).toBe((1n << 24n) - (1n << 16n));
    expect(set('0.0.0.0/0').size()).toBe(1n << 32n);
    expect(IpSet.all().size()).toBe((1n << 32n) + (1n << 128n));
  });

  it('merges adjacent and overlapping ranges', () => {
    expect(set('10.0.0.0/25', '10.0.0.128/25').equals(set('10.0.0.0/24'))).toBe(true);
    expect(set('10.0.0.0/8', '10.1.0.0/16').equals(set('10.0.0.0/8'))).toBe(true);
    expect(set('10.0.0.0/24', '10.0.2.0/24').ranges).toHaveLength(2);
  });

  it('keeps the families apart', () => {
    const both = set('0.0.0.0/0', '::/0');
    expect(both.subtract(set('0.0.0.0/0')).equals(set('::/0'))).toBe(true);
    expect(set('::/0').intersect(set('10.0.0.0/8')).isEmpty()).toBe(true);
  });

  it('subset, intersection and equality', () => {
    expect(set('10.1.0.0/16').isSubsetOf(set('10.0.0.0/8'))).toBe(true);
    expect(set('10.0.0.0/8').isSubsetOf(set('10.1.0.0/16'))).toBe(false);
    expect(set('10.0.0.0/8').intersect(set('10.1.0.0/16', '192.168.0.0/16')).equals(set('10.1.0.0/16'))).toBe(true);
    const holed = set('10.0.0.0/8').subtract(set('10.128.0.0/9'));
    expect(holed.equals(set('10.0.0.0/9'))).toBe(true);
    expect(set('10.0.0.0/8').subtract(set('10.0.0.0/8')).isEmpty()).toBe(true);
  });

  it('prints ranges', () => {
    expect(set('10.0.0.0/8').subtract(set('10.0.0.0/9')).toString()).toBe('10.128.0.0-10.255.255.255');
    expect(set('2001:db8::/127').toString()).toBe('2001:db8::-2001:db8::1');
  });
});

import { formatAddress, type IpRange } from '../model/ip-set.js';
import type { IpSet } from '../model/ip-set.js';

/**
 * External addresses split into disjoint blocks: the coarsest split of the IPv4 space such that every
 * `ipBlock` of the policies is a union of blocks, so each block is either wholly inside a peer or wholly out.
 */
const IPV4_END = (1n << 32n) - 1n;

export const ALL_IPV4: IpRange = { family: 'ipv4', start: 0n, end: IPV4_END };

export function disjointBlocks(sets: Iterable<IpSet>): IpRange[] {
  const cuts = new Set<bigint>([0n, IPV4_END + 1n]);
  for (const set of sets) {
    for (const r of set.ranges) {
      if (r.family !== 'ipv4') continue;
      cuts.add(r.start);
      cuts.add(r.end + 1n);
    }
  }
  const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const blocks: IpRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) blocks.push({ family: 'ipv4', start: sorted[i], end: sorted[i + 1] - 1n });
  return blocks;
}

/** Whether the whole block lies inside the set (blocks never straddle a set's edge). */
export function blockInside(block: IpRange, set: IpSet): boolean {
  return set.ranges.some((r) => r.family === block.family && r.start <= block.start && block.end <= r.end);
}

/** np-guard's name of an external address range: `10.0.0.0-10.255.255.255[External]`. */
export function rangeName(range: IpRange): string {
  return `${formatAddress(range.family, range.start)}-${formatAddress(range.family, range.end)}[External]`;
}

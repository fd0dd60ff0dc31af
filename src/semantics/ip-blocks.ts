import { formatAddress, type IpRange } from '../model/ip-set.js';
import type { IpSet } from '../model/ip-set.js';
import { ConnectionSet } from './connection-set.js';

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

/** External addresses with the connections allowed with them. */
export interface IpSpan {
  range: IpRange;
  conns: ConnectionSet;
}

/**
 * The union of overlapping spans as disjoint IPv4 spans, ascending, neighbours with equal values merged and
 * empty values left out: what every address gets, without splitting the whole address space into blocks.
 */
export function unionSpans(spans: readonly IpSpan[]): IpSpan[] {
  const ipv4 = spans.filter((s) => s.range.family === 'ipv4').sort((a, b) => (a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : 0));
  const cuts = new Set<bigint>();
  for (const { range } of ipv4) {
    cuts.add(range.start);
    cuts.add(range.end + 1n);
  }
  const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: IpSpan[] = [];
  let active: IpSpan[] = [];
  let next = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const at = sorted[i];
    while (next < ipv4.length && ipv4[next].range.start <= at) active.push(ipv4[next++]);
    active = active.filter((s) => s.range.end >= at);
    let conns = ConnectionSet.NONE;
    for (const s of active) conns = conns.union(s.conns);
    if (conns.isEmpty()) continue;
    const last = out[out.length - 1];
    if (last && last.range.end + 1n === at && last.conns.equals(conns)) last.range = { ...last.range, end: sorted[i + 1] - 1n };
    else out.push({ range: { family: 'ipv4', start: at, end: sorted[i + 1] - 1n }, conns });
  }
  return out;
}

/** Whether the spans leave no IPv4 address out. */
export function coversAllIpv4(spans: readonly IpSpan[]): boolean {
  let next = 0n;
  for (const { range } of spans) {
    if (range.family !== 'ipv4' || range.start !== next) return false;
    next = range.end + 1n;
  }
  return next === IPV4_END + 1n;
}

import { firstEndingAtOrAfter, formatAddress, type IpRange } from '../model/ip-set.js';
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
  const sorted = sortedUnique([...cuts]);
  const blocks: IpRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) blocks.push({ family: 'ipv4', start: sorted[i], end: sorted[i + 1] - 1n });
  return blocks;
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
  const pieces = spans.filter((s) => s.range.family === 'ipv4').map((s) => ({ range: s.range, value: s.conns }));
  return overlay(pieces, (a, b) => a.union(b), (a, b) => a.equals(b))
    .filter((p) => !p.value.isEmpty())
    .map((p) => ({ range: p.range, conns: p.value }));
}

/** An address range with a value. */
export interface Painted<T> {
  range: IpRange;
  value: T;
}

/**
 * Ranges that overlap, each with a value, as disjoint ranges (ascending, IPv4 first) each with the `combine` of
 * the values of every range covering it; addresses no range covers are left out and neighbours with `same` values
 * are merged. A segment tree over the ranges' edges: O(n log n) combines for n ranges, where testing every range
 * at every edge is quadratic (a policy of 10,000 blocks with 25 excepts each has 500,000 edges).
 */
export function overlay<T>(pieces: readonly Painted<T>[], combine: (a: T, b: T) => T, same: (a: T, b: T) => boolean): Painted<T>[] {
  const out: Painted<T>[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    const own = pieces.filter((p) => p.range.family === family);
    if (own.length === 0) continue;
    const disjoint = family === 'ipv4' ? disjointIpv4(own) : undefined;
    if (disjoint) {
      for (const piece of disjoint) appendMerged(out, piece.range, piece.value, same);
      continue;
    }
    const edges = family === 'ipv4' ? ipv4Edges(own) : ipv6Edges(own);
    // Leaf i is the elementary range [edges.at(i), edges.at(i + 1)); a node holds what every leaf below it gets.
    const leaves = edges.count - 1;
    let width = 1;
    while (width < leaves) width *= 2;
    const tree: (T | undefined)[] = new Array<T | undefined>(2 * width);
    const paint = (node: number, value: T) => {
      const had = tree[node];
      tree[node] = had === undefined ? value : combine(had, value);
    };
    for (let p = 0; p < own.length; p++) {
      const value = own[p].value;
      for (let lo = edges.startIndex(p) + width, hi = edges.endIndex(p) + width; lo < hi; lo >>= 1, hi >>= 1) {
        if (lo & 1) paint(lo++, value);
        if (hi & 1) paint(--hi, value);
      }
    }
    for (let node = 1; node < width; node++) {
      const value = tree[node];
      if (value === undefined) continue;
      paint(2 * node, value);
      paint(2 * node + 1, value);
    }
    for (let i = 0; i < leaves; i++) {
      const value = tree[width + i];
      if (value === undefined) continue;
      appendMerged(out, { family, start: edges.at(i), end: edges.at(i + 1) - 1n }, value, same);
    }
  }
  return out;
}

/** Appends a range after the last (ascending), merged into it when they touch and have the same value. */
function appendMerged<T>(out: Painted<T>[], range: IpRange, value: T, same: (a: T, b: T) => boolean): void {
  const last = out[out.length - 1];
  if (last && last.range.family === range.family && last.range.end + 1n === range.start && same(last.value, value)) {
    last.range = { family: range.family, start: last.range.start, end: range.end };
  } else out.push({ range, value });
}

/** Up to 2^21 pieces, each key a start (32 bits) times 2^21 plus the piece's index: exact in a double. */
const INDEX_BITS = 2 ** 21;

/**
 * IPv4 pieces in ascending order when no two overlap (each address gets one piece's value, no combining), else
 * undefined. The common case (a rule's blocks, a set's ranges) then costs one native sort, not a segment tree.
 */
function disjointIpv4<T>(pieces: readonly Painted<T>[]): Painted<T>[] | undefined {
  if (pieces.length >= INDEX_BITS) return undefined;
  const keys = new Float64Array(pieces.length);
  for (let i = 0; i < pieces.length; i++) keys[i] = Number(pieces[i].range.start) * INDEX_BITS + i;
  keys.sort();
  const sorted: Painted<T>[] = new Array<Painted<T>>(pieces.length);
  for (let i = 0; i < keys.length; i++) {
    const piece = pieces[keys[i] % INDEX_BITS];
    if (i > 0 && piece.range.start <= sorted[i - 1].range.end) return undefined;
    sorted[i] = piece;
  }
  return sorted;
}

/** The sorted distinct edges (range starts and ends + 1) of some ranges, and where each range starts and ends among them. */
interface Edges {
  count: number;
  at(index: number): bigint;
  startIndex(piece: number): number;
  endIndex(piece: number): number;
}

/**
 * IPv4 edges as doubles (exact up to 2^53) in a typed array: sorting and searching 500,000 of them natively is
 * several times faster than as bigints in a Map, and allocates almost nothing.
 */
function ipv4Edges(pieces: readonly Painted<unknown>[]): Edges {
  const all = new Float64Array(2 * pieces.length);
  for (let p = 0; p < pieces.length; p++) {
    all[2 * p] = Number(pieces[p].range.start);
    all[2 * p + 1] = Number(pieces[p].range.end) + 1;
  }
  all.sort();
  let count = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[count++] = all[i];
  const keys = all.subarray(0, count);
  return {
    count,
    at: (index) => BigInt(keys[index]),
    startIndex: (piece) => indexIn(keys, Number(pieces[piece].range.start)),
    endIndex: (piece) => indexIn(keys, Number(pieces[piece].range.end) + 1),
  };
}

/** The index of a key present in a sorted array. */
function indexIn(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function ipv6Edges(pieces: readonly Painted<unknown>[]): Edges {
  const keys = sortedUnique(pieces.flatMap((p) => [p.range.start, p.range.end + 1n]));
  const indexOf = new Map(keys.map((e, i) => [e, i]));
  return {
    count: keys.length,
    at: (index) => keys[index],
    startIndex: (piece) => indexOf.get(pieces[piece].range.start)!,
    endIndex: (piece) => indexOf.get(pieces[piece].range.end + 1n)!,
  };
}

/**
 * The painted range holding the address (painted ranges are disjoint and ascending), by binary search: over the
 * IPv4 ends as doubles in a typed array (built once per list), since a connection diff of 260,000 address ranges
 * asks once per range and comparing bigints was most of its attribution.
 */
export function paintedAt<T>(painted: readonly Painted<T>[], family: IpRange['family'], address: bigint): Painted<T> | undefined {
  const found = family === 'ipv4'
    ? painted[firstEndingAtOrAfterIpv4(ipv4EndsOf(painted), Number(address))]
    : painted[firstEndingAtOrAfter(painted, (p) => p.range, family, address)];
  return found && found.range.family === family && found.range.start <= address ? found : undefined;
}

const ipv4Ends = new WeakMap<readonly Painted<unknown>[], Float64Array>();

/** The ends of the IPv4 ranges (they come first), ascending. */
function ipv4EndsOf(painted: readonly Painted<unknown>[]): Float64Array {
  let ends = ipv4Ends.get(painted);
  if (!ends) {
    let count = 0;
    while (count < painted.length && painted[count].range.family === 'ipv4') count++;
    ends = new Float64Array(count);
    for (let i = 0; i < count; i++) ends[i] = Number(painted[i].range.end);
    ipv4Ends.set(painted, ends);
  }
  return ends;
}

/** The index of the first end at or after the address (ends.length when none: the IPv6 ranges, if any, follow). */
function firstEndingAtOrAfterIpv4(ends: Float64Array, address: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid] < address) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sortedUnique<T extends number | bigint>(values: T[]): T[] {
  values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
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

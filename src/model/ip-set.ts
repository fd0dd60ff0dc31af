import ipaddr from 'ipaddr.js';

export type IpFamily = 'ipv4' | 'ipv6';

/** An inclusive range of addresses of one family, as integers. */
export interface IpRange {
  family: IpFamily;
  start: bigint;
  end: bigint;
}

const BITS: Record<IpFamily, number> = { ipv4: 32, ipv6: 128 };

export interface ParsedCidr {
  family: IpFamily;
  prefix: number;
  range: IpRange;
}

/**
 * Parses `10.0.0.0/8` or `2001:db8::/32` (a bare address is a /32 or /128); undefined when malformed. Only the
 * forms Kubernetes accepts: ipaddr.js alone would also read `10/8` as 0.0.0.10/8 and `010.0.0.0` as octal 8.0.0.0.
 * Results are shared (a repository repeats the same few blocks in every policy of both sides): do not mutate.
 */
export function parseCidr(text: string): ParsedCidr | undefined {
  if (parsedCidrs.has(text)) return parsedCidrs.get(text);
  const parsed = parseCidrUncached(text);
  // Bounded, so hostile input with endless distinct blocks cannot grow it without limit.
  if (parsedCidrs.size >= 10_000) parsedCidrs.clear();
  parsedCidrs.set(text, parsed);
  return parsed;
}

const parsedCidrs = new Map<string, ParsedCidr | undefined>();

/** A four-part decimal IPv4 address without leading zeros (what ipaddr's isValidFourPartDecimal takes), optional prefix. */
const IPV4_CIDR = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})(?:\/(\d{1,3}))?$/;

function parseCidrUncached(text: string): ParsedCidr | undefined {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  // Parse with the family's own parser: ipaddr.parseCIDR tries IPv6 first and throws for every IPv4 block.
  return addressText.includes(':') ? parseIpv6Cidr(addressText, slash < 0 ? undefined : text.slice(slash + 1)) : parseIpv4Cidr(text);
}

/** By arithmetic on doubles (exact below 2^53): ipaddr's parse and bigint shifts cost most of a 250,000-block policy's load. */
function parseIpv4Cidr(text: string): ParsedCidr | undefined {
  const match = IPV4_CIDR.exec(text);
  if (!match) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const part = Number(match[i]);
    if (part > 255) return undefined;
    value = value * 256 + part;
  }
  const length = match[5] === undefined ? 32 : Number(match[5]);
  if (length > 32) return undefined;
  const size = 2 ** (32 - length);
  const start = Math.floor(value / size) * size;
  return { family: 'ipv4', prefix: length, range: { family: 'ipv4', start: BigInt(start), end: BigInt(start + size - 1) } };
}

function parseIpv6Cidr(addressText: string, prefixText: string | undefined): ParsedCidr | undefined {
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  if (addressText.includes('%') || !ipaddr.IPv6.isValid(addressText)) return undefined;
  const length = prefixText === undefined ? 128 : Number(prefixText);
  if (length > 128) return undefined;
  const hostBits = BigInt(128 - length);
  const start = (bytesToBigInt(ipaddr.IPv6.parse(addressText).toByteArray()) >> hostBits) << hostBits;
  return { family: 'ipv6', prefix: length, range: { family: 'ipv6', start, end: start + (1n << hostBits) - 1n } };
}

function bytesToBigInt(bytes: number[]): bigint {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return value;
}

export function formatAddress(family: IpFamily, value: bigint): string {
  if (family === 'ipv4') {
    // Dotted quads by arithmetic: ipaddr's round trip through a byte array dominated reports of 100,000 ranges.
    const n = Number(value);
    return `${Math.floor(n / 16_777_216)}.${Math.floor(n / 65_536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
  }
  const bytes: number[] = [];
  for (let i = BITS[family] / 8 - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}

/**
 * A set of addresses: sorted (IPv4 before IPv6, then by start), disjoint, non-adjacent ranges. Immutable. Every
 * operation of two sets is one linear merge of their range lists, so a policy of thousands of blocks with
 * thousands of excepts costs in proportion to its size, not to its square.
 */
export class IpSet {
  private constructor(readonly ranges: readonly IpRange[]) {}

  static readonly EMPTY = new IpSet([]);

  static of(ranges: Iterable<IpRange>): IpSet {
    return new IpSet(normalize([...ranges].sort(compareRanges)));
  }

  /** The union of many sets at once: one sort, where folding `union` over them would be quadratic. */
  static unionAll(sets: Iterable<IpSet>): IpSet {
    const ranges: IpRange[] = [];
    for (const set of sets) for (const r of set.ranges) ranges.push(r);
    return IpSet.of(ranges);
  }

  static fromCidr(text: string): IpSet {
    const parsed = parseCidr(text);
    return parsed ? new IpSet([parsed.range]) : IpSet.EMPTY;
  }

  /** Every address of both families. */
  static all(): IpSet {
    return ALL;
  }

  union(other: IpSet): IpSet {
    if (other.ranges.length === 0) return this;
    if (this.ranges.length === 0) return other;
    return new IpSet(normalize(mergeSorted(this.ranges, other.ranges)));
  }

  subtract(other: IpSet): IpSet {
    if (this.ranges.length === 0 || other.ranges.length === 0) return this;
    const out: IpRange[] = [];
    let j = 0;
    for (const r of this.ranges) {
      // Cuts wholly before r are behind every later range too (both lists ascend).
      while (j < other.ranges.length && compareEnd(other.ranges[j], r.family, r.start) < 0) j++;
      let start = r.start;
      let k = j;
      for (; k < other.ranges.length; k++) {
        const cut = other.ranges[k];
        if (cut.family !== r.family || cut.start > r.end) break;
        if (cut.start > start) out.push({ family: r.family, start, end: cut.start - 1n });
        start = cut.end + 1n;
        if (start > r.end) break;
      }
      if (start <= r.end) out.push({ family: r.family, start, end: r.end });
    }
    return new IpSet(out);
  }

  intersect(other: IpSet): IpSet {
    const out: IpRange[] = [];
    let i = 0;
    let j = 0;
    while (i < this.ranges.length && j < other.ranges.length) {
      const a = this.ranges[i];
      const b = other.ranges[j];
      if (a.family === b.family) {
        const start = a.start > b.start ? a.start : b.start;
        const end = a.end < b.end ? a.end : b.end;
        if (start <= end) out.push({ family: a.family, start, end });
      }
      // Drop whichever ends first: it can meet nothing further in the other list.
      if (compareEnd(a, b.family, b.end) < 0) i++;
      else j++;
    }
    return new IpSet(out);
  }

  /** Whether the address is in the set (binary search). */
  contains(family: IpFamily, address: bigint): boolean {
    const r = this.ranges[firstEndingAtOrAfter(this.ranges, (range) => range, family, address)];
    return r !== undefined && r.family === family && r.start <= address;
  }

  isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  isSubsetOf(other: IpSet): boolean {
    return this.subtract(other).isEmpty();
  }

  equals(other: IpSet): boolean {
    return this.ranges.length === other.ranges.length &&
      this.ranges.every((r, i) => r.family === other.ranges[i].family && r.start === other.ranges[i].start && r.end === other.ranges[i].end);
  }

  /** Number of addresses. */
  size(): bigint {
    return this.ranges.reduce((sum, r) => sum + (r.end - r.start + 1n), 0n);
  }

  /** `10.0.0.0-10.255.255.255, …`. */
  toString(): string {
    return this.ranges.map((r) => `${formatAddress(r.family, r.start)}-${formatAddress(r.family, r.end)}`).join(', ');
  }
}

/** A CIDR block: `prefix` leading bits of `start`. */
interface Cidr {
  family: IpFamily;
  start: bigint;
  prefix: number;
}

/**
 * The fewest CIDR blocks whose union is the range, lazily (a reader names the first few of what may be thousands
 * of 128-bit blocks): at each step the largest aligned block that fits.
 */
function* cidrsOfRange({ family, start, end }: IpRange): Generator<Cidr> {
  let at = start;
  while (at <= end) {
    // The block's size is capped by the lowest set bit of `at` (alignment) and by what is left of the range.
    const aligned = at === 0n ? BITS[family] : bitLength(at & -at) - 1;
    const hostBits = Math.min(aligned, bitLength(end - at + 1n) - 1);
    yield { family, start: at, prefix: BITS[family] - hostBits };
    at += 1n << BigInt(hostBits);
  }
}

/**
 * How many blocks cidrsOfRange gives, without listing them: with p the highest bit where start and end + 1 differ
 * and c the end + 1 with the bits below p cleared, the blocks from start up to c have the sizes of the set bits
 * of c - start, and those from c on the sizes of the set bits of end + 1 - c.
 */
function cidrCount({ start, end }: IpRange): number {
  const next = end + 1n;
  const p = bitLength(start ^ next) - 1;
  const c = (next >> BigInt(p)) << BigInt(p);
  return popCount(c - start) + popCount(next - c);
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

function popCount(value: bigint): number {
  let count = 0;
  for (const digit of value.toString(2)) if (digit === '1') count++;
  return count;
}

function* take<T>(items: Iterable<T>, limit: number): Generator<T> {
  if (limit <= 0) return;
  let taken = 0;
  for (const item of items) {
    yield item;
    if (++taken >= limit) return;
  }
}

function* cidrsOfRanges(ranges: readonly IpRange[]): Generator<Cidr> {
  for (const range of ranges) yield* cidrsOfRange(range);
}

/** The smallest CIDR block holding every address of the ranges (one family, ascending). */
function enclosingCidr(ranges: readonly IpRange[]): Cidr {
  const { family, start } = ranges[0];
  const end = ranges[ranges.length - 1].end;
  let hostBits = 0;
  while (start >> BigInt(hostBits) !== end >> BigInt(hostBits)) hostBits++;
  return { family, start: (start >> BigInt(hostBits)) << BigInt(hostBits), prefix: BITS[family] - hostBits };
}

function cidrText(c: Cidr): string {
  return `${formatAddress(c.family, c.start)}/${c.prefix}`;
}

/**
 * An address set as people write it: the fewest CIDR blocks (`10.0.0.0/8, 192.168.1.0/24`), or one block less
 * some when that is shorter (`0.0.0.0/0 except 198.51.100.0/24`, where the blocks themselves would be 24 of them).
 * At most `limit` blocks are named; the count of the rest follows.
 */
export function describeAddresses(set: IpSet, limit = 3): string {
  if (set.isEmpty()) return 'no address';
  const parts: string[] = [];
  let named = 0;
  let total = 0;
  for (const family of ['ipv4', 'ipv6'] as const) {
    const ranges = set.ranges.filter((r) => r.family === family);
    if (ranges.length === 0) continue;
    const outer = enclosingCidr(ranges);
    const outerRange: IpRange = { family, start: outer.start, end: outer.start + (1n << BigInt(BITS[family] - outer.prefix)) - 1n };
    const holes = IpSet.of([outerRange]).subtract(set).ranges;
    const [blockCount, holeCount] = [ranges, holes].map((list) => list.reduce((sum, r) => sum + cidrCount(r), 0));
    const [head, listed, count] = holeCount + 1 < blockCount ? [`${cidrText(outer)} except `, holes, holeCount] : ['', ranges, blockCount];
    const shown = [...take(cidrsOfRanges(listed), limit - named)];
    named += shown.length;
    total += count;
    if (shown.length > 0) parts.push(head + shown.map(cidrText).join(', '));
  }
  // Families apart with a semicolon once one has an except list, which would otherwise swallow the next.
  const text = parts.join(parts.some((p) => p.includes(' except ')) ? '; ' : ', ');
  return text + (total > named ? ` and ${(total - named).toLocaleString('en-US')} more` : '');
}

/** Of items with ascending disjoint ranges, the index of the first whose range ends at or after the address (binary search). */
export function firstEndingAtOrAfter<T>(items: readonly T[], rangeOf: (item: T) => IpRange, family: IpFamily, address: bigint): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareEnd(rangeOf(items[mid]), family, address) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const FAMILY_ORDER: Record<IpFamily, number> = { ipv4: 0, ipv6: 1 };

function compareRanges(a: IpRange, b: IpRange): number {
  return a.family !== b.family ? FAMILY_ORDER[a.family] - FAMILY_ORDER[b.family] : a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}

/** How the end of `r` compares with `address` of `family`, in the order of the sets (IPv4 before IPv6). */
function compareEnd(r: IpRange, family: IpFamily, address: bigint): number {
  return r.family !== family ? FAMILY_ORDER[r.family] - FAMILY_ORDER[family] : r.end < address ? -1 : r.end > address ? 1 : 0;
}

/** Two ascending lists as one ascending list. */
function mergeSorted(a: readonly IpRange[], b: readonly IpRange[]): IpRange[] {
  const out: IpRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareRanges(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** Ascending ranges as disjoint, non-adjacent ones. */
function normalize(sorted: readonly IpRange[]): IpRange[] {
  const out: IpRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === r.family && r.start <= last.end + 1n) {
      if (r.end > last.end) out[out.length - 1] = { ...last, end: r.end };
    } else {
      out.push(r);
    }
  }
  return out;
}

const ALL = IpSet.of([
  { family: 'ipv4', start: 0n, end: (1n << 32n) - 1n },
  { family: 'ipv6', start: 0n, end: (1n << 128n) - 1n },
]);

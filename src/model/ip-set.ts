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

function parseCidrUncached(text: string): ParsedCidr | undefined {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  // Parse with the family's own parser: ipaddr.parseCIDR tries IPv6 first and throws for every IPv4 block.
  const family: IpFamily = addressText.includes(':') ? 'ipv6' : 'ipv4';
  const valid = family === 'ipv4'
    ? ipaddr.IPv4.isValidFourPartDecimal(addressText)
    : !addressText.includes('%') && ipaddr.IPv6.isValid(addressText);
  if (!valid) return undefined;
  const bits = BITS[family];
  const length = prefixText === undefined ? bits : Number(prefixText);
  if (length > bits) return undefined;
  const address = family === 'ipv4' ? ipaddr.IPv4.parse(addressText) : ipaddr.IPv6.parse(addressText);
  const value = bytesToBigInt(address.toByteArray());
  const hostBits = BigInt(bits - length);
  const start = (value >> hostBits) << hostBits;
  const end = start + (1n << hostBits) - 1n;
  return { family, prefix: length, range: { family, start, end } };
}

function bytesToBigInt(bytes: number[]): bigint {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return value;
}

export function formatAddress(family: IpFamily, value: bigint): string {
  const bytes: number[] = [];
  for (let i = BITS[family] / 8 - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}

/** A set of addresses: sorted, disjoint, non-adjacent ranges per family. Immutable. */
export class IpSet {
  private constructor(readonly ranges: readonly IpRange[]) {}

  static readonly EMPTY = new IpSet([]);

  static of(ranges: Iterable<IpRange>): IpSet {
    return new IpSet(normalize([...ranges]));
  }

  static fromCidr(text: string): IpSet {
    const parsed = parseCidr(text);
    return parsed ? new IpSet([parsed.range]) : IpSet.EMPTY;
  }

  /** Every address of both families. */
  static all(): IpSet {
    return IpSet.of([
      { family: 'ipv4', start: 0n, end: (1n << 32n) - 1n },
      { family: 'ipv6', start: 0n, end: (1n << 128n) - 1n },
    ]);
  }

  union(other: IpSet): IpSet {
    return IpSet.of([...this.ranges, ...other.ranges]);
  }

  subtract(other: IpSet): IpSet {
    const out: IpRange[] = [];
    for (const r of this.ranges) {
      let pieces: IpRange[] = [r];
      for (const cut of other.ranges) {
        if (cut.family !== r.family) continue;
        pieces = pieces.flatMap((p) => {
          if (cut.end < p.start || cut.start > p.end) return [p];
          const kept: IpRange[] = [];
          if (cut.start > p.start) kept.push({ family: p.family, start: p.start, end: cut.start - 1n });
          if (cut.end < p.end) kept.push({ family: p.family, start: cut.end + 1n, end: p.end });
          return kept;
        });
      }
      out.push(...pieces);
    }
    return IpSet.of(out);
  }

  intersect(other: IpSet): IpSet {
    return this.subtract(this.subtract(other));
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

function normalize(ranges: IpRange[]): IpRange[] {
  const sorted = ranges.sort((a, b) =>
    a.family !== b.family ? (a.family === 'ipv4' ? -1 : 1) : a.start < b.start ? -1 : a.start > b.start ? 1 : 0);
  const out: IpRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === r.family && r.start <= last.end + 1n) {
      if (r.end > last.end) out[out.length - 1] = { ...last, end: r.end };
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

import type { Protocol } from '../model/network-policy.js';

/**
 * A set of connections: for each protocol, a set of destination ports (1–65535). Immutable; every operation
 * returns a normalized value, so `equals` and `toString` are exact.
 */
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];
export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** Each set's text, kept beside it (a field would make equal sets look different to deep comparisons). */
const texts = new WeakMap<ConnectionSet, string>();

/** Sorted, disjoint, non-adjacent inclusive intervals. */
export type PortIntervals = readonly (readonly [number, number])[];

const FULL: PortIntervals = [[MIN_PORT, MAX_PORT]];

export class ConnectionSet {
  private constructor(private readonly byProtocol: ReadonlyMap<Protocol, PortIntervals>) {}

  static readonly NONE = new ConnectionSet(new Map());
  static readonly ALL = new ConnectionSet(new Map(PROTOCOLS.map((p) => [p, FULL])));

  /** Ports of one protocol; `start`–`end` inclusive (clipped to 1–65535). */
  static of(protocol: Protocol, start = MIN_PORT, end = MAX_PORT): ConnectionSet {
    const lo = Math.max(MIN_PORT, start);
    const hi = Math.min(MAX_PORT, end);
    if (lo > hi) return ConnectionSet.NONE;
    return new ConnectionSet(new Map([[protocol, [[lo, hi]] as PortIntervals]]));
  }

  isEmpty(): boolean {
    return this.byProtocol.size === 0;
  }

  isAll(): boolean {
    return PROTOCOLS.every((p) => isFull(this.byProtocol.get(p)));
  }

  ports(protocol: Protocol): PortIntervals {
    return this.byProtocol.get(protocol) ?? [];
  }

  protocols(): Protocol[] {
    return PROTOCOLS.filter((p) => this.byProtocol.has(p));
  }

  union(other: ConnectionSet): ConnectionSet {
    if (other.isEmpty() || this === other) return this;
    if (this.isEmpty()) return other;
    return this.combine(other, unionIntervals);
  }

  intersect(other: ConnectionSet): ConnectionSet {
    if (this.isEmpty() || other.isEmpty()) return ConnectionSet.NONE;
    if (this === other) return this;
    return this.combine(other, intersectIntervals);
  }

  subtract(other: ConnectionSet): ConnectionSet {
    if (this.isEmpty() || other.isEmpty()) return this;
    if (this === other) return ConnectionSet.NONE;
    return this.combine(other, (a, b) => intersectIntervals(a, complement(b)));
  }

  contains(protocol: Protocol, port: number): boolean {
    return this.ports(protocol).some(([s, e]) => port >= s && port <= e);
  }

  isSubsetOf(other: ConnectionSet): boolean {
    return this.subtract(other).isEmpty();
  }

  equals(other: ConnectionSet): boolean {
    if (this === other) return true;
    if (this.byProtocol.size !== other.byProtocol.size) return false;
    for (const [p, a] of this.byProtocol) {
      const b = other.byProtocol.get(p);
      if (!b || a.length !== b.length || a.some(([s, e], i) => s !== b[i][0] || e !== b[i][1])) return false;
    }
    return true;
  }

  /**
   * np-guard's form: `All Connections`, `No Connections`, or `TCP 80,8080-8090,UDP 53` (protocols in byte order).
   * Written once per set: a change of 260,000 address ranges quotes the same few sets for each of them.
   */
  toString(): string {
    let text = texts.get(this);
    if (text === undefined) {
      text = this.isEmpty() ? 'No Connections' : this.isAll() ? 'All Connections' : [...this.byProtocol]
        .map(([p, intervals]) => `${p} ${intervals.map(([s, e]) => (s === e ? `${s}` : `${s}-${e}`)).join(',')}`)
        .sort()
        .join(',');
      texts.set(this, text);
    }
    return text;
  }

  private combine(other: ConnectionSet, op: (a: PortIntervals, b: PortIntervals) => PortIntervals): ConnectionSet {
    const out = new Map<Protocol, PortIntervals>();
    for (const p of PROTOCOLS) {
      const result = op(this.byProtocol.get(p) ?? [], other.byProtocol.get(p) ?? []);
      if (result.length > 0) out.set(p, result);
    }
    return new ConnectionSet(out);
  }
}

function isFull(intervals: PortIntervals | undefined): boolean {
  return intervals !== undefined && intervals.length === 1 && intervals[0][0] === MIN_PORT && intervals[0][1] === MAX_PORT;
}

function unionIntervals(a: PortIntervals, b: PortIntervals): PortIntervals {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const sorted = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function intersectIntervals(a: PortIntervals, b: PortIntervals): PortIntervals {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i][0], b[j][0]);
    const e = Math.min(a[i][1], b[j][1]);
    if (s <= e) out.push([s, e]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

function complement(a: PortIntervals): PortIntervals {
  const out: [number, number][] = [];
  let next = MIN_PORT;
  for (const [s, e] of a) {
    if (s > next) out.push([next, s - 1]);
    next = e + 1;
  }
  if (next <= MAX_PORT) out.push([next, MAX_PORT]);
  return out;
}

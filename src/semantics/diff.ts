import type { IpRange } from '../model/ip-set.js';
import { ConnectionSet } from './connection-set.js';
import type { Connection, PeerRef } from './connectivity.js';
import { rangeName } from './ip-blocks.js';

/**
 * The difference between two connectivity lists, np-guard's way: pairs of named peers compare directly;
 * connections with external addresses compare address by address (the two sides split the address space
 * differently) and come out as the largest ranges whose before/after connections are the same.
 */
export type DiffType = 'changed' | 'added' | 'removed';
export const DIFF_ORDER: readonly DiffType[] = ['changed', 'added', 'removed'];

export interface ConnectionDiff {
  type: DiffType;
  src: PeerRef;
  dst: PeerRef;
  before: ConnectionSet;
  after: ConnectionSet;
  /** Workloads of the pair that exist on one side only (np-guard's `workloads-diff-info`). */
  newWorkloads: readonly string[];
}

/** Shared by the diffs that name no new workload (most of them), so a diff of 260,000 pairs allocates none. */
const NONE: readonly string[] = [];

export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface IpGroup {
  /** The named peer of the pair. */
  peer: PeerRef;
  ipIsSource: boolean;
  sides: [IpConnection[], IpConnection[]];
}

/** One side's connections with an address range: `ip` is its peer (a range of type 'ip'). */
interface IpConnection {
  ip: Extract<PeerRef, { type: 'ip' }>;
  conns: ConnectionSet;
}

export function diffConnections(
  before: readonly Connection[], after: readonly Connection[],
  beforeWorkloads: ReadonlySet<string>, afterWorkloads: ReadonlySet<string>,
): ConnectionDiff[] {
  // By source, then destination name: no key text built per pair (a side may list millions of them).
  const pairs = new Map<string, Map<string, { src: PeerRef; dst: PeerRef; conns: [ConnectionSet, ConnectionSet] }>>();
  const ipGroups = new Map<string, IpGroup>();
  [before, after].forEach((list, side) => {
    for (const c of list) {
      if (c.src.type === 'ip' || c.dst.type === 'ip') {
        const ipIsSource = c.src.type === 'ip';
        const [ip, peer] = ipIsSource ? [c.src, c.dst] : [c.dst, c.src];
        if (ip.type !== 'ip') continue;
        const key = `${ipIsSource ? 'in' : 'out'}\0${peer.name}`;
        let group = ipGroups.get(key);
        if (!group) ipGroups.set(key, (group = { peer, ipIsSource, sides: [[], []] }));
        group.sides[side].push({ ip, conns: c.conns });
        continue;
      }
      let bySource = pairs.get(c.src.name);
      if (!bySource) pairs.set(c.src.name, (bySource = new Map()));
      let pair = bySource.get(c.dst.name);
      if (!pair) bySource.set(c.dst.name, (pair = { src: c.src, dst: c.dst, conns: [ConnectionSet.NONE, ConnectionSet.NONE] }));
      pair.conns[side] = c.conns;
    }
  });
  const out: ConnectionDiff[] = [];
  const add = (src: PeerRef, dst: PeerRef, b: ConnectionSet, a: ConnectionSet) => {
    if (b.equals(a)) return;
    const type: DiffType = b.isEmpty() ? 'added' : a.isEmpty() ? 'removed' : 'changed';
    const known = type === 'removed' ? afterWorkloads : beforeWorkloads;
    const newWorkloads = type === 'changed' ? NONE : [src, dst].filter((p) => p.type === 'workload' && !known.has(p.name)).map((p) => p.name);
    out.push({ type, src, dst, before: b, after: a, newWorkloads });
  };
  for (const bySource of pairs.values()) for (const { src, dst, conns } of bySource.values()) add(src, dst, conns[0], conns[1]);
  for (const group of ipGroups.values()) {
    for (const { start, end, same, before: b, after: a } of alignRanges(group.sides[0], group.sides[1])) {
      if (b.equals(a)) continue;
      const range: IpRange = same?.range ?? { family: 'ipv4', start: BigInt(start), end: BigInt(end) };
      const ip: PeerRef = same ?? { type: 'ip', name: rangeName(range), range };
      if (group.ipIsSource) add(ip, group.peer, b, a);
      else add(group.peer, ip, b, a);
    }
  }
  // np-guard's order: the policies' lines (changed, added, removed), then the `{ingress-controller}` lines in
  // the same order of types; by source, then destination, within each.
  const fromController = (d: ConnectionDiff) => Number(d.src.type === 'ingress-controller');
  return out.sort((x, y) => fromController(x) - fromController(y) || DIFF_ORDER.indexOf(x.type) - DIFF_ORDER.indexOf(y.type) ||
    compareNames(x.src.name, y.src.name) || compareNames(x.dst.name, y.dst.name));
}

/**
 * Splits both sides at every edge, pairs up the connections, and merges neighbours with equal pairs. IPv4 edges
 * are doubles in a typed array (exact up to 2^53): sorting 500,000 of them natively, not as bigints through a
 * comparator, is what keeps a policy of 10,000 blocks with 25 excepts each fast. A piece that is exactly one
 * side's range keeps that side's peer (`same`), so its range and name are not built again.
 */
function alignRanges(
  before: IpConnection[], after: IpConnection[],
): { start: number; end: number; same?: IpConnection['ip']; before: ConnectionSet; after: ConnectionSet }[] {
  const cuts = new Float64Array(2 * (before.length + after.length));
  let n = 0;
  for (const list of [before, after]) {
    for (const { ip } of list) {
      cuts[n++] = Number(ip.range.start);
      cuts[n++] = Number(ip.range.end) + 1;
    }
  }
  cuts.sort();
  const cursor = (list: IpConnection[]) => {
    const entries = list.map((e) => ({ start: Number(e.ip.range.start), end: Number(e.ip.range.end), ip: e.ip, conns: e.conns }));
    // A side's spans come ascending: sorting 260,000 of them through a comparator again was most of this function.
    if (entries.some((e, k) => k > 0 && e.start < entries[k - 1].start)) entries.sort((x, y) => x.start - y.start);
    let i = 0;
    // Queries come in increasing order, so one forward pass answers them all.
    return (at: number) => {
      while (i < entries.length && entries[i].end < at) i++;
      return i < entries.length && entries[i].start <= at ? entries[i] : undefined;
    };
  };
  const lookupBefore = cursor(before);
  const lookupAfter = cursor(after);
  const out: { start: number; end: number; same?: IpConnection['ip']; before: ConnectionSet; after: ConnectionSet }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, next] = [cuts[i], cuts[i + 1]];
    if (start === next) continue;
    const b = lookupBefore(start);
    const a = lookupAfter(start);
    const [bConns, aConns] = [b?.conns ?? ConnectionSet.NONE, a?.conns ?? ConnectionSet.NONE];
    const last = out[out.length - 1];
    if (last && last.end + 1 === start && last.before.equals(bConns) && last.after.equals(aConns)) {
      last.end = next - 1;
      delete last.same;
      continue;
    }
    const same = a?.start === start && a.end === next - 1 ? a.ip : b?.start === start && b.end === next - 1 ? b.ip : undefined;
    out.push({ start, end: next - 1, ...(same ? { same } : {}), before: bConns, after: aConns });
  }
  return out;
}

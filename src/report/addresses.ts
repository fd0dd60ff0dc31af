import type { EdgeEnd, FindingEdge } from '../findings/finding.js';
import { describeAddresses, IpSet, parseCidr, type IpRange } from '../model/ip-set.js';

/**
 * External address blocks as people think of them. The connectivity engine names each disjoint block as np-guard
 * does (`0.0.0.0-198.51.99.255[External]`, the format `connlist`/`conndiff` keep); reports merge the blocks that
 * reach the same place on the same ports into one end named by the fewest CIDRs (`0.0.0.0/0 except 198.51.100.0/24`).
 */
const RANGE = /^([0-9a-fA-F.:]+)-([0-9a-fA-F.:]+)$/;
const EXTERNAL = '[External]';

/** The range of an np-guard block name; undefined for any other name. */
export function rangeOfName(name: string): IpRange | undefined {
  return name.endsWith(EXTERNAL) ? rangeOf(name.slice(0, -EXTERNAL.length)) : undefined;
}

/** The address set of IpSet.toString's text (`10.0.0.0-10.255.255.255, …`); undefined for any other text. */
export function addressesOf(text: string): IpSet | undefined {
  const ranges = text.split(', ').map(rangeOf);
  return ranges.every((r) => r !== undefined) ? IpSet.of(ranges as IpRange[]) : undefined;
}

function rangeOf(text: string): IpRange | undefined {
  const match = RANGE.exec(text);
  const start = match && parseCidr(match[1]);
  const end = match && parseCidr(match[2]);
  if (!start || !end || start.family !== end.family) return undefined;
  return { family: start.family, start: start.range.start, end: end.range.start };
}

/** Addresses that are not on the internet: private, shared (CGNAT), loopback and link-local blocks of both families. */
const NOT_PUBLIC = IpSet.unionAll(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16',
  'fc00::/7', 'fe80::/10', '::1/128'].map((cidr) => IpSet.fromCidr(cidr)));

/** Whether an np-guard block name holds an internet address: a connection from it is guarded by nothing. */
export function reachesInternet(name: string): boolean {
  const range = rangeOfName(name);
  return range !== undefined && !IpSet.of([range]).isSubsetOf(NOT_PUBLIC);
}

/** How many CIDR blocks an end's name lists at most before it counts the rest. */
const NAMED_BLOCKS = 4;

/**
 * The edges with external block ends merged: edges that differ only in an external end's block become one edge
 * whose end is the union, in the order of their first edge (with the first style any of them has).
 */
export function mergeExternalEnds<E extends FindingEdge & { style?: string }>(edges: readonly E[]): E[] {
  const merged = new Map<string, { edge: E; side: 'source' | 'destination' | undefined; ranges: IpRange[] }>();
  for (const edge of edges) {
    const side = edge.source.type === 'external' && rangeOfName(edge.source.name) ? 'source'
      : edge.destination.type === 'external' && rangeOfName(edge.destination.name) ? 'destination' : undefined;
    const other: EdgeEnd | undefined = side === 'source' ? edge.destination : side === 'destination' ? edge.source : undefined;
    const key = side && other ? JSON.stringify([side, other.type, other.name, edge.ports]) : JSON.stringify([edge]);
    const entry = merged.get(key) ?? { edge, side, ranges: [] };
    if (!entry.edge.style && edge.style) entry.edge = { ...entry.edge, style: edge.style };
    if (side) entry.ranges.push(rangeOfName(edge[side].name)!);
    merged.set(key, entry);
  }
  return [...merged.values()].map(({ edge, side, ranges }) => (side
    ? { ...edge, [side]: { type: 'external', name: describeAddresses(IpSet.of(ranges), NAMED_BLOCKS) } }
    : edge));
}

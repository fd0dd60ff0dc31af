import { describeAddresses } from '../../model/ip-set.js';
import { describeGuard, edgesOf, type ExposureChange, type ExposureRowData, type Guard } from '../../semantics/exposure-map.js';
import { addressesOf } from '../addresses.js';
import type { DiagramEdge } from '../mermaid.js';

/** Address blocks an allow-list names at most in a report, before it counts the rest. */
const NAMED_BLOCKS = 4;

/** A guard as a reviewer reads it: an allow-list's addresses as CIDRs (`ip-allowlist 10.8.0.0/16`). */
export function guardText(guard: Guard): string {
  const addresses = guard.kind === 'ip-allowlist' ? addressesOf(guard.detail) : undefined;
  return addresses ? `${guard.kind} ${describeAddresses(addresses, NAMED_BLOCKS)}` : describeGuard(guard);
}

/**
 * What a change does to a row's guards, gained first: `+tls secret web`, `−auth basic`. One allow-list for another
 * is the addresses that differ (`ip-allowlist +203.0.113.0/24 −10.8.0.0/16`), not both lists.
 */
export function guardDifference(before: readonly Guard[], after: readonly Guard[]): string[] {
  const had = new Set(before.map(describeGuard));
  const has = new Set(after.map(describeGuard));
  let lost = before.filter((g) => !has.has(describeGuard(g)));
  let gained = after.filter((g) => !had.has(describeGuard(g)));
  const out: string[] = [];
  const lostList = lost.filter((g) => g.kind === 'ip-allowlist');
  const gainedList = gained.filter((g) => g.kind === 'ip-allowlist');
  const [was, now] = [lostList, gainedList].map((list) => (list.length === 1 ? addressesOf(list[0].detail) : undefined));
  if (was && now) {
    const added = now.subtract(was);
    const removed = was.subtract(now);
    out.push(`ip-allowlist ${[added.isEmpty() ? '' : `+${describeAddresses(added, NAMED_BLOCKS)}`, removed.isEmpty() ? '' : `−${describeAddresses(removed, NAMED_BLOCKS)}`].filter(Boolean).join(' ')}`);
    lost = lost.filter((g) => g !== lostList[0]);
    gained = gained.filter((g) => g !== gainedList[0]);
  }
  return [...gained.map((g) => `+${guardText(g)}`), ...out, ...lost.map((g) => `−${guardText(g)}`)];
}

/**
 * The edges the change draws on the exposure map: every edge of an added entry point, and for a changed one whose
 * guards or listener changed, its edges labelled with what its guards lost or gained. Removed entry points and
 * unchanged edges are not drawn. An entry point without guards is `unguarded`, one that lost a guard `weakened`.
 */
export function changeEdges(change: ExposureChange): DiagramEdge[] {
  const edges: DiagramEdge[] = [];
  for (const row of change.added) {
    for (const edge of edgesOf([row])) edges.push(row.guards.length === 0 && edge.source.type === 'ingress-controller' ? { ...edge, style: 'unguarded' } : edge);
  }
  for (const { before, after } of change.changed) {
    const difference = guardDifference(before.guards, after.guards);
    const workloads = new Set(edgesOf([before]).map((e) => `${e.destination.name}\0${e.ports}`));
    const style = after.guards.length === 0 ? 'unguarded' : difference.some((d) => d.startsWith('−')) ? 'weakened' : undefined;
    const reopened = difference.length > 0 || before.listener !== after.listener;
    for (const edge of edgesOf([after])) {
      if (edge.source.type === 'ingress-controller') {
        if (reopened) edges.push({ ...edge, ports: difference.join(', ') || `listener ${after.listener}`, ...(style ? { style } : {}) });
      } else if (reopened || !workloads.has(`${edge.destination.name}\0${edge.ports}`)) {
        edges.push({ ...edge, ...(style && reopened ? { style } : {}) });
      }
    }
  }
  return edges;
}

/** The cells of an exposure row that say what the change did to it, for the summary's table. */
export function changeText(row: { before: ExposureRowData; after: ExposureRowData }): string[] {
  const { before, after } = row;
  const out = guardDifference(before.guards, after.guards);
  if (before.listener !== after.listener) out.push(`listener ${before.listener} → ${after.listener}`);
  return out;
}

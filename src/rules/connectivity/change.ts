import type { EdgeEnd, FindingEdge } from '../../findings/finding.js';
import type { Model } from '../../model/load.js';
import type { Resource } from '../../model/resource.js';
import type { DiffContext, Place } from '../rule.js';
import { semanticChange, type SemanticChange, type Place as SemanticPlace } from '../../semantics/change.js';
import type { ConnectionDiff } from '../../semantics/diff.js';
import type { PeerRef } from '../../semantics/connectivity.js';

/** Kinds whose change can move connectivity: without one of them in the change, the semantic rules stay quiet. */
const RELEVANT_KINDS = new Set([
  'NetworkPolicy', 'Namespace', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController',
  'Job', 'CronJob', 'Service', 'Ingress', 'Route', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy',
  'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy',
]);

/** The connectivity change of this diff, computed once for all connectivity rules; notes the mode in the summary. */
export function connectivityChange(context: DiffContext): SemanticChange | undefined {
  const relevant = context.changed.some((pair) => RELEVANT_KINDS.has((pair.after ?? pair.before)?.kind ?? ''));
  if (!relevant) return undefined;
  const change = semanticChange(context.base, context.head);
  context.note?.(`connectivity: ${change.reason}`);
  return change;
}

/**
 * A place on the side that really has it: a head-side location must exist in head. A resource that head no
 * longer has (a deleted policy behind a selector-level peer, say) is shown on the base side; one whose head copy
 * differs from the object at hand (a base copy) is shown where head has it. The same holds the other way round.
 * Without the context the place is taken as it is (pass it: it is what keeps locations honest).
 */
export function placeOf(place: SemanticPlace, context?: Pick<DiffContext, 'base' | 'head'>): Place {
  if (!context) return { resource: place.resource, path: place.path, side: place.side };
  const own = place.side === 'head' ? context.head : context.base;
  if (holds(own, place.resource)) return { resource: place.resource, path: place.path, side: place.side };
  const copy = own.byKey.get(place.resource.key);
  if (copy) return { resource: copy, path: place.path, side: place.side };
  // Neither: the object belongs to the other side.
  return { resource: place.resource, path: place.path, side: place.side === 'head' ? 'base' : 'head' };
}

function holds(model: Model, resource: Resource): boolean {
  return model.byKey.get(resource.key) === resource || model.resources.includes(resource);
}

const END_TYPES: Record<PeerRef['type'], EdgeEnd['type']> = { workload: 'workload', ip: 'external', 'ingress-controller': 'ingress-controller' };

/** The part of a connection diff that is new, as a structured edge for diagrams. */
export function edgeOf(diff: ConnectionDiff): FindingEdge {
  return {
    source: { name: diff.src.name, type: END_TYPES[diff.src.type] },
    destination: { name: diff.dst.name, type: END_TYPES[diff.dst.type] },
    ports: diff.after.subtract(diff.before).toString(),
  };
}

/** Lines of a finding's details: a change may open a million connections, and a reader takes the first thousand. */
export const MAX_DETAIL_LINES = 1_000;

/** The first MAX_DETAIL_LINES items as lines, and how many more there are. */
export function detailLines<T>(items: readonly T[], line: (item: T) => string): string {
  const shown = items.slice(0, MAX_DETAIL_LINES).map(line);
  if (items.length > MAX_DETAIL_LINES) shown.push(`… and ${items.length - MAX_DETAIL_LINES} more`);
  return shown.join('\n');
}

export function diffLine(diff: ConnectionDiff): string {
  return `${diff.src.name} => ${diff.dst.name} : ${diff.before.toString()} -> ${diff.after.toString()}`;
}

import type { EdgeEnd, FindingEdge } from '../../findings/finding.js';
import type { DiffContext, Place } from '../rule.js';
import { semanticChange, type SemanticChange, type Place as SemanticPlace } from '../../semantics/change.js';
import type { ConnectionDiff } from '../../semantics/diff.js';
import type { PeerRef } from '../../semantics/connectivity.js';

/** Kinds whose change can move connectivity: without one of them in the change, the semantic rules stay quiet. */
const RELEVANT_KINDS = new Set([
  'NetworkPolicy', 'Namespace', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController',
  'Job', 'CronJob', 'Service', 'Ingress', 'Route',
]);

/** The connectivity change of this diff, computed once for all connectivity rules; notes the mode in the summary. */
export function connectivityChange(context: DiffContext): SemanticChange | undefined {
  const relevant = context.changed.some((pair) => RELEVANT_KINDS.has((pair.after ?? pair.before)?.kind ?? ''));
  if (!relevant) return undefined;
  const change = semanticChange(context.base, context.head);
  context.note?.(`connectivity: ${change.reason}`);
  return change;
}

export function placeOf(place: SemanticPlace): Place {
  return { resource: place.resource, path: place.path, side: place.side };
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

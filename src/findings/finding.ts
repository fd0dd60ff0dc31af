import { createHash } from 'node:crypto';
import type { Severity } from './severity.js';

export type Side = 'head' | 'base';

export interface FindingLocation {
  path: string;
  line: number;
  endLine: number;
  side: Side;
}

export interface RelatedLocation extends FindingLocation {
  message: string;
}

export interface FindingResource {
  kind: string;
  namespace: string;
  name: string;
}

/** One end of a connection: a workload (or selector-level peer), an external address block, the ingress controller, or an Ingress/Route entry (host/path). */
export interface EdgeEnd {
  name: string;
  type: 'workload' | 'external' | 'ingress-controller' | 'entry';
}

/** A connection the change opens: who can now reach what, on which ports (the part that is new). */
export interface FindingEdge {
  source: EdgeEnd;
  destination: EdgeEnd;
  /** e.g. `TCP 5432,8080`. */
  ports: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  location: FindingLocation;
  related: RelatedLocation[];
  resource?: FindingResource;
  /** Stable across pushes (no line numbers in it): lets reruns recognise findings they already reported. */
  fingerprint: string;
  /** Longer explanation, e.g. the full list behind a grouped finding. */
  details?: string;
  /** The new connections a semantic finding stands for (connectivity-added, exposure-added), for diagrams. */
  edges?: FindingEdge[];
  /** Set when an annotation `segguard.io/ignore` covers the finding; it is then counted apart, never dropped. */
  suppressed?: { reason: string };
}

/**
 * The fingerprint is built from what the finding is about (rule, resource, the rule's own key such as a field
 * path or a peer), never from lines or file names, so moving a resource or editing above it keeps it stable.
 */
export function fingerprintOf(ruleId: string, resource: FindingResource | undefined, key: string): string {
  const subject = resource ? `${resource.kind}/${resource.namespace}/${resource.name}` : '';
  return createHash('sha256').update(`${ruleId}\0${subject}\0${key}`).digest('hex').slice(0, 16);
}

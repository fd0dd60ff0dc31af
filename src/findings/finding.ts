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

/** The object a finding is about: its full identity, API group included (a Calico and a Kubernetes NetworkPolicy differ). */
export interface FindingResource {
  /** '' for the core group; canonical (an `extensions` Ingress is `networking.k8s.io`). */
  group: string;
  kind: string;
  namespace: string;
  name: string;
  /** The render target of a rendered object: its directory (part of the identity), and as messages name it (`prod (overlays/prod)`). */
  scope?: string;
  environment?: string;
  /** A finding one source line causes in several render targets: each environment's object, this one first (src/findings/environments.ts). */
  environments?: FindingResource[];
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
  /**
   * Set when a `segguard.io/ignore` annotation covers the finding for the gate: one the base already had on the
   * unchanged object, or a proposed one that an approver approved (`approvedBy`). Counted apart, never dropped.
   */
  suppressed?: { reason: string; approvedBy?: string[] };
  /**
   * A suppression the head adds or changes that would silence this finding: it does not count for the gate (a
   * change cannot silence its own regression) until it is merged or approved (then `suppressed` is set too).
   */
  proposedSuppression?: ProposedSuppression;
}

export interface ProposedSuppression {
  reason: string;
  /** The annotation in the head. */
  location: FindingLocation;
}

/**
 * Groups whose objects were fingerprinted before the group was part of a finding's identity: their findings keep
 * the fingerprint they had (review comments and code-scanning alerts stay matched across the upgrade). Kinds do
 * not repeat across these groups, so leaving their group out cannot make two objects collide.
 */
const FINGERPRINT_IMPLICIT_GROUPS = new Set(['', 'networking.k8s.io', 'apps', 'batch', 'gateway.networking.k8s.io', 'traefik.io', 'route.openshift.io']);

/**
 * The fingerprint is built from what the finding is about (rule, resource, the rule's own key such as a field
 * path or a peer), never from lines or file names, so moving a resource or editing above it keeps it stable.
 */
export function fingerprintOf(ruleId: string, resource: FindingResource | undefined, key: string): string {
  const group = resource && !FINGERPRINT_IMPLICIT_GROUPS.has(resource.group) ? `${resource.group}/` : '';
  const subject = resource ? `${group}${resource.kind}/${resource.namespace}/${resource.name}` : '';
  return createHash('sha256').update(`${ruleId}\0${subject}\0${key}`).digest('hex').slice(0, 16);
}

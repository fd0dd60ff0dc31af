import type { IpBlockPeer, Peer, PodPeer, PortSpec, Protocol } from '../../model/network-policy.js';
import { IpSet } from '../../model/ip-set.js';
import { isSubsetOf, matches, parseSelector, type LabelSelector } from '../../model/selector.js';

/**
 * Peer and port algebra for comparing what two NetworkPolicy rules admit. Everything here is order-free and
 * logical (selectors by inclusion, addresses as sets, ports as ranges), so reordering or rewriting a rule with
 * the same meaning never compares as a change.
 */

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The policy's own namespace: a peer without namespaceSelector means exactly this namespace. */
export interface Scope {
  namespace: string;
  /** The namespace's labels as far as the manifests know them (always including kubernetes.io/metadata.name). */
  labels: Readonly<Record<string, string>>;
}

type Namespaces = PodPeer['namespaces'];

function ownNamespaceSelector(scope: Scope): LabelSelector {
  return parseSelector({ matchLabels: { [NAMESPACE_NAME_LABEL]: scope.namespace } });
}

/** Every namespace selected by `a` is selected by `b`. */
export function namespacesWithin(a: Namespaces, b: Namespaces, scope: Scope): boolean {
  if (a === 'own') return b === 'own' || matches(b, scope.labels);
  return isSubsetOf(a, b === 'own' ? ownNamespaceSelector(scope) : b);
}

/** Every pod admitted by peer `a` is admitted by peer `b`. */
export function podPeerWithin(a: PodPeer, b: PodPeer, scope: Scope): boolean {
  return namespacesWithin(a.namespaces, b.namespaces, scope) && isSubsetOf(a.pods, b.pods);
}

/** The addresses that a list of peers admits through ipBlocks ('all' peers admit every address). */
export function addressesOf(peers: Peer[] | 'all'): IpSet {
  if (peers === 'all') return IpSet.all();
  return IpSet.unionAll(peers.filter((p): p is IpBlockPeer => p.type === 'ipBlock').map((p) => p.addresses));
}

/** Whether a rule with these peers admits every pod of `peer`. */
export function peersAdmit(peers: Peer[] | 'all', peer: PodPeer, scope: Scope): boolean {
  return peers === 'all' || peers.some((q) => q.type === 'pods' && podPeerWithin(peer, q, scope));
}

// --- ports -----------------------------------------------------------------------------------------------

const MAX_PORT = 65535;

/** The numeric range of a port spec; undefined for a named port. Absent port = every port of the protocol. */
function rangeOf(spec: PortSpec): [number, number] | undefined {
  if (spec.port === undefined) return [1, MAX_PORT];
  if (typeof spec.port === 'string') return undefined;
  return [spec.port, spec.endPort ?? spec.port];
}

/** Whether the union of `specs` admits every port of `spec` (a named port only by the same name). */
export function portSpecWithin(spec: PortSpec, specs: readonly PortSpec[]): boolean {
  const same = specs.filter((s) => s.protocol === spec.protocol);
  if (typeof spec.port === 'string') return same.some((s) => s.port === spec.port || s.port === undefined);
  const want = rangeOf(spec);
  if (!want) return false;
  const ranges = same.map(rangeOf).filter((r): r is [number, number] => r !== undefined).sort((a, b) => a[0] - b[0]);
  let next = want[0];
  for (const [start, end] of ranges) {
    if (start > next) break;
    next = Math.max(next, end + 1);
    if (next > want[1]) return true;
  }
  return next > want[1];
}

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** Whether a port list admits every port of every protocol (absent, or e.g. 1-65535 for TCP, UDP and SCTP). */
export function coversEveryPort(ports: readonly PortSpec[] | 'all'): boolean {
  return ports === 'all' || PROTOCOLS.every((protocol) => portSpecWithin({ protocol, path: [] }, ports));
}

/** The head port specs that the base port lists did not admit; 'all' is returned whole when the base was narrower. */
export function portsNotWithin(ports: PortSpec[] | 'all', bases: readonly (PortSpec[] | 'all')[]): PortSpec[] | 'all' {
  if (bases.includes('all')) return [];
  const union = bases.flatMap((b) => (b === 'all' ? [] : b));
  if (ports === 'all') return coversEveryPort(union) ? [] : 'all';
  return ports.filter((p) => !portSpecWithin(p, union));
}

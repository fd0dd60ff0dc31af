import { code } from '../../findings/code-span.js';
import type { AdminPeer, AdminPodSelection, AdminPort, AdminRule } from '../../model/admin-network-policy.js';
import { IpSet, parseCidr } from '../../model/ip-set.js';
import { describeSelector, isSubsetOf, overlaps, selectsEverything } from '../../model/selector.js';
import { adminPortConnections } from '../../semantics/admin-tiers.js';
import { ConnectionSet } from '../../semantics/connection-set.js';

/**
 * Inclusion and overlap of what ANP/BANP rules match: subjects and pod peers as selector pairs, `networks` as
 * address sets, ports as port sets. All of it is order-free, so a rewrite with the same meaning (another peer order,
 * `namespaces: X` written as `pods: {namespaceSelector: X, podSelector: {}}`, a CIDR split in two) compares equal.
 */

/** Every pod of `a` is a pod of `b`. */
export function selectionWithin(a: AdminPodSelection, b: AdminPodSelection): boolean {
  return isSubsetOf(a.namespaces, b.namespaces) && isSubsetOf(a.pods, b.pods);
}

/** Some pod may be selected by both. */
export function selectionsOverlap(a: AdminPodSelection, b: AdminPodSelection): boolean {
  return overlaps(a.namespaces, b.namespaces) && overlaps(a.pods, b.pods);
}

/** The addresses of a peer list's `networks`. */
export function networksOf(peers: readonly AdminPeer[]): IpSet {
  return IpSet.unionAll(peers.flatMap((p) => (p.type === 'networks' ? [p.addresses] : [])));
}

/** Whether the peers of `within` admit everything `peer` matches (a `networks` peer: by the union of their addresses). */
export function peerWithin(peer: AdminPeer, within: readonly AdminPeer[]): boolean {
  if (peer.type === 'networks') return peer.addresses.isSubsetOf(networksOf(within));
  if (peer.type === 'nodes') return within.some((q) => q.type === 'nodes' && isSubsetOf(peer.nodes, q.nodes));
  return within.some((q) => q.type === 'pods' && selectionWithin(peer, q));
}

function peersOverlap(a: readonly AdminPeer[], b: readonly AdminPeer[]): boolean {
  if (!networksOf(a).intersect(networksOf(b)).isEmpty()) return true;
  return a.some((p) => b.some((q) => (p.type === 'pods' && q.type === 'pods' && selectionsOverlap(p, q)) ||
    (p.type === 'nodes' && q.type === 'nodes' && overlaps(p.nodes, q.nodes))));
}

/** The ports a rule matches: numbered ones as a set; named ones by name (their numbers are the destination's). */
interface PortMeaning {
  numbered: ConnectionSet;
  named: Set<string>;
}

function portMeaning(ports: AdminRule['ports'] | readonly AdminPort[]): PortMeaning {
  if (ports === 'all') return { numbered: ConnectionSet.ALL, named: new Set() };
  return { numbered: adminPortConnections(ports, []), named: new Set(ports.flatMap((p) => (p.type === 'namedPort' ? [p.name] : []))) };
}

/** Whether `ports` match nothing that `within` does not (a named port only by the same name, or every port). */
export function portsWithin(ports: AdminRule['ports'] | readonly AdminPort[], within: AdminRule['ports']): boolean {
  const [a, b] = [portMeaning(ports), portMeaning(within)];
  return a.numbered.isSubsetOf(b.numbered) && (b.numbered.isAll() || [...a.named].every((n) => b.named.has(n)));
}

/** Whether two port lists may match a common port: a named port may be any number, so it overlaps any non-empty list. */
function portsOverlap(a: AdminRule['ports'], b: AdminRule['ports']): boolean {
  const [x, y] = [portMeaning(a), portMeaning(b)];
  if (!x.numbered.intersect(y.numbered).isEmpty()) return true;
  return (x.named.size > 0 && (y.named.size > 0 || !y.numbered.isEmpty())) || (y.named.size > 0 && !x.numbered.isEmpty());
}

/** Whether two rules of two policies may decide a common connection (same direction, subjects, peers and ports meet). */
export function rulesOverlap(a: { subject: AdminPodSelection; rule: AdminRule }, b: { subject: AdminPodSelection; rule: AdminRule }): boolean {
  return a.rule.direction === b.rule.direction && selectionsOverlap(a.subject, b.subject) &&
    peersOverlap(a.rule.peers, b.rule.peers) && portsOverlap(a.rule.ports, b.rule.ports);
}

/** Whether a rule matches the same connections as another (its name and action aside). */
export function sameMatch(a: AdminRule, b: AdminRule): boolean {
  return a.direction === b.direction && portsWithin(a.ports, b.ports) && portsWithin(b.ports, a.ports) &&
    a.peers.every((p) => peerWithin(p, b.peers)) && b.peers.every((p) => peerWithin(p, a.peers));
}

/** Whether `rule` matches at least everything `other` matches. */
export function ruleCovers(rule: AdminRule, other: AdminRule): boolean {
  return rule.direction === other.direction && portsWithin(other.ports, rule.ports) && other.peers.every((p) => peerWithin(p, rule.peers));
}

/** A peer of every namespace (`namespaces: {}`) or every address (`networks: [0.0.0.0/0]`, `::/0`): opening it is critical. */
export function isEverythingPeer(peer: AdminPeer): boolean {
  if (peer.type === 'pods') return selectsEverything(peer.namespaces);
  return peer.type === 'networks' && peer.cidrs.some((c) => parseCidr(c.text)?.prefix === 0);
}

/** `pods `{app: db}` in namespaces `{team: a}``, `every namespace`, `networks `10.0.0.0/8``: a peer for messages. */
export function describeAdminPeer(peer: AdminPeer): string {
  if (peer.type === 'networks') return `networks ${peer.cidrs.map((c) => code(c.text)).join(', ')}`;
  if (peer.type === 'nodes') return `nodes ${code(describeSelector(peer.nodes))}`;
  return describeSelection(peer);
}

/** The pods of a subject or pod peer, for messages: `every pod in every namespace`, `pods `{app: db}` in namespaces `{team: a}``. */
export function describeSelection(selection: AdminPodSelection): string {
  const namespaces = selectsEverything(selection.namespaces) ? 'every namespace' : `namespaces ${code(describeSelector(selection.namespaces))}`;
  return `${selectsEverything(selection.pods) ? 'every pod' : `pods ${code(describeSelector(selection.pods))}`} in ${namespaces}`;
}

/** `TCP 80, UDP 53, named port `http``, or `every port and protocol`. */
export function describeAdminPorts(ports: AdminRule['ports'] | readonly AdminPort[]): string {
  if (ports === 'all') return 'every port and protocol';
  const { numbered, named } = portMeaning(ports);
  return [...(numbered.isEmpty() ? [] : [numbered.toString()]), ...[...named].map((n) => `named port ${code(n)}`)].join(', ') || 'no port';
}

/** The numbered ports `ports` match beyond `within`, and the names it adds, for messages. */
export function describeAddedPorts(ports: readonly AdminPort[] | AdminRule['ports'], within: AdminRule['ports']): string {
  const [a, b] = [portMeaning(ports), portMeaning(within)];
  const extra = a.numbered.subtract(b.numbered);
  const names = b.numbered.isAll() ? [] : [...a.named].filter((n) => !b.named.has(n));
  return [...(extra.isEmpty() ? [] : [extra.toString()]), ...names.map((n) => `named port ${code(n)}`)].join(', ');
}

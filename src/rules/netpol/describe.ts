import { code } from '../../findings/code-span.js';
import type { Direction, NetworkPolicyModel, Peer, PolicyRule, PortSpec } from '../../model/network-policy.js';
import { describeSelector, selectsEverything, type LabelSelector } from '../../model/selector.js';
import { policyName } from './policies.js';

/** The words of messages, so every NetworkPolicy rule names peers, ports and pods the same way. */

export const PEER_WORD: Record<Direction, { one: string; many: string; from: string; field: 'from' | 'to' }> = {
  ingress: { one: 'source', many: 'sources', from: 'from', field: 'from' },
  egress: { one: 'destination', many: 'destinations', from: 'to', field: 'to' },
};

export function describeNamespaces(namespaces: 'own' | LabelSelector, namespace: string): string {
  if (namespaces === 'own') return `namespace ${namespace}`;
  return selectsEverything(namespaces) ? 'every namespace' : `namespaces ${code(describeSelector(namespaces))}`;
}

export function describePeer(peer: Peer, namespace: string): string {
  if (peer.type === 'ipBlock') return `ipBlock ${code(peer.cidr)}${peer.except.length > 0 ? ` except ${peer.except.map((cidr) => code(cidr)).join(', ')}` : ''}`;
  const pods = selectsEverything(peer.pods) ? 'every pod' : `pods ${code(describeSelector(peer.pods))}`;
  return `${pods} in ${describeNamespaces(peer.namespaces, namespace)}`;
}

export function describePeers(peers: Peer[] | 'all', direction: Direction, namespace: string): string {
  if (peers === 'all') return `every ${PEER_WORD[direction].one}`;
  return peers.map((p) => describePeer(p, namespace)).join('; ');
}

export function describePort(port: PortSpec): string {
  if (port.port === undefined) return `${port.protocol} (every port)`;
  return `${port.protocol}/${port.port}${port.endPort !== undefined ? `-${port.endPort}` : ''}`;
}

export function describePorts(ports: readonly PortSpec[] | 'all'): string {
  return ports === 'all' ? 'every port and protocol' : ports.map(describePort).join(', ');
}

/** `ingress rule 2 (from pods `{app: a}` in namespace shop on TCP/80)`. */
export function describeRule(rule: PolicyRule, namespace: string): string {
  const word = PEER_WORD[rule.direction];
  return `${rule.direction} rule ${rule.index} (${word.from} ${describePeers(rule.peers, rule.direction, namespace)} on ${describePorts(rule.ports)})`;
}

/** `pods `{app: web}` of namespace shop`. */
export function describePods(policy: NetworkPolicyModel): string {
  const ns = policy.resource.namespace;
  return selectsEverything(policy.podSelector) ? `every pod of namespace ${ns}` : `pods ${code(describeSelector(policy.podSelector))} of namespace ${ns}`;
}

/** Why the change matters: the base policies that isolated these pods in this direction. */
export function isolationNote(direction: Direction, isolatedBy: readonly NetworkPolicyModel[]): string {
  const names = isolatedBy.slice(0, 3).map(policyName).join(', ') + (isolatedBy.length > 3 ? ', …' : '');
  return `these pods were isolated for ${direction} in base (by ${names})`;
}

export function joinDirections(directions: readonly Direction[]): string {
  return directions.join(' and ');
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One formatter: `toLocaleString` builds a new one on every call, a third of this rule's time with 1,000 findings. */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** `16,776,960`: address counts are large. */
export function formatCount(count: bigint): string {
  return COUNT_FORMAT.format(count);
}

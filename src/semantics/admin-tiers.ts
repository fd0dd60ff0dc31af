import { describeClusterPolicy, type AdminAction, type AdminPeer, type AdminRule, type ClusterPolicyModel } from '../model/admin-network-policy.js';
import type { IpRange } from '../model/ip-set.js';
import { ConnectionSet } from './connection-set.js';
import type { ContainerPort } from './topology.js';

/**
 * The evaluation order of the cluster-wide tiers (https://network-policy-api.sigs.k8s.io/api-overview/): the
 * AdminNetworkPolicies by ascending priority, each rule in order, decide each port first (Allow, Deny, or Pass to the
 * next tier); what they leave open goes to the NetworkPolicies when one selects the pod in that direction, else to
 * the BaselineAdminNetworkPolicy, else it is allowed. Decisions are per port: one connection may be decided by
 * several tiers on different ports.
 */

/** An ANP or BANP rule that applies to a pod in one direction, with its policy. */
export interface AdminRuleRef {
  policy: ClusterPolicyModel;
  rule: AdminRule;
}

/** The ports a sequence of rules decided: each port by the first rule that matched it. */
export interface Verdict {
  allow: ConnectionSet;
  deny: ConnectionSet;
  /** Allowed, denied or passed: no later rule of the tier has a say on these ports. */
  decided: ConnectionSet;
}

export const UNDECIDED: Verdict = { allow: ConnectionSet.NONE, deny: ConnectionSet.NONE, decided: ConnectionSet.NONE };

/** `verdict` with one more matching rule, later than every rule already in it: it decides only the ports still open. */
export function decide(verdict: Verdict, action: AdminAction, conns: ConnectionSet): { verdict: Verdict; decided: ConnectionSet } {
  const fresh = conns.subtract(verdict.decided);
  if (fresh.isEmpty()) return { verdict, decided: fresh };
  return {
    verdict: {
      allow: action === 'Allow' ? verdict.allow.union(fresh) : verdict.allow,
      deny: action === 'Deny' ? verdict.deny.union(fresh) : verdict.deny,
      decided: verdict.decided.union(fresh),
    },
    decided: fresh,
  };
}

/** What is allowed: the ANPs' Allow, and what they left open (Pass or no match) as far as the next tier allows it. */
export function tiered(admin: Verdict, lower: ConnectionSet): ConnectionSet {
  if (admin.decided.isEmpty()) return lower;
  return admin.allow.union(lower.subtract(admin.allow.union(admin.deny)));
}

/** What the BANP (or nothing) leaves to a pod that no NetworkPolicy selects: everything it does not deny. */
export function baselineAllows(baseline: Verdict): ConnectionSet {
  return ConnectionSet.ALL.subtract(baseline.deny);
}

/**
 * The ports a rule matches towards a destination: a named port is the destination pod's container port of that
 * name (with its protocol); an external address has none (np-guard skips it with a warning).
 */
export function adminRuleConnections(rule: AdminRule, dstPorts: readonly ContainerPort[] | undefined): ConnectionSet {
  if (rule.ports === 'all') return ConnectionSet.ALL;
  let conns = ConnectionSet.NONE;
  for (const port of rule.ports) {
    if (port.type === 'portNumber') conns = conns.union(ConnectionSet.of(port.protocol, port.port, port.port));
    else if (port.type === 'portRange') conns = conns.union(ConnectionSet.of(port.protocol, port.start, port.end));
    else {
      for (const p of dstPorts ?? []) if (p.name === port.name) conns = conns.union(ConnectionSet.of(p.protocol, p.port, p.port));
    }
  }
  return conns;
}

/** Whether a rule's ports resolve per destination (a named port), so an egress rule's ports differ per peer. */
export function hasNamedPort(rule: AdminRule): boolean {
  return rule.ports !== 'all' && rule.ports.some((p) => p.type === 'namedPort');
}

/** The index of the first `networks` peer of a rule holding the IPv4 address, or undefined (IPv6 is not modelled). */
export function networksPeerAt(peers: readonly AdminPeer[], range: IpRange): number | undefined {
  if (range.family !== 'ipv4') return undefined;
  for (let i = 0; i < peers.length; i++) {
    const peer = peers[i];
    if (peer.type === 'networks' && peer.addresses.ranges.some((r) => r.family === 'ipv4' && r.start <= range.start && range.start <= r.end)) return i;
  }
  return undefined;
}

/**
 * What np-guard warns about: two ANPs of one priority (their order is undefined), and peers it does not evaluate
 * (`nodes`, IPv6 `networks`: they match nothing here either).
 */
export function clusterPolicyWarnings(policies: readonly ClusterPolicyModel[]): string[] {
  const warnings: string[] = [];
  const byPriority = new Map<number, string>();
  for (const policy of policies) {
    const name = describeClusterPolicy(policy);
    if (policy.kind === 'AdminNetworkPolicy' && !Number.isNaN(policy.priority)) {
      const other = byPriority.get(policy.priority);
      if (other !== undefined) {
        warnings.push(`AdminNetworkPolicies ${other} and ${policy.resource.name} have the same priority ${policy.priority}: which one is evaluated first is undefined (they are evaluated in file order here)`);
      } else {
        byPriority.set(policy.priority, policy.resource.name);
      }
    }
    for (const rule of [...policy.rules.ingress, ...policy.rules.egress]) {
      const where = `${name}, ${rule.direction} rule ${JSON.stringify(rule.name)}`;
      if (rule.peers.some((p) => p.type === 'nodes')) warnings.push(`${where}: \`nodes\` peers are not modelled (they match nothing)`);
      if (rule.peers.some((p) => p.type === 'networks' && p.addresses.ranges.some((r) => r.family === 'ipv6'))) {
        warnings.push(`${where}: IPv6 \`networks\` are not modelled (they match nothing)`);
      }
    }
  }
  return warnings;
}

import { describeClusterPolicy, type AdminAction, type AdminPeer, type AdminPort, type AdminRule, type ClusterPolicyModel } from '../model/admin-network-policy.js';
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

/** The verdict of rules that all match the connection, in order, towards a destination with these container ports. */
export function ruleVerdict(refs: readonly AdminRuleRef[], dstPorts: readonly ContainerPort[] | undefined): Verdict {
  let verdict = UNDECIDED;
  for (const { rule } of refs) {
    verdict = decide(verdict, rule.action, adminRuleConnections(rule, dstPorts)).verdict;
    if (verdict.decided.isAll()) break;
  }
  return verdict;
}

/** What is allowed: the ANPs' Allow, and what they left open (Pass or no match) as far as the next tier allows it. */
export function tiered(admin: Verdict, lower: ConnectionSet): ConnectionSet {
  if (admin.allow.isEmpty()) return lower.subtract(admin.deny);
  return admin.allow.union(lower.subtract(admin.allow.union(admin.deny)));
}

/** What the BANP (or nothing) leaves to a pod that no NetworkPolicy selects: everything it does not deny. */
export function baselineAllows(baseline: Verdict): ConnectionSet {
  return baseline.deny.isEmpty() ? ConnectionSet.ALL : ConnectionSet.ALL.subtract(baseline.deny);
}

/** By rule, then (for a rule with a named port) by the destination's port list, which classes share. */
const ruleConnections = new WeakMap<AdminRule, ConnectionSet | WeakMap<readonly ContainerPort[], ConnectionSet>>();
const NO_PORTS: readonly ContainerPort[] = [];

/**
 * The ports a rule matches towards a destination: a named port is the destination pod's container port of that
 * name (with its protocol); an external address has none (np-guard skips it with a warning). Computed once per rule
 * and port list: the rows ask it for every pair of classes.
 */
export function adminRuleConnections(rule: AdminRule, dstPorts: readonly ContainerPort[] | undefined): ConnectionSet {
  if (rule.ports === 'all') return ConnectionSet.ALL;
  const ports = dstPorts ?? NO_PORTS;
  let cached = ruleConnections.get(rule);
  if (cached instanceof ConnectionSet) return cached;
  const known = cached?.get(ports);
  if (known) return known;
  const conns = adminPortConnections(rule.ports, ports);
  if (!hasNamedPort(rule)) ruleConnections.set(rule, conns);
  else {
    if (!cached) ruleConnections.set(rule, (cached = new WeakMap()));
    cached.set(ports, conns);
  }
  return conns;
}

/** The ports a port list matches towards a destination with these container ports (a named port: the one of that name). */
export function adminPortConnections(ports: readonly AdminPort[], dstPorts: readonly ContainerPort[]): ConnectionSet {
  let conns = ConnectionSet.NONE;
  for (const port of ports) {
    if (port.type === 'portNumber') conns = conns.union(ConnectionSet.of(port.protocol, port.port, port.port));
    else if (port.type === 'portRange') conns = conns.union(ConnectionSet.of(port.protocol, port.start, port.end));
    else {
      for (const p of dstPorts) if (p.name === port.name) conns = conns.union(ConnectionSet.of(p.protocol, p.port, p.port));
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

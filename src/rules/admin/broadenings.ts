import type { AdminRule, ClusterPolicyModel } from '../../model/admin-network-policy.js';
import type { FieldPath } from '../../model/field-path.js';
import { IpSet, describeAddresses } from '../../model/ip-set.js';
import type { Severity } from '../../findings/severity.js';
import { describeAddedPorts, describeAdminPeer, describeAdminPorts, describeSelection, isEverythingPeer, networksOf, peerWithin, portsWithin, selectionWithin } from './coverage.js';
import { opens, rulesOf } from './policies.js';

/**
 * What an Allow or Pass rule (or the subject of a policy with such rules) matches in head beyond what it matched in
 * base, one entry per line to blame: shared by anp-peer-broadened, anp-subject-broadened and banp-loosened.
 */
export interface Broadening {
  path: FieldPath;
  /** `now also matches …`: the clause of the message after the rule's name. */
  what: string;
  /** Part of the fingerprint (no line numbers). */
  key: string;
  severity: Severity;
}

/** What a head Allow/Pass rule matches beyond its base counterpart: peers (selectors, CIDRs) and ports. */
export function ruleBroadenings(before: AdminRule, after: AdminRule): Broadening[] {
  const out: Broadening[] = [];
  const field = after.direction === 'ingress' ? 'from' : 'to';
  for (const peer of after.peers) {
    if (peerWithin(peer, before.peers)) continue;
    const severity: Severity = isEverythingPeer(peer) ? 'critical' : 'high';
    if (peer.type === 'networks') {
      const known = networksOf(before.peers);
      // Blame the CIDR that reaches outside the base's networks.
      const cidr = peer.cidrs.find((c) => !IpSet.fromCidr(c.text).isSubsetOf(known)) ?? peer.cidrs[0];
      const added = peer.addresses.subtract(known);
      out.push({ path: cidr?.path ?? peer.path, what: `\`${field}\` ${describeAdminPeer(peer)} now also matches ${describeAddresses(added)}`, key: `${field} ${describeAdminPeer(peer)}`, severity });
    } else {
      const path = peer.type === 'nodes' ? [...peer.path, 'nodes'] : [...peer.path, peer.field];
      out.push({
        path,
        what: `\`${field}\` peer ${describeAdminPeer(peer)} matches more than the base peers did (${before.peers.map(describeAdminPeer).join('; ')})`,
        key: `${field} ${describeAdminPeer(peer)}`,
        severity,
      });
    }
  }
  if (!portsWithin(after.ports, before.ports)) {
    const severity: Severity = after.peers.some(isEverythingPeer) ? 'critical' : 'medium';
    if (after.ports === 'all') {
      out.push({ path: after.path, what: `now matches every port and protocol (its \`ports\` were ${describeAdminPorts(before.ports)})`, key: 'ports all', severity });
    } else {
      for (const port of after.ports) {
        if (portsWithin([port], before.ports)) continue;
        const added = describeAddedPorts([port], before.ports);
        out.push({ path: port.path, what: `now also matches ${added} (base ports: ${describeAdminPorts(before.ports)})`, key: `port ${added}`, severity });
      }
    }
  }
  return out;
}

/** The subject of a policy with Allow/Pass rules now selects pods it did not: those rules apply to more pods. */
export function subjectBroadening(before: ClusterPolicyModel, after: ClusterPolicyModel): Broadening | undefined {
  const openers = rulesOf(after).filter(opens);
  if (openers.length === 0 || selectionWithin(after.subject, before.subject)) return undefined;
  const severity: Severity = openers.some((rule) => rule.peers.some(isEverythingPeer)) ? 'critical' : 'high';
  return {
    path: [...after.subject.path, after.subject.field],
    what: `its subject now selects ${describeSelection(after.subject)} (was ${describeSelection(before.subject)}), ` +
      `so its ${openers.length === 1 ? 'Allow/Pass rule now applies' : `${openers.length} Allow/Pass rules now apply`} to pods it did not select ` +
      (openers.some((rule) => rule.action === 'Allow') ? '(an Allow overrides their NetworkPolicies)' : '(a Pass lets their connections skip every later ANP Deny)'),
    key: 'subject',
    severity,
  };
}

import type { IpSet } from '../../model/ip-set.js';
import type { Model } from '../../model/load.js';
import {
  DIRECTIONS, type Direction, type IpBlockPeer, type NetworkPolicyModel, type Peer, type PodPeer, type PolicyRule, type PortSpec,
} from '../../model/network-policy.js';
import { compareSelectors, selectsEverything } from '../../model/selector.js';
import type { DiffContext, Place } from '../rule.js';
import { claimedByDefaultDeny } from './default-deny.js';
import { describePeer, describeRule } from './describe.js';
import { admitsEverything, baselineRules, isolatingPolicies, relabelledWithItsPods, type BaseRule } from './isolation.js';
import {
  NAMESPACE_NAME_LABEL, addressesOf, coversEveryPort, peersAdmit, podPeerWithin, portSpecWithin, portsNotWithin, type Scope,
} from './peers.js';
import { resolveNamedPorts } from './named-ports.js';
import { changedPolicies, scopeOf } from './policies.js';

/**
 * What a changed or added head policy admits that the base did not, one entry per regression, each classified
 * once so that exactly one rule reports it. A head rule is judged against everything the base admitted for the
 * same pods and direction (not against the rule at the same index), so reordering rules, peers or ports, or
 * moving a grant from one policy to another, is no change.
 */
interface Common {
  /** The head policy. */
  policy: NetworkPolicyModel;
  direction: Direction;
  /** The head rule. */
  rule: PolicyRule;
  /** The base policies that isolated these pods in this direction (never empty: otherwise nothing opened). */
  isolatedBy: NetworkPolicyModel[];
  /** The base rule, peer or port the change replaced, when one is identifiable. */
  replaced?: BaseRef;
}

export interface BaseRef {
  policy: NetworkPolicyModel;
  rule: PolicyRule;
  peer?: Peer;
  port?: PortSpec;
}

type Detail =
  | { kind: 'allow-all' }
  | { kind: 'peers-emptied' }
  /** Peers that were admitted on some ports only and now on every port. */
  | { kind: 'ports-emptied'; peers: Peer[]; before: PortSpec[] }
  | { kind: 'port-range-widened'; port: PortSpec }
  | { kind: 'ipblock-widened'; peer: IpBlockPeer; added: IpSet }
  | { kind: 'all-namespaces'; peer: PodPeer }
  /** `peer` and `other` are the two halves of the base AND peer `replaced.peer`. */
  | { kind: 'peer-split'; peer: PodPeer; other: PodPeer }
  | { kind: 'selector-broadened'; peer: PodPeer }
  | { kind: 'mutable-namespace-label'; peer: PodPeer; keys: string[] };

export type Widening = Common & Detail;

export type WideningKind = Widening['kind'];

const cache = new WeakMap<Model, { base: Model; widenings: Widening[] }>();

export function widenings(context: Pick<DiffContext, 'base' | 'head' | 'changed'>): Widening[] {
  const cached = cache.get(context.head);
  if (cached && cached.base === context.base) return cached.widenings;
  const found: Widening[] = [];
  for (const { before, after } of changedPolicies(context.changed)) {
    if (after) found.push(...policyWidenings(context, after, before));
  }
  cache.set(context.head, { base: context.base, widenings: found });
  return found;
}

/** The widenings of one kind, for the rule that reports them. */
export function wideningsOf<K extends WideningKind>(context: Pick<DiffContext, 'base' | 'head' | 'changed'>, kind: K): Extract<Widening, { kind: K }>[] {
  return widenings(context).filter((w): w is Extract<Widening, { kind: K }> => w.kind === kind);
}

function policyWidenings(context: Pick<DiffContext, 'base' | 'head' | 'changed'>, policy: NetworkPolicyModel, before: NetworkPolicyModel | undefined): Widening[] {
  const { base, head } = context;
  const namespace = policy.resource.namespace;
  const out: Widening[] = [];
  // Pods relabelled with the policy's selector are the same pods: judged against what the policy admitted them before.
  const relabelled = before && relabelledWithItsPods(base, head, before, policy) ? before : undefined;
  for (const direction of DIRECTIONS) {
    // Rules of a direction the policy does not isolate are ignored by Kubernetes.
    if (!policy.isolates[direction]) continue;
    const own = relabelled?.isolates[direction] ? relabelled : undefined;
    const isolatedBy = [...(own ? [own] : []), ...isolatingPolicies(base, namespace, policy.podSelector, direction).filter((p) => p !== own)];
    if (isolatedBy.length === 0) continue; // the pods were open in base: no allow rule can open more
    // Named ports are compared by the number the selected pods give them, on each side.
    const baseline = [
      ...(own ? own.rules[direction].map((rule) => ({ policy: own, rule: resolveNamedPorts(rule, base, namespace, own.podSelector) })) : []),
      ...baselineRules(base, namespace, policy.podSelector, direction, policy.resource.key).filter((b) => b.policy !== own)
        .map((b) => ({ policy: b.policy, rule: resolveNamedPorts(b.rule, base, namespace, policy.podSelector) })),
    ];
    if (admitsEverything(baseline)) continue;
    const judge = new RuleJudge({
      policy, direction, isolatedBy, baseline, scope: scopeOf(base, head, namespace), out,
      before,
      allowAllClaimed: claimedByDefaultDeny(context, policy.resource.key, direction),
    });
    for (const rule of policy.rules[direction]) judge.judge(resolveNamedPorts(rule, head, namespace, policy.podSelector));
  }
  return out;
}

interface JudgeInput {
  policy: NetworkPolicyModel;
  direction: Direction;
  isolatedBy: NetworkPolicyModel[];
  baseline: BaseRule[];
  scope: Scope;
  out: Widening[];
  /** The same policy before the change. */
  before?: NetworkPolicyModel;
  /** netpol-default-deny-removed already reports an allow-all rule added to this (default deny) policy. */
  allowAllClaimed: boolean;
}

class RuleJudge {
  constructor(private readonly input: JudgeInput) {}

  private push(rule: PolicyRule, detail: Detail & { replaced?: BaseRef }): void {
    const { policy, direction, isolatedBy } = this.input;
    this.input.out.push({ policy, direction, rule, isolatedBy, ...detail });
  }

  judge(rule: PolicyRule): void {
    if (rule.peers === 'all') this.judgeEveryPeer(rule);
    else this.judgePeers(rule, rule.peers);
  }

  /** `from`/`to` empty or absent: compared with the base rules that also admitted every peer. */
  private judgeEveryPeer(rule: PolicyRule): void {
    const everyPeer = this.input.baseline.filter((b) => b.rule.peers === 'all');
    const extra = portsNotWithin(rule.ports, everyPeer.map((b) => b.rule.ports));
    if (extra !== 'all' && extra.length === 0) return;
    if (rule.ports === 'all' || coversEveryPort(rule.ports)) {
      if (!this.input.allowAllClaimed) this.push(rule, { kind: 'allow-all', replaced: this.counterpart() });
    } else if (everyPeer.length === 0) {
      this.push(rule, { kind: 'peers-emptied', replaced: this.counterpart(rule.ports) });
    } else {
      for (const port of extra === 'all' ? [] : extra) this.push(rule, { kind: 'port-range-widened', port, replaced: portRef(everyPeer, port) });
    }
  }

  private judgePeers(rule: PolicyRule, peers: Peer[]): void {
    const { baseline, scope } = this.input;
    const allPortPeers: Peer[] = [];
    const allPortBefore: PortSpec[] = [];
    let allPortRef: BaseRef | undefined;
    const widenedPorts = new Map<PortSpec, BaseRef | undefined>();
    for (const peer of peers) {
      if (peer.type === 'ipBlock') this.judgeIpBlock(rule, peer);
      else if (!baseline.some((b) => peersAdmit(b.rule.peers, peer, scope))) this.judgePodPeer(rule, peer, peers);
      const { extra, rules } = peer.type === 'ipBlock' ? this.ipBlockPortGain(rule.ports, peer) : this.podPortGain(rule.ports, peer);
      if (extra === 'all') {
        allPortPeers.push(peer);
        for (const b of rules) if (b.rule.ports !== 'all') allPortBefore.push(...b.rule.ports);
        allPortRef ??= rules[0] && { policy: rules[0].policy, rule: rules[0].rule };
      } else {
        for (const port of extra) if (!widenedPorts.has(port)) widenedPorts.set(port, portRef(rules, port));
      }
    }
    if (allPortPeers.length > 0) this.push(rule, { kind: 'ports-emptied', peers: allPortPeers, before: allPortBefore, replaced: allPortRef });
    for (const [port, replaced] of widenedPorts) this.push(rule, { kind: 'port-range-widened', port, replaced });
  }

  /**
   * The ports on which pods the base already admitted (all of `peer`, or base peers inside it) are newly
   * admitted. Each such source keeps the union of the ports of the base rules that admit all of it; a rule that
   * only overlaps it says nothing about the rest of it. A wholly new source gains no "ports": it is a new grant.
   */
  private podPortGain(ports: PortSpec[] | 'all', peer: PodPeer): PortGain {
    const { baseline, scope } = this.input;
    const old: PodPeer[] = [peer, ...baseline.flatMap((b) => (b.rule.peers === 'all' ? [] : b.rule.peers))
      .filter((q): q is PodPeer => q.type === 'pods' && podPeerWithin(q, peer, scope))];
    const gain: PortGain = { extra: [], rules: [] };
    for (const source of old) {
      const rules = baseline.filter((b) => peersAdmit(b.rule.peers, source, scope));
      if (rules.length > 0) addGain(gain, portsNotWithin(ports, rules.map((b) => b.rule.ports)), rules);
    }
    return gain;
  }

  /** The same for addresses: the ports on which addresses the base admitted on other ports are now admitted. */
  private ipBlockPortGain(ports: PortSpec[] | 'all', peer: IpBlockPeer): PortGain {
    const { baseline } = this.input;
    const addressesOfRules = (rules: BaseRule[]) => rules.reduce((set, b) => set.union(addressesOf(b.rule.peers)), addressesOf([]));
    const old = peer.addresses.intersect(addressesOfRules(baseline));
    const rules = baseline.filter((b) => !addressesOf(b.rule.peers).intersect(old).isEmpty());
    const gain: PortGain = { extra: [], rules };
    if (old.isEmpty()) return gain;
    const admittedOn = (port: PortSpec | 'all') =>
      addressesOfRules(rules.filter((b) => portsNotWithin(port === 'all' ? 'all' : [port], [b.rule.ports]).length === 0));
    if (ports === 'all') {
      if (!old.isSubsetOf(admittedOn('all'))) gain.extra = 'all';
    } else {
      gain.extra = ports.filter((port) => !old.isSubsetOf(admittedOn(port)));
    }
    return gain;
  }

  private judgeIpBlock(rule: PolicyRule, peer: IpBlockPeer): void {
    const before = this.input.baseline.reduce((set, b) => set.union(addressesOf(b.rule.peers)), addressesOf([]));
    const added = peer.addresses.subtract(before);
    if (added.isEmpty()) return;
    // The base block it replaced: one that overlaps it, else any block of the base (same policy first).
    const blocks = this.input.baseline.flatMap((b) => (b.rule.peers === 'all' ? [] : b.rule.peers
      .filter((q): q is IpBlockPeer => q.type === 'ipBlock')
      .map((q) => ({ policy: b.policy, rule: b.rule, peer: q }))));
    const replaced = blocks.find((ref) => !ref.peer.addresses.intersect(peer.addresses).isEmpty()) ?? blocks[0];
    this.push(rule, { kind: 'ipblock-widened', peer, added, replaced });
  }

  /** A pod peer the base did not fully admit: a split AND, every namespace, a broadened selector, or a new grant. */
  private judgePodPeer(rule: PolicyRule, peer: PodPeer, peers: Peer[]): void {
    const { baseline, scope } = this.input;
    const basePeers = baseline.flatMap((b) => (b.rule.peers === 'all' ? [] : b.rule.peers
      .filter((q): q is PodPeer => q.type === 'pods')
      .map((q): BaseRef & { peer: PodPeer } => ({ policy: b.policy, rule: b.rule, peer: q }))));
    this.judgeMutableLabel(rule, peer, basePeers);
    for (const ref of basePeers) {
      const halves = splitHalves(ref.peer, peers);
      if (!halves || (peer !== halves[0] && peer !== halves[1])) continue;
      // Report a split once, on whichever half comes first.
      if (this.input.out.some((w) => w.kind === 'peer-split' && w.rule === rule && w.replaced?.peer === ref.peer)) return;
      this.push(rule, { kind: 'peer-split', peer, other: peer === halves[0] ? halves[1] : halves[0], replaced: ref });
      return;
    }
    const narrower = basePeers.find((ref) => podPeerWithin(ref.peer, peer, scope));
    const everyNamespace = (p: PodPeer) => p.namespaces !== 'own' && selectsEverything(p.namespaces);
    if (everyNamespace(peer) && !(narrower && everyNamespace(narrower.peer))) {
      this.push(rule, { kind: 'all-namespaces', peer, replaced: narrower });
    } else if (narrower) {
      this.push(rule, { kind: 'selector-broadened', peer, replaced: narrower });
    }
  }

  /** A namespaceSelector on a label the base did not select namespaces by, other than the immutable name label. */
  private judgeMutableLabel(rule: PolicyRule, peer: PodPeer, basePeers: (BaseRef & { peer: PodPeer })[]): void {
    if (peer.namespaces === 'own') return;
    const known = new Set(basePeers.flatMap((ref) => (ref.peer.namespaces === 'own' ? [] : [...ref.peer.namespaces.constraints.keys()])));
    const keys = [...peer.namespaces.constraints.keys()].filter((k) => k !== NAMESPACE_NAME_LABEL && !known.has(k)).sort();
    if (keys.length > 0) this.push(rule, { kind: 'mutable-namespace-label', peer, keys });
  }

  /** The rule of the same policy before the change that the head no longer has, preferring one on the same ports. */
  private counterpart(ports?: PortSpec[]): BaseRef | undefined {
    const { policy, direction, before } = this.input;
    if (!before) return undefined;
    const namespace = policy.resource.namespace;
    const current = new Set(policy.rules[direction].map((r) => signature(r, namespace)));
    const gone = before.rules[direction].filter((r) => !current.has(signature(r, namespace)));
    const match = (ports && gone.find((r) => r.ports !== 'all' && ports.every((p) => portSpecWithin(p, r.ports as PortSpec[])))) ?? gone[0];
    return match ? { policy: before, rule: match } : undefined;
  }
}

interface PortGain {
  extra: PortSpec[] | 'all';
  /** The base rules that admitted the old sources. */
  rules: BaseRule[];
}

function addGain(gain: PortGain, extra: PortSpec[] | 'all', rules: BaseRule[]): void {
  if (gain.extra === 'all') return;
  if (extra === 'all') {
    gain.extra = 'all';
    gain.rules = rules;
  } else if (extra.length > 0) {
    gain.extra = [...new Set([...gain.extra, ...extra])];
    if (gain.rules.length === 0) gain.rules = rules;
  }
}

/** The two separate peers (namespaces only; pods in the own namespace) that an AND peer was split into. */
function splitHalves(combined: PodPeer, peers: Peer[]): [PodPeer, PodPeer] | undefined {
  if (!combined.combined || combined.namespaces === 'own') return undefined;
  const namespaces = combined.namespaces;
  const pods = peers.filter((p): p is PodPeer => p.type === 'pods');
  const nsHalf = pods.find((p) => p.namespaces !== 'own' && selectsEverything(p.pods) && compareSelectors(p.namespaces, namespaces) === 'equal');
  const podHalf = pods.find((p) => p.namespaces === 'own' && compareSelectors(p.pods, combined.pods) === 'equal');
  return nsHalf && podHalf ? [nsHalf, podHalf] : undefined;
}

/** The base port a widened head port replaced: one of the same protocol in the related base rules. */
function portRef(related: BaseRule[], port: PortSpec): BaseRef | undefined {
  for (const b of related) {
    const same = b.rule.ports === 'all' ? undefined : b.rule.ports.find((p) => p.protocol === port.protocol);
    if (same) return { policy: b.policy, rule: b.rule, port: same };
  }
  return related[0] ? { policy: related[0].policy, rule: related[0].rule } : undefined;
}

/** A rule's meaning as text, order-free, to tell which base rules the head still has. */
function signature(rule: PolicyRule, namespace: string): string {
  const peers = rule.peers === 'all' ? ['*'] : rule.peers.map((p) => describePeer(p, namespace)).sort();
  const ports = rule.ports === 'all' ? ['*'] : rule.ports.map((p) => `${p.protocol}/${p.port ?? '*'}-${p.endPort ?? ''}`).sort();
  return `${peers.join('|')} ${ports.join('|')}`;
}

/** The related place in base for a finding: the replaced peer, port or rule. */
export function replacedPlace(ref: BaseRef | undefined, message: string): (Place & { message: string })[] {
  if (!ref) return [];
  const path = ref.peer?.path ?? ref.port?.path ?? ref.rule.path;
  return [{ resource: ref.policy.resource, path, side: 'base', message }];
}

/** Text for the replaced base rule or peer, for messages. */
export function describeReplaced(ref: BaseRef | undefined): string | undefined {
  if (!ref) return undefined;
  const namespace = ref.policy.resource.namespace;
  return ref.peer ? describePeer(ref.peer, namespace) : describeRule(ref.rule, namespace);
}

import { clusterPoliciesOf, clusterPolicyList, hasClusterPolicies, type AdminAction, type AdminPodPeer, type AdminRule, type ClusterPolicies, type ClusterPolicyModel } from '../model/admin-network-policy.js';
import type { IpRange, IpSet } from '../model/ip-set.js';
import { LabelIndex } from '../model/label-index.js';
import type { Model } from '../model/load.js';
import type { Direction, NetworkPolicyModel, Peer, PodPeer, PolicyRule } from '../model/network-policy.js';
import { policyIndexOf, type PolicyIndex } from '../model/policy-index.js';
import { memoWhileSame } from '../model/memo.js';
import { ABSENT, matches, type LabelSelector } from '../model/selector.js';
import {
  adminRuleConnections, baselineAllows, clusterPolicyWarnings, decide, hasNamedPort, networksPeerAt, ruleVerdict, tiered, UNDECIDED, type AdminRuleRef, type Verdict,
} from './admin-tiers.js';
import { DenyRules, denyRulesOf, enforcedPolicies } from './cilium.js';
import { ConnectionSet } from './connection-set.js';
import { ALL_IPV4, disjointBlocks, overlay, paintedAt, rangeName, unionSpans, type IpSpan, type Painted } from './ip-blocks.js';
import { podKey } from './pod-key.js';
import { buildTopology, NAMESPACE_NAME_LABEL, serviceNamed, serviceSelects, workloadsIn, type ContainerPort, type Entry, type Service, type ServicePort, type Topology, type Workload } from './topology.js';

/**
 * Who may connect to whom under NetworkPolicy semantics, with the AdminNetworkPolicy and BaselineAdminNetworkPolicy
 * tiers around them when a side has any (admin-tiers.ts). Workloads are grouped into classes of equal
 * (namespace, pod labels, ports) first: policies cannot tell two pods of one class apart, so every answer is
 * computed once per pair of classes and cost grows with distinct label sets, not pods.
 */
export const INGRESS_CONTROLLER = '{ingress-controller}';
export const INGRESS_CONTROLLER_NAMESPACE = 'ingress-controller-ns';

const connectivities = new WeakMap<Model, Connectivity>();

export interface PodClass {
  index: number;
  namespace: string;
  nsLabels: Readonly<Record<string, string>>;
  labels: Readonly<Record<string, string>>;
  ports: readonly ContainerPort[];
}

/** One side of a connection: pods of a class, or an external address block. */
export type Endpoint = { type: 'pods'; cls: PodClass } | { type: 'ip'; range: IpRange };

export type PeerRef =
  | { type: 'workload'; name: string; workload: Workload }
  | { type: 'ip'; name: string; range: IpRange }
  | { type: 'ingress-controller'; name: string };

export interface Connection {
  src: PeerRef;
  dst: PeerRef;
  conns: ConnectionSet;
}

/** A NetworkPolicy rule (and the peer in it) that admits a connection in one direction. */
export interface NetworkPolicyAdmission {
  layer: 'network';
  policy: NetworkPolicyModel;
  rule: PolicyRule;
  /** The peer of the rule that matched; undefined when the rule has no `from`/`to` (every peer). */
  peerIndex?: number;
  conns: ConnectionSet;
}

/** An ANP (`admin`) or BANP (`baseline`) rule that decided ports of a connection in one direction: the first to match them. */
export interface AdminDecision extends AdminRuleRef {
  layer: 'admin' | 'baseline';
  action: AdminAction;
  /** The peer of the rule that matched. */
  peerIndex: number;
  /** The ports it decided (those no earlier rule had). */
  conns: ConnectionSet;
}

/** A rule that admits (part of) a connection in one direction: a NetworkPolicy rule, or an ANP/BANP Allow rule. */
export type Admission = NetworkPolicyAdmission | AdminDecision;

/** The ANP rules (by priority, then rule order) and the BANP rules that apply to a class in one direction. */
interface AdminRules {
  admin: AdminRuleRef[];
  baseline: AdminRuleRef[];
}

/** A pod selection (a NetworkPolicy peer, or an ANP/BANP peer), with a text key equal for equal selections. */
interface Selection {
  key: string;
  /** The policy's own namespace, for a NetworkPolicy peer without namespaceSelector. */
  ownNamespace?: string;
  namespaces?: LabelSelector;
  pods: LabelSelector;
}

const NO_CLUSTER_POLICIES: ClusterPolicies = { admin: [] };

/** The TCP ports an Ingress or Route sends to a workload, and which entries do. */
export interface Exposure {
  conns: ConnectionSet;
  entries: { entry: Entry; conns: ConnectionSet }[];
}

export class Connectivity {
  readonly topology: Topology;
  /** Read by namespace, so only the namespaces an answer needs have their policies built. */
  readonly policies: PolicyIndex;
  readonly classes: PodClass[] = [];
  private readonly classByWorkload = new Map<string, PodClass>();
  readonly ingressController: PodClass;
  /** Source blocks (split by ingress ipBlocks) and destination blocks (split by egress ipBlocks): np-guard's
   * external peers, built on first use (the change analysis compares spans and never needs them). */
  private readonly blocks: Partial<Record<Direction, IpRange[]>> = {};
  /** Isolating policies per class and direction. */
  private readonly selecting: Record<Direction, NetworkPolicyModel[][]> = { ingress: [], egress: [] };
  /** By peerKey: policies repeat the same peer (`podSelector: {tier: db}`) many times. */
  private readonly peerMatch = new Map<string, Map<number, boolean>>();
  private readonly rows: Record<Direction, (Row | undefined)[]> = { ingress: [], egress: [] };
  private readonly spans: Record<Direction, (IpSpan[] | undefined)[]> = { ingress: [], egress: [] };
  private readonly candidateCache = new Map<string, number[]>();
  /** Classes by namespace and by `key=value` label: the candidates of a selector, before checking it. */
  private readonly classesByNamespace = new Map<string, number[]>();
  private readonly classesByLabel = new LabelIndex();
  private exposureCache: Map<string, Exposure> | undefined;
  /** The ANPs (by priority) and the BANP of this side. */
  readonly clusterPolicies: ClusterPolicies;
  private readonly hasAdmin: boolean;
  /** Per class and direction; null: no ANP or BANP rule has a say (the NetworkPolicy-only paths). */
  private readonly adminRules: Record<Direction, (AdminRules | null | undefined)[]> = { ingress: [], egress: [] };
  private readonly adminRuleClasses = new Map<AdminRule, readonly number[] | 'all'>();
  private readonly adminRuleClassSets = new Map<AdminRule, ReadonlySet<number>>();
  /** Cilium deny rules, which take away from every allow in the NetworkPolicy tier (none without Cilium policies). */
  readonly deny: DenyRules;

  constructor(topology: Topology, policies: PolicyIndex, clusterPolicies: ClusterPolicies = NO_CLUSTER_POLICIES) {
    this.topology = topology;
    this.policies = policies;
    this.clusterPolicies = clusterPolicies;
    this.hasAdmin = hasClusterPolicies(clusterPolicies);
    this.deny = new DenyRules(policies, this.classes);
    const byKey = new Map<string, PodClass>();
    for (const w of topology.workloads) {
      const key = classKey(w.namespace, w.labels, w.ports);
      let cls = byKey.get(key);
      if (!cls) {
        cls = this.addClass(w.namespace, w.labels, w.ports);
        byKey.set(key, cls);
      }
      this.classByWorkload.set(w.id, cls);
    }
    this.ingressController = this.addClass(INGRESS_CONTROLLER_NAMESPACE, {}, []);
    for (const cls of this.classes) {
      pushTo(this.classesByNamespace, cls.namespace, cls.index);
      for (const key in cls.labels) this.classesByLabel.add(key, cls.labels[key], cls.index);
    }
  }

  private addClass(namespace: string, labels: Readonly<Record<string, string>>, ports: readonly ContainerPort[]): PodClass {
    const nsLabels = this.topology.namespaces.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace };
    const cls: PodClass = { index: this.classes.length, namespace, nsLabels, labels, ports };
    this.classes.push(cls);
    return cls;
  }

  externalBlocks(direction: Direction): IpRange[] {
    let blocks = this.blocks[direction];
    if (!blocks) {
      const sets: IpSet[] = [];
      for (const policy of this.policies.all()) {
        for (const rule of [...policy.rules[direction], ...denyRulesOf(policy, direction)]) {
          if (rule.peers === 'all') continue;
          for (const peer of rule.peers) if (peer.type === 'ipBlock') sets.push(peer.addresses);
        }
      }
      // np-guard splits the destinations at the ANP and BANP `networks` too.
      for (const policy of clusterPolicyList(this.clusterPolicies)) {
        for (const rule of policy.rules[direction]) for (const peer of rule.peers) if (peer.type === 'networks') sets.push(peer.addresses);
      }
      this.blocks[direction] = blocks = disjointBlocks(sets);
    }
    return blocks;
  }

  static fromModel(model: Model): Connectivity {
    return new Connectivity(buildTopology(model), policyIndexOf(model), clusterPoliciesOf(model));
  }

  /** The connectivity of a model, built once for the rules that read one tree (audit, tiers). */
  static of(model: Model): Connectivity {
    let connectivity = connectivities.get(model);
    if (!connectivity) connectivities.set(model, (connectivity = Connectivity.fromModel(model)));
    return connectivity;
  }

  /** What np-guard warns about in the ANPs and the BANP (same priorities, peers that are not modelled). */
  warnings(): string[] {
    return clusterPolicyWarnings(clusterPolicyList(this.clusterPolicies));
  }

  /**
   * The ANP and BANP rules that apply to a class in one direction; undefined when none has a say: no ANP selects
   * it, and no BANP does or a NetworkPolicy isolates it (the BANP only decides for pods no NetworkPolicy selects).
   */
  private adminRulesFor(direction: Direction, cls: PodClass): AdminRules | undefined {
    if (!this.hasAdmin) return undefined;
    let rules = this.adminRules[direction][cls.index];
    if (rules === undefined) {
      // The ingress controller stands for traffic from outside the cluster's pods: no ANP has it as a subject.
      const subject = (policy: ClusterPolicyModel) => cls !== this.ingressController &&
        matches(policy.subject.namespaces, cls.nsLabels) && matches(policy.subject.pods, cls.labels);
      const refs = (policy: ClusterPolicyModel) => policy.rules[direction].map((rule) => ({ policy, rule }));
      const admin = this.clusterPolicies.admin.filter(subject).flatMap(refs);
      const { baseline: banp } = this.clusterPolicies;
      const baseline = banp && subject(banp) && !this.isolated(cls, direction) ? refs(banp) : [];
      rules = admin.length + baseline.length > 0 ? { admin, baseline } : null;
      this.adminRules[direction][cls.index] = rules;
    }
    return rules ?? undefined;
  }

  /** Whether the ingress of `cls` admits something from every class of pods (its row lists none it closes to). */
  admitsEveryPod(cls: PodClass): boolean {
    const row = this.row('ingress', cls);
    if (row.everyone.isEmpty()) return false;
    for (const conns of row.listed.values()) if (conns.isEmpty()) return false;
    return true;
  }

  /** The cluster-wide policies whose subject selects the class, with rules in the direction (for the change's scope). */
  clusterPoliciesSelecting(cls: PodClass, direction: Direction): ClusterPolicyModel[] {
    const rules = this.adminRulesFor(direction, cls);
    return rules ? [...new Set([...rules.admin, ...rules.baseline].map((r) => r.policy))] : [];
  }

  classOf(workload: Workload): PodClass {
    const cls = this.classByWorkload.get(workload.id);
    if (!cls) throw new Error(`${workload.id} is not a workload of this topology`);
    return cls;
  }

  /** Whether some policy isolates the class in the direction. */
  isolated(cls: PodClass, direction: Direction): boolean {
    return this.selectingPolicies(cls, direction).length > 0;
  }

  selectingPolicies(cls: PodClass, direction: Direction): NetworkPolicyModel[] {
    let list = this.selecting[direction][cls.index];
    if (!list) {
      list = enforcedPolicies(this.policies.selecting(cls.namespace, cls.labels, cls.nsLabels), direction);
      this.selecting[direction][cls.index] = list;
    }
    return list;
  }

  /** Allowed connections from `src` to `dst`: the source's egress AND the destination's ingress. */
  allowed(src: Endpoint, dst: Endpoint): ConnectionSet {
    if (src.type === 'pods' && dst.type === 'pods') {
      const ingress = this.rowValue('ingress', dst.cls, src.cls.index, dst.cls);
      return ingress.isEmpty() ? ingress : this.rowValue('egress', src.cls, dst.cls.index, dst.cls).intersect(ingress);
    }
    if (src.type === 'pods') return this.direction('egress', src.cls, dst, dst);
    if (dst.type === 'pods') return this.direction('ingress', dst.cls, src, dst);
    return ConnectionSet.ALL;
  }

  /**
   * What `self`'s policies allow in one direction towards/from `other`; named ports are resolved on `dst`.
   * With `admissions`, also collects every rule that admits something (for attribution).
   */
  direction(direction: Direction, self: PodClass, other: Endpoint, dst: Endpoint, admissions?: Admission[]): ConnectionSet {
    const rules = this.adminRulesFor(direction, self);
    if (!rules) return this.networkPolicyDirection(direction, self, other, dst, admissions);
    const decisions: AdminDecision[] | undefined = admissions ? [] : undefined;
    const admin = this.verdict('admin', rules.admin, other, dst, decisions);
    let lower: ConnectionSet;
    let lowerAdmissions: Admission[] | undefined;
    if (this.isolated(self, direction)) {
      lowerAdmissions = admissions ? [] : undefined;
      lower = this.networkPolicyDirection(direction, self, other, dst, lowerAdmissions);
    } else {
      // Cilium deny rules belong to the NetworkPolicy tier: below the ANPs, above the BANP.
      lower = baselineAllows(this.verdict('baseline', rules.baseline, other, dst, decisions)).subtract(this.deny.denied(direction, self, other, dst));
    }
    const allowed = tiered(admin, lower);
    if (admissions) {
      // What each rule admits of the final answer: the ANPs' Allow as decided; the lower tiers only what the ANPs left open.
      const open = allowed.subtract(admin.allow);
      for (const d of decisions ?? []) {
        if (d.action !== 'Allow') continue;
        const conns = d.layer === 'admin' ? d.conns : d.conns.intersect(open);
        if (!conns.isEmpty()) admissions.push({ ...d, conns });
      }
      for (const a of lowerAdmissions ?? []) {
        const conns = a.conns.intersect(open);
        if (!conns.isEmpty()) admissions.push({ ...a, conns });
      }
    }
    return allowed;
  }

  /**
   * Every ANP and BANP rule that decided ports between `self` and `other` in one direction, Deny and Pass included
   * (to attribute a connection that a Deny no longer closes).
   */
  adminDecisions(direction: Direction, self: PodClass, other: Endpoint, dst: Endpoint): AdminDecision[] {
    const rules = this.adminRulesFor(direction, self);
    const decisions: AdminDecision[] = [];
    if (!rules) return decisions;
    this.verdict('admin', rules.admin, other, dst, decisions);
    if (!this.isolated(self, direction)) this.verdict('baseline', rules.baseline, other, dst, decisions);
    return decisions;
  }

  /** The rules of one tier, in order, towards/from `other`: each port decided by the first rule that matches it. */
  private verdict(layer: AdminDecision['layer'], refs: readonly AdminRuleRef[], other: Endpoint, dst: Endpoint, decisions?: AdminDecision[]): Verdict {
    let verdict = UNDECIDED;
    const dstPorts = dst.type === 'pods' ? dst.cls.ports : undefined;
    for (const ref of refs) {
      const peerIndex = this.adminPeerMatch(ref.rule, other);
      if (peerIndex === undefined) continue;
      const step = decide(verdict, ref.rule.action, adminRuleConnections(ref.rule, dstPorts));
      verdict = step.verdict;
      if (decisions && !step.decided.isEmpty()) decisions.push({ layer, ...ref, peerIndex, action: ref.rule.action, conns: step.decided });
      if (verdict.decided.isAll()) break;
    }
    return verdict;
  }

  /** The first peer of an ANP/BANP rule that matches `other`, or undefined. */
  private adminPeerMatch(rule: AdminRule, other: Endpoint): number | undefined {
    if (other.type === 'ip') return networksPeerAt(rule.peers, other.range);
    for (let i = 0; i < rule.peers.length; i++) {
      const peer = rule.peers[i];
      if (peer.type === 'pods' && this.selectionMatches(adminSelection(peer), other.cls)) return i;
    }
    return undefined;
  }

  private networkPolicyDirection(direction: Direction, self: PodClass, other: Endpoint, dst: Endpoint, admissions?: Admission[]): ConnectionSet {
    const policies = this.selectingPolicies(self, direction);
    const denied = this.deny.denied(direction, self, other, dst);
    if (policies.length === 0) return denied.isEmpty() ? ConnectionSet.ALL : ConnectionSet.ALL.subtract(denied);
    let result = ConnectionSet.NONE;
    for (const policy of policies) {
      for (const rule of policy.rules[direction]) {
        const peerIndex = this.matchingPeer(policy, rule, other);
        if (peerIndex === undefined) continue;
        const conns = denied.isEmpty() ? ruleConnections(rule, dst) : ruleConnections(rule, dst).subtract(denied);
        if (conns.isEmpty()) continue;
        result = result.union(conns);
        admissions?.push({ layer: 'network', policy, rule, ...(peerIndex >= 0 ? { peerIndex } : {}), conns });
        if (!admissions && result.isAll()) return result;
      }
    }
    return result;
  }

  /**
   * The external addresses `self` exchanges connections with in one direction (ingress: as sources, egress: as
   * destinations), as disjoint IPv4 spans of equal connections, ascending. Built from the rules' own ipBlocks, so
   * its cost does not grow with the number of blocks every policy together splits the address space into.
   */
  ipSpans(direction: Direction, self: PodClass): IpSpan[] {
    const cached = this.spans[direction][self.index];
    if (cached) return cached;
    // ANP and BANP ingress peers are pods only: from an address, the NetworkPolicies (or nothing) decide alone.
    const rules = direction === 'egress' ? this.adminRulesFor(direction, self) : undefined;
    const spans = rules ? this.adminEgressSpans(self, rules) : this.networkPolicySpans(direction, self);
    this.spans[direction][self.index] = spans;
    return spans;
  }

  /**
   * The external destinations of a class that ANP or BANP rules apply to: the address space cut at every `networks`
   * CIDR of its rules and every edge of its NetworkPolicy spans, each piece evaluated through the tiers.
   */
  private adminEgressSpans(self: PodClass, rules: AdminRules): IpSpan[] {
    const isolated = this.isolated(self, 'egress');
    // Isolated: the NetworkPolicy tier's spans; otherwise only its Cilium deny rules, above the BANP.
    const lowerSpans = isolated ? this.networkPolicySpans('egress', self) : this.deny.withoutDenied('egress', self, [{ range: ALL_IPV4, conns: ConnectionSet.ALL }]);
    const cuts = new Set<bigint>([ALL_IPV4.start, ALL_IPV4.end + 1n]);
    const cut = (range: IpRange) => {
      if (range.family !== 'ipv4') return;
      cuts.add(range.start);
      cuts.add(range.end + 1n);
    };
    for (const span of lowerSpans) cut(span.range);
    for (const { rule } of [...rules.admin, ...rules.baseline]) {
      for (const peer of rule.peers) if (peer.type === 'networks') peer.addresses.ranges.forEach(cut);
    }
    const edges = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const dst: Endpoint = { type: 'ip', range: ALL_IPV4 };
    const pieces: IpSpan[] = [];
    let next = 0;
    for (let i = 0; i + 1 < edges.length; i++) {
      const range: IpRange = { family: 'ipv4', start: edges[i], end: edges[i + 1] - 1n };
      const at: Endpoint = { type: 'ip', range };
      while (next < lowerSpans.length && lowerSpans[next].range.end < range.start) next++;
      let lower = next < lowerSpans.length && lowerSpans[next].range.start <= range.start ? lowerSpans[next].conns : ConnectionSet.NONE;
      if (!isolated) lower = lower.intersect(baselineAllows(this.verdict('baseline', rules.baseline, at, dst)));
      pieces.push({ range, conns: tiered(this.verdict('admin', rules.admin, at, dst), lower) });
    }
    return unionSpans(pieces);
  }

  private networkPolicySpans(direction: Direction, self: PodClass): IpSpan[] {
    const policies = this.selectingPolicies(self, direction);
    const pieces: IpSpan[] = policies.length === 0 ? [{ range: ALL_IPV4, conns: ConnectionSet.ALL }] : [];
    // Named ports resolve on the destination: the pods for ingress, nothing at an external address.
    const dst: Endpoint = direction === 'ingress' ? { type: 'pods', cls: self } : { type: 'ip', range: ALL_IPV4 };
    for (const policy of policies) {
      for (const rule of policy.rules[direction]) {
        const conns = ruleConnections(rule, dst);
        if (conns.isEmpty()) continue;
        if (rule.peers === 'all') {
          pieces.push({ range: ALL_IPV4, conns });
          continue;
        }
        for (const peer of rule.peers) {
          if (peer.type === 'ipBlock') for (const range of peer.addresses.ranges) pieces.push({ range, conns });
        }
      }
    }
    return this.deny.withoutDenied(direction, self, unionSpans(pieces));
  }

  /** What `self` allows in `direction` with the pods of class `peer` (`dst` resolves named ports). */
  private rowValue(direction: Direction, self: PodClass, peer: number, dst: PodClass): ConnectionSet {
    if (this.deny.rulesFor(direction, self).length > 0) {
      // Cilium deny rules sit in the NetworkPolicy tier: under ANP rules they are weighed pair by pair.
      if (this.adminRulesFor(direction, self)) return this.direction(direction, self, { type: 'pods', cls: this.classes[peer] }, { type: 'pods', cls: dst });
      const row = this.row(direction, self);
      return (row.listed.get(peer) ?? everyoneTo(row, dst)).subtract(this.deny.deniedPods(direction, self, peer, dst));
    }
    const row = this.row(direction, self);
    return row.listed.get(peer) ?? everyoneTo(row, dst);
  }

  /**
   * A class's pod-to-pod connections in one direction, built once: what every pod gets, and the (few) peer
   * classes that some rule lists, found through the label index instead of testing every class.
   */
  private row(direction: Direction, self: PodClass): Row {
    const cached = this.rows[direction][self.index];
    if (cached) return cached;
    const rules = this.adminRulesFor(direction, self);
    const row = rules ? this.adminRow(direction, self, rules) : this.networkPolicyRow(direction, self);
    this.rows[direction][self.index] = row;
    return row;
  }

  /**
   * The row of a class that ANP or BANP rules apply to. Listed: every class a rule's pod peer selects (unless it
   * selects every class) and every class the NetworkPolicy row lists, when its answer differs from `everyone`, the
   * answer for a class only the rules that select every class match. Every class is tried when an answer depends on
   * the destination's named ports. Classes matched by the same rules, with the same answer below the ANPs, share one
   * computed answer: a row may list thousands of classes that a few rules select alike.
   */
  private adminRow(direction: Direction, self: PodClass, rules: AdminRules): Row {
    const isolated = this.isolated(self, direction);
    const lowerRow = isolated ? this.networkPolicyRow(direction, self) : undefined;
    const refs = isolated ? rules.admin : [...rules.admin, ...rules.baseline];
    // Rule positions that select every class, and those that select some (with the classes they select).
    const universal: number[] = [];
    const partial: { position: number; classes: readonly number[] }[] = [];
    let perDestination = (lowerRow?.everyoneNamed.length ?? 0) > 0;
    refs.forEach(({ rule }, position) => {
      const classes = this.ruleClasses(rule);
      if (classes !== 'all') partial.push({ position, classes });
      else {
        universal.push(position);
        if (direction === 'egress' && hasNamedPort(rule)) perDestination = true;
      }
    });
    const ids = new Map<object, number>();
    const idOf = (value: object) => {
      let id = ids.get(value);
      if (id === undefined) ids.set(value, (id = ids.size));
      return id;
    };
    // The ANPs' verdict by the rules that match (and the destination ports, for named ports): classes share them.
    const verdicts = new Map<string, { admin: Verdict; baseline: Verdict }>();
    const verdictOf = (positions: readonly number[], dstPorts: readonly ContainerPort[]) => {
      let key = '';
      for (const i of positions) key += hasNamedPort(refs[i].rule) ? `,${i}:${idOf(dstPorts)}` : `,${i}`;
      let verdict = verdicts.get(key);
      if (!verdict) {
        const matched = positions.map((i) => refs[i]);
        verdict = {
          admin: ruleVerdict(matched.filter((r) => r.policy.kind === 'AdminNetworkPolicy'), dstPorts),
          baseline: ruleVerdict(matched.filter((r) => r.policy.kind === 'BaselineAdminNetworkPolicy'), dstPorts),
        };
        verdicts.set(key, verdict);
      }
      return verdict;
    };
    // Most classes are matched by the universal rules alone: their verdict is the same unless named ports resolve per class.
    const universalVerdict = verdictOf(universal, self.ports);
    /** The answer for a class (undefined: a class only the universal rules select), given the partial rules that select it. */
    const answer = (c: number | undefined, selectedBy: readonly number[]): ConnectionSet => {
      const cls = c === undefined ? undefined : this.classes[c];
      const dstPorts = direction === 'egress' && cls ? cls.ports : self.ports;
      const verdict = selectedBy.length === 0 && (!perDestination || dstPorts === self.ports)
        ? universalVerdict
        : verdictOf(selectedBy.length === 0 ? universal : [...universal, ...selectedBy].sort((a, b) => a - b), dstPorts);
      const lower = lowerRow ? (cls ? lowerRow.listed.get(cls.index) ?? everyoneTo(lowerRow, cls) : lowerRow.everyone) : baselineAllows(verdict.baseline);
      return tiered(verdict.admin, lower);
    };
    const row: Row = { everyone: answer(undefined, []), everyoneNamed: [], listed: new Map() };
    // A Deny only takes away: where `everyone` is empty, a class that only Deny rules select besides the universal
    // ones (and that the NetworkPolicy row does not list) gets nothing either, so those rules are only looked up
    // for the classes that something else lists (the default deny of a namespace makes this the common case).
    const onlyTakes = (position: number) => row.everyone.isEmpty() && !perDestination && refs[position].rule.action === 'Deny';
    const selecting = new Map<number, number[]>();
    for (const c of lowerRow?.listed.keys() ?? []) selecting.set(c, []);
    for (const { position, classes } of partial) {
      if (onlyTakes(position)) continue;
      for (const c of classes) {
        const list = selecting.get(c);
        if (list) list.push(position);
        else selecting.set(c, [position]);
      }
    }
    for (const { position, classes } of partial) {
      if (!onlyTakes(position)) continue;
      const set = this.ruleClassSet(refs[position].rule, classes);
      for (const [c, list] of selecting) if (set.has(c)) list.push(position);
    }
    for (const c of perDestination ? this.classes.map((cls) => cls.index) : selecting.keys()) {
      const conns = answer(c, selecting.get(c) ?? []);
      if (!conns.equals(row.everyone)) row.listed.set(c, conns);
    }
    return row;
  }

  /** The classes the pod peers of an ANP/BANP rule select, ascending; 'all' when one of them selects every class. */
  private ruleClasses(rule: AdminRule): readonly number[] | 'all' {
    let classes = this.adminRuleClasses.get(rule);
    if (!classes) {
      const found = new Set<number>();
      for (const peer of rule.peers) {
        if (peer.type !== 'pods') continue;
        const candidates = this.candidates(adminSelection(peer));
        if (candidates.length === this.classes.length) {
          found.clear();
          classes = 'all';
          break;
        }
        for (const c of candidates) found.add(c);
      }
      classes ??= [...found].sort((a, b) => a - b);
      this.adminRuleClasses.set(rule, classes);
    }
    return classes;
  }

  private ruleClassSet(rule: AdminRule, classes: readonly number[]): ReadonlySet<number> {
    let set = this.adminRuleClassSets.get(rule);
    if (!set) this.adminRuleClassSets.set(rule, (set = new Set(classes)));
    return set;
  }

  /** A class's row under the NetworkPolicies alone. */
  private networkPolicyRow(direction: Direction, self: PodClass): Row {
    const policies = this.selectingPolicies(self, direction);
    const row: Row = { everyone: policies.length === 0 ? ConnectionSet.ALL : ConnectionSet.NONE, everyoneNamed: [], listed: new Map() };
    const selfEndpoint: Endpoint = { type: 'pods', cls: self };
    for (const policy of policies) {
      for (const rule of policy.rules[direction]) {
        // Ingress ports resolve on `self`; egress ports on each destination.
        const fixed = direction === 'ingress' || rule.ports === 'all' || !rule.ports.some((p) => typeof p.port === 'string');
        const fixedConns = fixed ? ruleConnections(rule, selfEndpoint) : undefined;
        const addEveryone = () => {
          if (fixedConns) row.everyone = row.everyone.union(fixedConns);
          else row.everyoneNamed.push(rule);
        };
        if (rule.peers === 'all') {
          addEveryone();
          continue;
        }
        for (const peer of rule.peers) {
          if (peer.type !== 'pods') continue;
          const candidates = this.candidates(networkPolicySelection(policy, peer));
          // A peer that selects every pod (e.g. `namespaceSelector: {}`) is kept as one entry, not one per class.
          if (candidates.length === this.classes.length) {
            addEveryone();
            continue;
          }
          for (const c of candidates) {
            const conns = fixedConns ?? ruleConnections(rule, { type: 'pods', cls: this.classes[c] });
            if (!conns.isEmpty()) row.listed.set(c, (row.listed.get(c) ?? ConnectionSet.NONE).union(conns));
          }
        }
      }
    }
    for (const [c, conns] of row.listed) row.listed.set(c, conns.union(everyoneTo(row, this.classes[c])));
    return row;
  }

  /** The classes a pod selection selects. */
  private candidates(selection: Selection): number[] {
    const cached = this.candidateCache.get(selection.key);
    if (cached) return cached;
    let smallest = selection.ownNamespace !== undefined ? this.classesByNamespace.get(selection.ownNamespace) ?? [] : undefined;
    for (const [key, set] of selection.pods.constraints) {
      if (set.complement || set.values.has(ABSENT)) continue;
      const posting: number[] = [];
      for (const value of set.values) for (const c of this.classesByLabel.get(key, value) ?? []) posting.push(c);
      if (!smallest || posting.length < smallest.length) smallest = posting;
    }
    const pool = smallest ?? this.classes.map((c) => c.index);
    const result = pool.filter((c) => this.selectionMatches(selection, this.classes[c]));
    this.candidateCache.set(selection.key, result);
    return result;
  }

  /** -1: the rule admits every peer; an index: the first peer that matches; undefined: none. */
  private matchingPeer(policy: NetworkPolicyModel, rule: PolicyRule, other: Endpoint): number | undefined {
    if (rule.peers === 'all') return -1;
    if (other.type === 'ip') return paintedAt(firstIpPeers(rule.peers), other.range.family, other.range.start)?.value;
    for (let i = 0; i < rule.peers.length; i++) {
      const peer = rule.peers[i];
      if (peer.type === 'pods' && this.selectionMatches(networkPolicySelection(policy, peer), other.cls)) return i;
    }
    return undefined;
  }

  private selectionMatches(selection: Selection, cls: PodClass): boolean {
    let cache = this.peerMatch.get(selection.key);
    // Sparse: one array per peer would cost peers × classes (20,000 distinct selectors: 400 MB).
    if (!cache) this.peerMatch.set(selection.key, (cache = new Map()));
    let match = cache.get(cls.index);
    if (match === undefined) {
      const inNamespace = selection.namespaces ? matches(selection.namespaces, cls.nsLabels) : cls.namespace === selection.ownNamespace;
      cache.set(cls.index, (match = inNamespace && matches(selection.pods, cls.labels)));
    }
    return match;
  }

  /**
   * The TCP ports each workload is sent by Ingresses and Routes (before policies), by workload id; with
   * `namespaces`, those of the workloads of these namespaces only, and with `workloads` too, those of these ids
   * only, in the same order (an exposure comes from the entries and Services of its workload's namespace alone).
   */
  exposures(namespaces?: ReadonlySet<string>, workloads?: ReadonlySet<string>): Map<string, Exposure> {
    if (namespaces) return computeExposures(this.topology, namespaces, workloads);
    this.exposureCache ??= computeExposures(this.topology);
    return this.exposureCache;
  }

  /**
   * Every allowed connection between different peers, np-guard's connectivity list (unsorted). With a scope,
   * only the pairs whose source is in `sources` or whose destination is in `destinations` (workload ids).
   * External peers are np-guard's blocks, or with `external: 'spans'` each workload's coarsest ranges of equal
   * connections: the same connections per address, fewer of them, and diffConnections compares address by
   * address, so its result is the same. `ingressController: false` leaves out the `{ingress-controller}` pairs.
   * With a `limit`, throws TooManyConnections as soon as the list would be longer; `pods: false` lists no pairs of
   * workloads (only their connections with external addresses and the controller).
   */
  connections(
    scope?: { sources: ReadonlySet<string>; destinations: ReadonlySet<string> },
    { external = 'blocks', ingressController = true, limit = Infinity, pods = true }:
      { external?: 'blocks' | 'spans'; ingressController?: boolean; limit?: number; pods?: boolean } = {},
  ): Connection[] {
    const out: Connection[] = [];
    const workloads = this.topology.workloads;
    if (workloads.length === 0) return out;
    const refs = workloads.map((w): PeerRef => ({ type: 'workload', name: w.id, workload: w }));
    const classOfWorkload = workloads.map((w) => this.classOf(w));
    const isSource = workloads.map((w) => !scope || scope.sources.has(w.id));
    const isDestination = workloads.map((w) => !scope || scope.destinations.has(w.id));
    const members: number[][] = this.classes.map(() => []);
    classOfWorkload.forEach((cls, i) => members[cls.index].push(i));
    const populated = this.classes.filter((c) => members[c.index].length > 0);
    const hasSource = this.classes.map((c) => members[c.index].some((i) => isSource[i]));
    const sourceClasses = populated.filter((c) => hasSource[c.index]);
    const sourceIndexes = workloads.flatMap((_, i) => (isSource[i] ? [i] : []));
    const destinationIndexes = workloads.flatMap((_, j) => (isDestination[j] ? [j] : []));
    const ipRefs = new Map<IpRange, PeerRef>();
    const ipRef = (range: IpRange): PeerRef => {
      let ref = ipRefs.get(range);
      if (!ref) ipRefs.set(range, (ref = { type: 'ip', name: rangeName(range), range }));
      return ref;
    };
    const externalOf = (direction: Direction, cls: PodClass): IpSpan[] => {
      const spans = this.ipSpans(direction, cls);
      return external === 'spans' ? spans : onBlocks(spans, this.externalBlocks(direction));
    };
    for (const j of destinationIndexes) {
      for (const { range, conns } of externalOf('ingress', classOfWorkload[j])) out.push({ src: ipRef(range), dst: refs[j], conns });
    }
    for (const i of sourceIndexes) {
      for (const { range, conns } of externalOf('egress', classOfWorkload[i])) out.push({ src: refs[i], dst: ipRef(range), conns });
    }
    // A destination class out of scope pairs only with sources in scope, so it is skipped unless their egress
    // can reach it (a connection needs both the source's egress and the destination's ingress).
    const reachable = scope && pods ? this.egressReach(sourceClasses) : undefined;
    // By destination class: only the source classes its ingress admits can have a connection to it.
    let tried = 0;
    for (const dstCls of pods ? populated : []) {
      const dstInScope = members[dstCls.index].some((j) => isDestination[j]);
      const reachedBy = dstInScope ? undefined : reachable?.get(dstCls.index);
      if (!dstInScope && reachable && !reachedBy) continue;
      const row = this.row('ingress', dstCls);
      // A destination out of scope only pairs with sources in scope: those whose egress lists it, when known.
      const candidates = reachedBy
        ? reachedBy.filter((c) => !row.everyone.isEmpty() || row.listed.has(c.index))
        : row.everyone.isEmpty()
          ? [...row.listed.keys()].filter((c) => dstInScope || hasSource[c]).map((c) => this.classes[c])
          : dstInScope ? populated : sourceClasses;
      for (const srcCls of candidates) {
        if (members[srcCls.index].length === 0) continue;
        // Pairs of classes tried count too: many classes that connect to nothing still cost a pass each.
        if (++tried + out.length > limit) throw new TooManyConnections(limit);
        const conns = this.allowed({ type: 'pods', cls: srcCls }, { type: 'pods', cls: dstCls });
        if (conns.isEmpty()) continue;
        // Checked before the pods of two classes are paired: one pair of classes may stand for millions.
        if (tried + out.length + members[srcCls.index].length * members[dstCls.index].length > limit) throw new TooManyConnections(limit);
        for (const i of members[srcCls.index]) {
          for (const j of members[dstCls.index]) {
            if ((i !== j || workloads[i].members) && (isSource[i] || isDestination[j])) out.push({ src: refs[i], dst: refs[j], conns });
          }
        }
      }
    }
    if (ingressController) out.push(...this.ingressConnections());
    return out;
  }

  /** This side's connections between the workload pairs of another side's list (the pairs this side also has). */
  samePairs(list: readonly Connection[]): Connection[] {
    const out: Connection[] = [];
    const byId = this.topology.byId;
    for (const { src, dst } of list) {
      if (src.type !== 'workload' || dst.type !== 'workload') continue;
      const [s, d] = [byId.get(src.name), byId.get(dst.name)];
      if (!s || !d) continue;
      push(out, { type: 'workload', name: s.id, workload: s }, { type: 'workload', name: d.id, workload: d },
        this.allowed({ type: 'pods', cls: this.classOf(s) }, { type: 'pods', cls: this.classOf(d) }));
    }
    return out;
  }

  /**
   * The classes some of `sources` may send to, each with those sources (undefined: possibly every class), from
   * their egress rows: a destination is paired with the sources that list it, not with every source.
   */
  private egressReach(sources: readonly PodClass[]): Map<number, PodClass[]> | undefined {
    const reach = new Map<number, PodClass[]>();
    for (const cls of sources) {
      const row = this.row('egress', cls);
      if (!row.everyone.isEmpty() || row.everyoneNamed.length > 0) return undefined;
      for (const c of row.listed.keys()) pushTo(reach, c, cls);
    }
    return reach;
  }

  /** `{ingress-controller}` → workload: what Ingresses/Routes send, as far as the policies let it in. */
  ingressConnections(): Connection[] {
    const out: Connection[] = [];
    const src: PeerRef = { type: 'ingress-controller', name: INGRESS_CONTROLLER };
    for (const id of this.exposures().keys()) {
      const workload = this.topology.byId.get(id);
      if (workload) push(out, src, { type: 'workload', name: workload.id, workload }, this.ingressConnection(workload));
    }
    return out;
  }

  /** What Ingresses/Routes send to one workload, as far as the policies let it in (NONE when not exposed). */
  ingressConnection(workload: Workload, exposure = this.exposures().get(workload.id)): ConnectionSet {
    if (!exposure) return ConnectionSet.NONE;
    return exposure.conns.intersect(this.allowed({ type: 'pods', cls: this.ingressController }, { type: 'pods', cls: this.classOf(workload) }));
  }
}

/** A connection list past its limit: the pairs of workloads are too many to list one by one. */
export class TooManyConnections extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} connections between workloads`);
  }
}

interface Row {
  /** Connections with every pod (ALL when no policy isolates the class in this direction). */
  everyone: ConnectionSet;
  /** Egress rules to every destination whose named ports resolve per destination. */
  everyoneNamed: PolicyRule[];
  /** Classes some rule lists, with everything they get (`everyone` included). */
  listed: Map<number, ConnectionSet>;
}

const firstIpPeerCache = new WeakMap<readonly Peer[], Painted<number>[]>();

/**
 * A rule's addresses, each with the index of the first ipBlock peer that admits it: looked up by binary search,
 * since testing every peer for every external block is quadratic in a rule of thousands of blocks. An external
 * block never straddles a peer's edge, so its first address stands for it.
 */
function firstIpPeers(peers: readonly Peer[]): Painted<number>[] {
  let painted = firstIpPeerCache.get(peers);
  if (!painted) {
    const pieces = peers.flatMap((peer, i) => (peer.type === 'ipBlock' ? peer.addresses.ranges.map((range) => ({ range, value: i })) : []));
    firstIpPeerCache.set(peers, (painted = overlay(pieces, Math.min, (a, b) => a === b)));
  }
  return painted;
}

/** The spans cut at np-guard's blocks (every span edge is a block edge): what each block gets. */
function onBlocks(spans: readonly IpSpan[], blocks: readonly IpRange[]): IpSpan[] {
  const out: IpSpan[] = [];
  let i = 0;
  for (const block of blocks) {
    while (i < spans.length && spans[i].range.end < block.start) i++;
    if (i < spans.length && spans[i].range.start <= block.start) out.push({ range: block, conns: spans[i].conns });
  }
  return out;
}

function everyoneTo(row: Row, dst: PodClass): ConnectionSet {
  let conns = row.everyone;
  for (const rule of row.everyoneNamed) conns = conns.union(ruleConnections(rule, { type: 'pods', cls: dst }));
  return conns;
}

const selections = new WeakMap<PodPeer | AdminPodPeer, Selection>();

/** What a NetworkPolicy pod peer selects (in the policy's namespace when it names none). */
function networkPolicySelection(policy: NetworkPolicyModel, peer: PodPeer): Selection {
  let selection = selections.get(peer);
  if (!selection) {
    const own = peer.namespaces === 'own' ? policy.resource.namespace : undefined;
    const namespaces = peer.namespaces === 'own' ? undefined : peer.namespaces;
    const key = JSON.stringify([own === undefined ? selectorKey(peer.namespaces as LabelSelector) : `own ${own}`, selectorKey(peer.pods)]);
    selections.set(peer, (selection = { key, ...(own === undefined ? { namespaces } : { ownNamespace: own }), pods: peer.pods }));
  }
  return selection;
}

/** What an ANP or BANP pod peer selects: equal to a NetworkPolicy peer with the same selectors. */
function adminSelection(peer: AdminPodPeer): Selection {
  let selection = selections.get(peer);
  if (!selection) {
    const key = JSON.stringify([selectorKey(peer.namespaces), selectorKey(peer.pods)]);
    selections.set(peer, (selection = { key, namespaces: peer.namespaces, pods: peer.pods }));
  }
  return selection;
}

function selectorKey(selector: LabelSelector): string {
  if (selector.invalid !== undefined) return 'invalid';
  const constraints = [...selector.constraints].map(([k, set]) => [k, set.complement, [...set.values].sort()] as const);
  return JSON.stringify(constraints.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function push(out: Connection[], src: PeerRef, dst: PeerRef, conns: ConnectionSet): void {
  if (!conns.isEmpty()) out.push({ src, dst, conns });
}

function classKey(namespace: string, labels: Readonly<Record<string, string>>, ports: readonly ContainerPort[]): string {
  return JSON.stringify(namespace) + podKey(labels, ports);
}

const ruleConnsCache = new WeakMap<PolicyRule, ConnectionSet>();

/** The ports a rule allows towards `dst`: named ports resolve on the destination pod's containers. */
export function ruleConnections(rule: PolicyRule, dst: Endpoint): ConnectionSet {
  if (rule.ports === 'all') return ConnectionSet.ALL;
  const named = rule.ports.some((p) => typeof p.port === 'string');
  if (!named) {
    const cached = ruleConnsCache.get(rule);
    if (cached) return cached;
  }
  let conns = ConnectionSet.NONE;
  for (const spec of rule.ports) {
    if (spec.port === undefined) {
      conns = conns.union(ConnectionSet.of(spec.protocol));
    } else if (typeof spec.port === 'number') {
      conns = conns.union(ConnectionSet.of(spec.protocol, spec.port, spec.endPort ?? spec.port));
    } else if (dst.type === 'pods') {
      // A named port matches a container port of that name and of the rule's protocol.
      const match = dst.cls.ports.find((p) => p.name === spec.port && p.protocol === spec.protocol);
      if (match) conns = conns.union(ConnectionSet.of(spec.protocol, match.port, match.port));
    }
  }
  if (!named) ruleConnsCache.set(rule, conns);
  return conns;
}

function computeExposures(topology: Topology, namespaces?: ReadonlySet<string>, workloads?: ReadonlySet<string>): Map<string, Exposure> {
  const out = new Map<string, Exposure>();
  const wanted = new Map<string, readonly Workload[]>();
  const candidatesIn = (namespace: string) => {
    if (!workloads) return workloadsIn(topology, namespace);
    let candidates = wanted.get(namespace);
    if (!candidates) wanted.set(namespace, (candidates = workloadsIn(topology, namespace).filter((w) => workloads.has(w.id))));
    return candidates;
  };
  for (const entry of topology.entries) {
    if (namespaces && !namespaces.has(entry.namespace)) continue;
    const service = serviceNamed(topology, entry.namespace, entry.service);
    if (!service?.selector) continue;
    const candidates = candidatesIn(service.namespace);
    if (candidates.length === 0) continue;
    for (const { workload, conns } of reachedBy(entry, [service, ...candidates], service, candidates)) {
      const current = out.get(workload.id) ?? { conns: ConnectionSet.NONE, entries: [] };
      current.conns = current.conns.union(conns);
      current.entries.push({ entry, conns });
      out.set(workload.id, current);
    }
  }
  return out;
}

/**
 * The workloads among `candidates` (those of the Service's namespace, or the ones a scope asks about) that an entry
 * reaches through its Service, and on which ports; recomputed only when the Service or the candidates are other
 * objects than last time (most entries serve both sides of a change).
 */
const reachedBy = memoWhileSame((entry: Entry, service: Service, candidates: readonly Workload[]): { workload: Workload; conns: ConnectionSet }[] => {
  const accessPorts = serviceAccessPorts(service.ports, entry.port);
  const workloads: { workload: Workload; conns: ConnectionSet }[] = [];
  for (const w of candidates) {
    if (!serviceSelects(service, w)) continue;
    let conns = ConnectionSet.NONE;
    for (const access of accessPorts) {
      const number = typeof access === 'number' ? access : w.ports.find((p) => p.name === access && p.protocol === 'TCP')?.port;
      // Only a port the pod declares is reachable through the Service (np-guard's rule).
      if (number !== undefined && w.ports.some((p) => p.port === number)) conns = conns.union(ConnectionSet.of('TCP', number, number));
    }
    workloads.push({ workload: w, conns });
  }
  return workloads;
});

/** The pod ports behind the Service port an entry names (every Service port when it names none). */
export function serviceAccessPorts(ports: Topology['services'][number]['ports'], wanted: number | string | undefined): (number | string)[] {
  if (wanted === undefined) return ports.map(targetOf).filter((p): p is number | string => p !== undefined);
  for (const p of ports) {
    if ((typeof wanted === 'string' ? p.name === wanted : p.port === wanted) || p.targetPort === wanted) {
      const access = targetOf(p);
      return access === undefined ? [] : [access];
    }
  }
  return [];
}

function targetOf(port: ServicePort): number | string | undefined {
  return port.targetPort ?? port.port;
}

import { ciliumPolicyOf, isCiliumModel, isCiliumPolicy, type CiliumPolicyModel, type CiliumRule } from '../model/cilium-policy.js';
import { formatFieldPath, type FieldPath } from '../model/field-path.js';
import type { Resource } from '../model/resource.js';
import type { Direction, NetworkPolicyModel, PodPeer } from '../model/network-policy.js';
import type { PolicyIndex } from '../model/policy-index.js';
import { matches } from '../model/selector.js';
import { ConnectionSet } from './connection-set.js';
import type { Endpoint, PodClass } from './connectivity.js';
import { pushTo, ruleConnections } from './connectivity.js';
import { ALL_IPV4, overlay, unionSpans, type IpSpan } from './ip-blocks.js';

/**
 * What Cilium adds to the NetworkPolicy evaluation (docs/cilium.md): allow rules of a policy that does not enable
 * default deny still add to what isolating policies allow, and deny rules take away from every allow, whatever
 * policy (Kubernetes or Cilium) allowed it. Inputs without Cilium policies never reach the deny evaluation.
 */

/**
 * The policies whose allow rules decide a direction for a pod: none when no selecting policy enables default
 * deny (everything is allowed), else the isolating ones and the Cilium ones with allow rules for the direction.
 */
export function enforcedPolicies(selecting: readonly NetworkPolicyModel[], direction: Direction): NetworkPolicyModel[] {
  const isolating = selecting.filter((p) => p.isolates[direction]);
  if (isolating.length === 0 || isolating.length === selecting.length) return isolating;
  return selecting.filter((p) => p.isolates[direction] || (isCiliumModel(p) && p.rules[direction].length > 0));
}

/** A policy's deny rules for a direction (a NetworkPolicy has none). */
export function denyRulesOf(policy: NetworkPolicyModel, direction: Direction): readonly CiliumRule[] {
  return isCiliumModel(policy) ? policy.deny[direction] : [];
}

/** A deny rule and its policy. */
export interface DenyRef {
  policy: CiliumPolicyModel;
  rule: CiliumRule;
}

/** The deny rules that apply to one connectivity side, cached per pod class and direction. */
export class DenyRules {
  private readonly byClass: Record<Direction, (DenyRef[] | undefined)[]> = { ingress: [], egress: [] };
  private readonly spanCache: Record<Direction, (IpSpan[] | undefined)[]> = { ingress: [], egress: [] };
  private readonly rows: Record<Direction, (DenyRow | 'per-destination' | undefined)[]> = { ingress: [], egress: [] };
  private readonly ruleMatches = new WeakMap<CiliumRule, RuleMatch>();

  /** `classes`: the connectivity's pod classes, read when a deny row is first built. */
  constructor(private readonly policies: PolicyIndex, private readonly classes: readonly PodClass[]) {}

  /**
   * What the deny rules of `self` forbid with the pods of class `other`: from a row built once per class, so a
   * pair costs a few unions, not a test of every deny rule (1,000 cluster-wide rules over 1,000 classes).
   */
  deniedPods(direction: Direction, self: PodClass, other: number, dst: PodClass): ConnectionSet {
    const refs = this.rulesFor(direction, self);
    if (refs.length === 0) return ConnectionSet.NONE;
    const row = this.rows[direction][self.index] ??= this.buildRow(direction, self, refs);
    // Egress named ports resolve on each destination: such rows are evaluated pair by pair.
    if (row === 'per-destination') return this.denied(direction, self, { type: 'pods', cls: this.classes[other] }, { type: 'pods', cls: dst });
    const excluded = row.excludedBy.get(other);
    let conns: ConnectionSet;
    if (!excluded) conns = row.prefix[row.prefix.length - 1] ?? ConnectionSet.NONE;
    else if (excluded.length === 1) conns = (row.prefix[excluded[0] - 1] ?? ConnectionSet.NONE).union(row.suffix[excluded[0] + 1] ?? ConnectionSet.NONE);
    else conns = row.most.reduce((set, c, i) => (excluded.includes(i) ? set : set.union(c)), ConnectionSet.NONE);
    return conns.union(row.listed.get(other) ?? ConnectionSet.NONE);
  }

  private buildRow(direction: Direction, self: PodClass, refs: readonly DenyRef[]): DenyRow | 'per-destination' {
    if (direction === 'egress' && refs.some(({ rule }) => rule.ports !== 'all' && rule.ports.some((p) => typeof p.port === 'string'))) return 'per-destination';
    const row: DenyRow = { most: [], prefix: [], suffix: [], excludedBy: new Map(), listed: new Map() };
    const selfEndpoint: Endpoint = { type: 'pods', cls: self };
    for (const { policy, rule } of refs) {
      const conns = ruleConnections(rule, selfEndpoint);
      if (conns.isEmpty()) continue;
      const match = this.matchOf(policy, rule);
      if (match.complement) {
        for (const c of match.classes) pushTo(row.excludedBy, c, row.most.length);
        row.most.push(conns);
      } else {
        for (const c of match.classes) row.listed.set(c, (row.listed.get(c) ?? ConnectionSet.NONE).union(conns));
      }
    }
    // Unions of the rules that deny most classes, before and after each, so leaving one out is one union.
    row.most.forEach((c, i) => row.prefix.push(i === 0 ? c : row.prefix[i - 1].union(c)));
    for (let i = row.most.length - 1; i >= 0; i--) row.suffix[i] = i === row.most.length - 1 ? row.most[i] : row.most[i].union(row.suffix[i + 1]);
    return row;
  }

  /** The classes a deny rule's peers match, or (when fewer) those they do not: computed once per rule. */
  private matchOf(policy: CiliumPolicyModel, rule: CiliumRule): RuleMatch {
    let match = this.ruleMatches.get(rule);
    if (!match) {
      const matched = new Set<number>();
      const missed = new Set<number>();
      for (const cls of this.classes) {
        const hit = rule.peers === 'all' || rule.peers.some((peer) => peer.type === 'pods' && podPeerMatches(policy, peer, cls));
        (hit ? matched : missed).add(cls.index);
      }
      match = matched.size > missed.size ? { complement: true, classes: missed } : { complement: false, classes: matched };
      this.ruleMatches.set(rule, match);
    }
    return match;
  }

  /** The deny rules of the Cilium policies selecting `self` in `direction` (enforced even without default deny). */
  rulesFor(direction: Direction, self: PodClass): DenyRef[] {
    if (!this.policies.hasCilium) return [];
    let refs = this.byClass[direction][self.index];
    if (!refs) {
      refs = this.policies.selecting(self.namespace, self.labels, self.nsLabels)
        .flatMap((policy) => (isCiliumModel(policy) ? policy.deny[direction].map((rule) => ({ policy, rule })) : []));
      this.byClass[direction][self.index] = refs;
    }
    return refs;
  }

  /** What the deny rules of `self` forbid with `other` (`dst` resolves named ports). */
  denied(direction: Direction, self: PodClass, other: Endpoint, dst: Endpoint): ConnectionSet {
    let out = ConnectionSet.NONE;
    for (const ref of this.denying(direction, self, other)) out = out.union(ruleConnections(ref.rule, dst));
    return out;
  }

  /** The deny rules of `self` whose peers include `other`. */
  denying(direction: Direction, self: PodClass, other: Endpoint): DenyRef[] {
    return this.rulesFor(direction, self).filter(({ policy, rule }) => rule.peers === 'all' || rule.peers.some((peer) => (other.type === 'ip'
      ? peer.type === 'ipBlock' && peer.addresses.contains(other.range.family, other.range.start)
      : peer.type === 'pods' && podPeerMatches(policy, peer, other.cls))));
  }

  /** `spans` without what the deny rules of `self` forbid with external addresses. */
  withoutDenied(direction: Direction, self: PodClass, spans: IpSpan[]): IpSpan[] {
    const refs = this.rulesFor(direction, self);
    if (refs.length === 0) return spans;
    let denied = this.spanCache[direction][self.index];
    if (!denied) {
      const dst: Endpoint = direction === 'ingress' ? { type: 'pods', cls: self } : { type: 'ip', range: ALL_IPV4 };
      const pieces: IpSpan[] = [];
      for (const { rule } of refs) {
        const conns = ruleConnections(rule, dst);
        if (rule.peers === 'all') pieces.push({ range: ALL_IPV4, conns });
        else for (const peer of rule.peers) if (peer.type === 'ipBlock') for (const range of peer.addresses.ranges) pieces.push({ range, conns });
      }
      this.spanCache[direction][self.index] = denied = unionSpans(pieces);
    }
    return subtractSpans(spans, denied);
  }
}

/** A class's deny row (see deniedPods). */
interface DenyRow {
  /** The connections of the rules that deny most classes, in order. */
  most: ConnectionSet[];
  prefix: ConnectionSet[];
  suffix: ConnectionSet[];
  /** By class: the indexes (in `most`) of the rules among them that do not deny it. */
  excludedBy: Map<number, number[]>;
  /** By class: what the rules that deny few classes deny it. */
  listed: Map<number, ConnectionSet>;
}

interface RuleMatch {
  /** true: `classes` are the classes NOT matched. */
  complement: boolean;
  classes: Set<number>;
}

function podPeerMatches(policy: NetworkPolicyModel, peer: PodPeer, cls: PodClass): boolean {
  const inNamespace = peer.namespaces === 'own' ? cls.namespace === policy.resource.namespace : matches(peer.namespaces, cls.nsLabels);
  return inNamespace && matches(peer.pods, cls.labels);
}

/** What each address of `spans` keeps once `denied` is taken away, as disjoint ascending spans. */
function subtractSpans(spans: readonly IpSpan[], denied: readonly IpSpan[]): IpSpan[] {
  if (denied.length === 0) return [...spans];
  const pieces = [
    ...spans.map((s) => ({ range: s.range, value: { allow: s.conns, deny: ConnectionSet.NONE } })),
    ...denied.map((s) => ({ range: s.range, value: { allow: ConnectionSet.NONE, deny: s.conns } })),
  ];
  const painted = overlay(pieces, (a, b) => ({ allow: a.allow.union(b.allow), deny: a.deny.union(b.deny) }),
    (a, b) => a.allow.equals(b.allow) && a.deny.equals(b.deny));
  return unionSpans(painted.map((p) => ({ range: p.range, conns: p.value.allow.subtract(p.value.deny) })));
}

/** How a cause names a Cilium rule and where it points: the peer's own field (`fromEntities[0]`), else the rule. */
export function ciliumRuleCause(policy: CiliumPolicyModel, direction: Direction, index: number, peerIndex: number | undefined, isNew: boolean): { path: FieldPath; what: string } {
  const rule = policy.rules[direction][index];
  const peer = peerIndex === undefined || rule.peers === 'all' ? undefined : rule.peers[peerIndex];
  const which = peer ? `, ${peer.field}${peer.entity ? ` ${peer.entity}` : ''}` : rule.peers === 'all' ? ` (every ${direction === 'ingress' ? 'source' : 'destination'})` : '';
  return {
    path: peer?.path ?? rule.path,
    what: `${rule.field} rule ${index}${which} of ${isNew ? 'new ' : ''}${policyLabel(policy)}`,
  };
}

/** The field that selects a policy's pods: a NetworkPolicy's podSelector, a Cilium rule's endpointSelector. */
export function subjectPath(policy: NetworkPolicyModel): FieldPath {
  return isCiliumModel(policy) ? [...policy.specPath, 'endpointSelector'] : ['spec', 'podSelector'];
}

/** `CiliumNetworkPolicy shop/web`, `CiliumClusterwideNetworkPolicy baseline` (`… (specs[1])` for a second rule). */
export function policyLabel(policy: NetworkPolicyModel): string {
  const spec = isCiliumModel(policy) && policy.specPath[0] === 'specs' ? ` (specs[${policy.specPath[1]}])` : '';
  return `${resourceLabel(policy.resource)}${spec}`;
}

/** `CiliumNetworkPolicy shop/web`; a cluster-scoped object by its name alone. */
export function resourceLabel(resource: Resource): string {
  return `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
}

/** Why a Cilium rule that isolated a pod in base no longer does in head (`now`: the same object in head). */
export function ciliumUnisolation(policy: CiliumPolicyModel, now: Resource, direction: Direction): { reason: string; headPlace?: { resource: Resource; path: FieldPath; side: 'head' } } {
  const name = policyLabel(policy);
  const same = isCiliumPolicy(now) ? ciliumPolicyOf(now).policies.find((p) => formatFieldPath(p.specPath) === formatFieldPath(policy.specPath)) : undefined;
  if (!same) return { reason: `${name} no longer has this rule`, headPlace: { resource: now, path: [], side: 'head' } };
  if (!same.isolates[direction]) {
    const written = same.defaultDenyExplicit[direction];
    return {
      reason: written ? `${name} sets enableDefaultDeny.${direction} to false` : `${name} no longer has ${direction} rules`,
      headPlace: { resource: now, path: written ? [...same.specPath, 'enableDefaultDeny', direction] : same.specPath, side: 'head' },
    };
  }
  return { reason: `the endpointSelector of ${name} no longer selects it`, headPlace: { resource: now, path: [...same.specPath, 'endpointSelector'], side: 'head' } };
}

/**
 * The base deny rule that took away some of `added` (connections head allows and base did not): the cause of
 * those connections when the allow rules did not change (docs/cilium.md).
 */
export function liftedDenyCause(base: DenyRules, direction: Direction, self: PodClass, other: Endpoint, dst: Endpoint, added: ConnectionSet):
  { key: string; resource: Resource; path: FieldPath; side: 'base'; what: string; related: [] } | undefined {
  const ref = base.denying(direction, self, other).find(({ rule }) => !ruleConnections(rule, dst).intersect(added).isEmpty());
  if (!ref) return undefined;
  const { policy, rule } = ref;
  return {
    key: `deny:${policy.resource.key}:${formatFieldPath(rule.path)}`, resource: policy.resource, path: rule.path, side: 'base',
    what: `the ${rule.field} rule ${rule.index} of ${policyLabel(policy)} in base, which denied them`, related: [],
  };
}

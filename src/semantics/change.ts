import { clusterPoliciesOf, clusterPolicyList, clusterPolicyOf, describeClusterPolicy, type AdminNetworkPolicyModel, type ClusterPolicyModel } from '../model/admin-network-policy.js';
import { isCiliumModel } from '../model/cilium-policy.js';
import { formatFieldPath, type FieldPath } from '../model/field-path.js';
import type { IpRange } from '../model/ip-set.js';
import { deepEqual } from '../model/json.js';
import type { Model } from '../model/load.js';
import { networkPolicyOf, type Direction, type NetworkPolicyModel } from '../model/network-policy.js';
import { PolicyIndex, policyIndexOf } from '../model/policy-index.js';
import type { Resource } from '../model/resource.js';
import { selectsEverything } from '../model/selector.js';
import { abstractTopologies } from './abstract.js';
import { collapseAlike } from './collapse.js';
import { ConnectionSet } from './connection-set.js';
import { ciliumRuleCause, ciliumUnisolation, liftedDenyCause, policyLabel, subjectPath } from './cilium.js';
import { Connectivity, INGRESS_CONTROLLER_NAMESPACE, pushTo, TooManyConnections, type AdminDecision, type Admission, type Endpoint, type PeerRef, type PodClass } from './connectivity.js';
import { diffConnections, type ConnectionDiff } from './diff.js';
import { coversAllIpv4 } from './ip-blocks.js';
import { buildTopology, NAMESPACE_NAME_LABEL, serviceNamed, serviceSelects, workloadsIn, type Entry, type Service, type Topology, type Workload } from './topology.js';

/**
 * What a change does to connectivity: the connections head allows that base did not, grouped by the head line
 * that causes them; the ones it no longer allows; workloads that lost isolation; and new ways in through
 * Ingresses and Routes. Pure: two Models in, facts out (the rules turn them into findings).
 */
export type Mode = 'workloads' | 'selectors';
export type SideName = 'base' | 'head';

export interface Place {
  resource: Resource;
  path: FieldPath;
  side: SideName;
}

export interface Cause extends Place {
  /** Identifies the cause across runs (no line numbers). */
  key: string;
  /** Short description for messages: `ingress rule 0 of NetworkPolicy shop/allow-web`. */
  what: string;
  related: (Place & { message: string })[];
}

export interface AddedGroup {
  cause: Cause;
  diffs: ConnectionDiff[];
  /** Why it is critical: a destination newly reachable from 0.0.0.0/0 or from every namespace. */
  critical?: string;
}

export interface Unisolation {
  workload: Workload;
  direction: Direction;
  /** The base policies that isolated it. */
  basePolicies: NetworkPolicyModel[];
  /** Why not in head, with the head line when there is one. */
  reason: string;
  headPlace?: Place;
  /** The head ANPs (and the BANP) that still decide some of its connections in that direction: it is not fully open. */
  clusterPolicies: ClusterPolicyModel[];
}

export interface NewExposure {
  workload: Workload;
  /** Ports reachable from the ingress controller in head and not in base. */
  added: ConnectionSet;
  before: ConnectionSet;
  entry: Entry;
  others: Entry[];
}

export interface SemanticChange {
  mode: Mode;
  /** One sentence for the summary: which mode and why. */
  reason: string;
  base: Connectivity;
  head: Connectivity;
  added: AddedGroup[];
  removed: ConnectionDiff[];
  unisolated: Unisolation[];
  exposures: NewExposure[];
  /**
   * Set when the pairs of workloads the change may affect were too many to compare one by one: `added` and
   * `removed` are then empty and this says where and why (manifest-too-complex reports it; the gate fails).
   */
  tooComplex?: Place & { message: string };
  /**
   * Set when base allowed more connections in the change's scope than its limit: `removed` then lists only those of
   * pairs head still connects (placed like tooComplex).
   */
  removedPast?: Place & { limit: number };
}

const cache = new WeakMap<Model, WeakMap<Model, SemanticChange>>();
/**
 * The connections a side may list for one change: about 10 µs each to list, compare and attribute, so the analysis
 * of any input stays within seconds; past it the change is reported as too complex, never skipped.
 */
export const MAX_CONNECTIONS = 300_000;
const WITHOUT_WAYS_IN = { external: 'spans', ingressController: false, limit: MAX_CONNECTIONS } as const;

export function semanticChange(baseModel: Model, headModel: Model): SemanticChange {
  let byHead = cache.get(baseModel);
  if (!byHead) cache.set(baseModel, (byHead = new WeakMap()));
  let change = byHead.get(headModel);
  if (!change) byHead.set(headModel, (change = computeChange(baseModel, headModel)));
  return change;
}

function computeChange(baseModel: Model, headModel: Model): SemanticChange {
  const basePolicies = policyIndexOf(baseModel);
  const headPolicies = policyIndexOf(headModel);
  const baseCluster = clusterPoliciesOf(baseModel);
  const headCluster = clusterPoliciesOf(headModel);
  let baseTopology = buildTopology(baseModel);
  let headTopology = buildTopology(headModel);
  const workloadCount = baseTopology.workloads.length + headTopology.workloads.length;
  const policyCount = basePolicies.resources.length + headPolicies.resources.length + clusterPolicyList(baseCluster).length + clusterPolicyList(headCluster).length;
  const mode: Mode = workloadCount === 0 && policyCount > 0 ? 'selectors' : 'workloads';
  if (mode === 'selectors') {
    [baseTopology, headTopology] = abstractTopologies([baseTopology, headTopology], [...basePolicies.all(), ...headPolicies.all()],
      [...clusterPolicyList(baseCluster), ...clusterPolicyList(headCluster)]);
  }
  // Abstract peers too: selectors that exclude labels (`NotIn`) get the same representative labels.
  [baseTopology, headTopology] = collapseAlike(baseTopology, headTopology);
  const base = new Connectivity(baseTopology, basePolicies, baseCluster);
  const head = new Connectivity(headTopology, headPolicies, headCluster);
  const reason = mode === 'workloads'
    ? `workload mode: connectivity between the ${headTopology.workloads.length} workloads of head (${baseTopology.workloads.length} in base)`
    : `selector mode: the repository has no workloads (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod…), so policies were ` +
      `analyzed against ${headTopology.workloads.length} abstract ${headTopology.workloads.length === 1 ? 'peer' : 'peers'}, one per pod selector of the policies and Services`;
  const analysis = new ChangeAnalysis(baseModel, headModel, base, head, mode, basePolicies, headPolicies);
  return { mode, reason, base, head, ...analysis.run() };
}

class ChangeAnalysis {
  private readonly changedPolicies = new Set<string>();
  private readonly changedWorkloads = new Set<string>();
  private readonly worldCache = new Map<string, string | undefined>();
  private readonly sameNamespace = new Map<string, boolean>();
  /** Causes by rule and peer: a rule of 10,000 ipBlocks is the cause of 260,000 address ranges, one Cause per peer. */
  private readonly ruleCauses = new WeakMap<object, Map<number | undefined, Cause>>();

  constructor(
    private readonly baseModel: Model, private readonly headModel: Model,
    private readonly base: Connectivity, private readonly head: Connectivity, private readonly mode: Mode,
    basePolicies: PolicyIndex, headPolicies: PolicyIndex,
  ) {
    // The ANPs and the BANP are policies whose change affects the pods they select, like NetworkPolicies.
    const policyResources = (index: PolicyIndex, connectivity: Connectivity) =>
      [...index.resources, ...clusterPolicyList(connectivity.clusterPolicies).map((p) => p.resource)].map((r) => [r.key, r] as const);
    const baseByKey = new Map(policyResources(basePolicies, base));
    const headByKey = new Map(policyResources(headPolicies, head));
    for (const [key, r] of baseByKey) {
      const now = headByKey.get(key);
      if (!now || !deepEqual(now.object, r.object)) this.changedPolicies.add(key);
    }
    for (const key of headByKey.keys()) if (!baseByKey.has(key)) this.changedPolicies.add(key);
    for (const b of base.topology.workloads) {
      const h = head.topology.byId.get(b.id);
      // Workloads decoded from the same objects in an unchanged namespace are equal without comparing signatures.
      const same = h !== undefined && (b === h || (sameObjects(b, h) && this.namespaceUnchanged(b.namespace)) || signature(base, b) === signature(head, h));
      if (!same) this.changedWorkloads.add(b.id);
    }
    for (const h of head.topology.workloads) if (!base.topology.byId.has(h.id)) this.changedWorkloads.add(h.id);
  }

  run(): Pick<SemanticChange, 'added' | 'removed' | 'unisolated' | 'exposures' | 'tooComplex' | 'removedPast'> {
    const scope = this.dirtyScope();
    const rest = { unisolated: this.unisolations(scope), exposures: this.newExposures(scope) };
    // exposure-added speaks for the ways in (newExposures), so the controller's pairs are not listed here.
    let after;
    try {
      after = this.head.connections(scope, WITHOUT_WAYS_IN);
    } catch (error) {
      if (!(error instanceof TooManyConnections)) throw error;
      return { added: [], removed: [], ...rest, tooComplex: this.tooComplex(error.limit) };
    }
    // A pair can only gain connections head allows, so head's list alone decides what is added. When base's list is
    // too long (policies that close much of what base left open), base is asked about head's pairs alone and only
    // the closed connections stay uncounted.
    let before;
    let removedPast: SemanticChange['removedPast'];
    try {
      before = this.base.connections(scope, WITHOUT_WAYS_IN);
    } catch (error) {
      if (!(error instanceof TooManyConnections)) throw error;
      removedPast = { ...this.firstChanged(), limit: error.limit };
      before = [...this.base.connections(scope, { ...WITHOUT_WAYS_IN, pods: false }), ...this.base.samePairs(after)];
    }
    const diffs = diffConnections(before, after,
      new Set(this.base.topology.workloads.map((w) => w.id)), new Set(this.head.topology.workloads.map((w) => w.id)));
    const groups = new Map<string, AddedGroup>();
    const removed: ConnectionDiff[] = [];
    for (const diff of diffs) {
      if (!diff.after.subtract(diff.before).isEmpty()) {
        const cause = this.causeOfAdded(diff);
        let group = groups.get(cause.key);
        if (!group) groups.set(cause.key, (group = { cause, diffs: [] }));
        group.diffs.push(diff);
        group.critical ??= diff.dst.type === 'workload' ? this.criticalReason(diff.dst.workload) : undefined;
      }
      if (!diff.before.subtract(diff.after).isEmpty()) removed.push(diff);
    }
    return { added: [...groups.values()], removed, ...(removedPast !== undefined ? { removedPast } : {}), ...rest };
  }

  private tooComplex(limit: number): Place & { message: string } {
    return {
      ...this.firstChanged(),
      message: `the change affects more than ${limit} connections between workloads, too many to compare one by one, so the ` +
        'connections it opens and closes are not listed (connectivity-added, connectivity-removed); any of them may be new',
    };
  }

  /** The name of the first changed policy (else workload) of head, or of base when head no longer has it. */
  private firstChanged(): Place {
    const policy = [...this.changedPolicies][0];
    const workload = [...this.changedWorkloads][0];
    const resource = policy !== undefined
      ? this.headModel.byKey.get(policy) ?? this.baseModel.byKey.get(policy)
      : (this.head.topology.byId.get(workload) ?? this.base.topology.byId.get(workload))?.resources[0];
    if (!resource) throw new Error('a connectivity change without a changed policy or workload');
    return { resource, path: ['metadata', 'name'], side: this.headModel.byKey.get(resource.key) === resource ? 'head' : 'base' };
  }

  /** Whether a namespace has the same labels on both sides (an undeclared one: its automatic name label alone). */
  private namespaceUnchanged(ns: string): boolean {
    let same = this.sameNamespace.get(ns);
    if (same === undefined) {
      const [b, h] = [this.base.topology.namespaces.get(ns), this.head.topology.namespaces.get(ns)];
      same = labelText(b ?? { [NAMESPACE_NAME_LABEL]: ns }) === labelText(h ?? { [NAMESPACE_NAME_LABEL]: ns });
      this.sameNamespace.set(ns, same);
    }
    return same;
  }

  /**
   * Only pairs that can differ: those whose source may egress differently (its labels, namespace or ports
   * changed, or a changed policy selects it for egress) or whose destination may admit differently.
   */
  private dirtyScope(): { sources: Set<string>; destinations: Set<string> } {
    const sources = new Set(this.changedWorkloads);
    const destinations = new Set(this.changedWorkloads);
    // Each side's copies of the changed policies, indexed like all of them (found by label index: not every changed
    // policy against every workload of its namespace). A policy selects pods of its own namespace only, so only
    // those namespaces' workloads are asked, and the meanings of the unchanged policies are not built here.
    for (const [connectivity, model] of [[this.base, this.baseModel], [this.head, this.headModel]] as const) {
      const changed = new PolicyIndex([...this.changedPolicies].flatMap((key) => model.byKey.get(key) ?? []));
      // Cluster-wide Cilium policies sit under the namespace ''.
      const namespaces = new Set(changed.resources.map((r) => r.namespace));
      const everyNamespace = namespaces.has('');
      // ANPs and the BANP are cluster-scoped: their subjects reach any namespace; Cilium deny rules apply to pods
      // no policy isolates. Without such a changed policy on this side, only the changed policies' namespaces count.
      const elsewhere = changed.hasCilium || clusterPolicyList(connectivity.clusterPolicies).some((p) => this.changedPolicies.has(p.resource.key));
      for (const w of connectivity.topology.workloads) {
        const inNamespace = everyNamespace || namespaces.has(w.namespace);
        if (!inNamespace && !elsewhere) continue;
        const cls = connectivity.classOf(w);
        if (elsewhere) {
          if (this.changedElsewhere(connectivity, cls, 'ingress')) destinations.add(w.id);
          if (this.changedElsewhere(connectivity, cls, 'egress')) sources.add(w.id);
        }
        if (!inNamespace) continue;
        const selecting = changed.selecting(w.namespace, cls.labels, cls.nsLabels);
        // A Cilium policy's allow rules count whenever another policy isolates the pod, even if it does not.
        if (selecting.some((p) => p.isolates.ingress || isCiliumModel(p))) destinations.add(w.id);
        if (selecting.some((p) => p.isolates.egress || isCiliumModel(p))) sources.add(w.id);
      }
    }
    return { sources, destinations };
  }

  /** Whether a changed ANP or BANP selects the class, or a changed Cilium policy's deny rule applies to it. */
  private changedElsewhere(connectivity: Connectivity, cls: PodClass, direction: Direction): boolean {
    return connectivity.clusterPoliciesSelecting(cls, direction).some((p) => this.changedPolicies.has(p.resource.key)) ||
      connectivity.deny.rulesFor(direction, cls).some((ref) => this.changedPolicies.has(ref.policy.resource.key));
  }

  private endpoint(connectivity: Connectivity, peer: PeerRef): Endpoint | undefined {
    if (peer.type === 'ip') return { type: 'ip', range: pointOf(peer.range) };
    if (peer.type === 'ingress-controller') return { type: 'pods', cls: connectivity.ingressController };
    const w = connectivity.topology.byId.get(peer.name);
    return w ? { type: 'pods', cls: connectivity.classOf(w) } : undefined;
  }

  private causeOfAdded(diff: ConnectionDiff): Cause {
    const added = diff.after.subtract(diff.before);
    if (this.mode === 'workloads') {
      for (const peer of [diff.dst, diff.src]) {
        if (peer.type === 'workload' && !this.base.topology.byId.has(peer.name)) return this.workloadAdded(peer.workload);
      }
    }
    const src = { base: this.endpoint(this.base, diff.src), head: this.endpoint(this.head, diff.src) };
    const dst = { base: this.endpoint(this.base, diff.dst), head: this.endpoint(this.head, diff.dst) };
    const direction: Direction = this.grewOnIngress(added, src, dst) ? 'ingress' : 'egress';
    const [selfPeer, otherPeer] = direction === 'ingress' ? [diff.dst, diff.src] : [diff.src, diff.dst];
    const [self, other] = direction === 'ingress' ? [dst.head, src.head] : [src.head, dst.head];
    if (self?.type !== 'pods' || !other || !dst.head || selfPeer.type !== 'workload') return this.fallbackCause(diff);
    // A Cilium deny rule of base that no longer takes these connections away: what opened them, not an allow.
    const baseSides = direction === 'ingress' ? [dst.base, src.base] : [src.base, dst.base];
    const [baseSelf, baseOther] = baseSides;
    const liftedDeny = baseSelf?.type === 'pods' && baseOther && dst.base ? liftedDenyCause(this.base.deny, direction, baseSelf.cls, baseOther, dst.base, added) : undefined;
    const isolated = this.head.isolated(self.cls, direction);
    if (liftedDeny && (isolated || !(baseSelf?.type === 'pods' && this.base.isolated(baseSelf.cls, direction)))) return liftedDeny;
    const admissions: Admission[] = [];
    this.head.direction(direction, self.cls, other, dst.head, admissions);
    const relevant = admissions.filter((a) => !a.conns.intersect(added).isEmpty());
    const fromChanged = relevant.find((a) => this.changedPolicies.has(a.policy.resource.key));
    if (fromChanged) return this.ruleCause(fromChanged);
    const lifted = this.liftedDenial(direction, added, self, other, dst.head, baseSides, dst.base);
    if (lifted) return lifted;
    if (!isolated) return this.lostIsolation(this.inHead(selfPeer), direction);
    // The rules did not change: a peer now matches them because labels changed.
    if (otherPeer.type === 'workload' && this.changedWorkloads.has(otherPeer.name)) return this.labelsCause(this.inHead(otherPeer));
    if (this.changedWorkloads.has(selfPeer.name)) return this.labelsCause(this.inHead(selfPeer));
    return relevant[0] ? this.ruleCause(relevant[0]) : this.fallbackCause(diff);
  }

  /** Whether the destination's ingress now admits connections (`added`) its base ingress did not; else egress grew. */
  private grewOnIngress(added: ConnectionSet, src: SidesOf<Endpoint>, dst: SidesOf<Endpoint>): boolean {
    if (dst.base?.type !== 'pods' || !src.base) return dst.head?.type === 'pods';
    return !added.isSubsetOf(this.base.direction('ingress', dst.base.cls, src.base, dst.base));
  }

  /** The head's copy of a workload: a diff keeps the peers of the side it saw the pair on first (base for a widened pair). */
  private inHead(peer: Extract<PeerRef, { type: 'workload' }>): Workload {
    return this.head.topology.byId.get(peer.name) ?? peer.workload;
  }

  private ruleCause(admission: Admission): Cause {
    const { rule, peerIndex } = admission;
    let byPeer = this.ruleCauses.get(rule);
    if (!byPeer) this.ruleCauses.set(rule, (byPeer = new Map()));
    let cause = byPeer.get(peerIndex);
    if (!cause) byPeer.set(peerIndex, (cause = admission.layer === 'network' ? this.newRuleCause(admission) : this.adminRuleCause(admission)));
    return cause;
  }

  /**
   * A connection no ANP/BANP rule closes any more: a head Pass of a changed policy now hands it on, or a base Deny
   * of a changed or deleted policy closed it. Attributed to the head line that changed (the action, the priority,
   * the rule), or to the deleted object's first line on the base side.
   */
  private liftedDenial(direction: Direction, added: ConnectionSet, self: Endpoint & { type: 'pods' }, other: Endpoint, dst: Endpoint,
    [baseSelf, baseOther]: (Endpoint | undefined)[], baseDst: Endpoint | undefined): Cause | undefined {
    const from = (decisions: AdminDecision[], action: AdminDecision['action']) =>
      decisions.find((d) => d.action === action && this.changedPolicies.has(d.policy.resource.key) && !d.conns.intersect(added).isEmpty());
    const passed = from(this.head.adminDecisions(direction, self.cls, other, dst), 'Pass');
    if (passed) return this.ruleCause(passed);
    if (baseSelf?.type !== 'pods' || !baseOther || !baseDst) return undefined;
    const denied = from(this.base.adminDecisions(direction, baseSelf.cls, baseOther, baseDst), 'Deny');
    return denied && this.denialCause(denied);
  }

  /** A base Deny rule that no longer closes the connections: what became of it in head. */
  private denialCause(denial: AdminDecision): Cause {
    const { policy, rule } = denial;
    const name = describeClusterPolicy(policy);
    const ruleText = `${rule.direction} rule ${rule.index}${rule.name ? ` ("${rule.name}")` : ''}`;
    const related = [{ resource: policy.resource, path: rule.actionPath, side: 'base' as const, message: `in base, ${ruleText} of ${name} denied these connections` }];
    const now = this.headModel.byKey.get(policy.resource.key);
    const headPolicy = now && clusterPolicyOf(now);
    if (!headPolicy) {
      return { key: `deleted:${policy.resource.key}`, resource: policy.resource, path: [], side: 'base', what: `the deletion of ${name}, whose ${ruleText} denied these connections`, related: [] };
    }
    const key = `denial:${policy.resource.key}:${rule.direction}:${rule.index}`;
    const headRule = headPolicy.rules[rule.direction][rule.index] as typeof rule | undefined;
    if (headRule && headRule.action !== rule.action) {
      return { key, resource: now!, path: headRule.actionPath, side: 'head', what: `${ruleText} of ${name}, now ${headRule.action} (was ${rule.action})`, related };
    }
    const reordered = this.priorityChange(policy, headPolicy);
    if (reordered) return { key, resource: now!, path: reordered.path, side: 'head', what: `the priority of ${name}, ${reordered.text}`, related };
    return {
      key, resource: now!, path: headRule ? headRule.path : ['spec', rule.direction], side: 'head',
      what: headRule ? `the changed ${ruleText} of ${name}` : `the removal of ${ruleText} from ${name}`, related,
    };
  }

  /** An ANP/BANP rule that admits (Allow) or hands on (Pass) connections: its action, priority or peer line in head. */
  private adminRuleCause({ policy, rule, peerIndex }: AdminDecision): Cause {
    const name = describeClusterPolicy(policy);
    const ruleText = `${rule.direction} rule ${rule.index}${rule.name ? ` ("${rule.name}")` : ''}`;
    const key = `rule:${policy.resource.key}:${rule.direction}:${rule.index}:${peerIndex}`;
    const field = rule.direction === 'ingress' ? 'from' : 'to';
    const peerCause = (what: string): Cause => ({ key, resource: policy.resource, path: [...rule.path, field, peerIndex], side: 'head', what, related: [] });
    const was = this.baseModel.byKey.get(policy.resource.key);
    const basePolicy = was && clusterPolicyOf(was);
    if (!basePolicy) return peerCause(`${ruleText} (${rule.action}), peer ${peerIndex} of new ${name}`);
    const baseRule = basePolicy.rules[rule.direction][rule.index] as typeof rule | undefined;
    if (baseRule && baseRule.action !== rule.action) {
      const related = [{ resource: basePolicy.resource, path: baseRule.actionPath, side: 'base' as const, message: `in base, this rule was ${baseRule.action}` }];
      return { key, resource: policy.resource, path: rule.actionPath, side: 'head', what: `${ruleText} of ${name}, now ${rule.action} (was ${baseRule.action})`, related };
    }
    const reordered = this.priorityChange(basePolicy, policy);
    if (reordered && basePolicy.kind === 'AdminNetworkPolicy') {
      const related = [{ resource: basePolicy.resource, path: basePolicy.priorityPath, side: 'base' as const, message: `in base, ${name} had priority ${basePolicy.priority}` }];
      return { key, resource: policy.resource, path: reordered.path, side: 'head', what: `the priority of ${name}, ${reordered.text}`, related };
    }
    return peerCause(`${ruleText} (${rule.action}), peer ${peerIndex} of ${name}`);
  }

  /** The head priority line of an ANP whose priority changed. */
  private priorityChange(before: AdminDecision['policy'], after: AdminDecision['policy']): { path: FieldPath; text: string } | undefined {
    if (before.kind !== 'AdminNetworkPolicy' || after.kind !== 'AdminNetworkPolicy' || samePriority(before, after)) return undefined;
    return { path: after.priorityPath, text: `now ${after.priority} (was ${before.priority})` };
  }

  private newRuleCause({ policy, rule, peerIndex }: Extract<Admission, { layer: 'network' }>): Cause {
    const field = rule.direction === 'ingress' ? 'from' : 'to';
    const name = `${policy.resource.namespace}/${policy.resource.name}`;
    const added = !this.baseModel.byKey.has(policy.resource.key);
    const key = `rule:${policy.resource.key}:${rule.direction}:${rule.index}:${peerIndex ?? 'all'}`;
    if (isCiliumModel(policy)) {
      // One object holds several rules (`specs`): the key names which.
      return { key: `${key}:${formatFieldPath(policy.specPath)}`, resource: policy.resource, side: 'head', related: [], ...ciliumRuleCause(policy, rule.direction, rule.index, peerIndex, added) };
    }
    return {
      key, resource: policy.resource, path: peerIndex === undefined ? rule.path : [...rule.path, field, peerIndex], side: 'head',
      what: `${rule.direction} rule ${rule.index}${peerIndex === undefined ? ` (every ${field === 'from' ? 'source' : 'destination'})` : `, peer ${peerIndex}`} of ${added ? 'new ' : ''}NetworkPolicy ${name}`,
      related: [],
    };
  }

  private labelsCause(workload: Workload): Cause {
    const before = this.base.topology.byId.get(workload.id);
    const related = before && workload.labelsPath.length > 0
      ? [{ resource: before.resources[0], path: before.labelsPath, side: 'base' as const, message: `the pod labels in base were ${labelText(before.labels)}` }]
      : [];
    return {
      key: `labels:${workload.id}`, resource: workload.resources[0], path: workload.labelsPath, side: 'head',
      what: `the changed pod labels of ${workload.id} (now ${labelText(workload.labels)})`, related,
    };
  }

  private workloadAdded(workload: Workload): Cause {
    return { key: `workload:${workload.id}`, resource: workload.resources[0], path: [], side: 'head', what: `the new workload ${workload.id}`, related: [] };
  }

  /**
   * Attributed like workload-unisolated: to the head line that ended the isolation (changed labels, policyTypes
   * or podSelector), or, when the isolating policy was deleted, to its base lines; the base policies in related.
   */
  private lostIsolation(workload: Workload, direction: Direction): Cause {
    const key = `unisolated:${workload.id}:${direction}`;
    const before = this.base.topology.byId.get(workload.id);
    const basePolicies = before ? this.base.selectingPolicies(this.base.classOf(before), direction) : [];
    const isolatedBy = basePolicies.map((p) => ({
      resource: p.resource, path: subjectPath(p), side: 'base' as const,
      message: `${policyLabel(p)} isolated it for ${direction} in base`,
    }));
    if (!before || basePolicies.length === 0) {
      return { key, resource: workload.resources[0], path: workload.labelsPath, side: 'head', what: `${workload.id} no longer being isolated for ${direction}`, related: isolatedBy };
    }
    const { reason, headPlace } = this.whyUnisolated(before, workload, basePolicies, direction);
    const what = `${workload.id} no longer being isolated for ${direction} (${reason})`;
    if (headPlace) return { key, ...headPlace, what, related: isolatedBy };
    // One deleted policy that isolated many workloads is one cause: its connections form one group per
    // direction (a deleted default deny is one finding, not one per workload of the namespace).
    const [deleted, ...others] = isolatedBy;
    if (others.length === 0) {
      return { key: `deleted:${deleted.resource.key}:${direction}`, resource: deleted.resource, path: deleted.path, side: 'base', what: `the deletion of ${policyLabel(basePolicies[0])}, which isolated these pods for ${direction}`, related: [] };
    }
    return { key, resource: deleted.resource, path: deleted.path, side: 'base', what, related: others };
  }

  private fallbackCause(diff: ConnectionDiff): Cause {
    const peer = [diff.dst, diff.src].find((p): p is Extract<PeerRef, { type: 'workload' }> => p.type === 'workload');
    if (!peer) throw new Error(`no workload in ${diff.src.name} -> ${diff.dst.name}`);
    return { key: `workload:${peer.name}`, resource: this.inHead(peer).resources[0], path: [], side: 'head', what: peer.name, related: [] };
  }

  /** Critical when the destination becomes reachable from all of 0.0.0.0/0 or from every namespace. */
  private criticalReason(workload: Workload): string | undefined {
    if (this.worldCache.has(workload.id)) return this.worldCache.get(workload.id);
    const before = this.base.topology.byId.get(workload.id);
    let reason: string | undefined;
    if (fromWorld(this.head, workload) && !(before && fromWorld(this.base, before))) reason = `${workload.id} ${becomes(workload)} reachable from 0.0.0.0/0`;
    else if (fromEveryNamespace(this.head, workload) && !(before && fromEveryNamespace(this.base, before))) reason = `${workload.id} ${becomes(workload)} reachable from every namespace`;
    this.worldCache.set(workload.id, reason);
    return reason;
  }

  /**
   * With a scope, a workload outside it for a direction (ingress: destinations, egress: sources) has the same
   * labels and no changed policy selecting it on either side, so the same policies isolate it in base and head.
   */
  private unisolations(scope: { sources: ReadonlySet<string>; destinations: ReadonlySet<string> } | undefined): Unisolation[] {
    const out: Unisolation[] = [];
    for (const workload of this.head.topology.workloads) {
      const before = this.base.topology.byId.get(workload.id);
      if (!before) continue;
      for (const direction of ['ingress', 'egress'] as const) {
        if (scope && !(direction === 'ingress' ? scope.destinations : scope.sources).has(workload.id)) continue;
        const basePolicies = this.base.selectingPolicies(this.base.classOf(before), direction);
        if (basePolicies.length === 0 || this.head.isolated(this.head.classOf(workload), direction)) continue;
        const clusterPolicies = this.head.clusterPoliciesSelecting(this.head.classOf(workload), direction);
        out.push({ workload, direction, basePolicies, clusterPolicies, ...this.whyUnisolated(before, workload, basePolicies, direction) });
      }
    }
    return out;
  }

  private whyUnisolated(before: Workload, after: Workload, basePolicies: NetworkPolicyModel[], direction: Direction): { reason: string; headPlace?: Place } {
    if (this.changedWorkloads.has(after.id) && labelText(before.labels) !== labelText(after.labels)) {
      return { reason: `its pod labels changed from ${labelText(before.labels)} to ${labelText(after.labels)}`, headPlace: { resource: after.resources[0], path: after.labelsPath, side: 'head' } };
    }
    const policy = basePolicies[0];
    const now = this.headModel.byKey.get(policy.resource.key);
    const name = policyLabel(policy);
    if (!now) return { reason: `${name} was deleted` };
    if (isCiliumModel(policy)) return ciliumUnisolation(policy, now, direction);
    const headPolicy = networkPolicyOf(now);
    if (!headPolicy.isolates[direction]) {
      return { reason: `${name} no longer lists ${direction === 'ingress' ? 'Ingress' : 'Egress'} in its policyTypes`, headPlace: { resource: now, path: headPolicy.policyTypesExplicit ? ['spec', 'policyTypes'] : ['spec'], side: 'head' } };
    }
    return { reason: `the podSelector of ${name} no longer selects it`, headPlace: { resource: now, path: ['spec', 'podSelector'], side: 'head' } };
  }

  /**
   * The workloads whose ways in may differ between the sides, and their namespaces: the destinations, the changed
   * workloads, and those that a Service selects on either side when the Service, or the entries that name it, differ.
   * A workload's exposure comes from the entries of its own namespace and the Services they name alone
   * (Connectivity.exposures): a relabelled app's Service changes the ways into that app, not into its neighbours.
   */
  private exposureScope(destinations: ReadonlySet<string>): { namespaces: Set<string>; workloads: Set<string> } {
    const workloads = new Set([...this.changedWorkloads, ...destinations]);
    const [before, after] = [exposureInputs(this.base.topology), exposureInputs(this.head.topology)];
    const compare = (ns: string, was: readonly (Entry | Service)[], now: readonly (Entry | Service)[]) => {
      if (sameExposureInputs(was, now)) return;
      for (const name of servicesThatDiffer(was, now)) {
        for (const topology of [this.base.topology, this.head.topology]) {
          const service = serviceNamed(topology, ns, name);
          if (service) for (const w of workloadsIn(topology, ns)) if (serviceSelects(service, w)) workloads.add(w.id);
        }
      }
    };
    for (const [ns, items] of after) compare(ns, before.get(ns) ?? [], items);
    for (const [ns, items] of before) if (!after.has(ns)) compare(ns, items, []);
    const namespaces = new Set<string>();
    for (const id of workloads) {
      const w = this.head.topology.byId.get(id) ?? this.base.topology.byId.get(id);
      if (w) namespaces.add(w.namespace);
    }
    return { namespaces, workloads };
  }

  /**
   * With a scope, a workload outside its destinations admits the ingress controller alike on both sides (when
   * nothing about the controller's own namespace changed), so only a port its routes newly send to can open.
   */
  private newExposures(scope: { destinations: ReadonlySet<string> } | undefined): NewExposure[] {
    const controllerUnchanged = scope !== undefined && this.namespaceUnchanged(INGRESS_CONTROLLER_NAMESPACE) &&
      ![...this.changedPolicies].some((key) => (this.headModel.byKey.get(key) ?? this.baseModel.byKey.get(key))?.namespace === INGRESS_CONTROLLER_NAMESPACE);
    // Any other workload outside the destinations has the same ways in on both sides.
    const within = controllerUnchanged ? this.exposureScope(scope.destinations) : undefined;
    const [headExposures, baseExposures] = [this.head.exposures(within?.namespaces, within?.workloads), this.base.exposures(within?.namespaces, within?.workloads)];
    const out: NewExposure[] = [];
    for (const [id, exposure] of headExposures) {
      const workload = this.head.topology.byId.get(id);
      if (!workload) continue;
      const baseExposure = baseExposures.get(id);
      if (controllerUnchanged && !scope.destinations.has(id) && baseExposure && exposure.conns.isSubsetOf(baseExposure.conns)) continue;
      const beforeWorkload = this.base.topology.byId.get(id);
      const was = beforeWorkload ? this.base.ingressConnection(beforeWorkload, baseExposure) : ConnectionSet.NONE;
      const added = this.head.ingressConnection(workload, exposure).subtract(was);
      if (added.isEmpty()) continue;
      const entries = exposure.entries.filter((e) => !e.conns.intersect(added).isEmpty()).map((e) => e.entry);
      const baseEntries = new Set((baseExposure?.entries ?? []).map((e) => entryKey(e.entry)));
      const entry = entries.find((e) => !baseEntries.has(entryKey(e))) ?? entries[0];
      if (!entry) continue;
      out.push({ workload, added, before: was, entry, others: entries.filter((e) => e !== entry) });
    }
    return out;
  }
}

/** A peer as each side sees it (undefined: absent on that side). */
interface SidesOf<T> {
  base: T | undefined;
  head: T | undefined;
}

function fromWorld(connectivity: Connectivity, workload: Workload): boolean {
  return coversAllIpv4(connectivity.ipSpans('ingress', connectivity.classOf(workload)));
}

function fromEveryNamespace(connectivity: Connectivity, workload: Workload): boolean {
  const cls = connectivity.classOf(workload);
  // Under ANP/BANP rules, what the tiers admit from each class of pods: a Deny from one namespace is not "every namespace".
  if (connectivity.clusterPoliciesSelecting(cls, 'ingress').length > 0) return connectivity.admitsEveryPod(cls);
  const policies = connectivity.selectingPolicies(cls, 'ingress');
  if (policies.length === 0) return true;
  return policies.some((p) => p.rules.ingress.some((rule) => rule.peers === 'all' ||
    rule.peers.some((peer) => peer.type === 'pods' && peer.namespaces !== 'own' && selectsEverything(peer.namespaces) && selectsEverything(peer.pods))));
}

function samePriority(a: AdminNetworkPolicyModel, b: AdminNetworkPolicyModel): boolean {
  return a.priority === b.priority || (Number.isNaN(a.priority) && Number.isNaN(b.priority));
}

function pointOf(range: IpRange): IpRange {
  return { family: range.family, start: range.start, end: range.start };
}

/** The entries and Services of each namespace, in the topology's order. */
function exposureInputs(topology: Topology): Map<string, (Entry | Service)[]> {
  const byNamespace = new Map<string, (Entry | Service)[]>();
  for (const items of [topology.entries, topology.services]) for (const item of items) pushTo(byNamespace, item.namespace, item);
  return byNamespace;
}

/**
 * Whether two namespaces' entries and Services send the same ports to the same pods (one side's objects are mostly
 * the other's), in whatever order: files moved between folders reorder the topology.
 */
function sameExposureInputs(a: readonly (Entry | Service)[] | undefined, b: readonly (Entry | Service)[]): boolean {
  if (a === undefined || a.length !== b.length) return false;
  if (a.every((item, i) => sameExposureInput(item, b[i]))) return true;
  const unmatched = new Map<string, (Entry | Service)[]>();
  for (const item of a) pushTo(unmatched, exposureInputKey(item), item);
  return b.every((item) => {
    const candidates = unmatched.get(exposureInputKey(item));
    const i = candidates?.findIndex((other) => sameExposureInput(other, item)) ?? -1;
    if (i < 0) return false;
    candidates!.splice(i, 1);
    return true;
  });
}

/** The names of the Services whose own inputs (the Service, the entries that name it) differ between two lists of a namespace. */
function servicesThatDiffer(a: readonly (Entry | Service)[], b: readonly (Entry | Service)[]): Set<string> {
  const [before, after] = [byServiceName(a), byServiceName(b)];
  const names = new Set<string>();
  for (const [name, items] of after) if (!sameExposureInputs(before.get(name), items)) names.add(name);
  for (const name of before.keys()) if (!after.has(name)) names.add(name);
  return names;
}

function byServiceName(items: readonly (Entry | Service)[]): Map<string, (Entry | Service)[]> {
  const byName = new Map<string, (Entry | Service)[]>();
  for (const item of items) pushTo(byName, 'route' in item ? item.service : item.name, item);
  return byName;
}

function sameExposureInput(item: Entry | Service, other: Entry | Service): boolean {
  if (item === other) return true;
  if ('route' in item) return 'route' in other && item.service === other.service && item.port === other.port;
  return !('route' in other) && item.name === other.name && deepEqual(item.selector, other.selector) && deepEqual(item.ports, other.ports);
}

/** Equal inputs have equal keys. */
function exposureInputKey(item: Entry | Service): string {
  return 'route' in item ? JSON.stringify(['entry', item.service, item.port ?? null]) : JSON.stringify(['service', item.name]);
}

function sameObjects(a: Workload, b: Workload): boolean {
  return a.resources.length === b.resources.length && a.resources.every((r, i) => r.object === b.resources[i].object);
}

function signature(connectivity: Connectivity, w: Workload): string {
  const cls = connectivity.classOf(w);
  return JSON.stringify([labelText(cls.labels), cls.ports, labelText(cls.nsLabels)]);
}

export function labelText(labels: Readonly<Record<string, string>>): string {
  return `{${Object.keys(labels).sort().map((k) => `${k}: ${labels[k]}`).join(', ')}}`;
}

function entryKey(entry: Entry): string {
  return JSON.stringify([entry.resource.key, entry.route, entry.service, entry.port ?? null]);
}

/** The verb for a workload, which may stand for several alike ones (collapseAlike). */
function becomes(workload: Workload): string {
  return (workload.members?.length ?? 0) > 1 ? 'become' : 'becomes';
}

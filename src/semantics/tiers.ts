import type { TiersConfig } from '../config/config.js';
import type { Severity } from '../findings/severity.js';
import type { Model } from '../model/load.js';
import { resolveBackends } from './exposure/backends.js';
import type { ExposureRow } from './exposure-map.js';
import { buildTopology, type Topology, type Workload } from './topology.js';

/**
 * Trust tiers: which tier (of `tiers.order`, highest trust first) a workload belongs to. Pure: the configuration
 * and a topology in, names out.
 */

/** Where a workload's tier comes from, in the order they are tried. */
export type TierSource = 'pod label' | 'namespace label' | 'tiers.namespaces' | 'tiers.default';

export interface TierAssignment {
  tier: string;
  /** 0 for the highest trust (the first of `order`). */
  rank: number;
  source: TierSource;
}

/** A workload behind a route, or a Service whose pods are not in the files, and its tier. */
export interface TieredDestination {
  /** The workload id (`payments/ledger[Deployment]`), or `payments/ledger[Service]` for a Service without workloads. */
  id: string;
  tier: TierAssignment;
  /** The pod ports the route reaches (a workload's). */
  ports?: (number | string)[];
  /** The tier is that of the Service's namespace: none of its pods is in the files. */
  service?: true;
}

/** A label value that names no tier of `order`: ignored (the next source is tried), but worth saying. */
export interface IgnoredTierLabel {
  source: 'pod label' | 'namespace label';
  value: string;
}

export class TierResolver {
  private readonly ranks: Map<string, number>;

  constructor(readonly tiers: TiersConfig, readonly topology: Topology) {
    this.ranks = new Map(tiers.order.map((tier, i) => [tier, i]));
  }

  /** The highest-trust tier: the one tier-exposure-unguarded protects. */
  get highest(): string {
    return this.tiers.order[0];
  }

  rank(tier: string): number | undefined {
    return this.ranks.get(tier);
  }

  /** A workload's tier: its pod label, else its namespace's label, else `namespaces[ns]`, else `default`. */
  ofWorkload(workload: Pick<Workload, 'labels' | 'namespace'>): TierAssignment | undefined {
    return this.assign([['pod label', workload.labels[this.tiers.label]]], workload.namespace);
  }

  /** The tier of a namespace's workloads that carry no tier label (for a destination whose workloads are not in the files). */
  ofNamespace(namespace: string): TierAssignment | undefined {
    return this.assign([], namespace);
  }

  /** The workload id's tier in this topology; undefined for an unknown id or no tier. */
  ofWorkloadId(id: string): TierAssignment | undefined {
    const workload = this.topology.byId.get(id);
    return workload ? this.ofWorkload(workload) : undefined;
  }

  /**
   * What a route's backends lead to, with their tiers: each workload, and for a Service backend that reaches no
   * workload in the files (a repository of Services and routes only, or pods kept elsewhere) the Service itself,
   * at its namespace's tier, so that the tier rules still judge the route. Blocked and non-Service backends lead nowhere.
   */
  destinationsOf(row: Pick<ExposureRow, 'backends'>): TieredDestination[] {
    const out: TieredDestination[] = [];
    for (const backend of row.backends) {
      if (backend.blocked || backend.resource) continue;
      if (backend.workloads.length === 0) {
        const tier = this.ofNamespace(backend.namespace);
        if (tier) out.push({ id: `${backend.namespace}/${backend.service}[Service]`, tier, service: true });
        continue;
      }
      for (const w of backend.workloads) {
        const tier = this.ofWorkloadId(w.id);
        if (tier) out.push({ id: w.id, tier, ports: w.ports });
      }
    }
    return out;
  }

  /** Tier label values on the workload or its namespace that name no configured tier. */
  ignoredLabels(workload: Pick<Workload, 'labels' | 'namespace'>): IgnoredTierLabel[] {
    const out: IgnoredTierLabel[] = [];
    const pod = workload.labels[this.tiers.label];
    if (pod !== undefined && !this.ranks.has(pod)) out.push({ source: 'pod label', value: pod });
    const ns = this.topology.namespaces.get(workload.namespace)?.[this.tiers.label];
    if (ns !== undefined && !this.ranks.has(ns)) out.push({ source: 'namespace label', value: ns });
    return out;
  }

  private assign(first: [TierSource, string | undefined][], namespace: string): TierAssignment | undefined {
    const candidates: [TierSource, string | undefined][] = [
      ...first,
      ['namespace label', this.topology.namespaces.get(namespace)?.[this.tiers.label]],
      ['tiers.namespaces', Object.hasOwn(this.tiers.namespaces, namespace) ? this.tiers.namespaces[namespace] : undefined],
      ['tiers.default', this.tiers.default],
    ];
    for (const [source, tier] of candidates) {
      const rank = tier === undefined ? undefined : this.ranks.get(tier);
      if (tier !== undefined && rank !== undefined) return { tier, rank, source };
    }
    return undefined;
  }
}

/** The resolver of a model's workloads, or undefined when tiers are not configured. */
export function tierResolver(tiers: TiersConfig | undefined, model: Model): TierResolver | undefined {
  return tiers ? new TierResolver(tiers, buildTopology(model)) : undefined;
}

/** The resolvers of both sides of a change, or undefined when tiers are not configured. */
export function tierResolvers(tiers: TiersConfig | undefined, base: Model, head: Model): { base: TierResolver; head: TierResolver } | undefined {
  const [b, h] = [tierResolver(tiers, base), tierResolver(tiers, head)];
  return b && h ? { base: b, head: h } : undefined;
}

/**
 * The severity of a finding about traffic into a tier, for the rules that scale with the destination
 * (ingress-new-route, exposure-added): the highest tier → high, the lowest → low, every tier in between →
 * medium. With a single tier it is the highest: high.
 */
export function severityForTier(tiers: TiersConfig, tier: string): Severity {
  const rank = tiers.order.indexOf(tier);
  if (rank <= 0) return 'high';
  return rank === tiers.order.length - 1 ? 'low' : 'medium';
}

/** A severity taken from the destination's tier, and the words that say so in a message. */
export interface TierSeverity {
  severity: Severity;
  tier: string;
  /** ` (destination in the critical tier)`, to append to the message. */
  suffix: string;
}

/**
 * The severity of traffic into `workloads` (the highest of their tiers), or into `namespace` when no workload is
 * known (a Service whose pods are not in the files); undefined without tiers or when no tier resolves.
 */
export function destinationSeverity(tiers: TiersConfig | undefined, topology: Topology, workloads: readonly Workload[], namespace: string): TierSeverity | undefined {
  if (!tiers) return undefined;
  const resolver = new TierResolver(tiers, topology);
  const assigned = workloads.length > 0 ? workloads.map((w) => resolver.ofWorkload(w)) : [resolver.ofNamespace(namespace)];
  const best = assigned.reduce<TierAssignment | undefined>((a, b) => (b && (!a || b.rank < a.rank) ? b : a), undefined);
  return best && { severity: severityForTier(tiers, best.tier), tier: best.tier, suffix: ` (destination in the ${best.tier} tier)` };
}

/** The severity of traffic into a Service of a model: its workloads' tiers (see destinationSeverity). */
export function serviceSeverity(tiers: TiersConfig | undefined, model: Model, namespace: string, service: string): TierSeverity | undefined {
  const resolver = tierResolver(tiers, model);
  if (!resolver) return undefined;
  const { topology } = resolver;
  const workloads = resolveBackends([{ namespace, service }], topology)[0].workloads.flatMap((w) => topology.byId.get(w.id) ?? []);
  return destinationSeverity(tiers, topology, workloads, namespace);
}

/** `critical tier (pod label segguard.io/tier)`: how messages name an assignment. */
export function describeTier(assignment: TierAssignment, tiers: TiersConfig): string {
  const from = assignment.source === 'pod label' || assignment.source === 'namespace label' ? `${assignment.source} ${tiers.label}` : assignment.source;
  return `${assignment.tier} tier (${from})`;
}

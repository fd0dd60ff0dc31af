import type { Model } from '../../model/load.js';
import { buildExposureMap, type ExposureRow } from '../../semantics/exposure-map.js';
import { tierResolvers, type TierAssignment, type TierResolver } from '../../semantics/tiers.js';
import { defineRule } from '../rule.js';

/** Gateway API route kinds: their rows share a Gateway listener. */
const GATEWAY_ROUTES = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

/**
 * An entry point several workloads can share: one route object, one host of one controller, one Gateway listener.
 * `what` names it in messages; `id` is its identity across base and head.
 */
interface EntryGroup {
  id: string;
  what: string;
  rows: ExposureRow[];
}

interface Member {
  workload: string;
  tier: TierAssignment;
  /** The group's rows that route to it. */
  rows: ExposureRow[];
}

/** A higher-tier and a lower-tier workload behind the same entry point. */
interface Sharing {
  key: string;
  high: Member;
  low: Member;
}

export const tierSharedEntrypoint = defineRule({
  id: 'tier-shared-entrypoint',
  kind: 'diff',
  severity: 'high',
  description: 'A workload of a higher trust tier newly shares an entry point (an Ingress or route object, a host, a Gateway listener) with a workload of a lower tier.',
  check(context) {
    const resolvers = tierResolvers(context.config?.tiers, context.base, context.head);
    if (!resolvers) return;
    const { base, head } = resolvers;
    const before = new Set(sharingsOf(context.base, base).flatMap(({ group, sharings }) => sharings.map((s) => `${group.id}\0${s.key}`)));
    const baseRows = new Set(buildExposureMap(context.base).rows.map((r) => r.key));
    // Each new pair is reported once, in the first group (object, then host, then listener) where it is new.
    const reported = new Set<string>();
    for (const { group, sharings } of sharingsOf(context.head, head)) {
      const fresh = sharings.filter((s) => !before.has(`${group.id}\0${s.key}`) && !reported.has(s.key));
      if (fresh.length === 0) continue;
      for (const s of fresh) reported.add(s.key);
      const [first, ...rest] = fresh;
      // Blame a row the change added when there is one: a lower-tier route, else a higher-tier one.
      const added = (m: Member) => m.rows.find((r) => !baseRows.has(r.key));
      const lowRow = added(first.low);
      const highRow = lowRow ? undefined : added(first.high);
      const [blamedRow, other] = highRow ? [highRow, first.low] : [lowRow ?? first.low.rows[0], first.high];
      const more = rest.length > 0 ? `, and ${rest.length} more pair${rest.length > 1 ? 's' : ''} of tiers` : '';
      context.report({
        message: `The entry point ${group.what} now routes both to ${first.high.workload} (${first.high.tier.tier} tier) and to ${first.low.workload} ` +
          `(${first.low.tier.tier} tier)${more}: traffic for a higher-trust workload shares an entry point with lower-trust traffic, ` +
          'so a change made for the lower tier (annotations, guards, hosts) also reaches the higher one; give each tier its own entry point.',
        at: { resource: blamedRow.source.resource, path: blamedRow.source.path, side: 'head' },
        key: group.id,
        related: [{ resource: other.rows[0].source.resource, path: other.rows[0].source.path, side: 'head', message: `routes ${group.what} to ${other.workload} (${other.tier.tier} tier)` }],
        details: fresh.map((s) => `${s.high.workload} (${s.high.tier.tier}) + ${s.low.workload} (${s.low.tier.tier}) via ${group.what}`).join('\n'),
      });
    }
  },
});

function sharingsOf(model: Model, resolver: TierResolver): { group: EntryGroup; sharings: Sharing[] }[] {
  return entryGroups(buildExposureMap(model).rows).map((group) => ({ group, sharings: sharingsIn(group, resolver) }));
}

/**
 * The groups in reporting order. A host or listener group whose rows all come from one object says nothing its
 * object group does not, so only those spanning several objects are kept.
 */
function entryGroups(rows: readonly ExposureRow[]): EntryGroup[] {
  const objects = new Map<string, EntryGroup>();
  const hosts = new Map<string, EntryGroup>();
  const listeners = new Map<string, EntryGroup>();
  const add = (groups: Map<string, EntryGroup>, id: string, what: string, row: ExposureRow) => {
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { id, what, rows: [] }));
    group.rows.push(row);
  };
  for (const row of rows) {
    const { kind, namespace, name } = row.object;
    const objectName = `${kind} ${namespace}/${name}`;
    add(objects, `object:${kind}/${namespace}/${name}`, objectName, row);
    const host = row.host.toLowerCase();
    add(hosts, `host:${row.controller}:${host}`, host === '*' ? `every host of ${row.controller}` : `host ${row.host} (${row.controller})`, row);
    if (GATEWAY_ROUTES.has(kind)) add(listeners, `listener:${row.controller}:${row.listener}`, `listener ${row.listener} of ${row.controller}`, row);
  }
  const spansObjects = (group: EntryGroup) => new Set(group.rows.map((r) => `${r.object.kind}/${r.object.namespace}/${r.object.name}`)).size > 1;
  return [...objects.values(), ...[...hosts.values(), ...listeners.values()].filter(spansObjects)];
}

/** Every pair of workloads of different tiers behind a group, the higher tier first. */
function sharingsIn(group: EntryGroup, resolver: TierResolver): Sharing[] {
  const members = new Map<string, Member>();
  for (const row of group.rows) {
    for (const { id, tier } of resolver.destinationsOf(row)) {
      const member = members.get(id);
      if (!member) members.set(id, { workload: id, tier, rows: [row] });
      else if (!member.rows.includes(row)) member.rows.push(row);
    }
  }
  const out: Sharing[] = [];
  for (const high of members.values()) {
    for (const low of members.values()) {
      // The tiers are part of the key: a workload raised to a higher tier makes an old sharing a new one.
      if (high.tier.rank < low.tier.rank) out.push({ key: `${high.workload}@${high.tier.tier}>${low.workload}@${low.tier.tier}`, high, low });
    }
  }
  return out.sort((a, b) => a.high.tier.rank - b.high.tier.rank || b.low.tier.rank - a.low.tier.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

import type { FieldPath } from './field-path.js';
import { isObject, type JsonObject } from './json.js';
import { IpSet, parseCidr, type IpRange } from './ip-set.js';
import type { Model } from './load.js';
import { perDecodedObject } from './memo.js';
import type { Direction, PolicyProblem, Protocol } from './network-policy.js';
import { DIRECTIONS } from './network-policy.js';
import type { Resource } from './resource.js';
import { EVERYTHING, matches, parseSelector, selectsEverything, type LabelSelector } from './selector.js';

/**
 * The meaning of the cluster-wide policies of `policy.networking.k8s.io/v1alpha1`
 * (https://network-policy-api.sigs.k8s.io/reference/spec/): AdminNetworkPolicy (ANP) and the singleton
 * BaselineAdminNetworkPolicy `default` (BANP). Every part keeps its field path, so rules can point at the line of
 * the object, a rule, its action or the priority (`resource.at(path)`).
 */
export const ADMIN_POLICY_GROUP = 'policy.networking.k8s.io';
export type AdminPolicyKind = 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';

/** Allow and Deny decide; Pass (ANP only) hands the connection to the NetworkPolicies, then the BANP. */
export type AdminAction = 'Allow' | 'Deny' | 'Pass';

/** The BANP's only accepted name. */
export const BASELINE_NAME = 'default';
/** The range the API server accepts for `spec.priority` (lower numbers are evaluated first). */
export const MIN_PRIORITY = 0;
export const MAX_PRIORITY = 1000;

/**
 * The pods a policy applies to, or a pod peer. `namespaces: {…}` is every pod of the selected namespaces (its
 * `pods` selector is EVERYTHING); `pods: {namespaceSelector, podSelector}` is an AND of both. `field` says which
 * form was written.
 */
export interface AdminPodSelection {
  field: 'namespaces' | 'pods';
  namespaces: LabelSelector;
  pods: LabelSelector;
  path: FieldPath;
}

export interface AdminPodPeer extends AdminPodSelection {
  type: 'pods';
}

/** `networks` (egress only): addresses outside (or inside) the cluster, by CIDR. */
export interface AdminNetworksPeer {
  type: 'networks';
  /** The CIDRs as written (valid ones only), with the path of each. */
  cidrs: { text: string; path: FieldPath }[];
  /** Their union, both families. */
  addresses: IpSet;
  path: FieldPath;
}

/** `nodes` (egress only): the host network of the nodes whose labels match. */
export interface AdminNodesPeer {
  type: 'nodes';
  nodes: LabelSelector;
  path: FieldPath;
}

export type AdminPeer = AdminPodPeer | AdminNetworksPeer | AdminNodesPeer;

/** One entry of `ports`: exactly one of `portNumber`, `namedPort`, `portRange` (TCP when no protocol is given). */
export type AdminPort =
  | { type: 'portNumber'; protocol: Protocol; port: number; path: FieldPath }
  /** A container port name, resolved on the destination pod (its protocol is the container port's). */
  | { type: 'namedPort'; name: string; path: FieldPath }
  | { type: 'portRange'; protocol: Protocol; start: number; end: number; path: FieldPath };

export interface AdminRule {
  direction: Direction;
  index: number;
  /** `name` as written ('' when absent); not part of the meaning. */
  name: string;
  action: AdminAction;
  /** `from` (ingress) or `to` (egress); the API requires at least one peer. */
  peers: AdminPeer[];
  /** 'all' when `ports` is absent: every port and protocol. */
  ports: AdminPort[] | 'all';
  path: FieldPath;
  actionPath: FieldPath;
}

interface AdminPolicyCommon {
  resource: Resource;
  subject: AdminPodSelection;
  rules: Record<Direction, AdminRule[]>;
  /** What the API server would reject. */
  problems: PolicyProblem[];
}

export interface AdminNetworkPolicyModel extends AdminPolicyCommon {
  kind: 'AdminNetworkPolicy';
  /** `spec.priority`; NaN when missing or not a number (reported in `problems`). */
  priority: number;
  priorityPath: FieldPath;
}

export interface BaselineAdminNetworkPolicyModel extends AdminPolicyCommon {
  kind: 'BaselineAdminNetworkPolicy';
}

export type ClusterPolicyModel = AdminNetworkPolicyModel | BaselineAdminNetworkPolicyModel;

export const PRIORITY_PATH: FieldPath = ['spec', 'priority'];
const PEER_LIST_FIELD: Record<Direction, 'from' | 'to'> = { ingress: 'from', egress: 'to' };
const PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];

export function isAdminNetworkPolicy(resource: Resource): boolean {
  return resource.kind === 'AdminNetworkPolicy' && resource.group === ADMIN_POLICY_GROUP;
}

export function isBaselineAdminNetworkPolicy(resource: Resource): boolean {
  return resource.kind === 'BaselineAdminNetworkPolicy' && resource.group === ADMIN_POLICY_GROUP;
}

export const adminNetworkPolicyOf: (resource: Resource) => AdminNetworkPolicyModel = perDecodedObject<AdminNetworkPolicyModel>((resource) => {
  const problems: PolicyProblem[] = [];
  const raw = resource.spec.priority;
  const priority = typeof raw === 'number' && Number.isInteger(raw) ? raw : Number.NaN;
  if (raw === undefined || raw === null) problems.push({ path: PRIORITY_PATH, message: 'spec.priority is required' });
  else if (Number.isNaN(priority) || priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
    problems.push({ path: PRIORITY_PATH, message: `priority ${JSON.stringify(raw)} is not an integer from ${MIN_PRIORITY} to ${MAX_PRIORITY}` });
  }
  return { kind: 'AdminNetworkPolicy', priority, priorityPath: PRIORITY_PATH, ...buildCommon(resource.spec, ['Allow', 'Deny', 'Pass'], problems) };
});

export const baselineAdminNetworkPolicyOf: (resource: Resource) => BaselineAdminNetworkPolicyModel = perDecodedObject<BaselineAdminNetworkPolicyModel>((resource) => {
  const problems: PolicyProblem[] = [];
  if (resource.name !== BASELINE_NAME) {
    problems.push({ path: ['metadata', 'name'], message: `a BaselineAdminNetworkPolicy must be named "${BASELINE_NAME}" (it is a singleton), not "${resource.name}"` });
  }
  return { kind: 'BaselineAdminNetworkPolicy', ...buildCommon(resource.spec, ['Allow', 'Deny'], problems) };
});

export function clusterPolicyOf(resource: Resource): ClusterPolicyModel | undefined {
  if (isAdminNetworkPolicy(resource)) return adminNetworkPolicyOf(resource);
  if (isBaselineAdminNetworkPolicy(resource)) return baselineAdminNetworkPolicyOf(resource);
  return undefined;
}

/** The cluster-wide policies of one side, as the cluster evaluates them. */
export interface ClusterPolicies {
  /** Every ANP, by ascending priority (model order among equal priorities; an ANP without a valid priority last). */
  admin: AdminNetworkPolicyModel[];
  /** The BANP `default`, if the side has one (a BANP of another name is rejected by the API server: not here). */
  baseline?: BaselineAdminNetworkPolicyModel;
}

const clusterPoliciesByModel = new WeakMap<Model, ClusterPolicies>();

/**
 * The ANPs and the BANP of a model, built once per model. A function of the model rather than a field of it, so
 * a view of a model (analyze.ts keeps one per environment) gets the policies of its own objects.
 */
export function clusterPoliciesOf(model: Pick<Model, 'resources'>): ClusterPolicies {
  let policies = clusterPoliciesByModel.get(model as Model);
  if (!policies) {
    const admin: AdminNetworkPolicyModel[] = [];
    let baseline: BaselineAdminNetworkPolicyModel | undefined;
    for (const resource of model.resources) {
      if (isAdminNetworkPolicy(resource)) admin.push(adminNetworkPolicyOf(resource));
      else if (isBaselineAdminNetworkPolicy(resource) && resource.name === BASELINE_NAME) baseline = baselineAdminNetworkPolicyOf(resource);
    }
    // Array.prototype.sort is stable: equal priorities keep model order.
    admin.sort((a, b) => sortablePriority(a) - sortablePriority(b));
    policies = { admin, ...(baseline ? { baseline } : {}) };
    clusterPoliciesByModel.set(model as Model, policies);
  }
  return policies;
}

function sortablePriority(policy: AdminNetworkPolicyModel): number {
  return Number.isNaN(policy.priority) ? Number.POSITIVE_INFINITY : policy.priority;
}

/** Whether a side has any ANP or BANP (the engine keeps its NetworkPolicy-only paths otherwise). */
export function hasClusterPolicies(policies: ClusterPolicies): boolean {
  return policies.admin.length > 0 || policies.baseline !== undefined;
}

/** Every ANP (by priority), then the BANP. */
export function clusterPolicyList(policies: ClusterPolicies): ClusterPolicyModel[] {
  return policies.baseline ? [...policies.admin, policies.baseline] : policies.admin;
}

/**
 * Whether a rule is a Deny of everything in its direction: every port, from/to every pod (a `namespaces: {}` or
 * `pods: {namespaceSelector: {}, podSelector: {}}` peer) and, for egress, every IPv4 address (`networks: [0.0.0.0/0]`).
 * An ingress rule cannot name addresses outside the cluster: ANPs do not govern them.
 */
export function deniesEverything(rule: AdminRule): boolean {
  if (rule.action !== 'Deny' || rule.ports !== 'all') return false;
  const everyPod = rule.peers.some((p) => p.type === 'pods' && selectsEverything(p.namespaces) && selectsEverything(p.pods));
  const everyAddress = rule.direction === 'ingress' || rule.peers.some((p) => p.type === 'networks' && p.cidrs.some((c) => c.text === '0.0.0.0/0'));
  return everyPod && everyAddress;
}

/** Whether a policy's subject is every pod of namespaces with these labels. */
export function coversNamespace(policy: ClusterPolicyModel, namespaceLabels: Readonly<Record<string, string>>): boolean {
  return matches(policy.subject.namespaces, namespaceLabels) && selectsEverything(policy.subject.pods);
}

/** `AdminNetworkPolicy deny-sandbox`: how messages name an ANP or the BANP (cluster-scoped: no namespace). */
export function describeClusterPolicy(policy: ClusterPolicyModel): string {
  return `${policy.kind} ${policy.resource.name}`;
}

function buildCommon(spec: JsonObject, actions: readonly AdminAction[], problems: PolicyProblem[]): Omit<AdminPolicyCommon, 'resource' | 'problems'> & { problems: PolicyProblem[] } {
  const subject = buildSubject(spec.subject, problems);
  const rules: Record<Direction, AdminRule[]> = { ingress: [], egress: [] };
  for (const direction of DIRECTIONS) {
    const list = spec[direction];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      problems.push({ path: ['spec', direction], message: `spec.${direction} is not a list` });
      continue;
    }
    if (list.length > 100) problems.push({ path: ['spec', direction], message: `spec.${direction} has ${list.length} rules; the API server accepts at most 100` });
    list.forEach((raw, index) => rules[direction].push(buildRule(direction, index, raw, actions, problems)));
  }
  return { subject, rules, problems };
}

function buildSubject(raw: unknown, problems: PolicyProblem[]): AdminPodSelection {
  const path: FieldPath = ['spec', 'subject'];
  const nothing: AdminPodSelection = { field: 'namespaces', namespaces: { constraints: new Map(), invalid: 'no subject' }, pods: EVERYTHING, path };
  if (!isObject(raw)) {
    problems.push({ path, message: 'spec.subject is required' });
    return nothing;
  }
  const [field] = exactlyOne(raw, ['namespaces', 'pods'], path, 'subject', problems);
  return field === undefined ? nothing : podSelection(raw, field, path, problems);
}

/** `namespaces: {…}` or `pods: {namespaceSelector, podSelector}` (a subject or a pod peer). */
function podSelection(raw: JsonObject, field: string, path: FieldPath, problems: PolicyProblem[]): AdminPodSelection {
  if (field === 'namespaces') return { field, namespaces: selector(raw.namespaces, [...path, 'namespaces'], problems), pods: EVERYTHING, path };
  const pods = isObject(raw.pods) ? raw.pods : {};
  // Both selectors are required fields of NamespacedPod; `{}` selects everything.
  for (const [key, what] of [['namespaceSelector', 'namespace'], ['podSelector', 'pod']]) {
    if (pods[key] === undefined || pods[key] === null) problems.push({ path: [...path, 'pods'], message: `pods.${key} is required (write {} for every ${what})` });
  }
  return {
    field: 'pods',
    namespaces: selector(pods.namespaceSelector ?? {}, [...path, 'pods', 'namespaceSelector'], problems),
    pods: selector(pods.podSelector ?? {}, [...path, 'pods', 'podSelector'], problems),
    path,
  };
}

function selector(raw: unknown, path: FieldPath, problems: PolicyProblem[]): LabelSelector {
  const parsed = parseSelector(raw);
  if (parsed.invalid) problems.push({ path, message: parsed.invalid });
  return parsed;
}

function buildRule(direction: Direction, index: number, raw: unknown, actions: readonly AdminAction[], problems: PolicyProblem[]): AdminRule {
  const path: FieldPath = ['spec', direction, index];
  const rule = isObject(raw) ? raw : {};
  const name = typeof rule.name === 'string' ? rule.name : '';
  if (name.length > 100) problems.push({ path: [...path, 'name'], message: `rule name is ${name.length} characters long; the API server accepts at most 100` });
  const actionPath: FieldPath = [...path, 'action'];
  const actionText = typeof rule.action === 'string' ? rule.action : '';
  const action = actions.find((a) => a === actionText);
  if (!action) {
    problems.push({
      path: actionPath,
      message: actionText ? `action "${actionText}" is not one of ${actions.join(', ')}` : `the rule has no action (one of ${actions.join(', ')})`,
    });
  }
  const peerField = PEER_LIST_FIELD[direction];
  const rawPeers = rule[peerField];
  const peers: AdminPeer[] = [];
  if (!Array.isArray(rawPeers) || rawPeers.length === 0) {
    problems.push({ path, message: `the rule needs at least one peer in \`${peerField}\`` });
  } else {
    if (rawPeers.length > 100) problems.push({ path: [...path, peerField], message: `\`${peerField}\` has ${rawPeers.length} peers; the API server accepts at most 100` });
    rawPeers.forEach((p, i) => {
      const peer = buildPeer(direction, p, [...path, peerField, i], problems);
      if (peer) peers.push(peer);
    });
  }
  const rawPorts = rule.ports;
  let ports: AdminPort[] | 'all' = 'all';
  if (rawPorts !== undefined && rawPorts !== null) {
    ports = [];
    if (!Array.isArray(rawPorts)) problems.push({ path: [...path, 'ports'], message: 'ports is not a list' });
    else rawPorts.forEach((p, i) => pushPort(ports as AdminPort[], p, [...path, 'ports', i], problems));
  }
  // An unknown action is rejected by the API server; Deny keeps such a rule from opening anything in the analysis.
  return { direction, index, name, action: action ?? 'Deny', peers, ports, path, actionPath };
}

/** The fields a peer may set, exactly one of them: `nodes` and `networks` only leave the cluster's pods (egress). */
const PEER_FIELDS: Record<Direction, readonly string[]> = { ingress: ['namespaces', 'pods'], egress: ['namespaces', 'pods', 'nodes', 'networks'] };

function buildPeer(direction: Direction, raw: unknown, path: FieldPath, problems: PolicyProblem[]): AdminPeer | undefined {
  const peer = isObject(raw) ? raw : {};
  for (const field of ['nodes', 'networks']) {
    if (direction === 'ingress' && peer[field] !== undefined && peer[field] !== null) {
      problems.push({ path: [...path, field], message: `\`${field}\` is an egress peer only; an ingress peer takes \`namespaces\` or \`pods\`` });
    }
  }
  const [field] = exactlyOne(peer, PEER_FIELDS[direction], path, `${direction} peer`, problems);
  if (field === 'nodes') return { type: 'nodes', nodes: selector(peer.nodes, [...path, 'nodes'], problems), path };
  if (field === 'networks') return buildNetworks(peer.networks, path, problems);
  return field === undefined ? undefined : { type: 'pods', ...podSelection(peer, field, path, problems) };
}

/** The one field of `fields` that `raw` sets, or [] (reported) when it sets none or several. */
function exactlyOne(raw: JsonObject, fields: readonly string[], path: FieldPath, what: string, problems: PolicyProblem[]): [string] | [] {
  const set = fields.filter((field) => raw[field] !== undefined && raw[field] !== null);
  if (set.length === 1) return [set[0]];
  const quoted = (list: readonly string[]) => list.map((f) => `\`${f}\``).join(', ');
  problems.push({ path, message: set.length === 0 ? `a ${what} must set one of ${quoted(fields)}` : `a ${what} sets ${quoted(set)}; exactly one of ${quoted(fields)} is allowed` });
  return [];
}

function buildNetworks(raw: unknown, path: FieldPath, problems: PolicyProblem[]): AdminNetworksPeer {
  const listPath = [...path, 'networks'];
  const cidrs: AdminNetworksPeer['cidrs'] = [];
  const ranges: IpRange[] = [];
  if (!Array.isArray(raw) || raw.length === 0) problems.push({ path: listPath, message: 'networks needs at least one CIDR' });
  else {
    if (raw.length > 25) problems.push({ path: listPath, message: `networks has ${raw.length} CIDRs; the API server accepts at most 25` });
    raw.forEach((item, i) => {
      const text = typeof item === 'string' ? item : String(item);
      const parsed = parseCidr(text);
      if (!parsed || !text.includes('/')) {
        problems.push({ path: [...listPath, i], message: `"${text}" is not a valid CIDR` });
        return;
      }
      cidrs.push({ text, path: [...listPath, i] });
      ranges.push(parsed.range);
    });
  }
  return { type: 'networks', cidrs, addresses: IpSet.of(ranges), path };
}

function pushPort(out: AdminPort[], raw: unknown, path: FieldPath, problems: PolicyProblem[]): void {
  const port = isObject(raw) ? raw : {};
  const [field] = exactlyOne(port, ['portNumber', 'namedPort', 'portRange'], path, 'port', problems);
  if (field === undefined) return;
  if (field === 'namedPort') {
    if (typeof port.namedPort !== 'string' || port.namedPort === '') problems.push({ path: [...path, 'namedPort'], message: 'namedPort must be a port name' });
    else out.push({ type: 'namedPort', name: port.namedPort, path });
    return;
  }
  const fieldPath = [...path, field];
  const body = isObject(port[field]) ? port[field] : {};
  const protocol = protocolOf(body.protocol, fieldPath, problems);
  if (field === 'portNumber') {
    const number = portField(body.port, [...fieldPath, 'port'], problems);
    if (number !== undefined) out.push({ type: 'portNumber', protocol, port: number, path });
    return;
  }
  const start = portField(body.start, [...fieldPath, 'start'], problems);
  const end = portField(body.end, [...fieldPath, 'end'], problems);
  if (start === undefined || end === undefined) return;
  if (start >= end) problems.push({ path: fieldPath, message: `portRange start ${start} must be less than end ${end}` });
  out.push({ type: 'portRange', protocol, start, end, path });
}

function protocolOf(raw: unknown, path: FieldPath, problems: PolicyProblem[]): Protocol {
  if (raw === undefined || raw === null) return 'TCP';
  if (typeof raw === 'string' && PROTOCOLS.includes(raw)) return raw as Protocol;
  problems.push({ path: [...path, 'protocol'], message: `unsupported protocol "${String(raw)}" (TCP, UDP or SCTP)` });
  return 'TCP';
}

function portField(raw: unknown, path: FieldPath, problems: PolicyProblem[]): number | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 65_535) return raw;
  const field = String(path[path.length - 1]);
  problems.push({ path, message: raw === undefined || raw === null ? `${field} is required` : `${field} ${JSON.stringify(raw)} is not a port: the API server takes an integer from 1 to 65535` });
  return undefined;
}

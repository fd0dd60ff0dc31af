import { internPath, type FieldPath } from './field-path.js';
import { isObject } from './json.js';
import { IpSet, parseCidr, type IpRange } from './ip-set.js';
import type { Resource } from './resource.js';
import { parseSelector, type LabelSelector } from './selector.js';
import { perDecodedObject } from './memo.js';

/**
 * The effective meaning of a NetworkPolicy (networking.k8s.io/v1), computed once so no rule re-derives the
 * defaults: `policyTypes` defaulting, TCP as the default protocol, absent vs empty `from`/`to`/`ports`.
 */
export type Direction = 'ingress' | 'egress';
export const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface PodPeer {
  type: 'pods';
  /** `own` = the policy's namespace (namespaceSelector absent); otherwise the namespaces it selects. */
  namespaces: 'own' | LabelSelector;
  pods: LabelSelector;
  /** Both selectors in one peer (an AND). */
  combined: boolean;
  path: FieldPath;
}

export interface IpBlockPeer {
  type: 'ipBlock';
  cidr: string;
  except: string[];
  /** cidr minus except. */
  addresses: IpSet;
  path: FieldPath;
}

export type Peer = PodPeer | IpBlockPeer;

export interface PortSpec {
  protocol: Protocol;
  /** Absent: every port of the protocol. A string is a named container port, resolved on the destination pod. */
  port?: number | string;
  endPort?: number;
  path: FieldPath;
}

export interface PolicyRule {
  direction: Direction;
  index: number;
  /** 'all' when `from`/`to` is absent or empty: every source or destination, in and outside the cluster. */
  peers: Peer[] | 'all';
  /** 'all' when `ports` is absent or empty: every port and protocol. */
  ports: PortSpec[] | 'all';
  path: FieldPath;
}

export interface PolicyProblem {
  path: FieldPath;
  message: string;
}

export interface NetworkPolicyModel {
  resource: Resource;
  podSelector: LabelSelector;
  /** Effective policyTypes. */
  isolates: Record<Direction, boolean>;
  /** Whether `policyTypes` was written (false: derived from the defaulting rule). */
  policyTypesExplicit: boolean;
  rules: Record<Direction, PolicyRule[]>;
  /** What the API server would reject. */
  problems: PolicyProblem[];
}

const PEER_LIST_FIELD: Record<Direction, 'from' | 'to'> = { ingress: 'from', egress: 'to' };

export function isNetworkPolicy(resource: Resource): boolean {
  return resource.kind === 'NetworkPolicy' && resource.group === 'networking.k8s.io';
}

export const networkPolicyOf: (resource: Resource) => NetworkPolicyModel = perDecodedObject<NetworkPolicyModel>(buildNetworkPolicy);

/** Which pods a policy selects and which directions it isolates: all that deciding whether it applies to a pod takes. */
export type PolicySelection = Pick<NetworkPolicyModel, 'resource' | 'podSelector' | 'isolates' | 'policyTypesExplicit'>;

/**
 * The selection of a NetworkPolicy without its rules: most policies of a namespace are asked only whether they
 * select some pods, and their rules (peers, ports, address sets) are built when they do (PolicyIndex).
 */
export const networkPolicySelectionOf: (resource: Resource) => PolicySelection = perDecodedObject<PolicySelection>(buildSelection);

function buildSelection(resource: Resource): Omit<PolicySelection, 'resource'> {
  const spec = resource.spec;
  const types = Array.isArray(spec.policyTypes) ? spec.policyTypes.map(String) : [];
  const policyTypesExplicit = types.length > 0;
  // Without policyTypes, Egress is isolated when the policy has egress rules: one rule per item of the list.
  const isolates = policyTypesExplicit
    ? { ingress: types.includes('Ingress'), egress: types.includes('Egress') }
    : { ingress: true, egress: Array.isArray(spec.egress) && spec.egress.length > 0 };
  return { podSelector: parseSelector(spec.podSelector), isolates, policyTypesExplicit };
}

function buildNetworkPolicy(resource: Resource): Omit<NetworkPolicyModel, 'resource'> {
  const spec = resource.spec;
  const problems: PolicyProblem[] = [];
  const { podSelector, isolates, policyTypesExplicit } = networkPolicySelectionOf(resource);
  if (podSelector.invalid) problems.push({ path: ['spec', 'podSelector'], message: podSelector.invalid });
  const rules: Record<Direction, PolicyRule[]> = { ingress: [], egress: [] };
  for (const direction of DIRECTIONS) {
    const list = spec[direction];
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => rules[direction].push(buildRule(direction, index, raw, problems)));
  }
  const types = Array.isArray(spec.policyTypes) ? spec.policyTypes.map(String) : [];
  for (const [i, t] of types.entries()) {
    if (t !== 'Ingress' && t !== 'Egress') problems.push({ path: ['spec', 'policyTypes', i], message: `unknown policyType "${t}"` });
  }
  return { podSelector, isolates, policyTypesExplicit, rules, problems };
}

function buildRule(direction: Direction, index: number, raw: unknown, problems: PolicyProblem[]): PolicyRule {
  const path = internPath(['spec', direction, index]);
  const rule = isObject(raw) ? raw : {};
  const peerField = PEER_LIST_FIELD[direction];
  const rawPeers = rule[peerField];
  const rawPorts = rule.ports;
  const peers = Array.isArray(rawPeers) && rawPeers.length > 0
    ? rawPeers.flatMap((p, i) => buildPeer(p, internPath([...path, peerField, i]), problems))
    : 'all';
  const ports = Array.isArray(rawPorts) && rawPorts.length > 0
    ? rawPorts.map((p, i) => buildPort(p, internPath([...path, 'ports', i]), problems))
    : 'all';
  return { direction, index, peers, ports, path };
}

function buildPeer(raw: unknown, path: FieldPath, problems: PolicyProblem[]): Peer[] {
  const peer = isObject(raw) ? raw : {};
  const hasPods = peer.podSelector !== undefined && peer.podSelector !== null;
  const hasNamespaces = peer.namespaceSelector !== undefined && peer.namespaceSelector !== null;
  const hasIpBlock = peer.ipBlock !== undefined && peer.ipBlock !== null;
  if (!hasPods && !hasNamespaces && !hasIpBlock) {
    problems.push({ path, message: 'a peer must specify podSelector, namespaceSelector or ipBlock (an empty peer `{}` is rejected)' });
    return [];
  }
  if (hasIpBlock) {
    if (hasPods || hasNamespaces) {
      problems.push({ path, message: 'ipBlock cannot be combined with podSelector or namespaceSelector in one peer' });
      return [];
    }
    return buildIpBlock(peer.ipBlock, internPath([...path, 'ipBlock']), problems);
  }
  const pods = parseSelector(peer.podSelector ?? {});
  const namespaces = hasNamespaces ? parseSelector(peer.namespaceSelector) : 'own';
  if (pods.invalid) problems.push({ path: [...path, 'podSelector'], message: pods.invalid });
  if (namespaces !== 'own' && namespaces.invalid) problems.push({ path: [...path, 'namespaceSelector'], message: namespaces.invalid });
  return [{ type: 'pods', namespaces, pods, combined: hasPods && hasNamespaces, path }];
}

function buildIpBlock(raw: unknown, path: FieldPath, problems: PolicyProblem[]): IpBlockPeer[] {
  const block = isObject(raw) ? raw : {};
  const cidrText = typeof block.cidr === 'string' ? block.cidr : '';
  const cidr = parseCidr(cidrText);
  if (!cidr || !cidrText.includes('/')) {
    problems.push({ path: [...path, 'cidr'], message: cidrText ? `"${cidrText}" is not a valid CIDR` : 'ipBlock.cidr is required' });
    return [];
  }
  const except = Array.isArray(block.except) ? block.except.map(String) : [];
  const excluded: IpRange[] = [];
  except.forEach((text, i) => {
    const cut = parseCidr(text);
    if (!cut || !text.includes('/')) {
      problems.push({ path: [...path, 'except', i], message: `"${text}" is not a valid CIDR` });
      return;
    }
    const inside = cut.family === cidr.family && cut.prefix > cidr.prefix && cut.range.start >= cidr.range.start && cut.range.end <= cidr.range.end;
    if (!inside) problems.push({ path: [...path, 'except', i], message: `except "${text}" must be a strict subset of cidr "${cidrText}"` });
    excluded.push(cut.range);
  });
  return [{ type: 'ipBlock', cidr: cidrText, except, addresses: IpSet.of([cidr.range]).subtract(IpSet.of(excluded)), path }];
}

/** What the API server accepts as a port number: `.inf`, `.nan` and 80.5 are YAML numbers that kubectl cannot apply. */
function isPortNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65_535;
}

function portProblem(field: string, value: number): string {
  const shown = Number.isNaN(value) ? '.nan' : Number.isFinite(value) ? String(value) : value > 0 ? '.inf' : '-.inf';
  return `${field} ${shown} is not a port: the API server takes an integer from 1 to 65535 (or a port name)`;
}

function buildPort(raw: unknown, path: FieldPath, problems: PolicyProblem[]): PortSpec {
  const port = isObject(raw) ? raw : {};
  const protocolText = port.protocol === undefined || port.protocol === null ? 'TCP' : String(port.protocol);
  const protocol: Protocol = protocolText === 'UDP' || protocolText === 'SCTP' ? protocolText : 'TCP';
  if (protocolText !== protocol) problems.push({ path: [...path, 'protocol'], message: `unsupported protocol "${protocolText}" (TCP, UDP or SCTP)` });
  const spec: PortSpec = { protocol, path };
  if (typeof port.port === 'number' || typeof port.port === 'string') {
    spec.port = typeof port.port === 'string' && /^\d+$/.test(port.port) ? Number(port.port) : port.port;
    if (typeof port.port === 'string' && /^\d+$/.test(port.port)) {
      // The API server reads a quoted number as a port name, and a port name needs a letter: it rejects the object.
      problems.push({ path: [...path, 'port'], message: `port "${port.port}" is a quoted number, which the API server takes for a port name and rejects (a name needs a letter); write it unquoted` });
    }
    if (typeof spec.port === 'number' && !isPortNumber(spec.port)) problems.push({ path: [...path, 'port'], message: portProblem('port', spec.port) });
  }
  if (typeof port.endPort === 'number') {
    spec.endPort = port.endPort;
    if (!isPortNumber(port.endPort)) {
      problems.push({ path: [...path, 'endPort'], message: portProblem('endPort', port.endPort) });
    } else if (typeof spec.port !== 'number') {
      problems.push({ path: [...path, 'endPort'], message: 'endPort requires a numeric port' });
    } else if (port.endPort < spec.port) {
      problems.push({ path: [...path, 'endPort'], message: `endPort ${port.endPort} is below port ${spec.port}` });
    }
  }
  return spec;
}

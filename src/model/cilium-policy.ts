import { code } from '../findings/code-span.js';
import type { Approximation } from './approximation.js';
import type { FieldPath } from './field-path.js';
import { isObject, type JsonObject, type JsonValue } from './json.js';
import { IpSet, parseCidr, type IpRange } from './ip-set.js';
import { perResource } from './memo.js';
import {
  DIRECTIONS, type Direction, type IpBlockPeer, type NetworkPolicyModel, type PodPeer, type PolicyProblem, type PolicyRule, type PortSpec, type Protocol,
} from './network-policy.js';
import type { Resource } from './resource.js';
import { ABSENT, EVERYTHING, intersectSelectors, parseSelector, type LabelSelector } from './selector.js';

/**
 * The meaning of a CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy (cilium.io/v2) at L3/L4, lowered to the
 * shape of a NetworkPolicy so the same connectivity engine evaluates both: one model per rule of `spec` and
 * `specs`, with Cilium's peers (endpoints, entities, CIDRs) as pod and ipBlock peers, and its deny rules beside
 * the allow rules. What it cannot express exactly is listed in `approximations` (docs/cilium.md).
 */
export const CILIUM_NAMESPACE_LABEL = 'kubernetes.io/metadata.name';

/** A peer with the Cilium field it was written in, so rules and messages can name it. */
export type CiliumPeer = (PodPeer | IpBlockPeer) & {
  /** `fromEndpoints`, `toEntities`, `fromCIDRSet`, … */
  field: string;
  /** The entity (`world`, `cluster`, `all`) this peer stands for, when written as one. */
  entity?: string;
};

export interface CiliumRule extends PolicyRule {
  peers: CiliumPeer[] | 'all';
  /** `ingress`/`egress` or `ingressDeny`/`egressDeny`. */
  field: string;
  /** L7 rules (`toPorts[].rules`) and `toFQDNs`, recorded but not evaluated. */
  l7: { path: FieldPath; what: string }[];
}

export interface CiliumPolicyModel extends NetworkPolicyModel {
  /** The `spec` or `specs[i]` this model is. */
  specPath: FieldPath;
  clusterwide: boolean;
  /**
   * The namespaces whose endpoints the endpointSelector may select: a CNP's own namespace (and the namespace labels
   * its selector names), any namespace for a CCNP unless its selector names some.
   */
  subjectNamespaces: LabelSelector;
  rules: Record<Direction, CiliumRule[]>;
  deny: Record<Direction, CiliumRule[]>;
  /** Whether enableDefaultDeny was written for the direction (else derived from the rules present). */
  defaultDenyExplicit: Record<Direction, boolean>;
}

export interface CiliumPolicyDocument {
  resource: Resource;
  /** One per `spec` / `specs[i]` that selects endpoints (a nodeSelector spec selects nodes: not modelled). */
  policies: CiliumPolicyModel[];
  problems: PolicyProblem[];
  approximations: Approximation[];
}

export function isCiliumPolicy(resource: Resource): boolean {
  return resource.group === 'cilium.io' && (resource.kind === 'CiliumNetworkPolicy' || resource.kind === 'CiliumClusterwideNetworkPolicy');
}

export function isCiliumModel(policy: NetworkPolicyModel): policy is CiliumPolicyModel {
  return 'deny' in policy;
}

/** Per Resource, not per decoded object: a peer without a namespace means the Resource's own namespace. */
export const ciliumPolicyOf: (resource: Resource) => CiliumPolicyDocument = perResource(buildDocument);

const RULE_FIELDS: Record<Direction, { allow: string; deny: string; prefix: 'from' | 'to' }> = {
  ingress: { allow: 'ingress', deny: 'ingressDeny', prefix: 'from' },
  egress: { allow: 'egress', deny: 'egressDeny', prefix: 'to' },
};

/** Entities that stand for no workload and no external address segguard models (host, nodes, the API server…). */
const UNMODELLED_ENTITIES = new Set(['host', 'remote-node', 'kube-apiserver', 'health', 'init', 'unmanaged', 'ingress', 'none']);
const ENTITIES = new Set(['world', 'world-ipv4', 'world-ipv6', 'cluster', 'all', ...UNMODELLED_ENTITIES]);
/** L3 fields segguard records without evaluating (no workload or address stands for what they select). */
const UNMODELLED_PEER_FIELDS = ['Requires', 'Services', 'Nodes', 'Groups'] as const;

function buildDocument(resource: Resource): CiliumPolicyDocument {
  const problems: PolicyProblem[] = [];
  const approximations: Approximation[] = [];
  const clusterwide = resource.kind === 'CiliumClusterwideNetworkPolicy';
  const decoder = new Decoder(resource, clusterwide, problems, approximations);
  const specs: { raw: JsonObject; path: FieldPath }[] = [];
  if (isObject(resource.object.spec)) specs.push({ raw: resource.object.spec, path: ['spec'] });
  const list = resource.object.specs;
  if (Array.isArray(list)) list.forEach((raw, i) => (isObject(raw) ? specs.push({ raw, path: ['specs', i] }) : problems.push({ path: ['specs', i], message: 'a spec is not an object' })));
  if (specs.length === 0) problems.push({ path: [], message: `a ${resource.kind} needs spec or specs` });
  return { resource, policies: specs.flatMap(({ raw, path }) => decoder.spec(raw, path) ?? []), problems, approximations };
}

class Decoder {
  constructor(
    private readonly resource: Resource, private readonly clusterwide: boolean,
    private readonly problems: PolicyProblem[], private readonly approximations: Approximation[],
  ) {}

  spec(raw: JsonObject, path: FieldPath): CiliumPolicyModel | undefined {
    const hasEndpoints = raw.endpointSelector !== undefined && raw.endpointSelector !== null;
    const hasNodes = raw.nodeSelector !== undefined && raw.nodeSelector !== null;
    if (hasEndpoints === hasNodes) {
      this.problems.push({ path, message: 'a rule needs exactly one of endpointSelector and nodeSelector' });
      return undefined;
    }
    if (hasNodes) {
      // A host policy: it selects nodes, which no workload stands for.
      this.approximations.push({ path: [...path, 'nodeSelector'], message: 'a nodeSelector selects nodes (a host policy), which segguard does not model; this rule is ignored' });
      return undefined;
    }
    const subject = this.selector(raw.endpointSelector, [...path, 'endpointSelector'], 'subject');
    if (subject.entity) {
      this.approximations.push({ path: [...path, 'endpointSelector'], message: `an endpointSelector on the reserved label ${code(subject.entity)} selects no pod segguard models; this rule is ignored` });
      return undefined;
    }
    const rules: Record<Direction, CiliumRule[]> = { ingress: [], egress: [] };
    const deny: Record<Direction, CiliumRule[]> = { ingress: [], egress: [] };
    for (const direction of DIRECTIONS) {
      const fields = RULE_FIELDS[direction];
      rules[direction] = this.rules(raw[fields.allow], [...path, fields.allow], direction, fields.allow);
      deny[direction] = this.rules(raw[fields.deny], [...path, fields.deny], direction, fields.deny);
    }
    const written = isObject(raw.enableDefaultDeny) ? raw.enableDefaultDeny : {};
    const defaultDenyExplicit = { ingress: typeof written.ingress === 'boolean', egress: typeof written.egress === 'boolean' };
    // Cilium's default: deny by default in each direction the rule has (allow or deny) rules for.
    const isolates = {
      ingress: typeof written.ingress === 'boolean' ? written.ingress : rules.ingress.length + deny.ingress.length > 0,
      egress: typeof written.egress === 'boolean' ? written.egress : rules.egress.length + deny.egress.length > 0,
    };
    return {
      resource: this.resource, specPath: path, clusterwide: this.clusterwide, podSelector: subject.pods, subjectNamespaces: subject.namespaces,
      isolates, policyTypesExplicit: defaultDenyExplicit.ingress || defaultDenyExplicit.egress, defaultDenyExplicit, rules, deny, problems: [],
    };
  }

  private rules(raw: JsonValue | undefined, path: FieldPath, direction: Direction, field: string): CiliumRule[] {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      this.problems.push({ path, message: `${field} is not a list` });
      return [];
    }
    return raw.map((rule, index) => this.rule(isObject(rule) ? rule : {}, [...path, index], direction, field, index));
  }

  private rule(raw: JsonObject, path: FieldPath, direction: Direction, field: string, index: number): CiliumRule {
    const prefix = RULE_FIELDS[direction].prefix;
    const l7: CiliumRule['l7'] = [];
    const peers: CiliumPeer[] = [];
    let hasL3 = false;
    const list = (name: string): { value: JsonValue; path: FieldPath }[] => {
      const value = raw[name];
      // An empty list selects like an absent one (Cilium tests the length).
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return [];
      hasL3 = true;
      if (!Array.isArray(value)) {
        this.problems.push({ path: [...path, name], message: `${name} is not a list` });
        return [];
      }
      return value.map((item, i) => ({ value: item, path: [...path, name, i] }));
    };
    for (const item of list(`${prefix}Endpoints`)) peers.push(...this.endpointPeer(item.value, item.path, `${prefix}Endpoints`));
    for (const item of list(`${prefix}Entities`)) peers.push(...this.entityPeers(item.value, item.path, `${prefix}Entities`));
    for (const item of list(`${prefix}CIDR`)) peers.push(...this.cidrPeer(item.value, [], item.path, `${prefix}CIDR`));
    for (const item of list(`${prefix}CIDRSet`)) {
      const set = isObject(item.value) ? item.value : {};
      if (set.cidr === undefined) {
        this.approximate([...item.path], `a ${prefix}CIDRSet entry without cidr (a cidrGroupRef or selector) is not modelled; it admits no address here`);
        continue;
      }
      peers.push(...this.cidrPeer(set.cidr, Array.isArray(set.except) ? set.except : [], item.path, `${prefix}CIDRSet`, true));
    }
    if (direction === 'egress') {
      for (const item of list('toFQDNs')) {
        const name = isObject(item.value) ? String(item.value.matchName ?? item.value.matchPattern ?? '') : '';
        l7.push({ path: item.path, what: `toFQDNs ${name}` });
        // A DNS name resolves to addresses outside the cluster that segguard cannot know: the broader meaning, any of them.
        peers.push(...worldPeers(item.path, 'toFQDNs', undefined));
        this.approximate(item.path, `toFQDNs ${code(name)} is not resolved: it is analyzed as every address outside the cluster on the rule's ports`);
      }
    }
    for (const suffix of UNMODELLED_PEER_FIELDS) {
      if (list(`${prefix}${suffix}`).length > 0) this.approximate([...path, `${prefix}${suffix}`], `${prefix}${suffix} is not modelled; it admits nothing here`);
    }
    if (raw.icmps !== undefined && raw.icmps !== null) this.approximate([...path, 'icmps'], 'ICMP rules are not modelled; the rule is analyzed by its other fields alone');
    const ports = this.ports(raw.toPorts, [...path, 'toPorts'], l7);
    // No L3 field: every peer (an L4-only rule); an empty rule `{}` selects no peer and allows nothing.
    const anyPeer = !hasL3 && raw.toPorts !== undefined && raw.toPorts !== null;
    return { direction, index, field, peers: anyPeer ? 'all' : peers, ports, path, l7 };
  }

  private endpointPeer(raw: JsonValue, path: FieldPath, field: string): CiliumPeer[] {
    const selector = this.selector(raw, path, 'peer');
    if (selector.entity) return this.entity(selector.entity, path, field);
    return [{ type: 'pods', namespaces: selector.peerNamespaces, pods: selector.pods, combined: selector.peerNamespaces !== 'own', path, field }];
  }

  private entityPeers(raw: JsonValue, path: FieldPath, field: string): CiliumPeer[] {
    const name = typeof raw === 'string' ? raw : '';
    if (!ENTITIES.has(name)) {
      this.problems.push({ path, message: `unknown entity "${String(raw)}"` });
      return [];
    }
    return this.entity(name, path, field);
  }

  private entity(name: string, path: FieldPath, field: string): CiliumPeer[] {
    const cluster: CiliumPeer = { type: 'pods', namespaces: EVERYTHING, pods: EVERYTHING, combined: false, path, field, entity: name };
    switch (name) {
      case 'world':
      case 'world-ipv4':
      case 'world-ipv6':
        return worldPeers(path, field, name);
      case 'cluster':
        return [cluster];
      case 'all':
        return [cluster, ...worldPeers(path, field, name)];
      default:
        this.approximate(path, `the entity ${code(name)} stands for no workload or address segguard models; it admits nothing here`);
        return [];
    }
  }

  private cidrPeer(raw: JsonValue, rawExcept: JsonValue[], path: FieldPath, field: string, isSet = false): CiliumPeer[] {
    const cidrPath = isSet ? [...path, 'cidr'] : path;
    const text = typeof raw === 'string' ? raw : '';
    const cidr = parseCidr(text);
    if (!cidr) {
      this.problems.push({ path: cidrPath, message: text ? `"${text}" is not a valid CIDR` : 'cidr is required' });
      return [];
    }
    const except = rawExcept.map(String);
    const excluded: IpRange[] = [];
    except.forEach((cut, i) => {
      const parsed = parseCidr(cut);
      if (parsed) excluded.push(parsed.range);
      else this.problems.push({ path: [...path, 'except', i], message: `"${cut}" is not a valid CIDR` });
    });
    // Cilium accepts a bare address as a /32 (or /128).
    const shown = text.includes('/') ? text : `${text}/${cidr.family === 'ipv4' ? 32 : 128}`;
    return [{ type: 'ipBlock', cidr: shown, except, addresses: IpSet.of([cidr.range]).subtract(IpSet.of(excluded)), path, field }];
  }

  private ports(raw: JsonValue | undefined, path: FieldPath, l7: CiliumRule['l7']): PortSpec[] | 'all' {
    if (raw === undefined || raw === null) return 'all';
    if (!Array.isArray(raw)) {
      this.problems.push({ path, message: 'toPorts is not a list' });
      return 'all';
    }
    const specs: PortSpec[] = [];
    let every = false;
    raw.forEach((entry, i) => {
      const portRule = isObject(entry) ? entry : {};
      const rulePath = [...path, i];
      if (isObject(portRule.rules)) {
        for (const kind of Object.keys(portRule.rules)) {
          l7.push({ path: [...rulePath, 'rules', kind], what: `L7 ${kind} rules` });
          this.approximate([...rulePath, 'rules', kind], `L7 ${code(kind)} rules are not evaluated: the rule is analyzed as allowing every request on its ports`);
        }
      }
      const list = Array.isArray(portRule.ports) ? portRule.ports : [];
      // A port rule without ports selects every port (its L7 rules then apply to all of them).
      if (list.length === 0) every = true;
      list.forEach((port, j) => specs.push(...this.port(isObject(port) ? port : {}, [...rulePath, 'ports', j])));
    });
    return every || raw.length === 0 ? 'all' : specs;
  }

  private port(raw: JsonObject, path: FieldPath): PortSpec[] {
    const protocolText = raw.protocol === undefined || raw.protocol === null ? 'ANY' : String(raw.protocol).toUpperCase();
    const protocols: Protocol[] = protocolText === 'ANY' ? ['TCP', 'UDP', 'SCTP'] : protocolText === 'TCP' || protocolText === 'UDP' || protocolText === 'SCTP' ? [protocolText] : [];
    if (protocols.length === 0) {
      this.problems.push({ path: [...path, 'protocol'], message: `unsupported protocol "${protocolText}" (TCP, UDP, SCTP or ANY)` });
      return [];
    }
    const text = raw.port === undefined || raw.port === null ? '0' : String(raw.port);
    let port: number | string | undefined;
    if (/^\d+$/.test(text)) {
      const number = Number(text);
      if (number > 65_535) this.problems.push({ path: [...path, 'port'], message: `port ${text} is not a port (0 to 65535)` });
      // Port 0 (or none) is every port of the protocol.
      port = number === 0 ? undefined : number;
    } else {
      port = text; // a named container port
    }
    const endPort = typeof raw.endPort === 'number' ? raw.endPort : undefined;
    if (endPort !== undefined && (typeof port !== 'number' || endPort < port)) {
      this.problems.push({ path: [...path, 'endPort'], message: `endPort ${endPort} needs a numeric port at or below it` });
    }
    return protocols.map((protocol) => ({ protocol, ...(port !== undefined ? { port } : {}), ...(endPort !== undefined && typeof port === 'number' && endPort >= port ? { endPort } : {}), path }));
  }

  private approximate(path: FieldPath, message: string): void {
    this.approximations.push({ path, message });
  }

  /**
   * Splits a Cilium endpoint selector into pod labels and namespace labels: `k8s:`/`any:` prefixes dropped,
   * `io.kubernetes.pod.namespace` the namespace's name, `io.cilium.k8s.namespace.labels.X` its label X, a
   * `reserved:` label an entity. A peer selector that names no namespace is limited to the policy's namespace
   * (a CNP) or to pods of any namespace (a CCNP), as Cilium's getEndpointSelector does.
   */
  private selector(raw: JsonValue | undefined, path: FieldPath, role: 'subject' | 'peer'): SplitSelector {
    const pod: JsonObject = {};
    const ns: JsonObject = {};
    const podExpressions: JsonValue[] = [];
    const nsExpressions: JsonValue[] = [];
    let entity: string | undefined;
    let namesNamespace = false;
    const place = (key: string): { target: 'pod' | 'ns'; key: string } | undefined => {
      const colon = key.indexOf(':');
      const source = colon >= 0 ? key.slice(0, colon) : 'any';
      const bare = colon >= 0 ? key.slice(colon + 1) : key;
      if (source === 'reserved') {
        entity = bare;
        return undefined;
      }
      if (bare === 'io.kubernetes.pod.namespace') {
        namesNamespace = true;
        return { target: 'ns', key: CILIUM_NAMESPACE_LABEL };
      }
      if (bare.startsWith('io.cilium.k8s.namespace.labels.')) return { target: 'ns', key: bare.slice('io.cilium.k8s.namespace.labels.'.length) };
      if (bare.startsWith('io.cilium.k8s.policy.')) {
        this.approximate(path, `the label ${code(key)} (a service account or cluster) is not modelled; the selector is analyzed without it`);
        return undefined;
      }
      return { target: 'pod', key: bare };
    };
    const object = isObject(raw) ? raw : {};
    if (isObject(object.matchLabels)) {
      for (const [key, value] of Object.entries(object.matchLabels)) {
        const where = place(key);
        if (where) (where.target === 'pod' ? pod : ns)[where.key] = value;
      }
    }
    if (Array.isArray(object.matchExpressions)) {
      for (const expression of object.matchExpressions) {
        if (!isObject(expression) || typeof expression.key !== 'string') {
          podExpressions.push(expression); // left for parseSelector to reject
          continue;
        }
        const where = place(expression.key);
        if (where) (where.target === 'pod' ? podExpressions : nsExpressions).push({ ...expression, key: where.key });
      }
    }
    const pods = parseSelector({ matchLabels: pod, matchExpressions: podExpressions });
    const namespaces = withoutNameExists(parseSelector({ matchLabels: ns, matchExpressions: nsExpressions }));
    for (const selector of [pods, namespaces]) if (selector.invalid) this.problems.push({ path, message: selector.invalid });
    const named = Object.keys(ns).length + nsExpressions.length > 0;
    const ownNamespace: LabelSelector = parseSelector({ matchLabels: { [CILIUM_NAMESPACE_LABEL]: this.resource.namespace } });
    if (role === 'subject') {
      // A CNP selects endpoints of its own namespace only, whatever its selector says.
      return { pods, namespaces: this.clusterwide ? namespaces : named ? intersectSelectors(ownNamespace, namespaces) : ownNamespace, peerNamespaces: 'own', entity };
    }
    const peerNamespaces = namesNamespace || this.clusterwide ? namespaces : named ? intersectSelectors(ownNamespace, namespaces) : 'own';
    return { pods, namespaces, peerNamespaces, entity };
  }
}

interface SplitSelector {
  pods: LabelSelector;
  namespaces: LabelSelector;
  /** The namespaces of a peer: `own` for the policy's namespace alone. */
  peerNamespaces: 'own' | LabelSelector;
  entity?: string;
}

/** `io.kubernetes.pod.namespace Exists` holds for every namespace (each has a name): the same as no constraint. */
function withoutNameExists(selector: LabelSelector): LabelSelector {
  const name = selector.constraints.get(CILIUM_NAMESPACE_LABEL);
  if (!name?.complement || name.values.size !== 1 || !name.values.has(ABSENT)) return selector;
  // Parsed selectors are shared: a copy, never the original, loses the constraint.
  const constraints = new Map(selector.constraints);
  constraints.delete(CILIUM_NAMESPACE_LABEL);
  return { ...selector, constraints };
}

function worldPeers(path: FieldPath, field: string, entity: string | undefined): CiliumPeer[] {
  const cidrs = entity === 'world-ipv4' ? ['0.0.0.0/0'] : entity === 'world-ipv6' ? ['::/0'] : ['0.0.0.0/0', '::/0'];
  return cidrs.map((cidr) => ({
    type: 'ipBlock', cidr, except: [], addresses: IpSet.of([parseCidr(cidr)!.range]), path, field, ...(entity ? { entity } : {}),
  }));
}

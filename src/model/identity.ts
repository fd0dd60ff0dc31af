/** The group part of an apiVersion: `networking.k8s.io/v1` → `networking.k8s.io`, `v1` → `` (core). */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * Groups that served the same kind before it moved: an Ingress written as `extensions/v1beta1` is the same
 * object as a `networking.k8s.io/v1` one, so both map to the current group for identity.
 */
const GROUP_ALIASES: Record<string, Record<string, string>> = {
  Ingress: { extensions: 'networking.k8s.io' },
  NetworkPolicy: { extensions: 'networking.k8s.io' },
  Deployment: { extensions: 'apps', 'apps.openshift.io': 'apps.openshift.io' },
  DaemonSet: { extensions: 'apps' },
  ReplicaSet: { extensions: 'apps' },
  IngressRoute: { 'traefik.containo.us': 'traefik.io' },
  Middleware: { 'traefik.containo.us': 'traefik.io' },
  TLSOption: { 'traefik.containo.us': 'traefik.io' },
};

export function canonicalGroup(kind: string, group: string): string {
  // Kinds and groups are user input: only the tables' own entries count (`kind: constructor` is no alias).
  const aliases = Object.hasOwn(GROUP_ALIASES, kind) ? GROUP_ALIASES[kind] : undefined;
  return aliases && Object.hasOwn(aliases, group) ? aliases[group] : group;
}

/** Kinds that live outside namespaces: their identity has no namespace. */
const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace', 'Node', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'IngressClass',
  'GatewayClass', 'GlobalNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'CiliumClusterwideNetworkPolicy', 'PersistentVolume',
  'StorageClass', 'PriorityClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED_KINDS.has(kind);
}

export interface Identity {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  /**
   * The render target the object came from (its directory, '' for the repository root); absent for an object read
   * from a plain file. The same name in two overlays (dev, prod) is two objects.
   */
  scope?: string;
}

/** `networking.k8s.io/NetworkPolicy/payments/default-deny` (`...@overlays/prod` when rendered): one string key per object. */
export function identityKey(id: Identity): string {
  // join builds one flat string: a template literal builds a tree of concatenations, which every Map lookup by the key
  // (a model's index, the comparison of both sides) walks again, and which stays in memory with each Resource.
  const parts = [id.group, id.kind, id.namespace, id.name].join('/');
  return id.scope === undefined ? parts : [parts, id.scope].join('@');
}

/** `NetworkPolicy payments/default-deny` (`... in prod (overlays/prod)` when rendered): how users name an object. */
export function describeIdentity(id: Pick<Identity, 'kind' | 'namespace' | 'name'> & { environment?: string }): string {
  const name = id.namespace ? `${id.kind} ${id.namespace}/${id.name}` : `${id.kind} ${id.name}`;
  return id.environment === undefined ? name : `${name} in ${id.environment}`;
}

/** `prod (overlays/prod)`: how messages name a render target (the environment, and the directory when it says more). */
export function describeEnvironment(target: { name: string; path: string }): string {
  const dir = target.path === '' ? '.' : target.path;
  return target.name === dir ? dir : `${target.name} (${dir})`;
}

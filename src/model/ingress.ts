import { internPath, type FieldPath } from './field-path.js';
import { isObject, type JsonObject } from './json.js';
import type { Resource } from './resource.js';
import { perDecodedObject } from './memo.js';

/**
 * The meaning of an Ingress, the same whichever API version wrote it (`extensions/v1beta1`,
 * `networking.k8s.io/v1beta1` or `networking.k8s.io/v1`), so a version migration compares as equal.
 */
export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface IngressBackend {
  service?: string;
  /** Number or named service port. */
  port?: number | string;
  /** A `resource` backend: `apiGroup/kind/name`. */
  resource?: string;
  path: FieldPath;
  /** The fields naming the service and its port (v1 `service.name`/`service.port`, v1beta1 `serviceName`/`servicePort`), for exact lines. */
  servicePath?: FieldPath;
  portPath?: FieldPath;
}

export interface IngressPath {
  /** Undefined: the rule has no host and matches every host. */
  host: string | undefined;
  path: string;
  pathType: PathType;
  backend: IngressBackend;
  fieldPath: FieldPath;
}

export interface IngressRule {
  host: string | undefined;
  index: number;
  paths: IngressPath[];
  fieldPath: FieldPath;
}

export interface IngressTls {
  hosts: string[];
  secretName?: string;
  fieldPath: FieldPath;
}

export interface IngressModel {
  resource: Resource;
  /** `ingressClassName`, or the deprecated `kubernetes.io/ingress.class` annotation when the field is absent. */
  className: string | undefined;
  classPath: FieldPath;
  defaultBackend: IngressBackend | undefined;
  rules: IngressRule[];
  tls: IngressTls[];
  problems: { path: FieldPath; message: string }[];
}

export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export function isIngress(resource: Resource): boolean {
  return resource.kind === 'Ingress' && resource.group === 'networking.k8s.io';
}

export const ingressOf: (resource: Resource) => IngressModel = perDecodedObject<IngressModel>(buildIngress);

function buildIngress(resource: Resource): Omit<IngressModel, 'resource'> {
  const spec = resource.spec;
  const isV1 = resource.apiVersion === 'networking.k8s.io/v1';
  const problems: IngressModel['problems'] = [];
  const annotationClass = resource.annotations()[INGRESS_CLASS_ANNOTATION];
  const fieldClass = typeof spec.ingressClassName === 'string' ? spec.ingressClassName : undefined;
  const className = fieldClass ?? annotationClass;
  const classPath: FieldPath = fieldClass !== undefined ? ['spec', 'ingressClassName'] : ['metadata', 'annotations', INGRESS_CLASS_ANNOTATION];
  const rawDefault = spec.defaultBackend ?? spec.backend;
  const defaultBackend = isObject(rawDefault) ? backendOf(rawDefault, ['spec', spec.defaultBackend !== undefined ? 'defaultBackend' : 'backend']) : undefined;
  const rules: IngressRule[] = [];
  (Array.isArray(spec.rules) ? spec.rules : []).forEach((raw, index) => {
    const rule = isObject(raw) ? raw : {};
    const host = typeof rule.host === 'string' && rule.host !== '' ? rule.host : undefined;
    const fieldPath = internPath(['spec', 'rules', index]);
    const http = isObject(rule.http) ? rule.http : {};
    const paths: IngressPath[] = [];
    (Array.isArray(http.paths) ? http.paths : []).forEach((rawPath, i) => {
      const p = isObject(rawPath) ? rawPath : {};
      const pathField = internPath([...fieldPath, 'http', 'paths', i]);
      const rawType = typeof p.pathType === 'string' ? p.pathType : undefined;
      if (rawType === undefined && isV1) problems.push({ path: pathField, message: 'pathType is required in networking.k8s.io/v1' });
      if (rawType !== undefined && rawType !== 'Exact' && rawType !== 'Prefix' && rawType !== 'ImplementationSpecific') {
        problems.push({ path: [...pathField, 'pathType'], message: `unknown pathType "${rawType}" (Exact, Prefix or ImplementationSpecific)` });
      }
      const pathType = (rawType ?? 'ImplementationSpecific') as PathType;
      const path = typeof p.path === 'string' && p.path !== '' ? p.path : '/';
      const backend = backendOf(isObject(p.backend) ? p.backend : {}, internPath([...pathField, 'backend']));
      paths.push({ host, path, pathType, backend, fieldPath: pathField });
    });
    rules.push({ host, index, paths, fieldPath });
  });
  const tls: IngressTls[] = (Array.isArray(spec.tls) ? spec.tls : []).map((raw, i) => {
    const entry = isObject(raw) ? raw : {};
    return {
      hosts: Array.isArray(entry.hosts) ? entry.hosts.map(String) : [],
      secretName: typeof entry.secretName === 'string' ? entry.secretName : undefined,
      fieldPath: ['spec', 'tls', i],
    };
  });
  return { className, classPath, defaultBackend, rules, tls, problems };
}

/** v1 `{service: {name, port: {number|name}}}` and v1beta1 `{serviceName, servicePort}` to one shape. */
function backendOf(raw: JsonObject, path: FieldPath): IngressBackend {
  if (isObject(raw.service)) {
    const port = isObject(raw.service.port) ? raw.service.port : {};
    return {
      service: typeof raw.service.name === 'string' ? raw.service.name : undefined,
      port: typeof port.number === 'number' ? port.number : typeof port.name === 'string' ? port.name : undefined,
      path,
      servicePath: internPath([...path, 'service', 'name']),
      portPath: internPath([...path, 'service', 'port', typeof port.number === 'number' ? 'number' : 'name']),
    };
  }
  if (typeof raw.serviceName === 'string') {
    const sp = raw.servicePort;
    const port = typeof sp === 'number' ? sp : typeof sp === 'string' ? (/^\d+$/.test(sp) ? Number(sp) : sp) : undefined;
    return { service: raw.serviceName, port, path, servicePath: internPath([...path, 'serviceName']), portPath: internPath([...path, 'servicePort']) };
  }
  if (isObject(raw.resource)) {
    const r = raw.resource;
    return { resource: `${String(r.apiGroup ?? '')}/${String(r.kind ?? '')}/${String(r.name ?? '')}`, path };
  }
  return { path };
}

/** `service:port` or the resource reference, for messages and comparisons. */
export function describeBackend(backend: IngressBackend | undefined): string {
  if (!backend) return 'nothing';
  if (backend.resource) return `resource ${backend.resource}`;
  return backend.port === undefined ? `${backend.service ?? '?'}` : `${backend.service ?? '?'}:${backend.port}`;
}

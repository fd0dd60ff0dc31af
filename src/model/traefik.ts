import { code } from '../findings/code-span.js';
import { listOf, nonEmptyString, objectOf } from './crd.js';
import { perResource } from './memo.js';
import type { Approximation } from './approximation.js';
import type { FieldPath } from './field-path.js';
import { lookup } from './lookup.js';
import { isIngress } from './ingress.js';
import { IpSet, parseCidr } from './ip-set.js';
import { isObject, type JsonObject } from './json.js';
import type { Model } from './load.js';
import type { Resource } from './resource.js';

/**
 * Traefik's Kubernetes CRDs (IngressRoute, Middleware, TLSOption) in both API groups — `traefik.io/v1alpha1` and
 * the removed v2 group `traefik.containo.us/v1alpha1`, which identity already maps to `traefik.io` — and the
 * Traefik router annotations of plain Ingresses. Each object's meaning is computed once (cached per Resource);
 * what needs other objects (a middleware reference, the `default` TLSOption) is resolved against a snapshot.
 */
export const TRAEFIK_GROUP = 'traefik.io';

export type Problem = { path: FieldPath; message: string };

// ---------------------------------------------------------------------------------------------------------------
// Router rules: `Host(`a.example.com`) && (PathPrefix(`/api`) || !Method(`GET`))`
// ---------------------------------------------------------------------------------------------------------------

export type MatchExpr =
  | { kind: 'matcher'; name: string; args: string[] }
  | { kind: 'and'; items: MatchExpr[] }
  | { kind: 'or'; items: MatchExpr[] }
  | { kind: 'not'; item: MatchExpr };

/** One matcher of a conjunction, possibly negated: the leaves of the disjunctive normal form. */
export interface MatchLiteral {
  name: string;
  args: string[];
  negated: boolean;
}

/** A conjunction of literals; an empty one matches every request. */
export type Conjunct = MatchLiteral[];

/** v2 spellings of v3 matchers. */
const MATCHER_ALIASES: Record<string, string> = { HostHeader: 'Host', Headers: 'Header', HeadersRegexp: 'HeaderRegexp' };

/** Matchers that took several values in v2 (`Host(`a`, `b`)`), each meaning "any of them". */
const ANY_OF_MATCHERS = new Set(['Host', 'HostRegexp', 'Path', 'PathPrefix', 'PathRegexp', 'Method', 'ClientIP', 'HostSNI', 'HostSNIRegexp']);

/** Every matcher Traefik v3 (and v2 through the aliases) knows; two-argument ones take a key and a value. */
const KNOWN_MATCHERS = new Set([...ANY_OF_MATCHERS, 'Header', 'HeaderRegexp', 'Query', 'QueryRegexp', 'ALPN']);
const KEY_VALUE_MATCHERS = new Set(['Header', 'HeaderRegexp', 'Query', 'QueryRegexp']);

type Token = { type: 'ident' | 'string' | '(' | ')' | ',' | '&&' | '||' | '!' | 'end'; value: string; offset: number };

export class MatchSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')' || c === ',' || c === '!') { tokens.push({ type: c, value: c, offset: i }); i++; continue; }
    if (c === '&' || c === '|') {
      if (text[i + 1] !== c) throw new MatchSyntaxError(`"${c}" must be doubled ("${c}${c}")`, i);
      tokens.push({ type: c === '&' ? '&&' : '||', value: c + c, offset: i });
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) throw new MatchSyntaxError('unterminated backquoted string', i);
      tokens.push({ type: 'string', value: text.slice(i + 1, end), offset: i });
      i = end + 1;
      continue;
    }
    if (c === '"') {
      // A Go interpreted string: backslash escapes.
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length) {
          const e = text[++j];
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
        } else {
          value += text[j];
        }
      }
      if (j >= text.length) throw new MatchSyntaxError('unterminated quoted string', i);
      tokens.push({ type: 'string', value, offset: i });
      i = j + 1;
      continue;
    }
    if (c === "'") throw new MatchSyntaxError('single quotes do not delimit strings in a Traefik rule: use backquotes', i);
    const ident = /^[A-Za-z][A-Za-z0-9]*/.exec(text.slice(i));
    if (!ident) throw new MatchSyntaxError(`unexpected "${c}"`, i);
    tokens.push({ type: 'ident', value: ident[0], offset: i });
    i += ident[0].length;
  }
  tokens.push({ type: 'end', value: '', offset: text.length });
  return tokens;
}

/**
 * Parses a router rule. Precedence as in Go (Traefik evaluates the rule as a Go expression): `!` binds tightest,
 * then `&&`, then `||`; parentheses group. v2 multi-value matchers become an `||` of one-value matchers and v2
 * names their v3 equivalent, so a v2 rule and its v3 rewrite parse to the same tree.
 */
export function parseMatch(text: string): MatchExpr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const expect = (type: Token['type']) => {
    const t = tokens[pos];
    if (t.type !== type) throw new MatchSyntaxError(`expected "${type}" but found ${t.type === 'end' ? 'the end of the rule' : `"${t.value}"`}`, t.offset);
    pos++;
    return t;
  };
  const binary = (kind: 'and' | 'or', op: '&&' | '||', next: () => MatchExpr): MatchExpr => {
    const items = [next()];
    while (peek().type === op) { pos++; items.push(next()); }
    return items.length === 1 ? items[0] : flatten(kind, items);
  };
  const orExpr = (): MatchExpr => binary('or', '||', andExpr);
  const andExpr = (): MatchExpr => binary('and', '&&', unary);
  const unary = (): MatchExpr => {
    if (peek().type === '!') { pos++; return { kind: 'not', item: unary() }; }
    if (peek().type === '(') { pos++; const inner = orExpr(); expect(')'); return inner; }
    const name = expect('ident');
    expect('(');
    const args: string[] = [];
    if (peek().type !== ')') {
      args.push(expect('string').value);
      while (peek().type === ',') { pos++; args.push(expect('string').value); }
    }
    expect(')');
    return matcher(name.value, args, name.offset);
  };
  if (peek().type === 'end') throw new MatchSyntaxError('the rule is empty', 0);
  const expr = orExpr();
  if (peek().type !== 'end') throw new MatchSyntaxError(`unexpected "${peek().value}"`, peek().offset);
  return expr;
}

function flatten(kind: 'and' | 'or', items: MatchExpr[]): MatchExpr {
  return { kind, items: items.flatMap((item) => (item.kind === kind ? item.items : [item])) };
}

function matcher(rawName: string, args: string[], offset: number): MatchExpr {
  const name = Object.hasOwn(MATCHER_ALIASES, rawName) ? MATCHER_ALIASES[rawName] : rawName;
  if (!KNOWN_MATCHERS.has(name)) throw new MatchSyntaxError(`unknown matcher ${rawName}`, offset);
  if (args.length === 0) throw new MatchSyntaxError(`${rawName} needs an argument`, offset);
  if (ANY_OF_MATCHERS.has(name)) {
    return args.length === 1 ? { kind: 'matcher', name, args } : { kind: 'or', items: args.map((a) => ({ kind: 'matcher', name, args: [a] })) };
  }
  if (KEY_VALUE_MATCHERS.has(name)) {
    // v2 Query(`k=v`, …): every pair must be present.
    if (name.startsWith('Query') && args.every((a) => a.includes('='))) {
      const pairs = args.map((a): MatchExpr => ({ kind: 'matcher', name, args: [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] }));
      return pairs.length === 1 ? pairs[0] : { kind: 'and', items: pairs };
    }
    if (args.length !== 2 && !(name.startsWith('Query') && args.length === 1)) throw new MatchSyntaxError(`${rawName} takes a key and a value`, offset);
  }
  return { kind: 'matcher', name, args };
}

const quote = (s: string) => (s.includes('`') ? JSON.stringify(s) : `\`${s}\``);

/** The rule written back in v3 syntax, with the parentheses precedence needs. */
export function formatMatch(expr: MatchExpr): string {
  switch (expr.kind) {
    case 'matcher':
      return `${expr.name}(${expr.args.map(quote).join(', ')})`;
    case 'not':
      return `!${expr.item.kind === 'matcher' || expr.item.kind === 'not' ? formatMatch(expr.item) : `(${formatMatch(expr.item)})`}`;
    case 'and':
      return expr.items.map((i) => (i.kind === 'or' ? `(${formatMatch(i)})` : formatMatch(i))).join(' && ');
    case 'or':
      return expr.items.map(formatMatch).join(' || ');
  }
}

export function formatLiteral(literal: MatchLiteral): string {
  return `${literal.negated ? '!' : ''}${literal.name}(${literal.args.map(quote).join(', ')})`;
}

/** `Host(`a`) && PathPrefix(`/x`)`; `everything` for the empty conjunction. */
export function formatConjunct(conjunct: Conjunct): string {
  return conjunct.length === 0 ? 'every request' : conjunct.map(formatLiteral).join(' && ');
}

/** Hosts compare case-insensitively; everything else as written. */
function literalKey(literal: MatchLiteral): string {
  const args = literal.name === 'Host' || literal.name === 'HostSNI' ? literal.args.map((a) => a.toLowerCase()) : literal.args;
  return formatLiteral({ ...literal, args });
}

/** An order-free key of a conjunction: the same requests written in another order give the same key. */
export function conjunctKey(conjunct: Conjunct): string {
  return conjunct.map(literalKey).sort().join(' && ');
}

export const DNF_LIMIT = 256;

/**
 * The rule as an `||` of `&&`s of (negated) matchers, literals de-duplicated and conjunctions order-free;
 * undefined when the expansion would exceed DNF_LIMIT conjunctions.
 */
export function toDnf(expr: MatchExpr): Conjunct[] | undefined {
  const result = dnf(expr, false);
  if (!result) return undefined;
  const seen = new Map<string, Conjunct>();
  for (const conjunct of result) {
    const unique = new Map(conjunct.map((l) => [literalKey(l), l]));
    const c = [...unique.values()];
    seen.set(conjunctKey(c), c);
  }
  return [...seen.values()];
}

function dnf(expr: MatchExpr, negated: boolean): Conjunct[] | undefined {
  switch (expr.kind) {
    case 'matcher':
      return [[{ name: expr.name, args: expr.args, negated }]];
    case 'not':
      return dnf(expr.item, !negated);
    case 'and':
    case 'or': {
      const parts = expr.items.map((i) => dnf(i, negated));
      if (parts.some((p) => p === undefined)) return undefined;
      // De Morgan: a negated AND is an OR of negations and vice versa.
      const conjunction = (expr.kind === 'and') !== negated;
      if (!conjunction) {
        const all = (parts as Conjunct[][]).flat();
        return all.length > DNF_LIMIT ? undefined : all;
      }
      let acc: Conjunct[] = [[]];
      for (const part of parts as Conjunct[][]) {
        if (acc.length * part.length > DNF_LIMIT) return undefined;
        acc = acc.flatMap((a) => part.map((b) => [...a, ...b]));
      }
      return acc;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// IngressRoute
// ---------------------------------------------------------------------------------------------------------------

/**
 * A middleware reference. `name`/`namespace` are the reading that the object's own namespace gives; a
 * provider-qualified Kubernetes CRD name (`<ns>-<name>@kubernetescrd`, as annotations write it) is ambiguous when
 * the namespace holds a dash, so every split is kept in `candidates` (first the one at the first dash) and
 * resolution picks the first that exists. A reference to another provider (`@file`) cannot be resolved.
 */
export interface MiddlewareRef {
  name: string;
  namespace: string;
  candidates: { namespace: string; name: string }[];
  /** `kubernetescrd`, or another provider (`file`, `docker`…) whose objects segguard cannot see. */
  provider: string;
  /** The render target of the referencing object: the Middleware is looked up there first. */
  scope?: string;
  text: string;
  fieldPath: FieldPath;
}

export interface TraefikService {
  name: string;
  namespace: string;
  kind: string;
  port?: number | string;
  fieldPath: FieldPath;
}

export interface TraefikRoute {
  index: number;
  match: string;
  /** Undefined when the rule does not parse (a problem says why). */
  expr: MatchExpr | undefined;
  /** The rule in disjunctive normal form; undefined when unparsable or too large to expand. */
  conjuncts: Conjunct[] | undefined;
  priority?: number;
  middlewares: MiddlewareRef[];
  services: TraefikService[];
  fieldPath: FieldPath;
  matchPath: FieldPath;
}

export interface TlsOptionRef {
  name: string;
  namespace: string;
  /** For an annotation's `<ns>-<name>@kubernetescrd`: every split, as for MiddlewareRef. */
  candidates?: { namespace: string; name: string }[];
  fieldPath: FieldPath;
  /** The render target of the referencing object: the TLSOption is looked up there first. */
  scope?: string;
}

export interface TraefikTls {
  secretName?: string;
  options?: TlsOptionRef;
  certResolver?: string;
  fieldPath: FieldPath;
}

export interface IngressRouteModel {
  resource: Resource;
  /** Undefined: every default entrypoint. */
  entryPoints: string[] | undefined;
  routes: TraefikRoute[];
  tls: TraefikTls | undefined;
  problems: Problem[];
  approximations: Approximation[];
}

export function isTraefikKind(resource: Resource, kind: 'IngressRoute' | 'Middleware' | 'TLSOption'): boolean {
  return resource.kind === kind && resource.group === TRAEFIK_GROUP;
}

export function isIngressRoute(resource: Resource): boolean {
  return isTraefikKind(resource, 'IngressRoute');
}


export const ingressRouteOf = perResource((resource: Resource): IngressRouteModel => {
  const spec = resource.spec;
  const problems: Problem[] = [];
  const approximations: Approximation[] = [];
  // An empty list, like an absent one, means every default entrypoint.
  const entryPoints = Array.isArray(spec.entryPoints) && spec.entryPoints.length > 0 ? spec.entryPoints.map(String) : undefined;
  const routes = listOf(spec.routes).map((raw, index): TraefikRoute => {
    const route = objectOf(raw);
    const fieldPath: FieldPath = ['spec', 'routes', index];
    const matchPath: FieldPath = [...fieldPath, 'match'];
    const match = typeof route.match === 'string' ? route.match : '';
    let expr: MatchExpr | undefined;
    try {
      expr = parseMatch(match);
    } catch (error) {
      problems.push({ path: matchPath, message: `cannot parse the rule ${code(match, { focus: error instanceof MatchSyntaxError ? error.offset : undefined })}: ${(error as Error).message}` });
    }
    let conjuncts = expr ? toDnf(expr) : undefined;
    if (expr && !conjuncts) {
      // Skipping the route would let it pass unseen; matching every request is what it can at most do.
      conjuncts = [[]];
      approximations.push({ path: matchPath, message: `the rule expands to more than ${DNF_LIMIT} alternatives; it is analyzed as matching every request` });
    }
    return {
      index,
      match,
      expr,
      conjuncts,
      priority: typeof route.priority === 'number' ? route.priority : undefined,
      middlewares: listOf(route.middlewares).map((m, i) => crdMiddlewareRef(objectOf(m), resource, [...fieldPath, 'middlewares', i])),
      services: listOf(route.services).map((s, i) => {
        const service = objectOf(s);
        return {
          name: nonEmptyString(service.name) ?? '',
          namespace: nonEmptyString(service.namespace) ?? resource.namespace,
          kind: nonEmptyString(service.kind) ?? 'Service',
          port: typeof service.port === 'number' || typeof service.port === 'string' ? service.port : undefined,
          fieldPath: [...fieldPath, 'services', i],
        };
      }),
      fieldPath,
      matchPath,
    };
  });
  let tls: TraefikTls | undefined;
  if (isObject(spec.tls)) {
    const options = isObject(spec.tls.options) && nonEmptyString(spec.tls.options.name)
      ? { name: nonEmptyString(spec.tls.options.name)!, namespace: nonEmptyString(spec.tls.options.namespace) ?? resource.namespace, fieldPath: ['spec', 'tls', 'options'], ...scopeOf(resource) }
      : undefined;
    tls = { secretName: nonEmptyString(spec.tls.secretName), options, certResolver: nonEmptyString(spec.tls.certResolver), fieldPath: ['spec', 'tls'] };
  } else if (spec.tls === null) {
    // `tls:` with no value still turns TLS on (the CRD field is an object pointer).
    tls = { fieldPath: ['spec', 'tls'] };
  }
  return { resource, entryPoints, routes, tls, problems, approximations };
});

/** The object a reference is written in: its namespace, and its render target. */
type Owner = { namespace: string; scope?: string };

const scopeOf = (owner: Owner) => (owner.scope !== undefined ? { scope: owner.scope } : {});

function crdMiddlewareRef(raw: JsonObject, owner: Owner, fieldPath: FieldPath): MiddlewareRef {
  const name = nonEmptyString(raw.name) ?? '';
  if (name.includes('@')) return qualifiedRef(name, owner, fieldPath);
  const namespace = nonEmptyString(raw.namespace) ?? owner.namespace;
  return { name, namespace, candidates: [{ namespace, name }], provider: 'kubernetescrd', text: `${namespace}/${name}`, fieldPath, ...scopeOf(owner) };
}

/** `<ns>-<name>@kubernetescrd` (or `name@file`): every namespace/name split, first dash first. */
function qualifiedRef(text: string, owner: Owner, fieldPath: FieldPath): MiddlewareRef {
  const ownNamespace = owner.namespace;
  const at = text.lastIndexOf('@');
  const full = at < 0 ? text : text.slice(0, at);
  const provider = at < 0 ? 'kubernetescrd' : text.slice(at + 1);
  const candidates: { namespace: string; name: string }[] = [];
  for (let i = full.indexOf('-'); i > 0; i = full.indexOf('-', i + 1)) candidates.push({ namespace: full.slice(0, i), name: full.slice(i + 1) });
  // Without a provider suffix Traefik resolves the name in the router's own provider namespace.
  if (at < 0 || candidates.length === 0) candidates.unshift({ namespace: ownNamespace, name: full });
  return { ...candidates[0], candidates, provider, text, fieldPath, ...scopeOf(owner) };
}

// ---------------------------------------------------------------------------------------------------------------
// Middleware
// ---------------------------------------------------------------------------------------------------------------

export type GuardKind = 'ipAllowList' | 'basicAuth' | 'digestAuth' | 'forwardAuth';

export interface IpAllowList {
  /** The field name used: `ipAllowList` (v3) or `ipWhiteList` (v2). */
  field: 'ipAllowList' | 'ipWhiteList';
  sourceRange: IpSet;
  ranges: { text: string; set: IpSet; fieldPath: FieldPath }[];
  /** `ipStrategy.depth` > 0 or `ipStrategy.excludedIPs`: the client address is read from X-Forwarded-For. */
  trustsForwardedFor: boolean;
  /** The field that makes it trust the header, for its line. */
  strategyPath?: FieldPath;
  fieldPath: FieldPath;
  sourceRangePath: FieldPath;
}

export interface MiddlewareModel {
  resource: Resource;
  ipAllowList?: IpAllowList;
  basicAuth?: { fieldPath: FieldPath };
  digestAuth?: { fieldPath: FieldPath };
  forwardAuth?: { address?: string; fieldPath: FieldPath };
  chain?: { middlewares: MiddlewareRef[]; fieldPath: FieldPath };
  problems: Problem[];
}

export function isMiddleware(resource: Resource): boolean {
  return isTraefikKind(resource, 'Middleware');
}

export const middlewareOf = perResource((resource: Resource): MiddlewareModel => {
  const spec = resource.spec;
  const problems: Problem[] = [];
  const model: MiddlewareModel = { resource, problems };
  const field = isObject(spec.ipAllowList) ? 'ipAllowList' : isObject(spec.ipWhiteList) ? 'ipWhiteList' : undefined;
  if (field) {
    const raw = objectOf(spec[field]);
    const fieldPath: FieldPath = ['spec', field];
    const sourceRangePath: FieldPath = [...fieldPath, 'sourceRange'];
    const ranges = listOf(raw.sourceRange).map((r, i) => {
      const text = String(r).trim();
      const parsed = parseCidr(text);
      if (!parsed) problems.push({ path: [...sourceRangePath, i], message: `${code(text)} is not an IP address or CIDR block` });
      return { text, set: parsed ? IpSet.of([parsed.range]) : IpSet.EMPTY, fieldPath: [...sourceRangePath, i] };
    });
    const strategy = objectOf(raw.ipStrategy);
    const depth = typeof strategy.depth === 'number' && strategy.depth > 0;
    const excluded = Array.isArray(strategy.excludedIPs) && strategy.excludedIPs.length > 0;
    model.ipAllowList = {
      field,
      sourceRange: IpSet.unionAll(ranges.map((r) => r.set)),
      ranges,
      trustsForwardedFor: depth || excluded,
      strategyPath: depth ? [...fieldPath, 'ipStrategy', 'depth'] : excluded ? [...fieldPath, 'ipStrategy', 'excludedIPs'] : undefined,
      fieldPath,
      sourceRangePath,
    };
  }
  if (isObject(spec.basicAuth)) model.basicAuth = { fieldPath: ['spec', 'basicAuth'] };
  if (isObject(spec.digestAuth)) model.digestAuth = { fieldPath: ['spec', 'digestAuth'] };
  if (isObject(spec.forwardAuth)) model.forwardAuth = { address: nonEmptyString(spec.forwardAuth.address), fieldPath: ['spec', 'forwardAuth'] };
  if (isObject(spec.chain)) {
    const fieldPath: FieldPath = ['spec', 'chain'];
    model.chain = { middlewares: listOf(spec.chain.middlewares).map((m, i) => crdMiddlewareRef(objectOf(m), resource, [...fieldPath, 'middlewares', i])), fieldPath };
  }
  return model;
});

/** The guard kinds a middleware itself provides (not through a chain). */
export function guardKindsOf(middleware: MiddlewareModel): GuardKind[] {
  const kinds: GuardKind[] = [];
  if (middleware.ipAllowList) kinds.push('ipAllowList');
  if (middleware.basicAuth) kinds.push('basicAuth');
  if (middleware.digestAuth) kinds.push('digestAuth');
  if (middleware.forwardAuth) kinds.push('forwardAuth');
  return kinds;
}

/** The Middleware object a reference names in a snapshot; undefined when absent or from another provider. */
export function resolveMiddleware(model: Model, ref: MiddlewareRef): MiddlewareModel | undefined {
  if (ref.provider !== 'kubernetescrd') return undefined;
  for (const { namespace, name } of ref.candidates) {
    const resource = lookup(model, { group: TRAEFIK_GROUP, kind: 'Middleware', namespace, name }, ref);
    if (resource) return middlewareOf(resource);
  }
  return undefined;
}

/** A guard that applies to a router: the middleware providing it and the references that lead there. */
export interface AppliedGuard {
  kind: GuardKind;
  middleware: MiddlewareModel;
  /** The router's own reference (first) then the chain references down to `middleware`. */
  via: MiddlewareRef[];
}

/** Every guard a list of middleware references applies, chains expanded recursively (cycles cut). */
export function guardsOf(model: Model, refs: readonly MiddlewareRef[]): AppliedGuard[] {
  const out: AppliedGuard[] = [];
  const walk = (ref: MiddlewareRef, via: MiddlewareRef[], seen: Set<string>) => {
    const middleware = resolveMiddleware(model, ref);
    if (!middleware || seen.has(middleware.resource.key)) return;
    const path = [...via, ref];
    for (const kind of guardKindsOf(middleware)) out.push({ kind, middleware, via: path });
    const inner = new Set(seen).add(middleware.resource.key);
    for (const next of middleware.chain?.middlewares ?? []) walk(next, path, inner);
  };
  for (const ref of refs) walk(ref, [], new Set());
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// TLSOption
// ---------------------------------------------------------------------------------------------------------------

/** Weakest first: each level accepts every client the next one accepts, and more. */
export const CLIENT_AUTH_TYPES = ['NoClientCert', 'RequestClientCert', 'RequireAnyClientCert', 'VerifyClientCertIfGiven', 'RequireAndVerifyClientCert'] as const;
export type ClientAuthType = (typeof CLIENT_AUTH_TYPES)[number];

export function clientAuthRank(type: ClientAuthType): number {
  return CLIENT_AUTH_TYPES.indexOf(type);
}

export interface TlsOptionModel {
  resource: Resource;
  /** `NoClientCert` when `clientAuth` or its type is absent (Traefik's default). */
  clientAuthType: ClientAuthType;
  /** The `clientAuthType` field, or `clientAuth`/`spec` when it is absent. */
  clientAuthPath: FieldPath;
  problems: Problem[];
}

export function isTlsOption(resource: Resource): boolean {
  return isTraefikKind(resource, 'TLSOption');
}

export const tlsOptionOf = perResource((resource: Resource): TlsOptionModel => {
  const problems: Problem[] = [];
  const clientAuth = resource.spec.clientAuth;
  const raw = isObject(clientAuth) ? clientAuth.clientAuthType : undefined;
  let clientAuthType: ClientAuthType = 'NoClientCert';
  if (typeof raw === 'string') {
    if ((CLIENT_AUTH_TYPES as readonly string[]).includes(raw)) clientAuthType = raw as ClientAuthType;
    else problems.push({ path: ['spec', 'clientAuth', 'clientAuthType'], message: `unknown clientAuthType ${code(raw)} (${CLIENT_AUTH_TYPES.join(', ')})` });
  }
  const clientAuthPath: FieldPath = typeof raw === 'string' ? ['spec', 'clientAuth', 'clientAuthType'] : isObject(clientAuth) ? ['spec', 'clientAuth'] : ['spec'];
  return { resource, clientAuthType, clientAuthPath, problems };
});

/** The TLSOption named `default` (in any namespace: Traefik allows one), which applies when a router names none. */
export function defaultTlsOption(model: Model): TlsOptionModel | undefined {
  let found = defaults.get(model);
  if (found === undefined) {
    const resource = model.resources.find((r) => isTlsOption(r) && r.name === 'default');
    found = resource ? tlsOptionOf(resource) : null;
    defaults.set(model, found);
  }
  return found ?? undefined;
}

const defaults = new WeakMap<Model, TlsOptionModel | null>();

/** The TLSOption that applies to a router: the one it names (undefined when missing), else `default`. */
export function tlsOptionFor(model: Model, ref: TlsOptionRef | undefined): TlsOptionModel | undefined {
  if (!ref) return defaultTlsOption(model);
  for (const { namespace, name } of ref.candidates ?? [ref]) {
    const resource = lookup(model, { group: TRAEFIK_GROUP, kind: 'TLSOption', namespace, name }, ref);
    if (resource) return tlsOptionOf(resource);
  }
  return undefined;
}

/** The client-certificate level a router gets: that of its TLSOption, `NoClientCert` when none applies. */
export function clientAuthFor(model: Model, ref: TlsOptionRef | undefined): ClientAuthType {
  return tlsOptionFor(model, ref)?.clientAuthType ?? 'NoClientCert';
}

// ---------------------------------------------------------------------------------------------------------------
// Traefik router annotations on a plain Ingress
// ---------------------------------------------------------------------------------------------------------------

export const TRAEFIK_ANNOTATION_PREFIX = 'traefik.ingress.kubernetes.io/';
export const ROUTER_MIDDLEWARES = `${TRAEFIK_ANNOTATION_PREFIX}router.middlewares`;
export const ROUTER_TLS = `${TRAEFIK_ANNOTATION_PREFIX}router.tls`;
export const ROUTER_TLS_OPTIONS = `${TRAEFIK_ANNOTATION_PREFIX}router.tls.options`;
export const ROUTER_ENTRYPOINTS = `${TRAEFIK_ANNOTATION_PREFIX}router.entrypoints`;

export interface TraefikIngressModel {
  resource: Resource;
  middlewares: MiddlewareRef[];
  /** TLS on: `router.tls: "true"` or a `spec.tls` section. */
  tls: boolean;
  /** The field that turns TLS on, for its line. */
  tlsPath?: FieldPath;
  tlsOptions?: TlsOptionRef;
  /** Undefined: every default entrypoint. */
  entryPoints: string[] | undefined;
}

/** The Traefik router settings of an Ingress; undefined for anything else. */
export const traefikIngressOf = perResource((resource: Resource): TraefikIngressModel | undefined => {
  if (!isIngress(resource)) return undefined;
  const annotations = resource.annotations();
  const path = (key: string): FieldPath => ['metadata', 'annotations', key];
  const items = (key: string) => (annotations[key] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const middlewares = items(ROUTER_MIDDLEWARES).map((text) => qualifiedRef(text, resource, path(ROUTER_MIDDLEWARES)));
  const tlsAnnotation = annotations[ROUTER_TLS]?.trim().toLowerCase() === 'true';
  const tlsSection = Array.isArray(resource.spec.tls) && resource.spec.tls.length > 0;
  const optionsText = annotations[ROUTER_TLS_OPTIONS]?.trim();
  let tlsOptions: TlsOptionRef | undefined;
  if (optionsText) {
    const ref = qualifiedRef(optionsText, resource, path(ROUTER_TLS_OPTIONS));
    tlsOptions = { name: ref.name, namespace: ref.namespace, candidates: ref.candidates, fieldPath: ref.fieldPath, ...scopeOf(resource) };
  }
  return {
    resource,
    middlewares,
    tls: tlsAnnotation || tlsSection,
    tlsPath: tlsAnnotation ? path(ROUTER_TLS) : tlsSection ? ['spec', 'tls'] : undefined,
    tlsOptions,
    entryPoints: annotations[ROUTER_ENTRYPOINTS] === undefined ? undefined : items(ROUTER_ENTRYPOINTS),
  };
});

/** Whether an Ingress carries any Traefik router annotation. */
export function hasTraefikAnnotations(resource: Resource): boolean {
  return Object.keys(resource.annotations()).some((k) => k.startsWith(TRAEFIK_ANNOTATION_PREFIX));
}

import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/model/load.js';
import {
  clientAuthFor, conjunctKey, formatConjunct, formatMatch, guardsOf, ingressRouteOf, isIngressRoute, isMiddleware, middlewareOf,
  parseMatch, resolveMiddleware, toDnf, traefikIngressOf, type MatchExpr,
} from '../../src/model/traefik.js';
import type { Resource } from '../../src/model/resource.js';
import { toSourceFiles, yaml, type Files } from '../helpers/rule-tester.js';

const load = (files: Files) => loadSnapshot(toSourceFiles(files));
const m = (name: string, ...args: string[]): MatchExpr => ({ kind: 'matcher', name, args });
const dnf = (rule: string) => toDnf(parseMatch(rule))!.map(formatConjunct);

describe('parseMatch', () => {
  it('binds ! tighter than && tighter than ||', () => {
    expect(parseMatch('Host(`a`) || Host(`b`) && !Path(`/x`)')).toEqual({
      kind: 'or',
      items: [m('Host', 'a'), { kind: 'and', items: [m('Host', 'b'), { kind: 'not', item: m('Path', '/x') }] }],
    });
  });

  it('groups with parentheses and flattens chains of one operator', () => {
    expect(parseMatch('(Host(`a`) || Host(`b`)) && PathPrefix(`/api`) && Method(`GET`)')).toEqual({
      kind: 'and',
      items: [{ kind: 'or', items: [m('Host', 'a'), m('Host', 'b')] }, m('PathPrefix', '/api'), m('Method', 'GET')],
    });
  });

  it('negates a parenthesised group as a whole', () => {
    expect(parseMatch('!(Host(`a`) && Path(`/b`))')).toEqual({ kind: 'not', item: { kind: 'and', items: [m('Host', 'a'), m('Path', '/b')] } });
  });

  it('reads backquoted strings raw and double-quoted strings with escapes', () => {
    expect(parseMatch('PathRegexp(`^/a\\d+$`)')).toEqual(m('PathRegexp', '^/a\\d+$'));
    expect(parseMatch('Header("X-Name", "say \\"hi\\"")')).toEqual(m('Header', 'X-Name', 'say "hi"'));
    expect(parseMatch('Host(`a && b || c`)')).toEqual(m('Host', 'a && b || c'));
  });

  it('turns v2 multi-value matchers into an OR and v2 names into v3 ones', () => {
    expect(parseMatch('Host(`a`, `b`)')).toEqual({ kind: 'or', items: [m('Host', 'a'), m('Host', 'b')] });
    expect(parseMatch('HostHeader(`a`)')).toEqual(m('Host', 'a'));
    expect(parseMatch('Headers(`k`, `v`)')).toEqual(m('Header', 'k', 'v'));
    expect(parseMatch('Query(`a=1`, `b=2`)')).toEqual({ kind: 'and', items: [m('Query', 'a', '1'), m('Query', 'b', '2')] });
    expect(parseMatch('Query(`a`, `1`)')).toEqual(m('Query', 'a', '1'));
  });

  it('rejects malformed rules with the reason', () => {
    expect(() => parseMatch('Host(`a`) & Path(`/`)')).toThrow('must be doubled');
    expect(() => parseMatch('Host(`a`')).toThrow('expected ")"');
    expect(() => parseMatch("Host('a')")).toThrow('single quotes');
    expect(() => parseMatch('Host(`a)')).toThrow('unterminated');
    expect(() => parseMatch('Hots(`a`)')).toThrow('unknown matcher Hots');
    // A name of one of Object's members is no alias either.
    for (const name of ['constructor', 'toString', 'valueOf']) expect(() => parseMatch(`${name}(\`a\`)`)).toThrow(`unknown matcher ${name}`);
    expect(() => parseMatch('Host(`a`) Path(`/`)')).toThrow('unexpected "Path"');
    expect(() => parseMatch('Header(`k`)')).toThrow('key and a value');
    expect(() => parseMatch('')).toThrow('empty');
  });

  it('formats back with the parentheses precedence needs', () => {
    const rule = '(Host(`a`) || Host(`b`)) && !(Path(`/x`) || Path(`/y`))';
    expect(formatMatch(parseMatch(rule))).toBe(rule);
    expect(parseMatch(formatMatch(parseMatch(rule)))).toEqual(parseMatch(rule));
  });
});

describe('toDnf', () => {
  it('distributes && over || and pushes negations to the matchers (De Morgan)', () => {
    expect(dnf('(Host(`a`) || Host(`b`)) && PathPrefix(`/x`)')).toEqual(['Host(`a`) && PathPrefix(`/x`)', 'Host(`b`) && PathPrefix(`/x`)']);
    expect(dnf('!(Host(`a`) && Path(`/b`))')).toEqual(['!Host(`a`)', '!Path(`/b`)']);
    expect(dnf('!(Host(`a`) || Path(`/b`))')).toEqual(['!Host(`a`) && !Path(`/b`)']);
    expect(dnf('!!Host(`a`)')).toEqual(['Host(`a`)']);
  });

  it('gives the same conjunction keys to reordered rules and case-changed hosts', () => {
    const a = toDnf(parseMatch('Host(`A.example.com`) && PathPrefix(`/x`) || Host(`b`)'))!.map(conjunctKey).sort();
    const b = toDnf(parseMatch('Host(`b`) || PathPrefix(`/x`) && Host(`a.example.com`)'))!.map(conjunctKey).sort();
    expect(a).toEqual(b);
  });

  it('gives up beyond the expansion limit', () => {
    const big = Array.from({ length: 9 }, (_, i) => `(Host(\`a${i}\`) || Host(\`b${i}\`))`).join(' && ');
    expect(toDnf(parseMatch(big))).toBeUndefined();
  });
});

const MIDDLEWARES = yaml(
  'apiVersion: traefik.containo.us/v1alpha1',
  'kind: Middleware',
  'metadata: {name: office, namespace: shop}',
  'spec:',
  '  ipWhiteList:',
  '    sourceRange: [10.0.0.0/8, 192.168.1.1]',
  '    ipStrategy: {depth: 1}',
  '---',
  'apiVersion: traefik.io/v1alpha1',
  'kind: Middleware',
  'metadata: {name: login, namespace: shop}',
  'spec:',
  '  basicAuth: {secret: users}',
  '---',
  'apiVersion: traefik.io/v1alpha1',
  'kind: Middleware',
  'metadata: {name: guards, namespace: shop}',
  'spec:',
  '  chain:',
  '    middlewares: [{name: office}, {name: login}, {name: guards}]',
);

function route(extra: string[] = []): string {
  return yaml(
    'apiVersion: traefik.io/v1alpha1',
    'kind: IngressRoute',
    'metadata: {name: web, namespace: shop}',
    'spec:',
    '  routes:',
    '    - match: Host(`shop.example.com`) && PathPrefix(`/api`)',
    '      middlewares: [{name: guards}, {name: edge, namespace: infra}, {name: strip@file}]',
    '      services: [{name: api, port: 80}]',
    ...extra,
  );
}

const find = (resources: Resource[], test: (r: Resource) => boolean) => resources.find(test)!;

describe('IngressRoute and Middleware', () => {
  it('reads routes, entrypoints (absent = all) and tls', () => {
    const model = load({ 'r.yaml': route(['  tls:', '    secretName: web-tls', '    options: {name: mtls}']) });
    const ir = ingressRouteOf(find(model.resources, isIngressRoute));
    expect(ir.entryPoints).toBeUndefined();
    expect(ir.routes[0].conjuncts!.map(formatConjunct)).toEqual(['Host(`shop.example.com`) && PathPrefix(`/api`)']);
    expect(ir.routes[0].middlewares.map((r) => [r.namespace, r.name, r.provider])).toEqual([['shop', 'guards', 'kubernetescrd'], ['infra', 'edge', 'kubernetescrd'], ['shop', 'strip', 'file']]);
    expect(ir.routes[0].services).toMatchObject([{ name: 'api', namespace: 'shop', port: 80, kind: 'Service' }]);
    expect(ir.tls).toMatchObject({ secretName: 'web-tls', options: { name: 'mtls', namespace: 'shop' } });
    expect(ir.problems).toEqual([]);
    expect(ingressRouteOf(find(model.resources, isIngressRoute))).toBe(ir);
  });

  it('reads entryPoints, an empty list meaning every default entrypoint', () => {
    const of = (line: string) => ingressRouteOf(find(load({ 'r.yaml': route().replace('spec:\n', `spec:\n${line}\n`) }).resources, isIngressRoute)).entryPoints;
    expect(of('  entryPoints: [websecure]')).toEqual(['websecure']);
    expect(of('  entryPoints: []')).toBeUndefined();
  });

  it('reports an unparsable rule as a problem on the match field', () => {
    const model = load({ 'r.yaml': route().replace('&& PathPrefix', '& PathPrefix') });
    const ir = ingressRouteOf(find(model.resources, isIngressRoute));
    expect(ir.routes[0].expr).toBeUndefined();
    expect(ir.problems).toMatchObject([{ path: ['spec', 'routes', 0, 'match'] }]);
  });

  it('reads a v2 ipWhiteList as an address set that trusts X-Forwarded-For with depth', () => {
    const model = load({ 'm.yaml': MIDDLEWARES });
    const office = middlewareOf(find(model.resources, (r) => isMiddleware(r) && r.name === 'office'));
    expect(office.resource.group).toBe('traefik.io');
    expect(office.ipAllowList).toMatchObject({ field: 'ipWhiteList', trustsForwardedFor: true, strategyPath: ['spec', 'ipWhiteList', 'ipStrategy', 'depth'] });
    expect(office.ipAllowList!.sourceRange.toString()).toBe('10.0.0.0-10.255.255.255, 192.168.1.1-192.168.1.1');
  });

  it('resolves guards through chains recursively, cutting cycles, in the same namespace by default', () => {
    const model = load({ 'm.yaml': MIDDLEWARES, 'r.yaml': route() });
    const ir = ingressRouteOf(find(model.resources, isIngressRoute));
    const guards = guardsOf(model, ir.routes[0].middlewares);
    expect(guards.map((g) => `${g.kind} ${g.middleware.resource.name} via ${g.via.map((v) => v.name).join('>')}`)).toEqual([
      'ipAllowList office via guards>office',
      'basicAuth login via guards>login',
    ]);
    expect(resolveMiddleware(model, ir.routes[0].middlewares[1])).toBeUndefined();
    expect(resolveMiddleware(model, ir.routes[0].middlewares[2])).toBeUndefined();
  });
});

describe('TLSOption', () => {
  const option = (name: string, type?: string) => yaml(
    'apiVersion: traefik.io/v1alpha1', 'kind: TLSOption', `metadata: {name: ${name}, namespace: shop}`, 'spec:',
    ...(type ? ['  clientAuth:', `    clientAuthType: ${type}`] : ['  minVersion: VersionTLS12']),
  );

  it('uses the named option, else the one named default, else NoClientCert', () => {
    const model = load({ 'a.yaml': option('mtls', 'RequireAndVerifyClientCert'), 'b.yaml': option('default', 'VerifyClientCertIfGiven') });
    expect(clientAuthFor(model, { name: 'mtls', namespace: 'shop', fieldPath: [] })).toBe('RequireAndVerifyClientCert');
    expect(clientAuthFor(model, undefined)).toBe('VerifyClientCertIfGiven');
    expect(clientAuthFor(load({ 'a.yaml': option('mtls') }), undefined)).toBe('NoClientCert');
    expect(clientAuthFor(load({ 'a.yaml': option('mtls') }), { name: 'mtls', namespace: 'shop', fieldPath: [] })).toBe('NoClientCert');
  });
});

describe('Traefik router annotations on an Ingress', () => {
  const ingress = (annotations: string[]) => yaml(
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', '  namespace: shop', '  annotations:', ...annotations.map((a) => `    ${a}`),
    'spec:', '  rules: []',
  );
  const middleware = (ns: string, name: string) => yaml('apiVersion: traefik.io/v1alpha1', 'kind: Middleware', `metadata: {name: ${name}, namespace: ${ns}}`, 'spec:', '  basicAuth: {secret: s}');

  it('reads middlewares, tls, tls options and entrypoints', () => {
    const model = load({
      'i.yaml': ingress([
        'traefik.ingress.kubernetes.io/router.middlewares: "shop-login@kubernetescrd, my-team-auth-mw@kubernetescrd"',
        'traefik.ingress.kubernetes.io/router.tls: "true"',
        'traefik.ingress.kubernetes.io/router.tls.options: shop-mtls@kubernetescrd',
        'traefik.ingress.kubernetes.io/router.entrypoints: websecure',
      ]),
      'm.yaml': middleware('shop', 'login') + '---\n' + middleware('my-team', 'auth-mw'),
    });
    const t = traefikIngressOf(model.resources.find((r) => r.kind === 'Ingress')!)!;
    expect(t.tls).toBe(true);
    expect(t.tlsPath).toEqual(['metadata', 'annotations', 'traefik.ingress.kubernetes.io/router.tls']);
    expect(t.tlsOptions).toMatchObject({ namespace: 'shop', name: 'mtls' });
    expect(t.entryPoints).toEqual(['websecure']);
    // `my-team-auth-mw` is ambiguous: the split that names an existing Middleware wins.
    expect(t.middlewares.map((ref) => resolveMiddleware(model, ref)?.resource.key)).toEqual([
      'traefik.io/Middleware/shop/login',
      'traefik.io/Middleware/my-team/auth-mw',
    ]);
  });

  it('is undefined for non-Ingress objects and has no TLS without annotation or tls section', () => {
    const model = load({ 'i.yaml': ingress(['a: b']), 'm.yaml': middleware('shop', 'x') });
    expect(traefikIngressOf(model.resources.find((r) => r.kind === 'Middleware')!)).toBeUndefined();
    expect(traefikIngressOf(model.resources.find((r) => r.kind === 'Ingress')!)).toMatchObject({ tls: false, middlewares: [], entryPoints: undefined });
  });
});

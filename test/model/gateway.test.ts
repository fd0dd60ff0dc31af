import { describe, expect, it } from 'vitest';
import {
  gatewayHostCovers, gatewayOf, gatewayRouteOf, grantToCovers, isGateway, isGatewayRoute, isReferenceGrant, referenceGrantOf, validationFor,
} from '../../src/model/gateway.js';
import { loadSnapshot } from '../../src/model/load.js';
import { describeSelector } from '../../src/model/selector.js';
import { toSourceFiles, yaml } from '../helpers/rule-tester.js';

const GATEWAY = yaml(
  'apiVersion: gateway.networking.k8s.io/v1',
  'kind: Gateway',
  'metadata: {name: edge, namespace: infra}',
  'spec:',
  '  gatewayClassName: eg',
  '  tls:',
  '    frontend:',
  '      default:',
  '        validation:',
  '          caCertificateRefs: [{kind: ConfigMap, name: ca}]',
  '      perPort:',
  '        - port: 8443',
  '          tls:',
  '            validation: {mode: AllowInsecureFallback, caCertificateRefs: [{name: ca}]}',
  '        - port: 9443',
  '          tls: {}',
  '  listeners:',
  '    - name: https',
  '      port: 443',
  '      protocol: HTTPS',
  '      hostname: "*.example.com"',
  '      tls: {certificateRefs: [{name: cert}]}',
  '    - {name: alt, port: 8443, protocol: HTTPS, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {team: a}}}}}',
  '    - {name: other, port: 9443, protocol: HTTPS, allowedRoutes: {namespaces: {from: All}}}',
  '    - {name: pass, port: 6443, protocol: TLS, tls: {mode: Passthrough}}',
);

const load = (text: string) => loadSnapshot(toSourceFiles({ 'x.yaml': text }));

describe('Gateway', () => {
  const gateway = gatewayOf(load(GATEWAY).resources.find(isGateway)!);

  it('applies listener defaults: every hostname, routes from the same namespace', () => {
    expect(gateway.listeners.map((l) => [l.name, l.port, l.hostname, l.allowedFrom, l.tlsMode])).toEqual([
      ['https', 443, '*.example.com', 'Same', 'Terminate'],
      ['alt', 8443, undefined, 'Selector', undefined],
      ['other', 9443, undefined, 'All', undefined],
      ['pass', 6443, undefined, 'Same', 'Passthrough'],
    ]);
    expect(describeSelector(gateway.listeners[1].selector!)).toBe('{team: a}');
  });

  it('picks the port override over the default validation, AllowValidOnly by default', () => {
    const [https, alt, other] = gateway.listeners;
    expect(validationFor(gateway, https)).toMatchObject({ mode: 'AllowValidOnly', caCertificateRefs: ['ConfigMap/ca'], modePath: undefined });
    expect(validationFor(gateway, alt)).toMatchObject({ mode: 'AllowInsecureFallback', modePath: ['spec', 'tls', 'frontend', 'perPort', 0, 'tls', 'validation', 'mode'] });
    // A perPort entry without validation overrides the default with none.
    expect(validationFor(gateway, other)).toBeUndefined();
  });

  it('matches wildcard hostnames as suffixes, at any depth, not the bare domain', () => {
    expect(gatewayHostCovers('*.example.com', 'a.b.example.com')).toBe(true);
    expect(gatewayHostCovers('*.example.com', '*.a.example.com')).toBe(true);
    expect(gatewayHostCovers('*.example.com', 'example.com')).toBe(false);
    expect(gatewayHostCovers('*.example.com', undefined)).toBe(false);
    expect(gatewayHostCovers(undefined, 'a.example.com')).toBe(true);
    expect(gatewayHostCovers('A.example.com', 'a.EXAMPLE.com')).toBe(true);
    expect(gatewayHostCovers('a.example.com', '*.example.com')).toBe(false);
  });
});

describe('routes', () => {
  const route = (kind: string, rules: string[], hostnames = '  hostnames: [shop.example.com]') => {
    const model = load(yaml(`apiVersion: gateway.networking.k8s.io/v1`, `kind: ${kind}`, 'metadata: {name: web, namespace: shop}', 'spec:',
      '  parentRefs: [{name: edge, namespace: infra, sectionName: https}]', hostnames, '  rules:', ...rules));
    return gatewayRouteOf(model.resources.find(isGatewayRoute)!);
  };

  it('defaults an HTTPRoute rule without matches to PathPrefix / and a match without path to PathPrefix /', () => {
    const r = route('HTTPRoute', ['    - backendRefs: [{name: api, port: 80}]', '    - matches: [{method: GET}, {path: {type: Exact, value: /x}}]']);
    expect(r.parentRefs).toMatchObject([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'infra', name: 'edge', sectionName: 'https' }]);
    expect(r.hostnames).toEqual(['shop.example.com']);
    expect(r.rules[0]).toMatchObject({ matchesEverything: true, matches: [{ path: { type: 'PathPrefix', value: '/' } }] });
    expect(r.rules[0].backendRefs).toMatchObject([{ group: '', kind: 'Service', namespace: 'shop', name: 'api', port: 80, weight: 1 }]);
    expect(r.rules[1].matches).toMatchObject([
      { path: { type: 'PathPrefix', value: '/' }, method: 'GET', fieldPath: ['spec', 'rules', 1, 'matches', 0] },
      { path: { type: 'Exact', value: '/x' } },
    ]);
  });

  it('reports an unknown path type', () => {
    expect(route('HTTPRoute', ['    - matches: [{path: {type: Prefix, value: /x}}]']).problems).toMatchObject([{ path: ['spec', 'rules', 0, 'matches', 0, 'path', 'type'] }]);
  });

  it('reads GRPCRoute methods and ignores hostnames on TCPRoute', () => {
    const g = route('GRPCRoute', ['    - matches: [{method: {service: pkg.Svc}}]']);
    expect(g.rules[0].matches[0]).toMatchObject({ grpc: { type: 'Exact', service: 'pkg.Svc', method: undefined } });
    expect(g.rules[0].matches[0].path).toBeUndefined();
    expect(route('TCPRoute', ['    - backendRefs: [{name: db, port: 5432}]']).hostnames).toEqual([]);
  });
});

describe('ReferenceGrant', () => {
  it('reads from and to with core group defaults; no to.name covers every object of the kind', () => {
    const model = load(yaml('apiVersion: gateway.networking.k8s.io/v1beta1', 'kind: ReferenceGrant', 'metadata: {name: g, namespace: db}', 'spec:',
      '  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]', '  to: [{kind: Service}, {kind: Secret, name: cert}]'));
    const grant = referenceGrantOf(model.resources.find(isReferenceGrant)!);
    expect(grant.namespace).toBe('db');
    expect(grant.from).toMatchObject([{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }]);
    expect(grant.to).toMatchObject([{ group: '', kind: 'Service', name: undefined }, { group: '', kind: 'Secret', name: 'cert' }]);
    expect(grantToCovers(grant.to[0], { group: '', kind: 'Service', name: 'anything' })).toBe(true);
    expect(grantToCovers(grant.to[1], { group: '', kind: 'Secret', name: 'other' })).toBe(false);
  });
});

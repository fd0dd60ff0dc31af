import { describe, expect, it } from 'vitest';
import { IpSet } from '../../src/model/ip-set.js';
import { loadSnapshot, ParseCache, type Model } from '../../src/model/load.js';
import { controllerClaim, nginxGuardsOf, nginxOf, nginxServes } from '../../src/model/nginx.js';
import { nginxIngress, type Annotations, type IngressOptions } from '../rules/nginx/fixtures.js';

function load(files: Record<string, string>): Model {
  return loadSnapshot(Object.entries(files).map(([path, content]) => ({ path, content })), { maxFileBytes: 5_000_000 }, new ParseCache());
}

function ingressModel(annotations: Annotations, options?: IngressOptions, extra: Record<string, string> = {}) {
  const model = load({ 'ing.yaml': nginxIngress(annotations, options), ...extra });
  const resource = model.resources.find((r) => r.kind === 'Ingress')!;
  return { model, resource, nginx: nginxOf(resource) };
}

const ingressClass = (name: string, controller: string, isDefault = false) =>
  `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: ${name}\n` +
  (isDefault ? '  annotations:\n    ingressclass.kubernetes.io/is-default-class: "true"\n' : '') + `spec:\n  controller: ${controller}\n`;

describe('nginxOf', () => {
  it('applies the controller defaults when no annotation is set', () => {
    const { nginx } = ingressModel([]);
    expect(nginx.allowList).toBeUndefined();
    expect(nginx.auth).toEqual({ type: undefined, secret: undefined, url: undefined, globalAuth: true, satisfy: 'all' });
    expect(nginx.mtls).toEqual({ secret: undefined, verifyClient: undefined, verifyDepth: 1, matchCn: undefined });
    expect(nginx.https).toEqual({ tls: false, sslRedirect: true, forceSslRedirect: false, backendProtocol: 'HTTP', proxySslVerify: false });
    expect(nginx.cors).toEqual({ enabled: false, origins: '*', credentials: true });
  });

  it('reads the allow-list as an address set, bare IPs as /32, and reports invalid entries', () => {
    const { nginx } = ingressModel([['allowlist-source-range', '10.0.0.0/9, 10.128.0.0/9,192.168.1.1, nope,2001:db8::1']]);
    expect(nginx.allowList?.set.equals(IpSet.fromCidr('10.0.0.0/8').union(IpSet.fromCidr('192.168.1.1/32')).union(IpSet.fromCidr('2001:db8::1/128')))).toBe(true);
    expect(nginx.allowList?.invalid).toEqual(['nope']);
    expect(nginx.problems).toEqual([{ path: ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/allowlist-source-range'], message: 'allowlist-source-range: `nope` is not a CIDR or IP address' }]);
  });

  it('reads the whitelist alias only when the allowlist key is absent or empty', () => {
    expect(ingressModel([['whitelist-source-range', '10.0.0.0/8']]).nginx.allowList?.annotation.name).toBe('whitelist-source-range');
    expect(ingressModel([['allowlist-source-range', ''], ['whitelist-source-range', '10.0.0.0/8']]).nginx.allowList?.annotation.name).toBe('whitelist-source-range');
    const both = ingressModel([['allowlist-source-range', '10.1.0.0/16'], ['whitelist-source-range', '0.0.0.0/0']]).nginx.allowList;
    expect(both?.annotation.name).toBe('allowlist-source-range');
    expect(both?.set.equals(IpSet.fromCidr('10.1.0.0/16'))).toBe(true);
  });

  it('defaults verify-client to on only when a CA secret is set, and falls back to on for unknown values', () => {
    expect(ingressModel([['auth-tls-secret', 'a/b']]).nginx.mtls.verifyClient).toBe('on');
    expect(ingressModel([['auth-tls-verify-client', 'optional']]).nginx.mtls.verifyClient).toBeUndefined();
    const odd = ingressModel([['auth-tls-secret', 'a/b'], ['auth-tls-verify-client', 'maybe'], ['auth-tls-verify-depth', 'x']]).nginx;
    expect(odd.mtls).toMatchObject({ verifyClient: 'on', verifyDepth: 1 });
    expect(odd.problems.map((p) => p.message)).toEqual([
      'auth-tls-verify-client: `maybe` is not on, off, optional or optional_no_ca; ingress-nginx uses on',
      'auth-tls-verify-depth: `x` is not a number; ingress-nginx uses 1',
    ]);
  });

  it('parses booleans as Go does and keeps the default for anything else', () => {
    const nginx = ingressModel([['ssl-redirect', 'False'], ['use-regex', '1'], ['enable-cors', 'yes']]).nginx;
    expect(nginx.https.sslRedirect).toBe(false);
    expect(nginx.sideEffects.useRegex).toBe(true);
    expect(nginx.cors.enabled).toBe(false);
    expect(nginx.problems.map((p) => p.message)).toEqual(['enable-cors: `yes` is not a boolean; ingress-nginx uses its default (false)']);
  });

  it('collects every -snippet key and the injection-vector keys', () => {
    const nginx = ingressModel([['server-snippet', 'a'], ['x-snippet', 'b'], ['snippets', 'c'], ['mirror-host', 'm'], ['auth-signin', 's']]).nginx;
    expect(nginx.snippets.map((s) => s.name)).toEqual(['server-snippet', 'x-snippet']);
    expect(nginx.injectionVectors.map((s) => s.name)).toEqual(['mirror-host']);
  });

  it('reads CORS origins as a list, * anywhere in it meaning every origin', () => {
    expect(ingressModel([['enable-cors', 'true'], ['cors-allow-origin', 'https://a, https://b']]).nginx.cors.origins).toEqual(['https://a', 'https://b']);
    expect(ingressModel([['enable-cors', 'true'], ['cors-allow-origin', 'https://a, *']]).nginx.cors.origins).toBe('*');
  });

  it('is computed once per resource', () => {
    const { resource, nginx } = ingressModel([['use-regex', 'true']]);
    expect(nginxOf(resource)).toBe(nginx);
  });
});

describe('nginxServes', () => {
  it('class nginx, or a class whose IngressClass names the ingress-nginx controller', () => {
    const direct = ingressModel([]);
    expect(nginxServes(direct.resource, direct.model)).toBe(true);
    const named = ingressModel([], { className: 'internal' }, { 'c.yaml': ingressClass('internal', 'k8s.io/ingress-nginx') });
    expect(nginxServes(named.resource, named.model)).toBe(true);
    const other = ingressModel([['use-regex', 'true']], { className: 'public' }, { 'c.yaml': ingressClass('public', 'traefik.io/ingress-controller') });
    expect(nginxServes(other.resource, other.model)).toBe(false);
  });

  it('without a class or with an undeclared class, assumes nginx when nginx annotations are present', () => {
    const bare = ingressModel([], { className: null });
    expect(controllerClaim(bare.resource, bare.model)).toBeUndefined();
    expect(nginxServes(bare.resource, bare.model)).toBe(false);
    const annotated = ingressModel([['use-regex', 'true']], { className: null });
    expect(nginxServes(annotated.resource, annotated.model)).toBe(true);
    const undeclared = ingressModel([['use-regex', 'true']], { className: 'somewhere' });
    expect(nginxServes(undeclared.resource, undeclared.model)).toBe(true);
  });

  it('without a class, follows the default IngressClass the manifests declare', () => {
    const traefikDefault = ingressModel([['use-regex', 'true']], { className: null }, { 'c.yaml': ingressClass('traefik', 'traefik.io/ingress-controller', true) });
    expect(controllerClaim(traefikDefault.resource, traefikDefault.model)).toBe('other');
    expect(nginxServes(traefikDefault.resource, traefikDefault.model)).toBe(false);
    const nginxDefault = ingressModel([], { className: null }, { 'c.yaml': ingressClass('main', 'k8s.io/ingress-nginx', true) });
    expect(nginxServes(nginxDefault.resource, nginxDefault.model)).toBe(true);
  });
});

describe('nginxGuardsOf', () => {
  it('summarises the guards', () => {
    const { resource, model } = ingressModel([
      ['allowlist-source-range', '10.0.0.0/8'], ['auth-url', 'https://auth/verify'], ['satisfy', 'any'],
      ['auth-tls-secret', 'shop/ca'], ['auth-tls-verify-client', 'optional'], ['enable-cors', 'true'], ['backend-protocol', 'HTTPS'],
    ], { tls: true });
    const guards = nginxGuardsOf(resource, model)!;
    expect(guards.tls).toEqual({ terminated: true, redirect: true, passthrough: false, backendVerified: false });
    expect(guards.allowList?.equals(IpSet.fromCidr('10.0.0.0/8'))).toBe(true);
    expect(guards.auth).toEqual({ kind: 'external', satisfyAny: true });
    expect(guards.globalAuth).toBe(true);
    expect(guards.mtls).toEqual({ verify: 'optional', depth: 1 });
    expect(guards.cors).toEqual({ origins: '*', credentials: true });
  });

  it('has no guards beyond TLS under ssl-passthrough, no mTLS when verification is off, no basic auth without its type', () => {
    const passthrough = ingressModel([['allowlist-source-range', '10.0.0.0/8'], ['auth-type', 'basic'], ['auth-secret', 's'], ['ssl-passthrough', 'true']], { tls: true });
    expect(nginxGuardsOf(passthrough.resource)).toMatchObject({ tls: { terminated: false, redirect: false, passthrough: true }, allowList: undefined, auth: undefined });
    const off = ingressModel([['auth-tls-secret', 'shop/ca'], ['auth-tls-verify-client', 'off'], ['auth-secret', 's']]);
    expect(nginxGuardsOf(off.resource)).toMatchObject({ mtls: undefined, auth: undefined, allowList: undefined, cors: undefined });
  });

  it('is undefined for an Ingress another controller serves', () => {
    const other = ingressModel([['allowlist-source-range', '10.0.0.0/8']], { className: 'public' }, { 'c.yaml': ingressClass('public', 'traefik.io/ingress-controller') });
    expect(nginxGuardsOf(other.resource, other.model)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/traefik/traefik-tls-weakened.js';
import { runRule, ruleTester } from '../../helpers/rule-tester.js';
import { ingressRoute, lineOf, tlsOption, traefikIngress, V2 } from './fixtures.js';

const API = 'Host(`shop.example.com`) && PathPrefix(`/api`)';
const withOptions = (name: string) => ingressRoute([{ match: API }], { tls: ['secretName: web-tls', 'options:', `  name: ${name}`] });
const route = withOptions('mtls');
const noOptions = ingressRoute([{ match: API }], { tls: ['secretName: web-tls'] });
const noTls = ingressRoute([{ match: API }]);
const options = tlsOption('mtls', 'RequireAndVerifyClientCert') + '---\n' + tlsOption('loose', 'VerifyClientCertIfGiven');
const base = { 'route.yaml': route, 'tls.yaml': options };

const lowered = tlsOption('mtls', 'RequireAnyClientCert') + '---\n' + tlsOption('loose', 'VerifyClientCertIfGiven');
const strictDefault = tlsOption('default', 'RequireAndVerifyClientCert', 'traefik');
const annotations = ['traefik.ingress.kubernetes.io/router.tls: "true"', 'traefik.ingress.kubernetes.io/router.tls.options: shop-mtls@kubernetescrd'];
const annotated = traefikIngress(annotations, 'shop.example.com', ['/api']);

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base, head: base },
    { name: 'files moved', base, head: { 'a/route.yaml': route, 'b/tls.yaml': options } },
    { name: 'the reference removed, the default being as strict', base: { ...base, 'd.yaml': strictDefault }, head: { 'route.yaml': noOptions, 'tls.yaml': options, 'd.yaml': strictDefault } },
    { name: 'v2 IngressRoute migrated to traefik.io', base: { 'route.yaml': route.replace('traefik.io/v1alpha1', V2), 'tls.yaml': options }, head: base },
    { name: 'raised to RequireAndVerifyClientCert', base: { 'route.yaml': withOptions('loose'), 'tls.yaml': options }, head: { 'route.yaml': route, 'tls.yaml': options } },
    { name: 'RequestClientCert → NoClientCert enforces nothing either way', base: { 'tls.yaml': tlsOption('mtls', 'RequestClientCert') }, head: { 'tls.yaml': tlsOption('mtls', 'NoClientCert') } },
    { name: 'TLS and options moved from Ingress annotations into an IngressRoute', base: { 'ing.yaml': annotated, 'tls.yaml': options }, head: base },
    { name: 'the route removed with its TLS', base, head: { 'tls.yaml': options } },
    {
      name: 'the TLS route removed while a broader plain-HTTP route to another service already existed',
      base: { ...base, 'web.yaml': ingressRoute([{ match: 'Host(`shop.example.com`)', service: 'web' }], { name: 'plain' }) },
      head: { 'tls.yaml': options, 'web.yaml': ingressRoute([{ match: 'Host(`shop.example.com`)', service: 'web' }], { name: 'plain' }) },
    },
  ],
  invalid: [
    {
      name: 'tls removed from the IngressRoute: on the base tls line',
      base,
      head: { 'route.yaml': noTls, 'tls.yaml': options },
      findings: [{ path: 'route.yaml', line: lineOf(route, '  tls:'), side: 'base', severity: 'high', message: 'no longer has TLS' }],
    },
    {
      name: 'the TLSOption reference removed, the default being weaker: on the base reference',
      base,
      head: { 'route.yaml': noOptions, 'tls.yaml': options },
      findings: [{ path: 'route.yaml', line: lineOf(route, 'options:'), side: 'base', message: 'no longer names TLSOption shop/mtls, so its client-certificate check drops from RequireAndVerifyClientCert to NoClientCert' }],
    },
    {
      name: 'switched to a weaker TLSOption: on the head reference',
      base,
      head: { 'route.yaml': withOptions('loose'), 'tls.yaml': options },
      findings: [{ path: 'route.yaml', line: lineOf(route, 'options:'), message: 'now uses TLSOption shop/loose instead of TLSOption shop/mtls' }],
    },
    {
      name: 'clientAuthType lowered in the TLSOption itself',
      base,
      head: { 'route.yaml': route, 'tls.yaml': lowered },
      findings: [{ path: 'tls.yaml', line: lineOf(lowered, 'RequireAnyClientCert'), message: 'clientAuthType lowered from RequireAndVerifyClientCert to RequireAnyClientCert: any client certificate is accepted without checking it against the CA' }],
    },
    {
      name: 'the strict default TLSOption deleted',
      base: { 'route.yaml': noOptions, 'd.yaml': strictDefault },
      head: { 'route.yaml': noOptions },
      findings: [{ path: 'd.yaml', line: lineOf(strictDefault, 'clientAuthType'), side: 'base', message: 'TLSOption traefik/default was deleted' }],
    },
    {
      name: 'the TLS route merged into a broader plain-HTTP route to the same service: on that route',
      base: { ...base, 'web.yaml': ingressRoute([{ match: 'Host(`shop.example.com`)', service: 'web' }], { name: 'plain' }) },
      head: { 'tls.yaml': options, 'web.yaml': ingressRoute([{ match: 'Host(`shop.example.com`)' }], { name: 'plain' }) },
      findings: [{ path: 'web.yaml', line: 8, message: 'IngressRoute shop/plain: the router for ``Host(`shop.example.com`)`` no longer has TLS' }],
    },
    {
      name: 'router.tls removed from a Traefik Ingress',
      base: { 'ing.yaml': annotated, 'tls.yaml': options },
      head: { 'ing.yaml': traefikIngress([], 'shop.example.com', ['/api']), 'tls.yaml': options },
      findings: [{ path: 'ing.yaml', line: lineOf(annotated, 'router.tls:'), side: 'base', message: 'Ingress shop/web: the router for ``Host(`shop.example.com`) && PathPrefix(`/api`)`` no longer has TLS' }],
    },
  ],
});

describe('traefik-tls-weakened related', () => {
  it('relates the base clientAuthType', () => {
    const [finding] = runRule(rule, base, { 'route.yaml': route, 'tls.yaml': lowered });
    expect(finding.related.map((r) => `${r.side} ${r.path}:${r.line} ${r.message}`)).toEqual([`base tls.yaml:${lineOf(options, 'RequireAndVerifyClientCert')} was RequireAndVerifyClientCert`]);
  });
});

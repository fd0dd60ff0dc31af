import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { defaultConfig } from '../../../src/config/config.js';
import { TRAEFIK_RULES } from '../../../src/rules/traefik/index.js';
import { toSourceFiles, type Files } from '../../helpers/rule-tester.js';
import { allowList, basicAuth, chain, ingressRoute, tlsOption, traefikIngress, V2 } from './fixtures.js';

const findings = (base: Files, head: Files) =>
  analyze(toSourceFiles(base), toSourceFiles(head), defaultConfig(), TRAEFIK_RULES).findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.line}`);

const ADMIN = 'Host(`shop.example.com`, `www.example.com`) && PathPrefix(`/admin`)';

/** A v2 setup: guards on the route, TLS with a strict option, a v2 multi-host rule. */
const v2 = {
  'route.yaml': ingressRoute([{ match: ADMIN, middlewares: ['office', 'login'] }, { match: 'Host(`shop.example.com`)', service: 'web' }],
    { group: V2, tls: ['secretName: web-tls', 'options: {name: mtls}'] }),
  'mw.yaml': allowList('office', ['10.0.0.0/8', '192.168.0.0/16'], { field: 'ipWhiteList', group: V2 }) + '---\n' + basicAuth('login').replace('traefik.io/v1alpha1', V2),
  'tls.yaml': tlsOption('mtls', 'RequireAndVerifyClientCert'),
};

describe('Traefik equivalent rewrites report nothing', () => {
  it('a v2 → v3 migration with the guards moved into a chain, CIDRs reordered, rule rewritten, routes reordered, files moved', () => {
    const v3 = {
      'apps/shop/route.yaml': ingressRoute([
        { match: 'Host(`shop.example.com`)', service: 'web' },
        { match: 'PathPrefix(`/admin`) && (Host(`www.example.com`) || Host(`shop.example.com`))', middlewares: ['guards'] },
      ], { tls: ['secretName: web-tls', 'options: {name: mtls}'] }),
      'apps/shop/mw.yaml': allowList('office', ['192.168.0.0/16', '10.0.0.0/9', '10.128.0.0/9']) + '---\n' + basicAuth('login') + '---\n' + chain('guards', ['office', 'login']),
      'apps/shop/tls.yaml': tlsOption('mtls', 'RequireAndVerifyClientCert'),
    };
    expect(findings(v2, v3)).toEqual([]);
  });

  it('a Traefik-annotated Ingress rewritten as an IngressRoute with the same middleware and TLS options', () => {
    const ingress = traefikIngress([
      'traefik.ingress.kubernetes.io/router.middlewares: shop-office@kubernetescrd',
      'traefik.ingress.kubernetes.io/router.tls: "true"',
      'traefik.ingress.kubernetes.io/router.tls.options: shop-mtls@kubernetescrd',
    ], 'shop.example.com', ['/admin']);
    const mw = allowList('office', ['10.0.0.0/8']);
    const route = ingressRoute([{ match: 'Host(`shop.example.com`) && PathPrefix(`/admin`)', middlewares: ['office'] }], { tls: ['options: {name: mtls}'] });
    expect(findings({ 'ing.yaml': ingress, 'mw.yaml': mw, 'tls.yaml': v2['tls.yaml'] }, { 'route.yaml': route, 'mw.yaml': mw, 'tls.yaml': v2['tls.yaml'] })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { defaultConfig } from '../../../src/config/config.js';
import { GATEWAY_RULES } from '../../../src/rules/gateway/index.js';
import { toSourceFiles, type Files } from '../../helpers/rule-tester.js';
import { gateway, grant, prefixRule, route } from './fixtures.js';

const findings = (base: Files, head: Files) =>
  analyze(toSourceFiles(base), toSourceFiles(head), defaultConfig(), GATEWAY_RULES).findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.line}`);

const FROM_SHOP = '{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}';

describe('Gateway API equivalent rewrites report nothing', () => {
  it('listeners renamed and reordered, explicit defaults, rules and hostnames reordered, grants split, files moved', () => {
    const base: Files = {
      'gw.yaml': gateway([{ name: 'https', hostname: 'shop.example.com' }, { name: 'web', port: 80, protocol: 'HTTP', hostname: 'shop.example.com' }],
        { tls: ['frontend:', '  default:', '    validation: {caCertificateRefs: [{name: ca}]}'] }),
      'route.yaml': route([...prefixRule('/api'), ...prefixRule('/health', 'Exact', 'health')], { hostnames: ['shop.example.com', 'www.example.com'] }),
      'grant.yaml': grant([FROM_SHOP], ['{group: "", kind: Service, name: postgres}', '{group: "", kind: Service, name: redis}']),
    };
    const head: Files = {
      'infra/gw.yaml': gateway([
        { name: 'plain', port: 80, protocol: 'HTTP', hostname: 'SHOP.example.com', allowedRoutes: ['namespaces: {from: Same}'] },
        { name: 'https-shop', hostname: 'shop.example.com' },
      ], { tls: ['frontend:', '  default:', '    validation: {caCertificateRefs: [{name: ca}], mode: AllowValidOnly}'] }),
      'shop/route.yaml': route([...prefixRule('/health', 'Exact', 'health'), ...prefixRule('/api/')], { hostnames: ['www.example.com', 'shop.example.com'] }),
      'db/a.yaml': grant([FROM_SHOP], ['{group: "", kind: Service, name: redis}'], { name: 'redis' }),
      'db/b.yaml': grant([FROM_SHOP], ['{group: "", kind: Service, name: postgres}'], { name: 'postgres' }),
    };
    expect(findings(base, head)).toEqual([]);
  });
});

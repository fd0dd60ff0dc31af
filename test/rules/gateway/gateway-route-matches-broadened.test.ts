import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/gateway/gateway-route-matches-broadened.js';
import { runRule, ruleTester } from '../../helpers/rule-tester.js';
import { lineOf, prefixRule, route } from './fixtures.js';

const base = { 'route.yaml': route([...prefixRule('/api/v1'), ...prefixRule('/health', 'Exact', 'health')], { hostnames: ['shop.example.com'] }) };
const head = (rules: string[]) => ({ 'route.yaml': route(rules, { hostnames: ['shop.example.com'] }) });

const noMatches = head(['- backendRefs:', '    - name: api', '      port: 80', ...prefixRule('/health', 'Exact', 'health')]);
const shorter = head([...prefixRule('/api'), ...prefixRule('/health', 'Exact', 'health')]);
const exactToPrefix = head([...prefixRule('/api/v1'), ...prefixRule('/health', 'PathPrefix', 'health')]);
const withMethod = head(['- matches:', '    - path: {type: PathPrefix, value: /api/v1}', '      method: GET', '  backendRefs:', '    - {name: api, port: 80}']);
const grpc = (method: string) => route(['- matches:', `    - method: {${method}}`, '  backendRefs:', '    - {name: grpc, port: 50051}'], { kind: 'GRPCRoute' });

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base, head: base },
    { name: 'rules reordered and the file moved', base, head: { 'x.yaml': route([...prefixRule('/health', 'Exact', 'health'), ...prefixRule('/api/v1')], { hostnames: ['shop.example.com'] }) } },
    { name: 'matches of one rule split into two rules', base, head: head([...prefixRule('/api/v1'), ...prefixRule('/health', 'Exact', 'health'), ...prefixRule('/api/v1/users')]) },
    { name: 'a trailing slash on a prefix (element-wise)', base, head: head([...prefixRule('/api/v1/'), ...prefixRule('/health', 'Exact', 'health')]) },
    { name: 'narrowed: a longer prefix, a method added', base: withMethod, head: withMethod },
    { name: 'a new rule for another path is a new route', base, head: head([...prefixRule('/api/v1'), ...prefixRule('/health', 'Exact', 'health'), ...prefixRule('/blog', 'PathPrefix', 'blog')]) },
    { name: 'a GRPCRoute narrowed to one method', base: { 'g.yaml': grpc('service: shop.Cart') }, head: { 'g.yaml': grpc('service: shop.Cart, method: Get') } },
  ],
  invalid: [
    {
      name: 'matches removed: the rule takes every request',
      base,
      head: noMatches,
      findings: [{ path: 'route.yaml', line: lineOf(noMatches['route.yaml'], '- backendRefs:'), severity: 'medium', message: 'HTTPRoute shop/web: rule 1 has no matches any more, so it takes every request (PathPrefix /)' }],
    },
    {
      name: 'matches removed from a rule that had several: the message names each of them',
      base: head(['- matches:', '    - path: {type: PathPrefix, value: /checkout}', '    - path: {type: PathPrefix, value: /api/v1/payments}', '  backendRefs:', '    - {name: api, port: 80}']),
      head: head(['- backendRefs:', '    - {name: api, port: 80}']),
      findings: [{ path: 'route.yaml', line: lineOf(noMatches['route.yaml'], '- backendRefs:'), message: 'not only PathPrefix /checkout or PathPrefix /api/v1/payments.' }],
    },
    { name: 'a shorter path prefix', base, head: shorter, findings: [{ path: 'route.yaml', line: lineOf(shorter['route.yaml'], 'value: /api}'), message: 'the path /api/v1 became the shorter /api' }] },
    { name: 'Exact → PathPrefix', base, head: exactToPrefix, findings: [{ path: 'route.yaml', line: lineOf(exactToPrefix['route.yaml'], 'value: /health'), message: 'the path Exact /health became PathPrefix /health' }] },
    { name: 'a method condition dropped', base: withMethod, head: base, findings: [{ path: 'route.yaml', line: lineOf(base['route.yaml'], 'value: /api/v1'), message: 'the method GET is no longer required' }] },
    {
      name: 'a GRPCRoute rule without matches takes every method',
      base: { 'g.yaml': grpc('service: shop.Cart') },
      head: { 'g.yaml': route(['- backendRefs:', '    - {name: grpc, port: 50051}'], { kind: 'GRPCRoute' }) },
      findings: [{ path: 'g.yaml', line: 10, message: 'rule 1 has no matches any more, so it takes every request on the route' }],
    },
    { name: 'a GRPCRoute method widened to its whole service', base: { 'g.yaml': grpc('service: shop.Cart, method: Get') }, head: { 'g.yaml': grpc('service: shop.Cart') }, findings: [{ path: 'g.yaml', line: lineOf(grpc('service: shop.Cart'), 'method:'), message: 'GRPCRoute shop/web: a rule now matches gRPC shop.Cart/*' }] },
  ],
});

describe('gateway-route-matches-broadened related', () => {
  it('relates the base match', () => {
    const [finding] = runRule(rule, base, shorter);
    expect(finding.related.map((r) => `${r.side} ${r.path}:${r.line} ${r.message}`)).toEqual([`base route.yaml:${lineOf(base['route.yaml'], 'value: /api/v1')} was PathPrefix /api/v1`]);
  });
});

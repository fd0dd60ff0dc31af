import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/gateway/gateway-reference-grant-broadened.js';
import { runRule, ruleTester } from '../../helpers/rule-tester.js';
import { grant, lineOf } from './fixtures.js';

const ROUTES_FROM_SHOP = '{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}';
const ROUTES_FROM_BLOG = '{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: blog}';
const base = { 'grant.yaml': grant([ROUTES_FROM_SHOP], ['{group: "", kind: Service, name: postgres}']) };

const added = grant([ROUTES_FROM_BLOG], ['{group: "", kind: Service, name: redis}'], { name: 'blog-to-db' });
const unnamed = grant([ROUTES_FROM_SHOP], ['{group: "", kind: Service}']);
const moreFrom = grant([ROUTES_FROM_SHOP, ROUTES_FROM_BLOG], ['{group: "", kind: Service, name: postgres}']);
const moreTo = grant([ROUTES_FROM_SHOP], ['{group: "", kind: Service, name: postgres}', '{group: "", kind: Secret, name: db-cert}']);

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base, head: base },
    { name: 'renamed and moved: grants nothing new', base, head: { 'x/g.yaml': grant([ROUTES_FROM_SHOP], ['{kind: Service, name: postgres}'], { name: 'renamed' }) } },
    { name: 'narrowed: a name added to an unnamed to', base: { 'grant.yaml': unnamed }, head: base },
    { name: 'a grant removed', base, head: {} },
    { name: 'a new grant already covered by an unnamed one', base: { 'grant.yaml': unnamed }, head: { 'grant.yaml': unnamed, 'b.yaml': grant([ROUTES_FROM_SHOP], ['{group: "", kind: Service, name: cache}'], { name: 'cache' }) } },
  ],
  invalid: [
    { name: 'a ReferenceGrant added', base, head: { ...base, 'b.yaml': added }, findings: [{ path: 'b.yaml', line: lineOf(added, 'namespace: blog'), severity: 'high', message: 'ReferenceGrant db/blog-to-db added: HTTPRoute objects in namespace blog may now reference Service redis in namespace db' }] },
    { name: 'to.name removed', base, head: { 'grant.yaml': unnamed }, findings: [{ path: 'grant.yaml', line: lineOf(unnamed, 'kind: Service}'), message: 'to.name postgres was removed, so the grant covers every Service in namespace db' }] },
    { name: 'a from namespace added', base, head: { 'grant.yaml': moreFrom }, findings: [{ path: 'grant.yaml', line: lineOf(moreFrom, 'namespace: blog'), message: 'the namespace blog was added to from' }] },
    { name: 'a to entry added', base, head: { 'grant.yaml': moreTo }, findings: [{ path: 'grant.yaml', line: lineOf(moreTo, 'db-cert'), message: 'Secret db-cert in namespace db was added to the grant' }] },
    { name: 'the same grant in another target namespace', base, head: { ...base, 'b.yaml': grant([ROUTES_FROM_SHOP], ['{group: "", kind: Service, name: postgres}'], { namespace: 'cache' }) }, findings: [{ path: 'b.yaml', line: 8, message: 'ReferenceGrant cache/shop-to-db added' }] },
  ],
});

describe('gateway-reference-grant-broadened related', () => {
  it('relates the base to entry that had a name', () => {
    const [finding] = runRule(rule, base, { 'grant.yaml': unnamed });
    expect(finding.related.map((r) => `${r.side} ${r.path}:${r.line} ${r.message}`)).toEqual([`base grant.yaml:${lineOf(base['grant.yaml'], 'postgres')} was Service postgres`]);
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/nginx/nginx-auth-removed.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { annotationLine, relatedOf, side } from './fixtures.js';

const basic = side([['auth-type', 'basic'], ['auth-secret', 'web-users'], ['auth-realm', 'shop']]);
const external = side([['auth-url', 'https://auth.shop.svc/verify']]);

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: basic, head: basic },
    { name: 'the secret renamed', base: basic, head: side([['auth-type', 'basic'], ['auth-secret', 'web-users-v2'], ['auth-realm', 'shop']]) },
    { name: 'basic → digest', base: basic, head: side([['auth-type', 'digest'], ['auth-secret', 'web-users'], ['auth-realm', 'shop']]) },
    { name: 'reordered annotations', base: basic, head: side([['auth-realm', 'shop'], ['auth-secret', 'web-users'], ['auth-type', 'basic']]) },
    { name: 'auth-realm removed (a label, not a guard)', base: basic, head: side([['auth-type', 'basic'], ['auth-secret', 'web-users']]) },
    { name: 'external auth URL moved', base: external, head: side([['auth-url', 'https://auth2.shop.svc/verify']]) },
    { name: 'enable-global-auth already false in base', base: side([['enable-global-auth', 'false']]), head: side([['enable-global-auth', 'false'], ['rewrite-target', '/']]) },
    { name: 'enable-global-auth: "true" added (the default)', base: side([]), head: side([['enable-global-auth', 'true']]) },
    { name: 'satisfy: all', base: basic, head: side([['auth-type', 'basic'], ['auth-secret', 'web-users'], ['satisfy', 'all']]) },
    { name: 'the Ingress is deleted', base: basic, head: {} },
    { name: 'a new Ingress without auth', base: {}, head: side([['rewrite-target', '/']]) },
  ],
  invalid: [
    {
      name: 'basic auth removed: on the base auth-type line',
      base: basic, head: side([['auth-realm', 'shop']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), side: 'base', severity: 'high', message: 'Ingress shop/web: auth-type is removed, so basic authentication no longer protects' }],
    },
    {
      name: 'auth-secret removed',
      base: basic, head: side([['auth-type', 'basic'], ['auth-realm', 'shop']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(1), side: 'base', message: 'auth-secret is removed' }],
    },
    {
      name: 'auth-url removed',
      base: side([['rewrite-target', '/'], ['auth-url', 'https://auth.shop.svc/verify']]), head: side([['rewrite-target', '/']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(1), side: 'base', message: 'auth-url is removed' }],
    },
    {
      name: 'enable-global-auth: "false" added',
      base: side([['rewrite-target', '/']]), head: side([['rewrite-target', '/'], ['enable-global-auth', 'false']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(1), message: 'enable-global-auth is `false`, so' }],
    },
    {
      name: 'enable-global-auth: "false" on a new Ingress opts out of the cluster default',
      base: {}, head: side([['enable-global-auth', 'false']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0) }],
    },
    {
      name: 'satisfy: any with an allow-list and basic auth',
      base: side([['allowlist-source-range', '10.0.0.0/8'], ['auth-type', 'basic'], ['auth-secret', 'u']]),
      head: side([['allowlist-source-range', '10.0.0.0/8'], ['auth-type', 'basic'], ['auth-secret', 'u'], ['satisfy', 'any']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(3), message: 'the source allow-list or authentication alone is enough' }],
    },
    {
      name: 'ssl-passthrough added: auth ignored',
      base: external, head: side([['auth-url', 'https://auth.shop.svc/verify'], ['ssl-passthrough', 'true']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(1), message: 'the authentication of the base no longer applies' }],
    },
  ],
});

describe('nginx-auth-removed related', () => {
  it('relates the base satisfy line when it changes from all', () => {
    expect(relatedOf(rule, side([['satisfy', 'all']]), side([['satisfy', 'any']]))).toEqual([[`base ing.yaml:${annotationLine(0)}`]]);
  });
});

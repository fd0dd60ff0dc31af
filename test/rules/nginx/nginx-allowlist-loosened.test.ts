import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/nginx/nginx-allowlist-loosened.js';
import { ruleTester, runRule, yaml } from '../../helpers/rule-tester.js';
import { annotationLine, nginxIngress, relatedOf, side } from './fixtures.js';

const base = side([['allowlist-source-range', '10.0.0.0/8,192.168.1.1']]);
const traefikClass = yaml('apiVersion: networking.k8s.io/v1', 'kind: IngressClass', 'metadata:', '  name: public', 'spec:', '  controller: traefik.io/ingress-controller');

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base, head: base },
    { name: 'ranges re-split into an equal set: 10.0.0.0/8 → 10.0.0.0/9,10.128.0.0/9', base, head: side([['allowlist-source-range', '10.0.0.0/9, 10.128.0.0/9,192.168.1.1/32']]) },
    { name: 'reordered CIDRs', base, head: side([['allowlist-source-range', '192.168.1.1,10.0.0.0/8']]) },
    { name: 'alias key → canonical key with the same set', base: side([['whitelist-source-range', '10.0.0.0/8,192.168.1.1']]), head: base },
    { name: 'canonical key → alias with the same set', base, head: side([['whitelist-source-range', '192.168.1.1, 10.0.0.0/8']]) },
    { name: 'narrowed', base, head: side([['allowlist-source-range', '10.1.0.0/16']]) },
    { name: 'the alias is ignored when the allowlist key is set: a wider alias changes nothing', base, head: side([['allowlist-source-range', '10.0.0.0/8,192.168.1.1'], ['whitelist-source-range', '0.0.0.0/0']]) },
    { name: 'no allow-list in base', base: side([]), head: side([['allowlist-source-range', '0.0.0.0/0']]) },
    { name: 'a new Ingress without allow-list', base: {}, head: side([]) },
    { name: 'the Ingress is deleted', base, head: {} },
    {
      name: 'served by another controller in the head (the class change is ingress-class-changed\'s finding)',
      base, head: { 'ing.yaml': nginxIngress([], { className: 'public' }), 'class.yaml': traefikClass },
    },
  ],
  invalid: [
    {
      name: 'allow-list removed: on the base line',
      base: side([['rewrite-target', '/'], ['allowlist-source-range', '10.0.0.0/8']]), head: side([['rewrite-target', '/']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(1), side: 'base', severity: 'high', message: 'Ingress shop/web: the source allow-list allowlist-source-range (10.0.0.0/8) is removed' }],
    },
    {
      name: 'allow-list emptied: on the head line',
      base, head: side([['allowlist-source-range', '']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), message: 'is removed' }],
    },
    {
      name: 'set grows',
      base, head: side([['ssl-redirect', 'true'], ['allowlist-source-range', '10.0.0.0/7, 192.168.1.1']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(1), message: 'now admits 16,777,216 more addresses (11.0.0.0/8)' }],
    },
    {
      name: 'alias resolved first: alias → canonical key with a wider set',
      base: side([['whitelist-source-range', '10.0.0.0/8']]), head: side([['allowlist-source-range', '0.0.0.0/0']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), message: 'allowlist-source-range now admits' }],
    },
    {
      name: 'the canonical key removed, a wider alias left behind',
      base: side([['allowlist-source-range', '10.0.0.0/8'], ['whitelist-source-range', '0.0.0.0/0']]), head: side([['whitelist-source-range', '0.0.0.0/0']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), message: 'whitelist-source-range now admits' }],
    },
    {
      name: 'one address added',
      base, head: side([['allowlist-source-range', '10.0.0.0/8,192.168.1.1,1.2.3.4']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), message: 'now admits 1 more address (1.2.3.4/32) that' }],
    },
    {
      name: 'an IPv6 range added',
      base, head: side([['allowlist-source-range', '10.0.0.0/8,192.168.1.1,2001:db8::/32']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), message: '2001:db8::/32' }],
    },
    {
      name: 'ssl-passthrough added: every other annotation ignored, on the ssl-passthrough line',
      base, head: side([['allowlist-source-range', '10.0.0.0/8,192.168.1.1'], ['ssl-passthrough', 'true']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(1), message: 'the source allow-list of the base no longer applies' }],
    },
    {
      name: 'an Ingress without class loses its last nginx annotation: still served by ingress-nginx',
      base: side([['allowlist-source-range', '10.0.0.0/8']], { className: null }), head: side([], { className: null }),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), side: 'base', message: 'is removed' }],
    },
    {
      name: 'an Ingress without class: nginx annotations mean nginx',
      base: side([['allowlist-source-range', '10.0.0.0/8']], { className: null }), head: side([['allowlist-source-range', '10.0.0.0/6']], { className: null }),
      findings: [{ path: 'ing.yaml', line: annotationLine(0) }],
    },
  ],
});

describe('nginx-allowlist-loosened related', () => {
  it('relates the base allow-list line to a head finding', () => {
    const head = side([['ssl-redirect', 'true'], ['allowlist-source-range', '0.0.0.0/0']]);
    expect(relatedOf(rule, base, head)).toEqual([[`base ing.yaml:${annotationLine(0)}`]]);
  });

  it('truncates a long list of added ranges', () => {
    const head = side([['allowlist-source-range', '1.0.0.1,1.0.0.3,1.0.0.5,1.0.0.7,1.0.0.9']]);
    const [finding] = runRule(rule, side([['allowlist-source-range', '10.0.0.0/8']]), head);
    expect(finding.message).toContain('now admits 5 more addresses (1.0.0.1/32, 1.0.0.3/32, 1.0.0.5/32 and 2 more)');
  });
});

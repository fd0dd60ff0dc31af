import { MAX_CODE } from '../../../src/findings/code-span.js';
import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/nginx/nginx-snippet-added.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';
import { annotationLine, relatedOf, side } from './fixtures.js';

const snippet = 'more_set_headers "X-Frame-Options: DENY";';
const base = side([['configuration-snippet', snippet]]);

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base, head: base },
    { name: 'the same snippet, other annotations changed', base, head: side([['rewrite-target', '/'], ['configuration-snippet', snippet]]) },
    { name: 'a snippet removed', base, head: side([]) },
    {
      name: 'a snippet annotation of another prefix',
      base: side([]),
      head: { 'ing.yaml': side([])['ing.yaml'].toString().replace('  namespace: shop', '  namespace: shop\n  annotations:\n    example.com/server-snippet: "return 200;"') },
    },
    {
      name: 'an Ingress of another controller (class not nginx, IngressClass with another controller)',
      base: {},
      head: {
        'ing.yaml': side([['server-snippet', 'return 200;']], { className: 'traefik' })['ing.yaml'],
        'class.yaml': 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: traefik\nspec:\n  controller: traefik.io/ingress-controller\n',
      },
    },
    { name: 'the Ingress is deleted', base, head: {} },
  ],
  invalid: [
    {
      name: 'configuration-snippet added',
      base: side([['rewrite-target', '/']]), head: side([['rewrite-target', '/'], ['configuration-snippet', snippet]]),
      findings: [{ path: 'ing.yaml', line: annotationLine(1), severity: 'critical', message: 'Ingress shop/web: configuration-snippet added (`more_set_headers "X-Frame-Options: DENY";`): raw' }],
    },
    {
      name: 'a snippet changed',
      base, head: side([['configuration-snippet', 'return 200;']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), message: 'configuration-snippet changed' }],
    },
    {
      name: 'every key ending in -snippet, in a new Ingress',
      base: {}, head: side([['server-snippet', 'a'], ['auth-snippet', 'b'], ['modsecurity-snippet', 'c'], ['stream-snippet', 'd'], ['some-future-snippet', 'e']]),
      findings: [0, 1, 2, 3, 4].map((i) => ({ path: 'ing.yaml', line: annotationLine(i), message: 'is set (`' })),
    },
    {
      name: 'an IngressClass naming ingress-nginx under another class name',
      base: {},
      head: {
        'ing.yaml': side([['server-snippet', 'return 200;']], { className: 'internal' })['ing.yaml'],
        'class.yaml': 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: internal\nspec:\n  controller: k8s.io/ingress-nginx\n',
      },
      findings: [{ path: 'ing.yaml', line: annotationLine(0) }],
    },
  ],
});

describe('nginx-snippet-added messages', () => {
  it('shortens a long multi-line snippet to one line, its start and end around an ellipsis', () => {
    const long = `location /x {\n${'  proxy_pass http://evil;\n'.repeat(20)}}`;
    const [finding] = runRule(rule, {}, side([['server-snippet', long]]));
    expect(finding.message).toContain('(`location /x {⏎  proxy_pass http://evil;⏎');
    expect(finding.message).toContain('proxy_pass http://evil;⏎}`): raw nginx configuration runs inside the controller, which can read every Secret in the cluster (CVE-2021-25742)');
    expect(finding.message.length).toBeLessThan(400);
  });

  it('cuts by code point, never inside an astral character', () => {
    const [finding] = runRule(rule, {}, side([['server-snippet', `${'x'.repeat(MAX_CODE + 20)}🙂🙂🙂`]]));
    // Two thirds of what is kept before the ellipsis, the rest after it, counted in code points.
    const head = Math.ceil(((MAX_CODE - 2) * 2) / 3);
    expect(finding.message).toContain(`(\`${'x'.repeat(head)}…${'x'.repeat(MAX_CODE - 2 - head - 3)}🙂🙂🙂\`)`);
  });

  it('relates the base value of a changed snippet', () => {
    expect(relatedOf(rule, base, side([['configuration-snippet', 'x']]))).toEqual([[`base ing.yaml:${annotationLine(0)}`]]);
  });
});

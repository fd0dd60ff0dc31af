import rule from '../../../src/rules/nginx/nginx-scope-side-effect.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { annotationLine, side } from './fixtures.js';

const canary = side([['canary', 'true'], ['canary-by-header', 'X-Canary']]);

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: canary, head: canary },
    { name: 'canary header renamed: the client could already pick', base: canary, head: side([['canary', 'true'], ['canary-by-header', 'X-Beta']]) },
    { name: 'canary by weight only', base: side([]), head: side([['canary', 'true'], ['canary-weight', '10']]) },
    { name: 'canary-by-header without canary: "true" is ignored', base: side([]), head: side([['canary-by-header', 'X-Canary']]) },
    { name: 'use-regex: "false"', base: side([]), head: side([['use-regex', 'false']]) },
    { name: 'use-regex already on', base: side([['use-regex', 'true']]), head: side([['use-regex', 'True']]) },
    { name: 'the Ingress is deleted', base: canary, head: {} },
  ],
  invalid: [
    {
      name: 'use-regex added',
      base: side([]), head: side([['use-regex', 'true']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), severity: 'medium', message: 'Ingress shop/web: use-regex is turned on: ingress-nginx switches every path of shop.example.com to regular-expression matching' }],
    },
    {
      name: 'ssl-passthrough added',
      base: side([]), head: side([['ssl-passthrough', 'true']], { tls: true }),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), message: 'ignores every other annotation' }],
    },
    {
      name: 'canary by header and by cookie added',
      base: side([]), head: side([['canary', 'true'], ['canary-by-header', 'X-Canary'], ['canary-by-cookie', 'beta']]),
      findings: [
        { path: 'ing.yaml', line: annotationLine(1), message: 'the header `X-Canary` picks' },
        { path: 'ing.yaml', line: annotationLine(2), message: 'the cookie `beta` picks' },
      ],
    },
    {
      name: 'canary: "true" turning on a header that was already written: on the canary line',
      base: side([['canary', 'false'], ['canary-by-header', 'X-Canary']]), head: canary,
      findings: [{ path: 'ing.yaml', line: annotationLine(0), message: 'canary-by-header is turned on' }],
    },
  ],
});

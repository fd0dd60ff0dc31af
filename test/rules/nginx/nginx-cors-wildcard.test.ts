import rule from '../../../src/rules/nginx/nginx-cors-wildcard.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { annotationLine, side } from './fixtures.js';

const scoped = side([['enable-cors', 'true'], ['cors-allow-origin', 'https://shop.example.com']]);
const wildcard = side([['enable-cors', 'true'], ['cors-allow-origin', '*']]);

ruleTester(rule, {
  valid: [
    { name: 'unchanged wildcard (not new in this change)', base: wildcard, head: wildcard },
    { name: 'wildcard written out → left to its default (absent means *)', base: wildcard, head: side([['enable-cors', 'true']]) },
    { name: 'listed origins', base: side([]), head: scoped },
    { name: 'an origin list without enable-cors does nothing', base: side([]), head: side([['cors-allow-origin', '*']]) },
    { name: 'enable-cors: "false"', base: side([]), head: side([['enable-cors', 'false']]) },
    { name: 'the Ingress is deleted', base: wildcard, head: {} },
  ],
  invalid: [
    {
      name: 'CORS enabled without an origin list',
      base: side([]), head: side([['enable-cors', 'true']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), severity: 'high', message: 'Ingress shop/web: CORS is enabled and cors-allow-origin is absent, which means `*`, so' }],
    },
    {
      name: 'a listed origin widened to *: on the origin line',
      base: scoped, head: wildcard,
      findings: [{ path: 'ing.yaml', line: annotationLine(1), message: 'cors-allow-origin is `*`, so' }],
    },
    {
      name: 'a * among listed origins',
      base: scoped, head: side([['enable-cors', 'true'], ['cors-allow-origin', 'https://shop.example.com, *']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(1) }],
    },
    {
      name: 'the origin list removed: on the base line',
      base: scoped, head: side([['enable-cors', 'true']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(1), side: 'base', message: 'absent' }],
    },
    {
      name: 'credentials off is said',
      base: {}, head: side([['enable-cors', 'true'], ['cors-allow-credentials', 'false']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), message: 'read the responses.' }],
    },
  ],
});

import rule from '../../../src/rules/nginx/nginx-mtls-weakened.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { annotationLine, side } from './fixtures.js';

const strict = side([['auth-tls-secret', 'shop/client-ca'], ['auth-tls-verify-client', 'on']], { tls: true });
const implicit = side([['auth-tls-secret', 'shop/client-ca']], { tls: true });

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: strict, head: strict },
    { name: 'verify-client "on" written out → left to its default (on)', base: strict, head: implicit },
    { name: 'the default made explicit', base: implicit, head: strict },
    { name: 'another CA secret', base: strict, head: side([['auth-tls-secret', 'shop/client-ca-2'], ['auth-tls-verify-client', 'on']], { tls: true }) },
    { name: 'verify depth 1 written out (the default)', base: implicit, head: side([['auth-tls-secret', 'shop/client-ca'], ['auth-tls-verify-depth', '1']], { tls: true }) },
    { name: 'verify depth lowered', base: side([['auth-tls-secret', 'shop/client-ca'], ['auth-tls-verify-depth', '3']], { tls: true }), head: implicit },
    { name: 'off → optional is a tightening', base: side([['auth-tls-secret', 'a/b'], ['auth-tls-verify-client', 'off']]), head: side([['auth-tls-secret', 'a/b'], ['auth-tls-verify-client', 'optional']]) },
    { name: 'verify-client without a secret in base means nothing', base: side([['auth-tls-verify-client', 'on']]), head: side([['auth-tls-verify-client', 'off']]) },
    { name: 'a new Ingress with optional client certificates', base: {}, head: side([['auth-tls-secret', 'a/b'], ['auth-tls-verify-client', 'optional']]) },
    { name: 'the Ingress is deleted', base: strict, head: {} },
  ],
  invalid: [
    {
      name: 'on → optional',
      base: strict, head: side([['auth-tls-secret', 'shop/client-ca'], ['auth-tls-verify-client', 'optional']], { tls: true }),
      findings: [{ path: 'ing.yaml', line: annotationLine(1), severity: 'high', message: 'Ingress shop/web: auth-tls-verify-client goes from `on` to `optional`:' }],
    },
    {
      name: 'default on → optional_no_ca added',
      base: implicit, head: side([['auth-tls-secret', 'shop/client-ca'], ['auth-tls-verify-client', 'optional_no_ca']], { tls: true }),
      findings: [{ path: 'ing.yaml', line: annotationLine(1), message: 'from `on` to `optional_no_ca`' }],
    },
    {
      name: 'on → off',
      base: strict, head: side([['auth-tls-secret', 'shop/client-ca'], ['auth-tls-verify-client', 'off']], { tls: true }),
      findings: [{ path: 'ing.yaml', line: annotationLine(1), message: 'no client certificate is requested' }],
    },
    {
      name: 'auth-tls-secret removed: on the base line',
      base: strict, head: side([['auth-tls-verify-client', 'on']], { tls: true }),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), side: 'base', message: 'auth-tls-secret is removed' }],
    },
    {
      name: 'verify depth raised from the default',
      base: strict, head: side([['auth-tls-secret', 'shop/client-ca'], ['auth-tls-verify-client', 'on'], ['auth-tls-verify-depth', '3']], { tls: true }),
      findings: [{ path: 'ing.yaml', line: annotationLine(2), message: 'auth-tls-verify-depth goes from `1` to `3`' }],
    },
    {
      name: 'optional → optional_no_ca',
      base: side([['auth-tls-secret', 'a/b'], ['auth-tls-verify-client', 'optional']]), head: side([['auth-tls-secret', 'a/b'], ['auth-tls-verify-client', 'optional_no_ca']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(1) }],
    },
    {
      name: 'ssl-passthrough added',
      base: strict, head: side([['auth-tls-secret', 'shop/client-ca'], ['auth-tls-verify-client', 'on'], ['ssl-passthrough', 'true']], { tls: true }),
      findings: [{ path: 'ing.yaml', line: annotationLine(2), message: 'client-certificate check of the base no longer applies' }],
    },
  ],
});

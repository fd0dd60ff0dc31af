import rule from '../../../src/rules/nginx/nginx-https-downgraded.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { annotationLine, side } from './fixtures.js';

const tls = { tls: true };
const secureBackend = side([['backend-protocol', 'HTTPS'], ['proxy-ssl-verify', 'on'], ['proxy-ssl-secret', 'shop/ca']], tls);

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: secureBackend, head: secureBackend },
    { name: 'ssl-redirect "true" removed: the default is true', base: side([['ssl-redirect', 'true']], tls), head: side([], tls) },
    { name: 'ssl-redirect off without TLS: nothing to redirect to', base: side([]), head: side([['ssl-redirect', 'false']]) },
    { name: 'ssl-redirect off while force-ssl-redirect keeps redirecting', base: side([], tls), head: side([['ssl-redirect', 'false'], ['force-ssl-redirect', 'true']], tls) },
    { name: 'force-ssl-redirect off while ssl-redirect (default) still redirects with TLS', base: side([['force-ssl-redirect', 'true']], tls), head: side([], tls) },
    { name: 'backend-protocol case only', base: secureBackend, head: side([['backend-protocol', 'https'], ['proxy-ssl-verify', 'on'], ['proxy-ssl-secret', 'shop/ca']], tls) },
    { name: 'HTTPS → GRPCS keeps TLS to the backend', base: secureBackend, head: side([['backend-protocol', 'GRPCS'], ['proxy-ssl-verify', 'on'], ['proxy-ssl-secret', 'shop/ca']], tls) },
    { name: 'a new Ingress with the defaults written out', base: {}, head: side([['ssl-redirect', 'true'], ['proxy-ssl-verify', 'off']], tls) },
    { name: 'already off in base', base: side([['ssl-redirect', 'false']], tls), head: side([['ssl-redirect', 'false'], ['rewrite-target', '/']], tls) },
    { name: 'the Ingress is deleted', base: secureBackend, head: {} },
  ],
  invalid: [
    {
      name: 'ssl-redirect: "false" added with TLS',
      base: side([], tls), head: side([['ssl-redirect', 'false']], tls),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), severity: 'medium', message: 'Ingress shop/web: ssl-redirect goes from `true` to `false`, so plain-HTTP requests are served' }],
    },
    {
      name: 'ssl-redirect: "false" in a new Ingress with TLS (the default is true)',
      base: {}, head: side([['ssl-redirect', 'False']], tls),
      findings: [{ path: 'ing.yaml', line: annotationLine(0) }],
    },
    {
      name: 'force-ssl-redirect turned off without TLS',
      base: side([['force-ssl-redirect', 'true']]), head: side([['force-ssl-redirect', 'false']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), message: 'force-ssl-redirect goes from `true` to `false`' }],
    },
    {
      name: 'force-ssl-redirect removed: on the base line',
      base: side([['force-ssl-redirect', 'true']]), head: side([]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), side: 'base' }],
    },
    {
      name: 'backend-protocol HTTPS → HTTP and proxy-ssl-verify off',
      base: secureBackend, head: side([['backend-protocol', 'HTTP'], ['proxy-ssl-verify', 'off'], ['proxy-ssl-secret', 'shop/ca']], tls),
      findings: [
        { path: 'ing.yaml', line: annotationLine(0), message: 'backend-protocol goes from `HTTPS` to `HTTP`' },
        { path: 'ing.yaml', line: annotationLine(1), message: 'proxy-ssl-verify goes from `on` to `off`' },
      ],
    },
    {
      name: 'GRPCS → GRPC',
      base: side([['backend-protocol', 'GRPCS']]), head: side([['backend-protocol', 'GRPC']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), message: 'from `GRPCS` to `GRPC`' }],
    },
    {
      name: 'backend-protocol HTTPS removed (default HTTP): on the base line',
      base: side([['backend-protocol', 'HTTPS']]), head: side([]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), side: 'base', message: 'from `HTTPS` to `HTTP`' }],
    },
  ],
});

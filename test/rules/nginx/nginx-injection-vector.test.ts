import rule from '../../../src/rules/nginx/nginx-injection-vector.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { annotationLine, side } from './fixtures.js';

const authUrl = side([['auth-url', 'https://auth.shop.svc/verify']]);

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: authUrl, head: authUrl },
    { name: 'already in base, other annotations changed', base: authUrl, head: side([['rewrite-target', '/'], ['auth-url', 'https://auth.shop.svc/verify']]) },
    { name: 'removed', base: authUrl, head: side([]) },
    { name: 'auth-signin is not one of the listed vectors', base: side([]), head: side([['auth-signin', 'https://login/;x']]) },
    { name: 'the Ingress is deleted', base: authUrl, head: {} },
  ],
  invalid: [
    {
      name: 'a plain auth-url added: info',
      base: side([]), head: authUrl,
      findings: [{ path: 'ing.yaml', line: annotationLine(0), severity: 'info', message: 'auth-url added (`https://auth.shop.svc/verify`). Ingress-nginx copies this value into its configuration (CVE-2025-24514)' }],
    },
    {
      name: 'auth-url changed to carry a directive: critical',
      base: authUrl, head: side([['auth-url', 'http://x/#;\nload_module /tmp/evil.so;']]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), severity: 'critical', message: 'auth-url changed (`http://x/#;⏎load_module /tmp/evil.so;`). The value contains `#`' }],
    },
    {
      name: 'each tell character makes it critical',
      base: {},
      head: side([
        ['auth-tls-match-cn', 'CN=a}'], ['mirror-target', 'http://m/{'], ['mirror-host', 'm"x'], ['permanent-redirect', "https://x/'"], ['auth-proxy-set-headers', 'shop/headers;'],
      ]),
      findings: [
        { path: 'ing.yaml', line: annotationLine(0), severity: 'critical', message: 'CVE-2025-1097' },
        { path: 'ing.yaml', line: annotationLine(1), severity: 'critical', message: 'CVE-2025-1098' },
        { path: 'ing.yaml', line: annotationLine(2), severity: 'critical', message: 'CVE-2025-1098' },
        { path: 'ing.yaml', line: annotationLine(3), severity: 'critical', message: 'CVE-2023-5044' },
        { path: 'ing.yaml', line: annotationLine(4), severity: 'critical', message: 'CVE-2025-15566' },
      ],
    },
    {
      name: 'a long auth-url is shown around the ";" the finding is about, not cut before it',
      base: {}, head: side([['auth-url', `http://partner-authz.partners.svc.cluster.local/verify?dn=$ssl_client_s_dn&token=${'a'.repeat(60)};proxy_pass http://evil`]]),
      findings: [{ path: 'ing.yaml', line: annotationLine(0), severity: 'critical', message: `aaa;proxy_pass http://evil\`). The value contains \`;\`` }],
    },
    {
      name: 'plain values of the other vectors: info',
      base: {}, head: side([['auth-tls-match-cn', 'CN=client'], ['permanent-redirect', 'https://shop.example.com/new']]),
      findings: [
        { path: 'ing.yaml', line: annotationLine(0), severity: 'info' },
        { path: 'ing.yaml', line: annotationLine(1), severity: 'info' },
      ],
    },
  ],
});

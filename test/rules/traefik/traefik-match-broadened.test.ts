import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/traefik/traefik-match-broadened.js';
import { runRule, ruleTester } from '../../helpers/rule-tester.js';
import { ingressRoute, lineOf, traefikIngress, V2, type RouteSpec } from './fixtures.js';

const API = 'Host(`shop.example.com`) && PathPrefix(`/api/v1`)';
const ADMIN = 'Host(`admin.example.com`)';
const routes: RouteSpec[] = [{ match: API }, { match: ADMIN, service: 'admin' }];
const base = { 'route.yaml': ingressRoute(routes) };

/** The head IngressRoute with the first route's rule replaced; the finding is on that rule's line. */
function broadened(match: string) {
  const text = ingressRoute([{ match }, { match: ADMIN, service: 'admin' }]);
  return { head: { 'route.yaml': text }, line: lineOf(text, `- match: ${match}`) };
}

const hostRemoved = broadened('PathPrefix(`/api/v1`)');
const hostStar = broadened('Host(`*`) && PathPrefix(`/api/v1`)');
const hostWildcard = broadened('Host(`*.example.com`) && PathPrefix(`/api/v1`)');
const shorter = broadened('Host(`shop.example.com`) && PathPrefix(`/api`)');
const branch = broadened('Host(`shop.example.com`) && (PathPrefix(`/api/v1`) || PathPrefix(`/internal`))');
const methodBase = { 'route.yaml': ingressRoute([{ match: `${API} && Method(\`GET\`)` }, { match: ADMIN, service: 'admin' }]) };
const exclusionBase = { 'route.yaml': ingressRoute([{ match: `${API} && !PathPrefix(\`/api/v1/admin\`)` }, { match: ADMIN, service: 'admin' }]) };

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base, head: base },
    { name: 'routes reordered, operands reordered, file moved', base, head: { 'x/route.yaml': ingressRoute([{ match: ADMIN, service: 'admin' }, { match: 'PathPrefix(`/api/v1`) && Host(`SHOP.example.com`)' }]) } },
    { name: 'double quotes instead of backquotes', base, head: { 'route.yaml': ingressRoute([{ match: `'Host("shop.example.com") && PathPrefix("/api/v1")'` }, { match: ADMIN, service: 'admin' }]) } },
    {
      name: 'a v2 multi-host rule migrated to the v3 group and syntax',
      base: { 'route.yaml': ingressRoute([{ match: 'Host(`a.example.com`, `b.example.com`)' }], { group: V2 }) },
      head: { 'route.yaml': ingressRoute([{ match: 'Host(`b.example.com`) || Host(`a.example.com`)' }]) },
    },
    { name: 'narrowed: a longer prefix and a method', base, head: { 'route.yaml': ingressRoute([{ match: `${API}/users && Method(\`GET\`)` }, { match: ADMIN, service: 'admin' }]) } },
    { name: 'a new route for a new host is a new route, not a broadening', base, head: { 'route.yaml': ingressRoute([...routes, { match: 'Host(`blog.example.com`)', service: 'blog' }]) } },
    {
      name: 'a route moved from an Ingress with Traefik annotations into an IngressRoute',
      base: { 'ing.yaml': traefikIngress(['traefik.ingress.kubernetes.io/router.entrypoints: websecure'], 'shop.example.com', ['/api/v1']) },
      head: { 'route.yaml': ingressRoute([{ match: API }]) },
    },
    { name: 'a route moved into another IngressRoute', base, head: { 'a.yaml': ingressRoute([{ match: API }], { name: 'api' }), 'b.yaml': ingressRoute([{ match: ADMIN, service: 'admin' }], { name: 'admin' }) } },
    { name: 'the IngressRoute deleted', base, head: {} },
    { name: 'a route rewritten to other requests is a new route', base, head: { 'route.yaml': ingressRoute([{ match: 'Host(`shop.example.com`) && PathPrefix(`/api/v2`)' }, { match: ADMIN, service: 'admin' }]) } },
    {
      name: 'a HostRegexp narrowed to a host it matches (regexps are not guessed at)',
      base: { 'route.yaml': ingressRoute([{ match: 'HostRegexp(`^[a-z]+\\.example\\.com$`)' }]) },
      head: { 'route.yaml': ingressRoute([{ match: 'Host(`a.example.com`) || Host(`b.example.com`)' }]) },
    },
  ],
  invalid: [
    {
      name: 'a branch added while the service changed: only the new alternative',
      base,
      head: { 'route.yaml': ingressRoute([{ match: `${API} || Host(\`shop.example.com\`) && PathPrefix(\`/internal\`)`, service: 'api2' }, { match: ADMIN, service: 'admin' }]) },
      findings: [{ path: 'route.yaml', line: 8, message: 'gained the alternative ``Host(`shop.example.com`) && PathPrefix(`/internal`)``' }],
    },
    { name: 'the Host matcher removed', base, head: hostRemoved.head, findings: [{ path: 'route.yaml', line: hostRemoved.line, severity: 'high', message: 'the Host matcher ``Host(`shop.example.com`)`` was removed, so every host matches' }] },
    { name: 'Host(`*`)', base, head: hostStar.head, findings: [{ path: 'route.yaml', line: hostStar.line, message: 'became ``Host(`*`)``, which matches everything' }] },
    { name: 'a host wildcarded', base, head: hostWildcard.head, findings: [{ path: 'route.yaml', line: hostWildcard.line, message: '``Host(`shop.example.com`)`` was widened to ``Host(`*.example.com`)``' }] },
    { name: 'a shorter PathPrefix', base, head: shorter.head, findings: [{ path: 'route.yaml', line: shorter.line, message: '``PathPrefix(`/api/v1`)`` was shortened to ``PathPrefix(`/api`)``' }] },
    { name: 'an || that adds a branch', base, head: branch.head, findings: [{ path: 'route.yaml', line: branch.line, message: 'gained the alternative ``Host(`shop.example.com`) && PathPrefix(`/internal`)`` (an added `||` branch)' }] },
    {
      name: 'a v2 multi-host rule that gained a host in the migration',
      base: { 'route.yaml': ingressRoute([{ match: 'Host(`a.example.com`, `b.example.com`)' }], { group: V2 }) },
      head: { 'route.yaml': ingressRoute([{ match: 'Host(`a.example.com`) || Host(`b.example.com`) || Host(`c.example.com`)' }]) },
      findings: [{ path: 'route.yaml', line: 8, message: '``Host(`c.example.com`)``' }],
    },
    { name: 'a method condition dropped', base: methodBase, head: base, findings: [{ path: 'route.yaml', line: 8, message: '``Method(`GET`)`` is no longer required' }] },
    { name: 'an exclusion dropped', base: exclusionBase, head: base, findings: [{ path: 'route.yaml', line: 8, message: 'the exclusion ``!PathPrefix(`/api/v1/admin`)`` was dropped' }] },
    {
      name: 'an exclusion narrowed',
      base: exclusionBase,
      head: { 'route.yaml': ingressRoute([{ match: `${API} && !PathPrefix(\`/api/v1/admin/keys\`)` }, { match: ADMIN, service: 'admin' }]) },
      findings: [{ path: 'route.yaml', line: 8, message: 'the exclusion ``!PathPrefix(`/api/v1/admin`)`` was narrowed to ``!PathPrefix(`/api/v1/admin/keys`)``' }],
    },
  ],
});

describe('traefik-match-broadened related', () => {
  it('relates the base rule line', () => {
    const [finding] = runRule(rule, base, shorter.head);
    expect(finding.related.map((r) => `${r.side} ${r.path}:${r.line} ${r.message}`)).toEqual([`base route.yaml:8 was \`\`${API}\`\``]);
  });
});

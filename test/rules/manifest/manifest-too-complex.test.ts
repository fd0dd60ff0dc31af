import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { defaultConfig } from '../../../src/config/config.js';
import rule from '../../../src/rules/manifest/manifest-too-complex.js';
import { ruleTester, toSourceFiles, yaml } from '../../helpers/rule-tester.js';

const ingressRoute = (match: string) => yaml(
  'apiVersion: traefik.io/v1alpha1', 'kind: IngressRoute', 'metadata: {name: api, namespace: billing}', 'spec:', '  routes:',
  `  - match: "${match}"`, '    kind: Rule', '    services: [{name: api, port: 80}]',
);
/** `groups` groups of two alternatives joined by `&&`: 2^groups alternatives in normal form. */
const explodingRule = (groups: number) => Array.from({ length: groups }, (_, i) => `(PathPrefix(\`/\`) || Header(\`X-${i}\`, \`1\`))`).join(' && ');
const narrow = 'Host(`api.example.com`) && PathPrefix(`/v1`)';

ruleTester(rule, {
  valid: [
    { name: 'a rule of 256 alternatives is expanded exactly', base: {}, head: { 'r.yaml': ingressRoute(explodingRule(8)) } },
    { name: 'an unchanged approximated route is not reported again', base: { 'r.yaml': ingressRoute(explodingRule(9)) }, head: { 'r.yaml': ingressRoute(explodingRule(9)) } },
  ],
  invalid: [
    {
      name: 'a rule of 512 alternatives',
      base: { 'r.yaml': ingressRoute(narrow) }, head: { 'r.yaml': ingressRoute(explodingRule(9)) },
      findings: [{ path: 'r.yaml', line: 6, severity: 'high', message: 'more than 256 alternatives; it is analyzed as matching every request' }],
    },
    {
      name: 'a changed route stays reported although the base was approximated too',
      base: { 'r.yaml': ingressRoute(explodingRule(9)) }, head: { 'r.yaml': ingressRoute(explodingRule(10)) },
      findings: [{ path: 'r.yaml', line: 6, message: 'analyzed as matching every request' }],
    },
  ],
});

describe('an approximated Traefik route does not drop out of the analysis', () => {
  it('is exposed as matching everything, and the gate fails', () => {
    const result = analyze(toSourceFiles({ 'r.yaml': ingressRoute(narrow) }), toSourceFiles({ 'r.yaml': ingressRoute(explodingRule(9)) }), defaultConfig());
    const ids = result.findings.filter((f) => !f.suppressed).map((f) => f.ruleId);
    expect(ids).toContain('manifest-too-complex');
    expect(ids).toContain('traefik-match-broadened');
    const rows = result.summary.exposure?.added ?? [];
    expect(rows.some((row) => row.host === '*' && row.match === 'everything')).toBe(true);
  });
});

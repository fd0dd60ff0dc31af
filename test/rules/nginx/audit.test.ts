import { describe, expect, it } from 'vitest';
import { audit } from '../../../src/analyze.js';
import { rulesFor } from '../../../src/rules/index.js';
import { toSourceFiles } from '../../helpers/rule-tester.js';
import { annotationLine, nginxIngress } from './fixtures.js';

describe('ingress-nginx rules in audit mode', () => {
  it('run the one-state rules only', () => {
    const ids = rulesFor('audit').map((r) => r.id).filter((id) => id.startsWith('nginx-'));
    expect(ids).toEqual(['nginx-cors-wildcard', 'nginx-injection-vector', 'nginx-snippet-added']);
  });

  it('report the existing snippets, injection vectors and CORS wildcards of one tree', () => {
    const tree = {
      'apps/web.yaml': nginxIngress([
        ['configuration-snippet', 'more_set_headers "X: y";'],
        ['auth-url', 'http://auth/;}'],
        ['enable-cors', 'true'],
        ['ssl-redirect', 'false'],
        ['allowlist-source-range', '0.0.0.0/0'],
      ], { tls: true }),
      'apps/api.yaml': nginxIngress([['permanent-redirect', 'https://api.example.com/v2']], { name: 'api' }),
      'apps/other.yaml': nginxIngress([['server-snippet', 'return 200;']], { name: 'other', className: 'public' }) +
        '---\napiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: public\nspec:\n  controller: traefik.io/ingress-controller\n',
    };
    const findings = audit(toSourceFiles(tree)).findings.filter((f) => f.ruleId.startsWith('nginx-'));
    expect(findings.map((f) => `${f.location.path}:${f.location.line} ${f.location.side} ${f.ruleId} ${f.severity}`)).toEqual([
      `apps/api.yaml:${annotationLine(0)} head nginx-injection-vector info`,
      `apps/web.yaml:${annotationLine(0)} head nginx-snippet-added critical`,
      `apps/web.yaml:${annotationLine(1)} head nginx-injection-vector critical`,
      `apps/web.yaml:${annotationLine(2)} head nginx-cors-wildcard high`,
    ]);
    expect(findings.every((f) => f.related.length === 0)).toBe(true);
    // One state: nothing was "added", the annotation is there.
    expect(findings[1].message).toContain('Ingress shop/web: configuration-snippet is set (`more_set_headers "X: y";`)');
  });
});

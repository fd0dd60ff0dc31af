import { describe, expect, it } from 'vitest';
import { analyze, audit } from '../src/analyze.js';
import { RULES, rulesFor } from '../src/rules/index.js';
import { toSourceFiles, yaml } from './helpers/rule-tester.js';

const ingress = yaml(
  'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web, namespace: shop}', 'spec:', '  rules:',
  '  - host: shop.example.com', '    http:', '      paths:', '      - path: /', '        pathType: Prefix',
  '        backend: {service: {name: web, port: {number: 80}}}',
);
const broken = 'apiVersion: v1\nkind: Service\nmetadata: {name: [x\n';

describe('analysis modes', () => {
  it('runs every rule in a pull request unless it declares otherwise, and only audit-capable rules in an audit', () => {
    const audited = rulesFor('audit').map((r) => r.id);
    expect(audited).toContain('manifest-parse-error');
    expect(audited).not.toContain('ingress-new-route');
    expect(rulesFor('pr').length).toBeGreaterThan(audited.length - 1);
    expect(RULES.every((r) => rulesFor('pr').includes(r) || rulesFor('audit').includes(r))).toBe(true);
  });

  it('an audit reports the state of one tree with the audit rules only', () => {
    const files = toSourceFiles({ 'ingress.yaml': ingress, 'broken.yaml': broken });
    const ids = audit(files).findings.map((f) => f.ruleId);
    expect(ids).toContain('manifest-parse-error');
    expect(ids).not.toContain('ingress-new-route');
    // The same tree as a pull request that adds it: the diff rules see the new route.
    expect(analyze([], files).findings.map((f) => f.ruleId)).toContain('ingress-new-route');
  });
});

import { describe, expect, it } from 'vitest';
import { analyze, audit } from '../src/analyze.js';
import { RULES, rulesFor } from '../src/rules/index.js';
import { defineRule } from '../src/rules/rule.js';
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

describe('what a state rule is asked about in a pull request', () => {
  const policy = (name: string, comment = '') => yaml(
    `${comment}apiVersion: networking.k8s.io/v1`, 'kind: NetworkPolicy', `metadata: {name: ${name}, namespace: shop}`,
    'spec:', '  podSelector: {}', '  policyTypes: [Ingress]',
  );
  /** The objects a state rule is given on each side. */
  function askedAbout(base: Record<string, string>, head: Record<string, string>): Record<'base' | 'head', string[]> {
    const asked: Record<'base' | 'head', string[]> = { base: [], head: [] };
    const recorder = defineRule({
      id: 'records-changed', kind: 'state', modes: ['pr'], severity: 'low', description: 'Records the objects it is given.',
      check({ side, changedResources }) {
        asked[side].push(...changedResources.map((r) => `${r.name}@${r.file}`));
      },
    });
    analyze(toSourceFiles(base), toSourceFiles(head), undefined, [recorder]);
    return asked;
  }

  it('is not asked about an object whose file moved or was reformatted: the same decoded object on both sides', () => {
    const asked = askedAbout(
      { 'a.yaml': policy('moved'), 'b.yaml': policy('reformatted'), 'c.yaml': policy('kept') },
      { 'new/a.yaml': policy('moved'), 'b.yaml': policy('reformatted', '# reviewed\n'), 'c.yaml': policy('kept') },
    );
    expect(asked).toEqual({ base: [], head: [] });
  });

  it('is asked about an object that changed, on both sides, and about an added one on the head', () => {
    const asked = askedAbout({ 'a.yaml': policy('changed') }, { 'new/a.yaml': policy('changed').replace('{}', '{matchLabels: {app: web}}'), 'n.yaml': policy('added') });
    expect(asked).toEqual({ base: ['changed@a.yaml'], head: ['added@n.yaml', 'changed@new/a.yaml'] });
  });
});

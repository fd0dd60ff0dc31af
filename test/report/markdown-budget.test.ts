import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Finding } from '../../src/findings/finding.js';
import { SEVERITIES } from '../../src/findings/severity.js';
import { fitMarkdown, fitMoreFindings } from '../../src/report/markdown.js';
import { failsGate } from '../../src/report/report.js';
import { verdict } from '../../src/report/verdict.js';
import { expectWellFormedMarkdown } from '../github/helpers/markdown.js';
import { edgeFindings, HOSTILE, sampleFindings, sampleReport } from './sample.js';

/** Values an attacker controls: short, Markdown-hostile, or one 20,000-character word. */
const value = fc.oneof(
  fc.constantFrom('web', HOSTILE, 'a|b `c` <d> @e #1 https://x', `${'n'.repeat(20_000)}-end`),
  fc.string({ unit: fc.constantFrom('x', '|', '\\', '&', '`', ' ', '-'), maxLength: 600 }),
);

const findingArb = fc.record({
  severity: fc.constantFrom(...SEVERITIES),
  suppressed: fc.boolean(),
  name: value,
  words: value,
  edges: fc.boolean(),
}).map(({ severity, suppressed, name, words, edges }, ): Finding => ({
  ...sampleFindings()[1],
  severity,
  message: `NetworkPolicy shop/${name} now allows ${words}.`,
  resource: { group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'shop', name },
  ...(suppressed ? { suppressed: { reason: words } } : {}),
  ...(edges ? { edges: edgeFindings()[0].edges!.map((e) => ({ ...e, destination: { ...e.destination, name } })) } : {}),
}));

describe('fitMarkdown: the whole summary within its budget', () => {
  it('never exceeds the budget, keeps the verdict and the counts of the whole analysis, and stays well-formed', () => {
    fc.assert(fc.property(fc.array(findingArb, { maxLength: 60 }), fc.integer({ min: 2_000, max: 70_000 }), (findings, max) => {
      const fingerprinted = findings.map((f, i) => ({ ...f, fingerprint: `f${i}` }));
      const report = sampleReport(fingerprinted);
      const { markdown, included } = fitMarkdown(report, { maxLength: max, before: '> [!NOTE]\n> before\n\n', after: '\nafter\n', elsewhere: 'see the log.' });
      expect(markdown.length).toBeLessThanOrEqual(max);
      expect(markdown).toContain(`\n### ${verdict(report)}\n`);
      expect(markdown.includes('❌ Blocks merge')).toBe(failsGate(report));
      const active = fingerprinted.filter((f) => !f.suppressed);
      expect(markdown.includes('No segmentation regressions')).toBe(active.length === 0);
      expect(new Set(included).size).toBe(included.length);
      for (const f of included) expect(fingerprinted).toContain(f);
      if (included.length < fingerprinted.length) {
        expect(markdown).toContain(`This summary lists ${included.length} of ${fingerprinted.length} finding`);
        expect(markdown).toContain('see the log.');
      }
      expectWellFormedMarkdown(markdown);
    }), { seed: 42, numRuns: 60 });
  });

  it('lists the most severe findings first when not all fit', () => {
    const findings: Finding[] = Array.from({ length: 300 }, (_, i) => ({ ...sampleFindings()[1], severity: i < 280 ? 'low' : 'critical', fingerprint: `f${i}` }));
    const { included } = fitMarkdown(sampleReport(findings), { maxLength: 20_000 });
    expect(included.length).toBeGreaterThan(20);
    expect(included.length).toBeLessThan(300);
    expect(included.slice(0, 20).every((f) => f.severity === 'critical')).toBe(true);
  });

  it('keeps the verdict even when the budget leaves no room for any finding', () => {
    const report = sampleReport(Array.from({ length: 50 }, (_, i) => ({ ...sampleFindings()[1], fingerprint: `f${i}` })));
    const { markdown, included } = fitMarkdown(report, { maxLength: 700, elsewhere: 'see the log.' });
    expect(markdown.length).toBeLessThanOrEqual(700);
    expect(markdown.split('\n')[0]).toBe('### ❌ Blocks merge: 50 critical new openings (gate: high)');
    expect(markdown).not.toContain('No segmentation regressions');
    expect(included).toEqual([]);
    expect(markdown).toContain('This summary lists 0 of 50 findings');
  });
});

describe('fitMoreFindings: the rest, for the check run text', () => {
  it('lists active findings before suppressed ones and counts what does not fit', () => {
    const findings: Finding[] = Array.from({ length: 400 }, (_, i) => ({ ...sampleFindings()[1], severity: 'medium', fingerprint: `f${i}`, ...(i % 2 ? { suppressed: { reason: 'ok' } } : {}) }));
    const { markdown, included } = fitMoreFindings(findings, { maxLength: 30_000, elsewhere: 'see the log.' });
    expect(markdown.length).toBeLessThanOrEqual(30_000);
    expect(included.length).toBeLessThan(400);
    expect(included.slice(0, 50).every((f) => !f.suppressed)).toBe(true);
    expect(markdown).toContain(`> ${400 - included.length} more findings do not fit here either; see the log.`);
    expectWellFormedMarkdown(markdown);
  });
});

describe('fitMarkdown of a real analysis with a large exposure change', () => {
  it('shares the room between the findings and the entry points, and stays well-formed', () => {
    const ingress = (i: number) => ({
      path: `apps/${i}.yaml`,
      content: ['apiVersion: networking.k8s.io/v1', 'kind: Ingress', `metadata: {name: web-${i}-${'w'.repeat(5_000)}, namespace: shop}`, 'spec:',
        '  rules:', `    - host: "h${i}-${'h'.repeat(200)}.example.com"`, '      http:', '        paths:',
        `          - {path: "/${'p|`<'.repeat(500)}", pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}`, ''].join('\n'),
    });
    const result = analyze([], Array.from({ length: 200 }, (_, i) => ingress(i)));
    const report = { findings: result.findings, summary: result.summary, failOn: 'info' as const };
    expect(result.summary.exposure?.added.length).toBe(200);
    const { markdown, included } = fitMarkdown(report, { maxLength: 65_535, elsewhere: 'see the log.' });
    expect(markdown.length).toBeLessThanOrEqual(65_535);
    expect(markdown.split('\n')[0]).toBe(`### ${verdict(report)}`);
    expect(markdown).toMatch(/^### ❌ Blocks merge: .* \(gate: info\)$/m);
    expect(markdown).toContain('<details><summary>Entry points (exposure map): 200 added; 0 entry points before, 200 after</summary>');
    expect(markdown).toMatch(/… and \d+ more rows not shown/);
    expect(included.length).toBeGreaterThan(0);
    expect(markdown).toContain(`This summary lists ${included.length} of ${result.findings.length} findings`);
    expectWellFormedMarkdown(markdown);
  });
});

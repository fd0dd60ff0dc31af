import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { defaultConfig } from '../../src/config/config.js';
import { renderSarif } from '../../src/report/sarif.js';
import { RULES } from '../../src/rules/index.js';
import { sampleReport } from './sample.js';

// The official OASIS SARIF 2.1.0 schema (draft-04), as GitHub code scanning validates uploads against it.
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));
// Both packages are CommonJS with a `default` export alongside module.exports.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

function sarifOf(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  return log;
}

describe('sarif report', () => {
  const log = sarifOf(renderSarif(sampleReport()));
  const run = log.runs[0];
  const rules = run.tool.driver.rules ?? [];
  const results = run.results ?? [];

  it('is valid SARIF 2.1.0', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('segguard');
  });

  it('the validator rejects what GitHub would reject (the test can fail)', () => {
    const broken = JSON.parse(renderSarif(sampleReport()));
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(broken)).toBe(false);
    delete broken.version;
    expect(validate(broken)).toBe(false);
  });

  it('describes every registered rule: descriptions, help, docs link, level, security-severity and tags', () => {
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(RULES.map((r) => r.id)));
    for (const registered of RULES) {
      const rule = rules.find((r) => r.id === registered.id) as Sarif.ReportingDescriptor;
      expect(rule.fullDescription?.text).toBe(registered.description);
      expect(rule.shortDescription?.text.length).toBeGreaterThan(10);
      expect(rule.help?.text).toContain(registered.description);
      expect(rule.help?.markdown).toContain(`docs/rules/${registered.id}.md`);
      expect(rule.helpUri).toMatch(new RegExp(`^https://.+/docs/rules/${registered.id}\\.md$`));
      expect(rule.properties?.tags).toContain('security');
      const expected = { critical: ['error', '9.5'], high: ['error', '8.0'], medium: ['warning', '5.5'], low: ['note', '3.0'], info: ['note', undefined] }[registered.severity];
      expect([rule.defaultConfiguration?.level, rule.properties?.['security-severity']]).toEqual(expected);
    }
  });

  it('gives each finding a result: rule, level, message, file and lines, related places, stable fingerprint', () => {
    expect(results).toHaveLength(4);
    const critical = results[1];
    expect(critical.ruleId).toBe('netpol-default-deny-removed');
    expect(rules[critical.ruleIndex as number].id).toBe('netpol-default-deny-removed');
    expect(critical.level).toBe('error');
    expect(critical.message.text).toContain('now allows all ingress');
    expect(critical.message.text).toContain('pods of shop:\n- web');
    expect(critical.locations?.[0].physicalLocation).toEqual({ artifactLocation: { uri: 'head/shop/netpol.yaml' }, region: { startLine: 10, endLine: 12 } });
    expect(critical.relatedLocations?.[0]).toMatchObject({ id: 1, physicalLocation: { artifactLocation: { uri: 'base/shop/netpol.yaml' }, region: { startLine: 1, endLine: 8 } } });
    expect(critical.partialFingerprints).toEqual({ 'segguard/v1': 'aaaa000000000002' });
  });

  it('keeps base-side findings (what the PR removed) with their base file and line', () => {
    const deleted = results.find((r) => r.ruleId === 'netpol-deleted') as Sarif.Result;
    expect(deleted.message.text).toMatch(/^In the base \(removed by this change\): /);
    expect(deleted.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe('base/payments/deny.yaml');
    expect(deleted.properties?.side).toBe('base');
  });

  it('keeps suppressed findings, marked as suppressed in source with the reason', () => {
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'accepted by @security <b>until</b> Q3 | see #12' }]);
  });

  it('encodes paths as URI references', () => {
    const report = sampleReport();
    report.findings[0].location.path = 'dir with space/50%#?.yaml';
    const encoded = sarifOf(renderSarif(report));
    expect(encoded.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uri).toBe('dir%20with%20space/50%25%23%3F.yaml');
  });

  it('is valid for a real analysis with no findings and with findings of rules outside the registry', () => {
    const result = analyze([], []);
    sarifOf(renderSarif({ findings: result.findings, summary: result.summary, failOn: 'high' }));
    const report = sampleReport();
    report.findings[0].ruleId = 'connectivity-new-path';
    const extra = sarifOf(renderSarif(report));
    expect(extra.runs[0].tool.driver.rules?.at(-1)?.id).toBe('connectivity-new-path');
  });

  it('validates the output of a real analysis with a parse error', () => {
    const head = [{ path: 'svc.yaml', content: 'apiVersion: v1\nkind: Service\nmetadata: {name: x\n' }];
    const result = analyze([], head, defaultConfig());
    expect(result.findings.length).toBeGreaterThan(0);
    sarifOf(renderSarif({ findings: result.findings, summary: result.summary, failOn: 'high' }));
  });
});

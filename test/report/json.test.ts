import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { sampleFindings, sampleReport } from './sample.js';

describe('json report', () => {
  it('is {findings, suppressed, summary} with the gate verdict; suppressed findings listed apart with their reason', () => {
    const out = JSON.parse(renderJson(sampleReport()));
    expect(Object.keys(out)).toEqual(['findings', 'suppressed', 'summary']);
    expect(out.findings).toEqual(sampleFindings().filter((f) => !f.suppressed));
    expect(out.suppressed).toEqual([sampleFindings()[3]]);
    expect(out.suppressed[0].suppressed.reason).toContain('accepted by');
    expect(out.summary).toEqual({
      counts: { critical: 1, high: 2, medium: 0, low: 0, info: 0 }, suppressed: 1, proposed: 0,
      files: { base: 2, head: 3 }, resources: { base: 2, head: 3 }, failOn: 'high', failed: true,
    });
    expect(JSON.parse(renderJson(sampleReport(undefined, 'critical'))).summary.failed).toBe(true);
    expect(JSON.parse(renderJson(sampleReport([sampleFindings()[0]], 'critical'))).summary.failed).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { sampleReport } from './sample.js';

describe('text report', () => {
  it('prints path:line severity rule-id message, grouped by file, suppressed findings apart, and the verdict', () => {
    const lines = renderText(sampleReport()).split('\n');
    expect(lines[0]).toBe('head/shop/broken.yaml:4 high manifest-parse-error Flow map must end with a }. Nothing in this file was analyzed.');
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^head\/shop\/netpol\.yaml:10 critical netpol-default-deny-removed NetworkPolicy shop\/evil\|name/);
    expect(lines[3]).toBe('    base/shop/netpol.yaml:1 (base): the default deny in base');
    expect(lines.slice(4, 7)).toEqual(['    pods of shop:', '    - web', '    - api']);
    expect(lines[7]).toBe('');
    expect(lines[8]).toBe('base/payments/deny.yaml:1 (base) high netpol-deleted NetworkPolicy payments/deny-all was deleted.');
    expect(lines[10]).toBe('Suppressed (1 finding, by segguard.io/ignore annotations):');
    expect(lines[11]).toBe('head/shop/netpol.yaml:23 high manifest-invalid An empty peer is rejected.');
    expect(lines[12]).toBe('    suppressed: accepted by @security <b>until</b> Q3 | see #12');
    expect(lines.at(-2)).toBe('3 findings (1 critical, 2 high), 1 suppressed; fails the gate (fail-on: high)');
  });

  it('keeps each finding on one line and shows control characters from manifests as escapes', () => {
    const text = renderText(sampleReport());
    expect(text).toContain('</script> @octocat [link](https://x.example) #1 next line');
    const report = sampleReport();
    report.findings[0].message = 'name \x1b[2J\x1b[31mred';
    expect(renderText(report)).toContain('name \\u001b[2J\\u001b[31mred');
    expect(renderText(report)).not.toContain('\x1b');
  });

  it('prints the analysis notes (e.g. the connectivity mode) before the verdict, control characters escaped', () => {
    const report = sampleReport();
    report.summary.notes = ['connectivity: selector mode: the repository has no workloads', 'odd \x1b[2J note'];
    const lines = renderText(report).split('\n');
    expect(lines.slice(-4, -1)).toEqual([
      'note: connectivity: selector mode: the repository has no workloads',
      'note: odd \\u001b[2J note',
      '3 findings (1 critical, 2 high), 1 suppressed; fails the gate (fail-on: high)',
    ]);
    const empty = sampleReport([]);
    empty.summary.notes = ['connectivity: workload mode'];
    expect(renderText(empty)).toBe('note: connectivity: workload mode\n0 findings, 0 suppressed; passes the gate (fail-on: high)\n');
  });

  it('colours only when asked (a terminal)', () => {
    expect(renderText(sampleReport())).not.toContain('\x1b[');
    const coloured = renderText(sampleReport(), { color: true });
    expect(coloured).toContain('\x1b[35mcritical\x1b[0m');
    expect(coloured).toContain('\x1b[31mhigh\x1b[0m');
  });

  it('says when there is nothing, and whether the gate passes', () => {
    expect(renderText(sampleReport([]))).toBe('0 findings, 0 suppressed; passes the gate (fail-on: high)\n');
    expect(renderText(sampleReport(undefined, 'critical'))).toContain('fails the gate (fail-on: critical)');
    expect(renderText(sampleReport(undefined, 'none'))).toContain('the gate is off (fail-on: none)');
  });
});

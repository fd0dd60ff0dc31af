import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import { verdict } from '../../src/report/verdict.js';
import { proposedFinding, sampleFindings, sampleReport } from './sample.js';

const [parseError, denyRemoved, deleted, suppressed] = sampleFindings();
const low: Finding = { ...deleted, severity: 'low', fingerprint: 'dddd000000000001' };

describe('the verdict: may the change merge, and why, in a mark and words', () => {
  it('blocks when a counted finding reaches the gate, with the counts of every finding', () => {
    expect(verdict(sampleReport([denyRemoved, deleted]))).toBe('❌ Blocks merge: 1 critical, 1 high new openings (gate: high)');
    expect(verdict(sampleReport([denyRemoved]))).toBe('❌ Blocks merge: 1 critical new opening (gate: high)');
  });

  it('counts what it could not analyze apart from what opens: it blocks too', () => {
    expect(verdict(sampleReport([parseError, denyRemoved, deleted]))).toBe('❌ Blocks merge: 1 critical, 1 high new openings, 1 high not fully analyzed (gate: high)');
    const tooComplex: Finding = { ...deleted, ruleId: 'manifest-too-complex', fingerprint: 'dddd000000000002' };
    expect(verdict(sampleReport([tooComplex]))).toBe('❌ Blocks merge: 1 high not fully analyzed (gate: high)');
  });

  it('lets it merge when nothing reaches the gate, and says what is below it', () => {
    expect(verdict(sampleReport([]))).toBe('✅ No new opening');
    expect(verdict(sampleReport([low]))).toBe('✅ May merge: 1 low new opening, below the gate (high)');
  });

  it('says the gate is off, whatever it finds', () => {
    expect(verdict(sampleReport([denyRemoved, low], 'none'))).toBe('⚠️ 1 critical, 1 low new openings, gate off (fail-on: none)');
    expect(verdict(sampleReport([], 'none'))).toBe('✅ No new opening (gate off)');
  });

  it('counts suppressed findings apart: they do not block', () => {
    expect(verdict(sampleReport([suppressed]))).toBe('✅ No new opening; 1 suppressed');
    expect(verdict(sampleReport([denyRemoved, suppressed]))).toBe('❌ Blocks merge: 1 critical new opening (gate: high); 1 suppressed');
  });

  it('says a proposed suppression still counts, and an approved one silences', () => {
    expect(verdict(sampleReport([proposedFinding()]))).toBe('❌ Blocks merge: 1 critical new opening (gate: high); 1 with a proposed suppression, counted until approved');
    expect(verdict(sampleReport([proposedFinding(['alice'])]))).toBe('✅ No new opening; 1 suppressed');
  });

  it('does not say "no opening" when a side was not read', () => {
    const report = sampleReport([]);
    report.summary.warnings = ['the head read no manifest file'];
    expect(verdict(report)).toBe('⚠️ No new opening in what was read: see the warning');
  });

  it('words an audit as a state, not a merge', () => {
    const failing = sampleReport([denyRemoved]);
    failing.summary.mode = 'audit';
    expect(verdict(failing)).toBe('❌ Fails the gate: 1 critical opening (gate: high)');
    const passing = sampleReport([low]);
    passing.summary.mode = 'audit';
    expect(verdict(passing)).toBe('✅ Passes the gate (high): 1 low opening');
    const clean = sampleReport([]);
    clean.summary.mode = 'audit';
    expect(verdict(clean)).toBe('✅ Nothing open');
  });
});

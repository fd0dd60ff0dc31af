import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { defaultConfig, type SegguardConfig } from '../../src/config/config.js';
import type { Finding, Side } from '../../src/findings/finding.js';
import type { Severity } from '../../src/findings/severity.js';
import type { RenderedSnapshot, SourceFile } from '../../src/model/load.js';
import type { Rule } from '../../src/rules/rule.js';
import type { Trees } from '../../src/sources/census.js';

/** Files of one side: path → YAML/JSON text (or bytes). */
export type Files = Record<string, string | Uint8Array>;

export interface ExpectedFinding {
  path: string;
  line: number;
  side?: Side;
  severity?: Severity;
  /** A fragment the message must contain. */
  message?: string;
}

export interface RuleCase {
  name: string;
  base: Files;
  head: Files;
  /** The configuration of the run (default: defaultConfig()). */
  config?: SegguardConfig;
  /** How each side was read, as an adapter that reads trees says it (default: not said). */
  trees?: Trees;
  /** What the render stage gave for each side (test/helpers/render.ts renders files with the real tools). */
  rendered?: { base?: RenderedSnapshot; head?: RenderedSnapshot };
}

export interface InvalidCase extends RuleCase {
  /** Exactly these findings of the rule, in (path, line) order. */
  findings: ExpectedFinding[];
}

export function toSourceFiles(files: Files): SourceFile[] {
  return Object.entries(files).map(([path, content]) => ({ path, content }));
}

export function runRule(rule: Rule, base: Files, head: Files, config: SegguardConfig = defaultConfig(), trees?: Trees,
  rendered?: RuleCase['rendered']): Finding[] {
  return analyze(toSourceFiles(base), toSourceFiles(head), config, [rule], { trees, ...(rendered ? { rendered } : {}) }).findings;
}

/** A finding's message: one or more sentences, starting with a capital letter and ending with a period. */
export const SENTENCE = /^[A-Z][\s\S]*\.$/;

/**
 * ESLint's RuleTester, adapted to a diff: `valid` pairs must produce no finding of the rule; `invalid` pairs must
 * produce exactly the listed findings (path, line, and optionally side, severity and a message fragment).
 */
export function ruleTester(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          const findings = runRule(rule, c.base, c.head, c.config, c.trees, c.rendered);
          expect(findings.map((f) => `${f.location.path}:${f.location.line} ${f.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const findings = runRule(rule, c.base, c.head, c.config, c.trees, c.rendered);
          expect(findings.map((f) => ({ path: f.location.path, line: f.location.line }))).toEqual(
            c.findings.map((f) => ({ path: f.path, line: f.line })),
          );
          c.findings.forEach((want, i) => {
            const got = findings[i];
            expect(got.ruleId).toBe(rule.id);
            expect(got.location.side).toBe(want.side ?? 'head');
            if (want.severity) expect(got.severity).toBe(want.severity);
            if (want.message) expect(got.message).toContain(want.message);
            expect(got.message, 'a message is a sentence').toMatch(SENTENCE);
          });
        });
      }
    });
  });
}

/** A YAML document built from lines, so tests can count lines exactly. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

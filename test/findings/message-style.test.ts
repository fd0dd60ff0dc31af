import { describe, expect, it } from 'vitest';
import { audit } from '../../src/analyze.js';
import { analyzeExample, examplePrs } from '../../scripts/layout.js';
import { SENTENCE } from '../helpers/rule-tester.js';

/**
 * Every message of every example PR (and of the audit of each example's head) is a sentence: a capital first, a
 * period last. The rule tests assert the same for every finding they expect (test/helpers/rule-tester.ts).
 */
describe('finding messages are sentences', () => {
  for (const example of examplePrs()) {
    it(`in the ${example.name} example PR and the audit of its head`, async () => {
      const { result, config, head } = await analyzeExample(example);
      const audited = audit(head.files, config, head.census, head.rendered);
      const messages = [...result.findings, ...audited.findings].map((f) => `${f.ruleId}: ${f.message}`);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.filter((m) => !SENTENCE.test(m.slice(m.indexOf(': ') + 2)))).toEqual([]);
    }, 120_000);
  }
});

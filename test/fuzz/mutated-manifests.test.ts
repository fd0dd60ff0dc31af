import fc from 'fast-check';
import { describe, it } from 'vitest';
import { analyze, audit } from '../../src/analyze.js';
import { CASE, corpus, expectSound, mutatedHead, sourceFiles } from './mutations.js';

/**
 * Property test over mutated manifests: no exception escapes analyze() or audit(), the result is stable, and every
 * finding points at a real line of a real input. `npm test` runs a small fixed-seed sample; `npm run fuzz` runs
 * many more (SEGGUARD_FUZZ_RUNS, SEGGUARD_FUZZ_SEED). A failure prints the seed and path that replay it.
 */
const runs = Number(process.env.SEGGUARD_FUZZ_RUNS ?? 30);
const seed = Number(process.env.SEGGUARD_FUZZ_SEED ?? 20_260_902);

describe('analysis of mutated manifests', () => {
  const sets = corpus();

  it(`neither throws nor varies, and locates every finding in the inputs (${runs} runs, seed ${seed})`, () => {
    fc.assert(fc.property(CASE(sets), ({ set: index, file, mutations }) => {
      const set = sets[index];
      const head = mutatedHead(set, file, mutations);
      const base = set.base;
      const sides = { base, head };
      expectSound(analyze(sourceFiles(base), sourceFiles(head)), analyze(sourceFiles(base), sourceFiles(head)), sides);
      expectSound(audit(sourceFiles(head)), audit(sourceFiles(head)), sides);
    }), { numRuns: runs, seed, ...(process.env.SEGGUARD_FUZZ_PATH ? { path: process.env.SEGGUARD_FUZZ_PATH } : {}) });
  }, 600_000);
});

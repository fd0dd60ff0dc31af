import { afterAll, describe, expect, it } from 'vitest';
import { analyzePullRequest, type AnalysisInput } from '../../src/app/analysis.js';
import { AnalysisPool } from '../../src/app/analysis-pool.js';
import { defaultConfig } from '../../src/config/config.js';
import { base, head } from './fixture-pr.js';

const side = (files: typeof base.files) => ({
  files: files.map((f) => ({ path: f.path, content: f.text })), tree: { files: files.length, manifests: files.filter((f) => f.path.endsWith('.yaml')).length },
});
const input = (): AnalysisInput => ({
  baseSha: 'b'.repeat(40), headSha: 'c'.repeat(40), base: side(base.files), head: side(head.files),
  config: defaultConfig(), selection: { include: defaultConfig().include, exclude: defaultConfig().exclude },
  where: { path: '.github/segguard.yml', globsFrom: 'the defaults' },
});

describe('the analysis pool (worker threads)', () => {
  const pool = new AnalysisPool(2);
  afterAll(() => pool.close());

  it('gives what the analysis gives on the calling thread, for several analyses at once', async () => {
    const expected = analyzePullRequest(input());
    expect(expected.findings.length).toBeGreaterThan(0);
    const results = await Promise.all([pool.analyze(input()), pool.analyze(input()), pool.analyze(input())]);
    for (const result of results) expect(result).toEqual(JSON.parse(JSON.stringify(expected)));
  }, 60_000);

  it('fails an analysis whose input cannot be analyzed, and keeps serving', async () => {
    await expect(pool.analyze({ ...input(), base: null } as unknown as AnalysisInput)).rejects.toThrow();
    expect((await pool.analyze(input())).findings.length).toBeGreaterThan(0);
  }, 60_000);
});

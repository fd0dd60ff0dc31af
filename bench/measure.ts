import * as jsYaml from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../src/analyze.js';
import { defaultConfig } from '../src/config/config.js';
import { rulesFor } from '../src/rules/index.js';
import type { Rule } from '../src/rules/rule.js';
import type { SourceFile } from '../src/model/load.js';
import { generate, SHAPES, type Shape } from './generate.js';

/**
 * Measurements in their own process (so heaps and JIT state of one size do not leak into another):
 * `node bench/out/measure.mjs <n> <parse|compare|check|hold> <rounds> [shape]`, the bundle bench/run.mjs builds (or
 * `tsx bench/measure.ts …` for the source as it is). `compare` alternates the floor (js-yaml over both
 * trees) and the full check round by round, so both are timed under the same machine conditions (the machine is
 * shared: its speed drifts by tens of percent within a minute); `check` runs the check alone, for its peak RSS;
 * `hold` times the least that holding the manifests costs (below).
 * Prints one JSON line per mode: the best CPU time, every round's CPU time, the best wall time, the process's peak
 * RSS and, for check, the cost split of its best round.
 */
const [n, mode, rounds, shape] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4] ?? 1), (process.argv[5] ?? 'edits') as Shape];
if (!SHAPES.includes(shape)) throw new Error(`unknown shape ${shape}: one of ${SHAPES.join(', ')}`);
const repo = generate(n, shape);
const texts = [...repo.base, ...repo.head].map((f: SourceFile) => f.content as string);

const parse = () => {
  let docs = 0;
  for (const text of texts) docs += parseAllDocuments(text).length;
  return docs;
};
const floor = () => {
  let docs = 0;
  for (const text of texts) jsYaml.loadAll(text, () => docs++);
  return docs;
};
/**
 * The least any analysis that keeps the manifests pays: every distinct document of both sides (equal documents once,
 * as the check shares them), decoded by JSON.parse (the platform's fastest decoder, from JSON prepared before the
 * rounds) and held until the round ends.
 * The decoding is fast and linear, so what grows faster than the repository is the collector's price for holding that
 * many objects on this machine, which a check that keeps both sides' manifests pays too (bench/run.mjs prints this
 * growth beside the check's).
 */
const jsonDocuments = mode === 'hold' ? [...new Set(texts.flatMap((text) => jsYaml.loadAll(text).map((doc) => JSON.stringify(doc))))] : [];
const hold = () => jsonDocuments.map((json) => JSON.parse(json) as unknown).length;
const check = () => {
  ruleMs.clear();
  const result = analyze(repo.base, repo.head, defaultConfig(), timedRules);
  // Exact lines are part of the job: every finding must carry one.
  if (result.findings.some((f) => !(f.location.line >= 1))) throw new Error('a finding without a line');
  return result.findings.length;
};

/** CPU time (user + system, every thread: GC and JIT helpers count) in ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The rules of `check` (a pull request's comparison), timed: the cost split into loading and each rule. */
const ruleMs = new Map<string, number>();
/** BENCH_SKIP_RULES=id,id leaves rules out, to profile the rest (diagnosis only; the bench lines use every rule of check). */
const skipped = new Set((process.env.BENCH_SKIP_RULES ?? '').split(',').filter(Boolean));
const timedRules = rulesFor('pr').filter((rule) => !skipped.has(rule.id)).map((rule): Rule => {
  const timed = <C>(run: (context: C) => void) => (context: C) => {
    const started = cpuMs();
    try {
      run(context);
    } finally {
      ruleMs.set(rule.id, (ruleMs.get(rule.id) ?? 0) + cpuMs() - started);
    }
  };
  return rule.kind === 'diff' ? { ...rule, check: timed(rule.check) } : { ...rule, check: timed(rule.check) };
});

interface Best {
  mode: string;
  ms: number;
  wallMs: number;
  /** The CPU time of every round, in order (the first is cold). */
  roundMs: number[];
  output: number;
  rules: [string, number][];
}

function timeOnce(best: Best, run: () => number): void {
  const [startedCpu, startedWall] = [cpuMs(), performance.now()];
  best.output = run();
  const ms = cpuMs() - startedCpu;
  if (ms < best.ms && run === check) best.rules = [...ruleMs].sort((a, b) => b[1] - a[1]);
  best.ms = Math.min(best.ms, ms);
  best.roundMs.push(ms);
  best.wallMs = Math.min(best.wallMs, performance.now() - startedWall);
  if (process.env.BENCH_TRACE) console.error(`${best.mode} round: ${ms.toFixed(0)} ms cpu`);
}

const fresh = (name: string): Best => ({ mode: name, ms: Infinity, wallMs: Infinity, roundMs: [], output: 0, rules: [] });
const plans: Record<string, [string, () => number][]> = {
  parse: [['parse', parse]], compare: [['floor', floor], ['check', check]], check: [['check', check]], hold: [['hold', hold]],
};
const plan = plans[mode];
if (!plan) throw new Error(`unknown mode ${mode}`);
const results = plan.map(([name]) => fresh(name));
for (let i = 0; i < rounds; i++) plan.forEach(([, run], j) => timeOnce(results[j], run));
const rssMb = process.resourceUsage().maxRSS / 1024;
for (const best of results) {
  console.log(JSON.stringify({ ...best, n: repo.manifests, rssMb, bytes: repo.bytes, files: repo.base.length }));
}

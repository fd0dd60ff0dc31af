import * as jsYaml from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../src/analyze.js';
import { defaultConfig } from '../src/config/config.js';
import { rulesFor } from '../src/rules/index.js';
import type { Rule } from '../src/rules/rule.js';
import type { SourceFile } from '../src/model/load.js';
import { generate } from './generate.js';

/**
 * One measurement in its own process (so heaps and JIT state of one size or mode do not leak into another):
 * `tsx bench/measure.ts <n> <parse|floor|check> <repeats>`. Prints one JSON line: the best time and peak RSS.
 */
const [n, mode, repeats] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4] ?? 1)];
const repo = generate(n);
const texts = (files: SourceFile[]) => files.map((f) => f.content as string);

const runs: Record<string, () => number> = {
  parse: () => {
    let docs = 0;
    for (const text of [...texts(repo.base), ...texts(repo.head)]) docs += parseAllDocuments(text).length;
    return docs;
  },
  floor: () => {
    let docs = 0;
    for (const text of [...texts(repo.base), ...texts(repo.head)]) jsYaml.loadAll(text, () => docs++);
    return docs;
  },
  check: () => {
    ruleMs.clear();
    const result = analyze(repo.base, repo.head, defaultConfig(), timedRules);
    // Exact lines are part of the job: every finding must carry one.
    if (result.findings.some((f) => !(f.location.line >= 1))) throw new Error('a finding without a line');
    return result.findings.length;
  },
};

/** CPU time (user + system) in ms: the machine is shared, so wall time would measure the neighbours too. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The rules of `check` (a pull request's comparison), timed: the cost split into loading and each rule. */
const ruleMs = new Map<string, number>();
/** BENCH_SKIP_RULES=id,id leaves rules out, to profile the rest (diagnosis only; the bench lines use every rule of check). */
const skipped = new Set((process.env.BENCH_SKIP_RULES ?? '').split(',').filter(Boolean));
const timedRules = rulesFor('pr').filter((rule) => !skipped.has(rule.id)).map((rule): Rule => {
  const timed = <C>(check: (context: C) => void) => (context: C) => {
    const started = cpuMs();
    try {
      check(context);
    } finally {
      ruleMs.set(rule.id, (ruleMs.get(rule.id) ?? 0) + cpuMs() - started);
    }
  };
  return rule.kind === 'diff' ? { ...rule, check: timed(rule.check) } : { ...rule, check: timed(rule.check) };
});

const run = runs[mode];
if (!run) throw new Error(`unknown mode ${mode}`);
let best = Infinity;
let wall = Infinity;
let output = 0;
let rules: [string, number][] = [];
for (let i = 0; i < repeats; i++) {
  const [startedCpu, startedWall] = [cpuMs(), performance.now()];
  output = run();
  const ms = cpuMs() - startedCpu;
  if (ms < best) rules = [...ruleMs].sort((a, b) => b[1] - a[1]);
  best = Math.min(best, ms);
  wall = Math.min(wall, performance.now() - startedWall);
}
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ n: repo.manifests, mode, ms: best, wallMs: wall, output, rssMb, bytes: repo.bytes, files: repo.base.length, rules }));

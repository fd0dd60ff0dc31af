// npm run bench [-- 1000 10000] [--shape moves[,splits]] [--only]: times the parse floor and the full check on
// synthetic repositories, for each shape of pull request (bench/generate.ts: edits, moves, splits, relabels) and size.
// --only skips the semantic and render scenarios that follow, for a targeted run.
// Times are CPU milliseconds (every thread of the process), best of several rounds; the floor and the check
// alternate in one process so that both are timed under the same conditions on a shared machine. Wall times are
// printed on the detail line. The check runs as it ships: bench/measure.ts is bundled with the options of dist/
// (scripts/bundle-options.mjs), not run through tsx, whose transform names every closure it creates (keepNames),
// which made the check ~6% slower than the code users run.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from '../scripts/bundle-options.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { shape: { type: 'string', multiple: true }, only: { type: 'boolean', default: false } },
});
const sizes = positionals.map(Number);
if (sizes.some((n) => !(n > 0))) throw new Error(`sizes are positive numbers of manifests, not ${positionals.join(' ')}`);
const SIZES = sizes.length > 0 ? sizes : [1_000, 10_000, 50_000];
// As SHAPES in bench/generate.ts (this runner is plain JavaScript; measure.ts checks the name again).
const ALL_SHAPES = ['edits', 'moves', 'splits', 'relabels'];
const SHAPES = values.shape ? values.shape.flatMap((s) => s.split(',')) : ALL_SHAPES;
const unknown = SHAPES.filter((s) => !ALL_SHAPES.includes(s));
if (unknown.length > 0) throw new Error(`unknown shape ${unknown.join(', ')}: one of ${ALL_SHAPES.join(', ')}`);

const MEASURE = join(here, 'out', 'measure.mjs');
const COMPARE_ROUNDS = 8;
await build({ ...BUNDLE_OPTIONS, entryPoints: [join(here, 'measure.ts')], outfile: MEASURE });

/** Each size runs in fresh Node processes, so peak RSS belongs to that size alone. */
function measure(n, mode, rounds, shape) {
  const out = execFileSync(process.execPath, [MEASURE, String(n), mode, String(rounds), shape], {
    encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').map((line) => JSON.parse(line));
}

/** The check's best and median CPU time and the best time of holding the manifests alone, by shape and size, for the growth lines. */
const checkMs = new Map();

/**
 * The median of the warm rounds (all but the first). The best round filters out the shared machine's slow moments,
 * but it also picks the round the collector happened to leave alone: at 10,000 manifests a round allocates about two
 * young generations, and the best round often has almost no collection, where every round at 50,000 has about ten.
 * The median shows the typical round beside it.
 */
const warmMedian = (rounds) => {
  const warm = rounds.slice(1).sort((a, b) => a - b);
  return warm.length % 2 === 1 ? warm[(warm.length - 1) / 2] : (warm[warm.length / 2 - 1] + warm[warm.length / 2]) / 2;
};

for (const n of SIZES) for (const shape of SHAPES) {
  const [parse] = measure(n, 'parse', n <= 10_000 ? 2 : 1, shape);
  // The check needs a round before the JIT has compiled its code, and at 50,000 a warm round often pays a full
  // collection of the rounds before it (traced: rounds of 3,600-4,000 cold, then 2,450-2,900 ms, the slow ones with
  // a mark-compact): eight rounds leave several warm ones to take the best of, for the floor and the check alike.
  // Every size takes the best of the same number of rounds: the best of fewer rounds is a higher estimate, and a
  // growth ratio between two sizes measured with different numbers of rounds would carry that difference.
  const [floor, check] = measure(n, 'compare', COMPARE_ROUNDS, shape);
  // What holding the manifests alone costs, for the growth lines (its own process: none of the check's garbage).
  const [hold] = measure(n, 'hold', COMPARE_ROUNDS, shape);
  checkMs.set(`${shape} ${n}`, { best: check.ms, median: warmMedian(check.roundMs), hold: hold.ms });
  // Peak RSS of the check alone (the compare process also holds the floor's garbage).
  const [alone] = measure(n, 'check', n <= 10_000 ? 2 : 1, shape);
  const mb = (2 * parse.bytes) / 1e6;
  console.log(`size ${n} ${shape}: ${parse.files} files per side, ${mb.toFixed(1)} MB both sides; parse ${(mb / (parse.ms / 1000)).toFixed(1)} MB/s, ` +
    `floor ${(mb / (floor.ms / 1000)).toFixed(1)} MB/s; ${check.output} findings; parse rss ${parse.rssMb.toFixed(0)} MB, floor+check rss ${check.rssMb.toFixed(0)} MB; ` +
    `wall ms parse/floor/check ${[parse, floor, check].map((m) => m.wallMs.toFixed(0)).join('/')} (wall ratio ${(check.wallMs / floor.wallMs).toFixed(2)})`);
  const ruleTotal = check.rules.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`  check: load+match ${(check.ms - ruleTotal).toFixed(0)} ms, rules ${ruleTotal.toFixed(0)} ms (` +
    check.rules.slice(0, 4).map(([id, ms]) => `${id} ${ms.toFixed(0)}`).join(', ') + ')');
  console.log(`bench: shape=${shape} manifests=${check.n} parse_ms=${parse.ms.toFixed(0)} floor_ms=${floor.ms.toFixed(0)} check_ms=${check.ms.toFixed(0)} ` +
    `ratio=${(check.ms / parse.ms).toFixed(2)} floor_ratio=${(check.ms / floor.ms).toFixed(2)} peak_rss_mb=${alone.rssMb.toFixed(0)} load=${loadavg()[0].toFixed(2)} ` +
    `check_median_ms=${warmMedian(check.roundMs).toFixed(0)} floor_median_ms=${warmMedian(floor.roundMs).toFixed(0)} hold_ms=${hold.ms.toFixed(0)}`);
}

// How the check's time grows with the repository, between consecutive sizes measured in this run.
const measured = [...SIZES].sort((a, b) => a - b);
for (let i = 1; i < measured.length; i++) for (const shape of SHAPES) {
  const [from, to] = [measured[i - 1], measured[i]];
  const [before, after] = [checkMs.get(`${shape} ${from}`), checkMs.get(`${shape} ${to}`)];
  console.log(`bench: growth shape=${shape} from=${from} to=${to} manifests_ratio=${(to / from).toFixed(2)} ` +
    `check_ratio=${(after.best / before.best).toFixed(2)} check_median_ratio=${(after.median / before.median).toFixed(2)} ` +
    `hold_ratio=${(after.hold / before.hold).toFixed(2)}`);
}

if (values.only) process.exit(0);

// The semantic scenario (2,000 workloads, 1,000 policies, 500 Ingresses): the connectivity engine's share.
execFileSync(process.execPath, ['--import', 'tsx', join(here, 'semantic.ts')], { stdio: 'inherit' });

// The render scenario (issue 10): 20 Kustomize overlays and 10 Helm charts, the real tools' time against the check's.
execFileSync(process.execPath, [join(here, 'render.mjs')], { stdio: 'inherit' });

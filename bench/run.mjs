// npm run bench [-- 1000 10000]: times the parse floor and the full check on synthetic repositories.
// Times are CPU milliseconds of the measuring process (best of 3 up to 10,000 manifests): the machine is shared,
// and wall time would also count the neighbours' work. Wall times are printed on the detail line.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [1_000, 10_000, 50_000];

/** Each measurement runs in a fresh Node process with tsx, so peak RSS belongs to that size and mode alone. */
function measure(n, mode) {
  const repeats = n <= 10_000 ? 3 : 1;
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'measure.ts'), String(n), mode, String(repeats)], {
    encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop());
}

for (const n of SIZES) {
  const parse = measure(n, 'parse');
  const floor = measure(n, 'floor');
  const check = measure(n, 'check');
  const mb = (2 * parse.bytes) / 1e6;
  console.log(`size ${n}: ${parse.files} files per side, ${mb.toFixed(1)} MB both sides; parse ${(mb / (parse.ms / 1000)).toFixed(1)} MB/s, ` +
    `floor ${(mb / (floor.ms / 1000)).toFixed(1)} MB/s; ${check.output} findings; parse rss ${parse.rssMb.toFixed(0)} MB, floor rss ${floor.rssMb.toFixed(0)} MB; ` +
    `wall ms parse/floor/check ${[parse, floor, check].map((m) => m.wallMs.toFixed(0)).join('/')}`);
  const ruleTotal = check.rules.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`  check: load+match ${(check.ms - ruleTotal).toFixed(0)} ms, rules ${ruleTotal.toFixed(0)} ms (` +
    check.rules.slice(0, 4).map(([id, ms]) => `${id} ${ms.toFixed(0)}`).join(', ') + ')');
  console.log(`bench: manifests=${check.n} parse_ms=${parse.ms.toFixed(0)} floor_ms=${floor.ms.toFixed(0)} check_ms=${check.ms.toFixed(0)} ` +
    `ratio=${(check.ms / parse.ms).toFixed(2)} floor_ratio=${(check.ms / floor.ms).toFixed(2)} peak_rss_mb=${check.rssMb.toFixed(0)}`);
}

// The semantic scenario (2,000 workloads, 1,000 policies, 500 Ingresses): the connectivity engine's share.
execFileSync(process.execPath, ['--import', 'tsx', join(here, 'semantic.ts')], { stdio: 'inherit' });

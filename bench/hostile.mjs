// npm run bench:hostile [-- name-filter]: runs `segguard check` on pull requests built from hostile inputs (issue 9:
// small files that are costly to analyze) and prints one line per input: wall time, peak RSS, findings and the
// gate's verdict. Every input runs the real CLI in its own process, with a timeout and a heap limit, so one input
// that hangs or exhausts memory is reported as TIMEOUT or OOM and the others still run. The inputs come from every
// bench/hostile/*.mjs, each exporting an array of {name, generate()} where generate() returns {base, head}: the
// files of each side as path → text.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
/** The bounds of issue 9 (a line past them is marked), and the limits that stop a run past all hope. */
const TARGET_MS = 10_000;
const TARGET_RSS = 1024 * 1024 * 1024;
const TIMEOUT_MS = Number(process.env.HOSTILE_TIMEOUT_MS ?? 60_000);
const HEAP_MB = Number(process.env.HOSTILE_HEAP_MB ?? 2048);
const filter = process.argv[2]?.toLowerCase();

const cases = [];
for (const file of readdirSync(join(here, 'hostile')).filter((f) => f.endsWith('.mjs')).sort()) {
  const { default: list } = await import(pathToFileURL(join(here, 'hostile', file)).href);
  if (!Array.isArray(list)) throw new Error(`bench/hostile/${file} must export an array of {name, generate()} by default`);
  for (const c of list) if (!filter || c.name.toLowerCase().includes(filter)) cases.push(c);
}

/** The CLI from source (dist/ is rebuilt only on release), in a directory outside any repository: no configuration applies. */
const cli = [`--max-old-space-size=${HEAP_MB}`, '--stack-size=984', '--import', import.meta.resolve('tsx'),
  '--import', pathToFileURL(join(here, 'peak-rss.mjs')).href, join(root, 'src/cli/program.ts')];

function write(dir, files) {
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

function run(dir) {
  const rssFile = join(dir, 'rss');
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [...cli, 'check', '--base', 'base', '--head', 'head', '--format', 'json', '--output', 'report.json'], {
      cwd: dir, env: { ...process.env, SEGGUARD_BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let usage;
      try {
        usage = JSON.parse(readFileSync(rssFile, 'utf8'));
      } catch {
        usage = undefined;
      }
      resolve({ code, signal, ms, rss: usage?.rss, cpuMs: usage?.cpuMs, stderr, timedOut });
    });
  });
}

function outcome(dir, result) {
  if (result.timedOut) return `TIMEOUT after ${(TIMEOUT_MS / 1000).toFixed(0)} s`;
  if (/heap out of memory|Allocation failed/i.test(result.stderr)) return `OOM (heap limit ${HEAP_MB} MB)`;
  if (result.code !== 0 && result.code !== 1) {
    const last = result.stderr.trim().split('\n').filter(Boolean).slice(-1)[0] ?? `signal ${result.signal}`;
    return `ERROR exit ${result.code ?? result.signal}: ${last}`;
  }
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  const byRule = new Map();
  for (const f of report.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const rules = [...byRule].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, n]) => `${id} ${n}`).join(', ');
  return `${report.findings.length} findings${rules ? ` (${rules})` : ''}; gate ${report.summary.failed ? 'FAILS' : 'passes'}`;
}

const work = mkdtempSync(join(tmpdir(), 'segguard-hostile-'));
let over = 0;
try {
  for (const [i, c] of cases.entries()) {
    const dir = join(work, String(i));
    const { base, head } = c.generate();
    write(join(dir, 'base'), base);
    write(join(dir, 'head'), head);
    const headBytes = Object.values(head).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    const result = await run(dir);
    const text = outcome(dir, result);
    const within = !result.timedOut && result.rss !== undefined && result.ms <= TARGET_MS && result.rss <= TARGET_RSS && !/^(OOM|ERROR)/.test(text);
    if (!within) over++;
    const rss = result.rss === undefined ? '-' : `${(result.rss / 1024 / 1024).toFixed(0)} MB`;
    const cpu = result.cpuMs === undefined ? '' : ` (CPU ${(result.cpuMs / 1000).toFixed(1)} s)`;
    console.log(`${within ? 'ok  ' : 'OVER'} ${c.name} (head ${(headBytes / 1024).toFixed(0)} KB): ${(result.ms / 1000).toFixed(1)} s${cpu}, peak RSS ${rss}; ${text}`);
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
// Wall time on a shared machine includes its neighbours' work: the load average says how much to trust it.
console.log(`bench: hostile inputs=${cases.length} over_bounds=${over} (bounds ${TARGET_MS / 1000} s wall, ${TARGET_RSS / 1024 / 1024} MB; ` +
  `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
process.exitCode = over > 0 ? 1 : 0;

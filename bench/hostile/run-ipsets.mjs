// node bench/hostile/run-ipsets.mjs [filter]: writes each case of ipsets.mjs to a temporary directory and runs
// `segguard check` on it in a fresh process (in that directory, so no repository configuration applies), printing one line per case: wall and CPU time, peak RSS and the findings by rule.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cases from './ipsets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const filter = process.argv[2] ?? '';
const timeoutMs = Number(process.env.HOSTILE_TIMEOUT_MS ?? 120_000);

function writeTree(dir, files) {
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
}

for (const { name, generate } of cases) {
  if (!name.includes(filter)) continue;
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  try {
    const { base, head } = generate();
    writeTree(join(dir, 'base'), base);
    writeTree(join(dir, 'head'), head);
    const bytes = Object.keys(head).reduce((sum, p) => sum + statSync(join(dir, 'head', p)).size, 0);
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--import', import.meta.resolve('./usage.mjs'), '--import', import.meta.resolve('tsx'), join(root, 'src/cli/program.ts'),
      'check', '--base', join(dir, 'base'), '--head', join(dir, 'head'), '--format', 'json', '--fail-on', 'none'],
    { cwd: dir, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 30, killSignal: 'SIGKILL' });
    const ms = performance.now() - started;
    // CPU seconds besides wall time: the machine is shared, and wall time says more about the neighbours than the code.
    const [cpu, rssMb] = (/usage (\S+) (\S+)\s*$/.exec(run.stderr ?? '') ?? []).slice(1).map(Number);
    let findings = '?';
    try {
      const counts = {};
      for (const f of JSON.parse(run.stdout).findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
      findings = Object.entries(counts).map(([id, n]) => `${id}×${n}`).join(' ');
    } catch {
      findings = run.error ? `killed after ${timeoutMs / 1000} s` : `exit ${run.status}: ${run.stderr.slice(0, 300)}`;
    }
    console.log(`${name}: ${(bytes / 1e6).toFixed(2)} MB, ${(ms / 1000).toFixed(1)} s wall, ${cpu?.toFixed(1) ?? '?'} s CPU, peak RSS ${rssMb ?? '?'} MB; ${findings}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

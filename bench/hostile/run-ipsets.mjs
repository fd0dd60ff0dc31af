// node bench/hostile/run-ipsets.mjs [filter]: writes each case of ipsets.mjs to a temporary directory and runs
// `segguard check` on it in a fresh process (in that directory, so no repository configuration applies), printing one line per case: wall time, peak RSS, exit code, findings.
import { spawnSync } from 'node:child_process';
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
    const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '--import', import.meta.resolve('tsx'), join(root, 'src/cli/program.ts'),
      'check', '--base', join(dir, 'base'), '--head', join(dir, 'head'), '--format', 'json', '--fail-on', 'none'],
    { cwd: dir, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 30, killSignal: 'SIGKILL' });
    const ms = performance.now() - started;
    const rssKb = Number(run.stderr?.trim().split('\n').at(-1));
    let findings = '?';
    try {
      const counts = {};
      for (const f of JSON.parse(run.stdout).findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
      findings = Object.entries(counts).map(([id, n]) => `${id}×${n}`).join(' ');
    } catch {
      findings = run.error ? `killed after ${timeoutMs / 1000} s` : `exit ${run.status}: ${run.stderr.slice(0, 300)}`;
    }
    console.log(`${name}: ${(bytes / 1e6).toFixed(2)} MB, ${(ms / 1000).toFixed(1)} s, peak RSS ${Number.isFinite(rssKb) ? (rssKb / 1024).toFixed(0) : '?'} MB; ${findings}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

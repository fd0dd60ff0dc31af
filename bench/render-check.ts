// Times `segguard check --base main --head pr` in-process on the render scenario's repository (bench/render.mjs
// makes it and reads this process's one JSON line): `tsx bench/render-check.ts <repo> <rounds>`. In-process, so
// that the time is the check's, not Node's start-up or tsx's transpiling; best wall time of the rounds.
import { main } from '../src/cli/main.js';

const [repo, rounds] = [process.argv[2]!, Number(process.argv[3] ?? 1)];
process.chdir(repo);
let best = Infinity;
let last = { exit: -1, stdout: '', stderr: '' };
for (let round = 0; round < rounds; round++) {
  const io = { stdout: '', stderr: '' };
  const started = process.hrtime.bigint();
  const exit = await main(['check', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json', '--fail-on', 'none'], {
    stdout: (s) => (io.stdout += s), stderr: (s) => (io.stderr += s), isTTY: false,
  });
  best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  last = { exit, ...io };
}
/** `rule Kind namespace/name` of each finding: what bench/render.mjs looks for. */
let found: string[] = [];
try {
  const report = JSON.parse(last.stdout) as { findings: { ruleId: string; resource?: { kind: string; namespace?: string; name: string } }[] };
  found = [...new Set(report.findings.map((f) => `${f.ruleId} ${f.resource ? `${f.resource.kind} ${f.resource.namespace ?? ''}/${f.resource.name}` : '-'}`))].sort();
} catch {
  // No JSON report (a usage error or a crash): the exit code and stderr say why.
}
console.log(JSON.stringify({ ms: best, exit: last.exit, found, stderr: last.stderr.slice(0, 2000) }));

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/audit.js';
import { git, tempDir } from '../helpers/temp.js';

/** Runs `segguard audit` in-process and captures what it prints. */
async function audit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

const root = join(import.meta.dirname, '..', '..');
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;
const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  rules:
  - http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`;

describe('segguard audit', () => {
  const tmp = tempDir();
  const clean = tmp.write({ 'ns.yaml': NAMESPACE, 'deny.yaml': DENY }, 'clean');
  const open = tmp.write({ 'ns.yaml': NAMESPACE, 'ingress.yaml': INGRESS }, 'open');
  const repo = tmp.write({}, 'norepo');

  it('a tree with a default deny and no entry point: no finding, exit 0', async () => {
    const { code, stdout, stderr } = await audit(clean, '--repo', repo);
    expect({ code, stderr, stdout }).toEqual({ code: 0, stderr: '', stdout: '0 findings, 0 suppressed; passes the gate (fail-on: high)\n' });
  });

  it('reports the state with the audit rules only (no diff rule such as ingress-new-route), paths under the directory given', async () => {
    const { code, stdout } = await audit(open, '--repo', repo);
    expect(code).toBe(0);
    expect(stdout).toContain(`${open}/ns.yaml:4 medium namespace-without-default-deny Namespace shop has no default deny for ingress`);
    expect(stdout).toContain(`${open}/ingress.yaml:6 medium ingress-wildcard-host`);
    expect(stdout).toContain(`${open}/ingress.yaml:8 low ingress-catch-all-path`);
    expect(stdout).not.toContain('ingress-new-route');
    expect(stdout).toContain('4 findings (2 medium, 2 low), 0 suppressed; passes the gate (fail-on: high)');
  });

  it('exit codes like check: --fail-on moves the gate, a bad option or tree is a usage error (2)', async () => {
    expect((await audit(open, '--repo', repo, '--fail-on', 'medium')).code).toBe(1);
    expect((await audit(open, '--repo', repo, '--fail-on', 'none')).code).toBe(0);
    expect((await audit(clean, '--repo', repo, '--fail-on', 'info')).code).toBe(0);
    const wrong = await audit(open, '--repo', repo, '--fail-on', 'severe');
    expect(wrong).toMatchObject({ code: 2, stdout: '' });
    expect(wrong.stderr).toContain('segguard audit: unknown --fail-on "severe"');
    expect((await audit('--repo', repo)).stderr).toContain('one tree to audit is required');
    expect((await audit(open, clean, '--repo', repo)).code).toBe(2);
    expect((await audit(join(repo, 'missing'), '--repo', repo)).stderr).toMatch(/segguard audit: .*missing is neither a directory nor a git ref/);
    const help = await audit('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: segguard audit <dir|git-ref>');
  });

  it('prints every output format: json, markdown, sarif (and --output writes the file)', async () => {
    const json = JSON.parse((await audit(open, '--repo', repo, '--format', 'json')).stdout) as { findings: { ruleId: string }[] };
    expect(json.findings.map((f) => f.ruleId).sort()).toEqual(['ingress-catch-all-path', 'ingress-wildcard-host', 'namespace-without-default-deny', 'namespace-without-default-deny']);
    const markdown = (await audit(open, '--repo', repo, '--format', 'markdown')).stdout;
    expect(markdown.split('\n')[0]).toBe('### ✅ Passes the gate (high): 2 medium, 2 low openings');
    expect(markdown).toContain('[ingress\\-wildcard\\-host]');
    // Worded as a state, not a change; the exposure map is listed as it is (an audit has no base to compare with).
    expect(markdown).toContain('#### What is open');
    expect(markdown).not.toContain('What this PR opens up');
    expect(markdown).toContain('<details><summary>Entry points (exposure map): 1 entry point</summary>\n\nSee [how the map is built]');
    expect(markdown).toContain('| \\* \\(any\\) Prefix / \\(every path\\)<br>ingress \\(default class\\), http | **none** | shop/web&#58;80 \\(no workload in the manifests\\) | ingress\\.yaml&#58;8 |');
    expect((await audit(clean, '--repo', repo, '--format', 'markdown')).stdout).toContain('No findings: the audit rules find nothing open in this tree.');
    const sarif = JSON.parse((await audit(open, '--repo', repo, '--format', 'sarif')).stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0].results).toHaveLength(4);
    const file = join(tmp.root, 'audit.sarif');
    const written = await audit(open, '--repo', repo, '--format', 'sarif', '--output', file);
    expect(written.stdout).toBe('4 findings (2 medium, 2 low), 0 suppressed; passes the gate (fail-on: high)\n');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(sarif);
  });

  it('audits a git ref from git objects, and takes rules from the configuration', async () => {
    const repoDir = tmp.write({ 'k8s/ns.yaml': NAMESPACE, 'k8s/ingress.yaml': INGRESS, '.github/segguard.yml': 'rules:\n  ingress-catch-all-path: off\n' }, 'repo');
    git(repoDir, 'init', '-q', '-b', 'main');
    git(repoDir, 'add', '.');
    git(repoDir, 'commit', '-q', '-m', 'one');
    git(repoDir, 'rm', '-q', 'k8s/ingress.yaml');
    git(repoDir, 'commit', '-q', '-m', 'two');
    const { code, stdout } = await audit('HEAD~1', '--repo', repoDir, '--fail-on', 'medium');
    expect(code).toBe(1);
    expect(stdout).toContain('k8s/ingress.yaml:6 medium ingress-wildcard-host');
    expect(stdout).not.toContain('ingress-catch-all-path');
    expect((await audit('HEAD', '--repo', repoDir, '--fail-on', 'medium')).stdout).not.toContain('ingress.yaml');
  });

  it('is a command of the segguard program', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/program.ts'), 'audit', open, '--repo', repo, '--fail-on', 'low'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('4 findings (2 medium, 2 low), 0 suppressed; fails the gate (fail-on: low)');
  });
});

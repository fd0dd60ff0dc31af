import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/check.js';
import { git, tempDir } from '../helpers/temp.js';

/** Runs `segguard check` in-process and captures what it prints. */
async function check(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

const DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;
const BROKEN = 'apiVersion: v1\nkind: Service\nmetadata: {name: web\n';
const EMPTY_PEER = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: legacy
  namespace: shop
  annotations:
    segguard.io/ignore: "manifest-invalid: tracked in SEC-12"
spec:
  podSelector: {}
  ingress:
    - from:
        - {}
`;

describe('segguard check', () => {
  const tmp = tempDir();
  const base = tmp.write({ 'shop/netpol.yaml': DENY }, 'base');
  const same = tmp.write({ 'shop/moved.yaml': DENY }, 'same');
  const head = tmp.write({ 'shop/netpol.yaml': DENY, 'shop/broken.yaml': BROKEN, 'shop/legacy.yaml': EMPTY_PEER }, 'head');
  const repo = tmp.write({}, 'norepo');

  it('exits 0 when nothing changed in meaning (a moved file), and says so', async () => {
    const { code, stdout, stderr } = await check('--base', base, '--head', same, '--repo', repo);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe('0 findings, 0 suppressed; passes the gate (fail-on: high)\n');
  });

  it('exits 1 when an unsuppressed finding reaches --fail-on (default high), locating it under the directory given', async () => {
    const { code, stdout } = await check('--base', base, '--head', head, '--repo', repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${head}/shop/broken.yaml:4 high manifest-parse-error`);
    // The change adds the object and its suppression together: a proposed suppression, which silences nothing.
    expect(stdout).toContain(`${head}/shop/legacy.yaml:12 high manifest-invalid`);
    expect(stdout).toContain(`    proposed suppression: segguard.io/ignore "tracked in SEC-12" at ${head}/shop/legacy.yaml:7 would silence: manifest-invalid on NetworkPolicy shop/legacy`);
    expect(stdout).toContain('2 findings (2 high), 0 suppressed, 1 with a proposed suppression; fails the gate (fail-on: high)');
  });

  it('--fail-on moves the gate', async () => {
    expect((await check('--base', base, '--head', head, '--repo', repo, '--fail-on', 'critical')).code).toBe(0);
    expect((await check('--base', base, '--head', head, '--repo', repo, '--fail-on', 'none')).code).toBe(0);
    expect((await check('--base', base, '--head', head, '--repo', repo, '--fail-on', 'info')).code).toBe(1);
  });

  it('takes fail-on, rules and exclude from the configuration; the flag wins over the file', async () => {
    const configured = tmp.write({
      '.github/segguard.yml': 'fail-on: critical\n',
      'off.yml': 'rules:\n  manifest-parse-error: off\n  manifest-invalid: off\n',
      'exclude.yml': 'exclude: ["**/broken.yaml", "**/legacy.yaml"]\n',
    }, 'configured');
    expect((await check('--base', base, '--head', head, '--repo', configured)).code).toBe(0);
    expect((await check('--base', base, '--head', head, '--repo', configured, '--fail-on', 'high')).code).toBe(1);
    const off = await check('--base', base, '--head', head, '--repo', repo, '--config', join(configured, 'off.yml'));
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('manifest-parse-error');
    const excluded = await check('--base', base, '--head', head, '--repo', repo, '--config', join(configured, 'exclude.yml'), '--format', 'json');
    expect(excluded.code).toBe(0);
    expect(JSON.parse(excluded.stdout).summary.files).toEqual({ base: 1, head: 1 });
  });

  it('include globs select the files read on both sides', async () => {
    const config = tmp.write({ 'include.yml': 'include: ["**/netpol.yaml"]\n' }, 'include');
    const { code, stdout } = await check('--base', base, '--head', head, '--repo', repo, '--config', join(config, 'include.yml'), '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.files).toEqual({ base: 1, head: 1 });
  });

  it('exits 2 with a one-line message for usage errors', async () => {
    const cases: [string[], RegExp][] = [
      [['--base', base], /--base and --head are both required/],
      [['--base', base, '--head', head, '--colour'], /Unknown option '--colour'/],
      [['--base', base, '--head', head, 'extra'], /Unexpected argument 'extra'/],
      [['--base', base, '--head', head, '--format', 'html'], /unknown --format "html" \(one of text, json, markdown, sarif\)/],
      [['--base', base, '--head', head, '--fail-on', 'severe'], /unknown --fail-on "severe"/],
      [['--base', base, '--head'], /--head/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await check(...args);
      expect({ code, stdout }, args.join(' ')).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
    }
  });

  it('exits 2 with a one-line message for a missing directory or an unknown ref', async () => {
    const missing = await check('--base', join(tmp.root, 'nope'), '--head', head, '--repo', repo);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`segguard check: ${join(tmp.root, 'nope')} is neither a directory nor a git ref (${repo} is not a git repository)\n`);
    const gitRepo = tmp.write({ 'a.yaml': 'a: 1\n' }, 'git-empty');
    git(gitRepo, 'init', '-q', '-b', 'main');
    git(gitRepo, 'add', '.');
    git(gitRepo, 'commit', '-q', '-m', 'one');
    const unknown = await check('--base', 'origin/nowhere', '--head', 'HEAD', '--repo', gitRepo);
    expect(unknown).toEqual({ code: 2, stdout: '', stderr: `segguard check: origin/nowhere is neither a directory nor a git ref of ${gitRepo}\n` });
  });

  it('exits 2 for an invalid configuration, naming the file, line and key', async () => {
    const bad = tmp.write({ '.github/segguard.yml': 'fail-on: high\nrules:\n  netpol-delted: off\n' }, 'bad-config');
    const { code, stderr } = await check('--base', base, '--head', head, '--repo', bad);
    expect(code).toBe(2);
    // The file is named as the user would open it: here, outside the working directory, by its absolute path.
    expect(stderr).toBe(`segguard check: ${bad}/.github/segguard.yml:3: unknown rule id "netpol-delted" in rules (did you mean "netpol-deleted"?)\n`);
    const missingConfig = await check('--base', base, '--head', head, '--config', join(tmp.root, 'none.yml'));
    expect(missingConfig.code).toBe(2);
    expect(missingConfig.stderr).toMatch(/none\.yml: cannot read the configuration file \(ENOENT\)/);
  });

  it('writes each format; --output writes the report to a file and prints the verdict', async () => {
    const json = JSON.parse((await check('--base', base, '--head', head, '--repo', repo, '--format', 'json')).stdout);
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['manifest-parse-error', 'manifest-invalid']);
    expect(json.findings[1].proposedSuppression).toMatchObject({ reason: 'tracked in SEC-12', location: { line: 7, side: 'head' } });
    expect(json.suppressed).toEqual([]);
    expect(json.summary).toMatchObject({ suppressed: 0, proposed: 1, failOn: 'high', failed: true });
    const markdown = (await check('--base', base, '--head', head, '--repo', repo, '--format', 'markdown')).stdout;
    expect(markdown.split('\n')[0]).toBe('### ❌ Blocks merge: 1 high new opening, 1 high not fully analyzed (gate: high); 1 with a proposed suppression, counted until approved');
    expect(markdown).toContain('#### Proposed suppressions (not applied)');
    const sarif = JSON.parse((await check('--base', base, '--head', head, '--repo', repo, '--format', 'sarif')).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['manifest-parse-error', 'manifest-invalid']);
    const out = join(tmp.root, 'report.sarif');
    const written = await check('--base', base, '--head', head, '--repo', repo, '--format', 'sarif', '--output', out);
    expect(written).toEqual({ code: 1, stdout: '2 findings (2 high), 0 suppressed, 1 with a proposed suppression; fails the gate (fail-on: high)\n', stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(sarif);
    const unwritable = await check('--base', base, '--head', head, '--repo', repo, '--output', join(tmp.root, 'no', 'such', 'dir', 'x'));
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/cannot write .* \(ENOENT\)/);
  });

  it('prints its help', async () => {
    const { code, stdout } = await check('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: segguard check --base <dir\|git-ref> --head <dir\|git-ref>/);
    for (const flag of ['--repo', '--format', '--fail-on', '--config', '--output']) expect(stdout).toContain(flag);
  });
});

describe('segguard check on git refs', () => {
  const tmp = tempDir();
  const repo = tmp.write({ 'k8s/shop/netpol.yaml': DENY, 'k8s/payments/deny.yaml': DENY.replaceAll('shop', 'payments'), 'README.md': '# app' }, 'repo');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'base');
  // The head commit opens shop to all ingress and deletes the payments default deny.
  tmp.write({ 'k8s/shop/netpol.yaml': `${DENY}  ingress:\n    - {}\n` }, 'repo');
  git(repo, 'rm', '-q', 'k8s/payments/deny.yaml');
  git(repo, 'commit', '-q', '-am', 'head');
  // Uncommitted edits in the working tree must not leak into a ref.
  tmp.write({ 'k8s/shop/netpol.yaml': BROKEN }, 'repo');

  it('compares two commits straight from git objects, with repository paths', async () => {
    const { code, stdout, stderr } = await check('--base', 'HEAD~1', '--head', 'main', '--repo', repo, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const findings = JSON.parse(stdout).findings as { ruleId: string; location: { path: string; side: string } }[];
    const where = findings.map((f) => `${f.ruleId} ${f.location.side}:${f.location.path}`);
    expect(where).toContain('netpol-default-deny-removed head:k8s/shop/netpol.yaml');
    expect(where.some((w) => w.endsWith('base:k8s/payments/deny.yaml'))).toBe(true);
    expect(where.some((w) => w.includes('manifest-parse-error'))).toBe(false);
  });

  it('compares a ref with the working tree (a directory)', async () => {
    const { code, stdout } = await check('--base', 'HEAD', '--head', repo, '--repo', repo, '--format', 'json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('manifest-parse-error');
  });

  it('exits 0 for a ref against itself', async () => {
    expect((await check('--base', 'HEAD', '--head', 'HEAD', '--repo', repo)).code).toBe(0);
  });
});


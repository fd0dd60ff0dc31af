import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as audit } from '../../src/cli/commands/audit.js';
import { run as check } from '../../src/cli/commands/check.js';
import { run as exposure } from '../../src/cli/commands/exposure.js';
import type { RunCommand } from '../../src/cli/io.js';
import { git, tempDir } from '../helpers/temp.js';

async function capture(command: RunCommand, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await command(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

const DENY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n';
const OPEN = `${DENY}  ingress:\n    - {}\n`;

function repository(tmp: ReturnType<typeof tempDir>, name: string, files: Record<string, string>): string {
  const root = tmp.write(files, name);
  git(root, 'init', '-q', '-b', 'main');
  return root;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a side that reads no manifest file is never a silent pass', () => {
  const tmp = tempDir();
  const repo = repository(tmp, 'repo', {
    '.github/segguard.yml': 'include: ["deploy/**"]\n',
    'k8s/base/deny.yaml': DENY, 'k8s/head/deny.yaml': DENY, 'k8s/head/README.md': '# shop\n',
  });
  const base = join(repo, 'k8s/base');
  const head = join(repo, 'k8s/head');

  it('fails the gate and says on stderr which directory read nothing and which globs did it', async () => {
    const { code, stdout, stderr } = await capture(check, '--base', base, '--head', head);
    expect(code).toBe(1);
    const globs = `include [deploy/**] and exclude [**/.git/**, **/node_modules/**, **/templates/**] (from ${repo}/.github/segguard.yml) select nothing`;
    expect(stderr).toBe(
      `segguard check: warning: The base (directory ${base}) has 1 file (1 named .yaml, .yml or .json) but reads none of them: ${globs}, so nothing on this side was analyzed\n` +
      `segguard check: warning: The head (directory ${head}) has 2 files (1 named .yaml, .yml or .json) but reads none of them: ${globs}, so nothing on this side was analyzed\n`,
    );
    expect(stdout).toContain(`${repo}/.github/segguard.yml:1 high manifest-none-read The head (directory ${head}) has 2 files`);
    expect(stdout).toContain(`warning: The base (directory ${base})`);
    expect(stdout).toMatch(/1 finding \(1 high\), 0 suppressed; fails the gate \(fail-on: high\)\n$/);
    expect(stdout).not.toContain('passes the gate');
  });

  it('says so in JSON, Markdown and SARIF too', async () => {
    const json = JSON.parse((await capture(check, '--base', base, '--head', head, '--format', 'json')).stdout);
    expect(json.summary.warnings).toHaveLength(2);
    expect(json.summary.failed).toBe(true);
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['manifest-none-read']);
    const markdown = (await capture(check, '--base', base, '--head', head, '--format', 'markdown')).stdout;
    expect(markdown).toContain('> [!WARNING]\n> The head \\(directory');
    expect(markdown).not.toContain('No segmentation regressions');
    const sarif = JSON.parse((await capture(check, '--base', base, '--head', head, '--format', 'sarif')).stdout);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text)).toEqual(json.summary.warnings);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['manifest-none-read']);
  });

  it('audit and exposure say it as well', async () => {
    const audited = await capture(audit, head);
    expect(audited.code).toBe(1);
    expect(audited.stderr).toContain(`segguard audit: warning: The head (directory ${head}) has 2 files`);
    const exposed = await capture(exposure, head);
    expect(exposed.code).toBe(0);
    expect(exposed.stderr).toContain(`segguard exposure: warning: The head (directory ${head}) has 2 files`);
  });

  it('fails when the base has manifests and the head has none at all', async () => {
    const empty = tmp.write({}, 'repo/k8s/empty');
    const { code, stderr, stdout } = await capture(check, '--base', base, '--head', empty, '--config', join(tmp.root, 'none.yml'), '--repo', tmp.write({ 'none.yml': '{}\n' }));
    expect(code).toBe(1);
    expect(stderr).toBe(`segguard check: warning: The head (directory ${empty}) has no manifest files while the base (directory ${base}) has 1: every object of the base counts as deleted\n`);
    expect(stdout).toContain('manifest-none-read');
  });

  it('stays quiet when both trees are simply empty', async () => {
    const a = tmp.write({}, 'empty-a');
    const b = tmp.write({}, 'empty-b');
    expect(await capture(check, '--base', a, '--head', b)).toEqual({ code: 0, stdout: '0 findings, 0 suppressed; passes the gate (fail-on: high)\n', stderr: '' });
  });
});

describe('the configuration comes from the repository that holds the analyzed directories', () => {
  const tmp = tempDir();
  // Repository A, the working directory: its configuration selects nothing of B and would lower the gate.
  const repoA = repository(tmp, 'a', { '.github/segguard.yml': 'include: ["apps/**"]\nfail-on: critical\n', 'apps/x.yaml': DENY });
  const repoB = repository(tmp, 'b', { 'k8s/base/deny.yaml': DENY, 'k8s/head/deny.yaml': OPEN });
  const repoC = repository(tmp, 'c', { '.github/segguard.yml': 'include: ["k8s/base/**", "k8s/head/**"]\nfail-on: none\n', 'k8s/base/deny.yaml': DENY, 'k8s/head/deny.yaml': OPEN, 'other/deny.yaml': OPEN });

  it('applies none of A\'s configuration to a directory of B, which has none: the defaults', async () => {
    vi.spyOn(process, 'cwd').mockReturnValue(repoA);
    const { code, stdout, stderr } = await capture(check, '--base', join(repoB, 'k8s/base'), '--head', join(repoB, 'k8s/head'));
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('netpol-default-deny-removed');
    expect(stdout).toContain('fails the gate (fail-on: high)');
  });

  it('applies B\'s own configuration, with its globs relative to B\'s root', async () => {
    vi.spyOn(process, 'cwd').mockReturnValue(repoA);
    const { code, stdout, stderr } = await capture(check, '--base', join(repoC, 'k8s/base'), '--head', join(repoC, 'k8s/head'), '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    // Matched against paths relative to the directories themselves, these globs would select nothing.
    expect(json.summary).toMatchObject({ failOn: 'none', files: { base: 1, head: 1 } });
    // From a subdirectory of C, the configuration at C's root is found by walking up.
    vi.spyOn(process, 'cwd').mockReturnValue(join(repoC, 'k8s'));
    expect(JSON.parse((await capture(check, '--base', 'base', '--head', 'head', '--format', 'json')).stdout).summary.failOn).toBe('none');
  });

  it('A\'s include, given explicitly, does not filter B into zero files silently', async () => {
    vi.spyOn(process, 'cwd').mockReturnValue(repoA);
    const { code, stderr } = await capture(check, '--base', join(repoB, 'k8s/base'), '--head', join(repoB, 'k8s/head'), '--config', '.github/segguard.yml', '--fail-on', 'high');
    expect(code).toBe(1);
    expect(stderr).toContain(`The head (directory ${join(repoB, 'k8s/head')}) has 1 file (1 named .yaml, .yml or .json) but reads none of them: include [apps/**]`);
    expect(stderr).toContain('(from .github/segguard.yml)');
  });

  it('--repo still names the repository whose configuration applies', async () => {
    vi.spyOn(process, 'cwd').mockReturnValue(repoB);
    const { stdout } = await capture(check, '--base', 'k8s/base', '--head', 'k8s/head', '--repo', repoC, '--format', 'json');
    expect(JSON.parse(stdout).summary.failOn).toBe('none');
  });
});

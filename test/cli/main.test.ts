import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { tempDir } from '../helpers/temp.js';

const root = join(import.meta.dirname, '..', '..');

/** The program as a user runs it: a separate process, exit code and both streams. */
function segguard(entry: 'source' | 'bundle', args: string[], cwd = root) {
  const argv = entry === 'source' ? ['--import', 'tsx', join(root, 'src/cli/program.ts'), ...args] : [join(root, 'bin/segguard.js'), ...args];
  const result = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('segguard (dispatcher)', () => {
  it('--help lists the commands; --version prints the version', () => {
    const help = segguard('source', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/usage: segguard <command> \[options\]/);
    for (const command of ['check', 'audit', 'exposure', 'connlist', 'conndiff']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(segguard('source', ['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('exits 2 for no command or an unknown command, with a one-line message', () => {
    expect(segguard('source', []).code).toBe(2);
    const unknown = segguard('source', ['chekc']);
    expect(unknown).toEqual({ code: 2, stdout: '', stderr: 'segguard: unknown command "chekc" (commands: check, audit, exposure, connlist, conndiff; see segguard --help)\n' });
  });

  it('passes the arguments to the command and returns its exit code', () => {
    const help = segguard('source', ['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: segguard check/);
    expect(segguard('source', ['check', '--base', 'x']).code).toBe(2);
  });
});

describe('the bundle (bin/segguard.js → dist/cli.js)', () => {
  const tmp = tempDir();
  const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n';
  tmp.write({ 'base/shop/netpol.yaml': policy, 'head/shop/netpol.yaml': `${policy}  ingress:\n    - {}\n` });

  it('runs check end to end as a user would', () => {
    const run = segguard('bundle', ['check', '--base', 'base', '--head', 'head'], tmp.root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^head\/shop\/netpol\.yaml:\d+ critical netpol-default-deny-removed /m);
    expect(segguard('bundle', ['check', '--base', 'base', '--head', 'base'], tmp.root)).toMatchObject({ code: 0 });
    expect(segguard('bundle', ['check', '--base', 'base', '--head', 'missing'], tmp.root)).toMatchObject({ code: 2 });
    expect(segguard('bundle', ['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

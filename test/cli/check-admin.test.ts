import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/check.js';
import { anp, banp, ingress } from '../rules/admin/fixtures.js';
import { deployment } from '../rules/connectivity/fixtures.js';
import { tempDir } from '../helpers/temp.js';

/** Runs `segguard check` in-process and captures what it prints. */
async function check(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

// The gate on AdminNetworkPolicy changes, end to end: files on disk, the default fail-on (high), the printed lines.
const WORKLOADS = {
  'shop/api.yaml': deployment('api', 'shop', '{app: api}'),
  'payments/ledger.yaml': deployment('ledger', 'payments', '{app: ledger}', 5432),
};
const GUARD = anp('guard', 10, ...ingress('from-shop', 'Deny'));
const BANP = banp(...ingress('deny-shop', 'Deny'));

describe('segguard check on AdminNetworkPolicy and BaselineAdminNetworkPolicy changes', () => {
  const tmp = tempDir();
  const repo = tmp.write({}, 'norepo');
  const base = tmp.write({ ...WORKLOADS, 'cluster/guard.yaml': GUARD, 'cluster/banp.yaml': BANP }, 'base');

  it('fails the gate when the BANP default is deleted, on its first line on the base side', async () => {
    const head = tmp.write({ ...WORKLOADS, 'cluster/guard.yaml': GUARD }, 'no-banp');
    const { code, stdout } = await check('--base', base, '--head', head, '--repo', repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${base}/cluster/banp.yaml:1 (base) high banp-deleted BaselineAdminNetworkPolicy \`default\` was deleted with its Deny ingress rule \`deny-shop\``);
    expect(stdout).toMatch(/fails the gate \(fail-on: high\)/);
  });

  it('fails the gate when an ANP Deny becomes Pass, on the head action line', async () => {
    const head = tmp.write({ ...WORKLOADS, 'cluster/guard.yaml': GUARD.replace('action: Deny', 'action: Pass'), 'cluster/banp.yaml': BANP }, 'pass');
    const { code, stdout } = await check('--base', base, '--head', head, '--repo', repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${head}/cluster/guard.yaml:11 high anp-action-loosened AdminNetworkPolicy \`guard\` (priority 10): ingress rule \`from-shop\` is now Pass (was Deny)`);
  });

  it('fails the gate when an Allow ANP moves ahead of the Deny it lost to, on its priority line', async () => {
    const allow = (priority: number) => anp('allow', priority, ...ingress('let-shop', 'Allow'));
    const before = tmp.write({ ...WORKLOADS, 'cluster/guard.yaml': GUARD, 'cluster/allow.yaml': allow(20) }, 'allow-behind');
    const after = tmp.write({ ...WORKLOADS, 'cluster/guard.yaml': GUARD, 'cluster/allow.yaml': allow(5) }, 'allow-ahead');
    const { code, stdout } = await check('--base', before, '--head', after, '--repo', repo);
    expect(code).toBe(1);
    expect(stdout).toContain(`${after}/cluster/allow.yaml:6 high anp-priority-reordered AdminNetworkPolicy \`allow\`: priority now 5 (was 20), ahead of AdminNetworkPolicy \`guard\` (priority 10)`);
    // The related lines name the Deny that lost, and the base priority the new connections were behind.
    expect(stdout).toMatch(/cluster\/guard\.yaml:\d+: the Deny rule of AdminNetworkPolicy `guard` that AdminNetworkPolicy `allow` now wins over/);
    expect(stdout).toContain(`${before}/cluster/allow.yaml:6 (base): in base, AdminNetworkPolicy allow had priority 20`);
  });

  it('passes when the change only renames a rule, reformats and moves the files', async () => {
    const head = tmp.write({
      ...WORKLOADS,
      'policies/guard.yaml': GUARD.replace('from-shop', 'block-shop').replace('action: Deny', 'action: "Deny"'),
      'policies/banp.yaml': BANP.replace('deny-shop', 'no-shop'),
    }, 'benign');
    const { code, stdout } = await check('--base', base, '--head', head, '--repo', repo);
    expect(code).toBe(0);
    expect(stdout).toContain('\n0 findings, 0 suppressed; passes the gate (fail-on: high)\n');
  });
});

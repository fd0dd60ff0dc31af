import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as conndiff } from '../../src/cli/commands/conndiff.js';
import { run as connlist } from '../../src/cli/commands/connlist.js';
import { NP_GUARD_ANP_ORACLE } from '../helpers/oracle.js';

async function cli(run: typeof connlist, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

/** `src => dst` → connections, from one of np-guard's expected connection lists. */
function expectedList(name: string): Map<string, string> {
  const text = readFileSync(join(NP_GUARD_ANP_ORACLE, 'expected', 'connlist', `${name}.txt`), 'utf8');
  return new Map(text.split('\n').filter((l) => l.includes(' : ')).map((l) => {
    const [pair, conns] = l.split(' : ');
    return [pair, conns] as const;
  }));
}

describe('conndiff with AdminNetworkPolicies', () => {
  it('lists exactly the pairs whose connections differ between two of np-guard\'s expected lists', async () => {
    const [before, after] = ['anp_test_10', 'anp_test_10_swapping_rules'];
    const { code, stdout } = await cli(conndiff, [join(NP_GUARD_ANP_ORACLE, 'inputs', before), join(NP_GUARD_ANP_ORACLE, 'inputs', after)]);
    expect(code).toBe(0);
    const [a, b] = [expectedList(before), expectedList(after)];
    const want = [...new Set([...a.keys(), ...b.keys()])]
      .filter((pair) => a.get(pair) !== b.get(pair))
      .map((pair) => `${pair} ${a.get(pair) ?? 'No Connections'} -> ${b.get(pair) ?? 'No Connections'}`)
      .sort();
    const got = stdout.split('\n').filter((l) => l.startsWith('diff-type:')).map((l) => {
      const m = /source: (.*), destination: (.*), ref1: (.*), ref2: (.*?)(?:, workloads-diff-info.*)?$/.exec(l)!;
      return `${m[1]} => ${m[2]} ${m[3]} -> ${m[4]}`;
    }).sort();
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });
});

describe('connlist with AdminNetworkPolicies', () => {
  it('warns on stderr about what np-guard warns about, and lists the connections on stdout alone', async () => {
    const dir = join(NP_GUARD_ANP_ORACLE, 'inputs', 'anp_banp_test_multiple_warnings');
    const { code, stdout, stderr } = await cli(connlist, [dir]);
    expect(code).toBe(0);
    expect(stderr).toContain('egress rule "allow-egress-to-slytherin": `nodes` peers are not modelled');
    expect(stderr).toContain('egress rule "allow-egress-to-slytherin": IPv6 `networks` are not modelled');
    expect(stderr).toContain('BaselineAdminNetworkPolicy default, egress rule "allow-egress-to-ipv6-address-and-nodes": `nodes` peers are not modelled');
    expect(stdout).not.toContain('warning');
  });
});

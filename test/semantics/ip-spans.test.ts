import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NP_GUARD_ORACLE } from '../helpers/oracle.js';
import { loadDirectoryModels } from '../../src/cli/commands/connlist.js';
import { parseCidr } from '../../src/model/ip-set.js';
import { formatConndiff } from '../../src/report/connectivity/format.js';
import { ConnectionSet } from '../../src/semantics/connection-set.js';
import { Connectivity } from '../../src/semantics/connectivity.js';
import { diffConnections } from '../../src/semantics/diff.js';
import { coversAllIpv4, rangeName, unionSpans } from '../../src/semantics/ip-blocks.js';

// The change analysis lists external peers as each workload's coarsest spans instead of np-guard's blocks; the
// connectivity diff must not see the difference. Checked on every diff case of the np-guard oracle.
const diffCases = readFileSync(join(NP_GUARD_ORACLE, 'cases.tsv'), 'utf8').trim().split('\n').slice(1)
  .map((row) => row.split('\t')).filter(([kind]) => kind === 'diff').map(([, before, after]) => ({ before, after }));
const io = { stdout: () => {}, stderr: () => {} };

describe('external peers as spans', () => {
  it.each(diffCases)('diffs $before -> $after the same as with blocks', async ({ before, after }) => {
    const [b, a] = (await loadDirectoryModels([before, after].map((dir) => join(NP_GUARD_ORACLE, 'inputs', dir)), io))!;
    const [base, head] = [Connectivity.fromModel(b!), Connectivity.fromModel(a!)];
    const ids = [base, head].map((c) => new Set(c.topology.workloads.map((w) => w.id)));
    const diff = (external: 'blocks' | 'spans') => formatConndiff(diffConnections(base.connections(undefined, { external }), head.connections(undefined, { external }), ids[0], ids[1]), 'txt');
    expect(diff('spans')).toBe(diff('blocks'));
  });

  it('unions overlapping spans, merges equal neighbours and leaves out empty ones', () => {
    const range = (cidr: string) => parseCidr(cidr)!.range;
    const tcp80 = ConnectionSet.of('TCP', 80, 80);
    const udp53 = ConnectionSet.of('UDP', 53, 53);
    const spans = unionSpans([
      { range: range('10.0.0.0/8'), conns: tcp80 },
      { range: range('10.1.0.0/16'), conns: udp53 },
      { range: range('11.0.0.0/8'), conns: tcp80 },
      { range: range('192.168.0.0/16'), conns: ConnectionSet.NONE },
    ]);
    expect(spans.map((s) => `${rangeName(s.range)} ${s.conns.toString()}`)).toEqual([
      '10.0.0.0-10.0.255.255[External] TCP 80',
      '10.1.0.0-10.1.255.255[External] TCP 80,UDP 53',
      '10.2.0.0-11.255.255.255[External] TCP 80',
    ]);
    expect(coversAllIpv4(spans)).toBe(false);
    expect(coversAllIpv4(unionSpans([{ range: range('0.0.0.0/1'), conns: tcp80 }, { range: range('128.0.0.0/1'), conns: udp53 }]))).toBe(true);
  });
});

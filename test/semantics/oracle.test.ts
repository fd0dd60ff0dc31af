import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NP_GUARD_ORACLE } from '../helpers/oracle.js';
import { run as conndiff } from '../../src/cli/commands/conndiff.js';
import { run as connlist } from '../../src/cli/commands/connlist.js';

// np-guard's own cases (an independent oracle), run in-process through the command functions and compared
// line for line the way np-guard's compare.mjs does: line endings, trailing blanks and empty lines aside.

const lines = (text: string) => text.replace(/\r/g, '').split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');

const cases = readFileSync(join(NP_GUARD_ORACLE, 'cases.tsv'), 'utf8').trim().split('\n').slice(1).map((row) => {
  const [kind, before, after, expected] = row.split('\t');
  return { kind, before, after, expected };
});

describe('np-guard oracle', () => {
  it('has every case of cases.tsv', () => {
    expect(cases.filter((c) => c.kind === 'connlist').length).toBeGreaterThanOrEqual(38);
    expect(cases.filter((c) => c.kind === 'diff').length).toBeGreaterThanOrEqual(21);
  });

  it.each(cases)('$kind $before -> $after', async ({ kind, before, after, expected }) => {
    let out = '';
    let err = '';
    const io = { stdout: (s: string) => { out += s; }, stderr: (s: string) => { err += s; } };
    const code = kind === 'connlist'
      ? await connlist([join(NP_GUARD_ORACLE, 'inputs', after)], io)
      : await conndiff([join(NP_GUARD_ORACLE, 'inputs', before), join(NP_GUARD_ORACLE, 'inputs', after)], io);
    expect(code, err).toBe(0);
    expect(lines(out)).toEqual(lines(readFileSync(join(NP_GUARD_ORACLE, expected), 'utf8')));
  });
});

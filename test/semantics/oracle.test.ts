import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as conndiff } from '../../src/cli/commands/conndiff.js';
import { run as connlist } from '../../src/cli/commands/connlist.js';

// np-guard's own cases (an independent oracle), run in-process through the command functions and compared
// line for line the way ../shared/oracle/compare.mjs does: line endings, trailing blanks and empty lines aside.
const ORACLE = process.env.SEGGUARD_ORACLE ?? join(import.meta.dirname, '../../../shared/oracle/np-guard');

const lines = (text: string) => text.replace(/\r/g, '').split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');

const cases = readFileSync(join(ORACLE, 'cases.tsv'), 'utf8').trim().split('\n').slice(1).map((row) => {
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
      ? await connlist([join(ORACLE, 'inputs', after)], io)
      : await conndiff([join(ORACLE, 'inputs', before), join(ORACLE, 'inputs', after)], io);
    expect(code, err).toBe(0);
    expect(lines(out)).toEqual(lines(readFileSync(join(ORACLE, expected), 'utf8')));
  });
});

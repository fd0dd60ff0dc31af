import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NP_GUARD_ANP_ORACLE, NP_GUARD_ORACLE } from '../helpers/oracle.js';
import { run as conndiff } from '../../src/cli/commands/conndiff.js';
import { run as connlist } from '../../src/cli/commands/connlist.js';

// np-guard's own cases (an independent oracle), run in-process through the command functions and compared
// line for line the way np-guard's compare.mjs does: line endings, trailing blanks and empty lines aside.

const lines = (text: string) => text.replace(/\r/g, '').split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');

function casesOf(root: string) {
  return readFileSync(join(root, 'cases.tsv'), 'utf8').trim().split('\n').slice(1).map((row) => {
    const [kind, before, after, expected] = row.split('\t');
    return { root, kind, before, after, expected };
  });
}

async function runCase({ root, kind, before, after, expected }: ReturnType<typeof casesOf>[number]) {
  let out = '';
  let err = '';
  const io = { stdout: (s: string) => { out += s; }, stderr: (s: string) => { err += s; } };
  const code = kind === 'connlist'
    ? await connlist([join(root, 'inputs', after)], io)
    : await conndiff([join(root, 'inputs', before), join(root, 'inputs', after)], io);
  expect(code, err).toBe(0);
  expect(lines(out)).toEqual(lines(readFileSync(join(root, expected), 'utf8')));
}

const cases = casesOf(NP_GUARD_ORACLE);
const anpCases = casesOf(NP_GUARD_ANP_ORACLE);

describe('np-guard oracle', () => {
  it('has every case of cases.tsv', () => {
    expect(cases.filter((c) => c.kind === 'connlist').length).toBeGreaterThanOrEqual(38);
    expect(cases.filter((c) => c.kind === 'diff').length).toBeGreaterThanOrEqual(21);
  });

  it.each(cases)('$kind $before -> $after', runCase);
});

describe('np-guard oracle: AdminNetworkPolicy and BaselineAdminNetworkPolicy', () => {
  it('has every case of cases.tsv', () => {
    expect(anpCases.filter((c) => c.kind === 'connlist').length).toBeGreaterThanOrEqual(42);
  });

  it.each(anpCases)('$kind $after', runCase);
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../../src/config/load.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('action.yml', () => {
  const action = parse(read('action.yml')) as { name: string; description: string; branding: object; runs: { using: string; main: string };
    inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> };

  it('runs the bundled dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.name).toBe('segguard');
    expect(action.branding).toEqual({ icon: 'shield', color: 'red' });
  });

  it('declares every input the code reads, with the documented defaults, and the outputs it sets', () => {
    const read = [...readFileSync(new URL('src/action/inputs.ts', root), 'utf8').matchAll(/getInput\('([\w-]+)'/g)].map((m) => m[1]);
    expect(Object.keys(action.inputs).sort()).toEqual([...new Set(read)].sort());
    expect(action.inputs.token.default).toBe('${{ github.token }}');
    expect(action.inputs.config.default).toBe('.github/segguard.yml');
    expect(action.inputs.comment.default).toBe('review');
    expect(action.inputs.annotations.default).toBe('true');
    const set = [...readFileSync(new URL('src/action/run.ts', root), 'utf8').matchAll(/setOutput\('([\w-]+)'/g)].map((m) => m[1]);
    expect(Object.keys(action.outputs).sort()).toEqual([...new Set(set)].sort());
  });
});

describe('.github/segguard.yml', () => {
  it('is a valid configuration (the documented example)', () => {
    const config = parseConfig(read('.github/segguard.yml'), '.github/segguard.yml');
    expect(config.include).toEqual(['examples/head/**']);
    expect(config.failOn).toBe('high');
  });
});

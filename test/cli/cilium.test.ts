import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const root = join(import.meta.dirname, '..', '..');
const starWars = join(root, 'test/fixtures/cilium/star-wars');

function segguard(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/program.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('connlist and conndiff with Cilium policies (the Star Wars demo)', () => {
  it('connlist: only the empire reaches the Death Star, on TCP/80', () => {
    const { code, stdout } = segguard(['connlist', starWars]);
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((l) => l.includes('=> default/deathstar'))).toEqual(['default/tiefighter[Pod] => default/deathstar[Deployment] : TCP 80']);
  });

  it('conndiff: the rule opened to every endpoint of the namespace lets the X-wing in', () => {
    const dir = tempDir();
    const head = dir.write({
      'workloads.yaml': readFileSync(join(starWars, 'workloads.yaml'), 'utf8'),
      'rule1.yaml': readFileSync(join(starWars, 'rule1.yaml'), 'utf8').replace('    - matchLabels:\n        org: empire\n    toPorts', '    - {}\n    toPorts'),
    }, 'head');
    const { code, stdout } = segguard(['conndiff', starWars, head]);
    expect(code).toBe(0);
    expect(stdout).toBe('Connectivity diff:\ndiff-type: added, source: default/xwing[Pod], destination: default/deathstar[Deployment], ref1: No Connections, ref2: TCP 80\n');
  });
});

import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as check } from '../../src/cli/commands/check.js';
import { tempDir } from '../helpers/temp.js';

const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata: {name: kubeconfig, namespace: shop}\nstringData: {token: TOP-SECRET-TOKEN}\n';

describe('segguard check reads only regular files inside the tree', () => {
  const tmp = tempDir();
  const outside = tmp.write({ 'kubeconfig.yaml': SECRET }, 'home');
  const base = tmp.write({ 'ok.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n' }, 'base');
  const head = tmp.write({ 'ok.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n' }, 'head');
  symlinkSync(join(outside, 'kubeconfig.yaml'), join(head, 'evil.yaml'));
  symlinkSync('/proc/self/mem', join(head, 'mem.yaml'));

  it('reports a link out of the tree at its path, fails the gate, and never shows what it points at', async () => {
    for (const format of ['text', 'json', 'markdown', 'sarif']) {
      let stdout = '';
      let stderr = '';
      const code = await check(['--base', base, '--head', head, '--format', format], { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
      expect(code, format).toBe(1);
      expect(stdout + stderr, format).not.toContain('TOP-SECRET-TOKEN');
      expect(stdout + stderr, format).not.toContain('kubeconfig, namespace');
      if (format === 'text') {
        expect(stdout).toContain(`${head}/evil.yaml:1 high manifest-parse-error Symlink to ${outside}/kubeconfig.yaml, outside the analyzed directory; it was not read`);
        expect(stdout).toContain(`${head}/mem.yaml:1 high manifest-parse-error Symlink to /proc/self/mem, outside the analyzed directory; it was not read`);
      }
    }
  });
});

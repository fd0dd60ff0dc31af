import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUDE } from '../../src/config/config.js';
import { loadSnapshot } from '../../src/model/load.js';
import { countFiles, readDirectory } from '../../src/sources/directory.js';
import { pathFilter } from '../../src/sources/filter.js';
import { SourceError } from '../../src/sources/index.js';
import { tempDir } from '../helpers/temp.js';

const defaults = { include: [], exclude: DEFAULT_EXCLUDE };

describe('readDirectory', () => {
  const tmp = tempDir();
  const root = tmp.write({
    'shop/netpol.yaml': 'a: 1\n',
    'shop/ingress.YML': 'b: 2\n',
    'payments/list.json': '{}',
    '.github/workflows/ci.yml': 'on: push\n',
    'README.md': '# not a manifest',
    'shop/notes.txt': 'text',
    'node_modules/dep/x.yaml': 'c: 3\n',
    'vendor/node_modules/y.yaml': 'c: 3\n',
    'chart/templates/svc.yaml': 'name: {{ .Values.x }}\n',
    'chart/values.yaml': 'x: 1\n',
    'deep/a/b/c/d.yaml': 'd: 4\n',
    'with space/ü.yaml': 'e: 5\n',
  }, 'tree');

  it('reads every .yaml, .yml and .json file except .git, node_modules and chart templates/, as bytes with root-relative paths', async () => {
    const files = await readDirectory(root, defaults);
    expect(files.map((f) => f.path)).toEqual([
      '.github/workflows/ci.yml', 'chart/values.yaml', 'deep/a/b/c/d.yaml', 'payments/list.json',
      'shop/ingress.YML', 'shop/netpol.yaml', 'with space/ü.yaml',
    ]);
    const netpol = files.find((f) => f.path === 'shop/netpol.yaml');
    expect(netpol?.content).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(netpol?.content as Uint8Array).toString('utf8')).toBe('a: 1\n');
  });

  it('honours include globs (relative to the root) and extra exclude globs', async () => {
    const onlyShop = await readDirectory(root, { include: ['shop/**'], exclude: DEFAULT_EXCLUDE });
    expect(onlyShop.map((f) => f.path)).toEqual(['shop/ingress.YML', 'shop/netpol.yaml']);
    const noJsonNoDeep = await readDirectory(root, { include: [], exclude: [...DEFAULT_EXCLUDE, '**/*.json', 'deep/**'] });
    expect(noJsonNoDeep.map((f) => f.path)).toEqual(['.github/workflows/ci.yml', 'chart/values.yaml', 'shop/ingress.YML', 'shop/netpol.yaml', 'with space/ü.yaml']);
  });

  it('reads what the defaults skip when nothing is excluded', async () => {
    const files = await readDirectory(root, { include: [], exclude: [] });
    expect(files.map((f) => f.path)).toContain('chart/templates/svc.yaml');
    expect(files.map((f) => f.path)).toContain('node_modules/dep/x.yaml');
  });

  it('reads files behind symlinks but does not follow directory links (no cycles)', async () => {
    const linked = tmp.write({ 'real.yaml': 'a: 1\n' }, 'links');
    symlinkSync(join(linked, 'real.yaml'), join(linked, 'alias.yaml'));
    symlinkSync(linked, join(linked, 'loop'));
    const files = await readDirectory(linked, defaults);
    expect(files.map((f) => f.path)).toEqual(['alias.yaml', 'real.yaml']);
  });

  describe('reads only regular files inside the tree', () => {
    const outside = tmp.write({ 'kubeconfig.yaml': 'apiVersion: v1\nkind: Config\nusers: [{name: admin, user: {token: SECRET-TOKEN}}]\n' }, 'outside');
    const tree = tmp.write({ 'real.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: real}\n', 'sub/other.yaml': 'a: 1\n' }, 'guarded');
    symlinkSync('/etc/passwd', join(tree, 'evil.yaml'));
    symlinkSync(join(outside, 'kubeconfig.yaml'), join(tree, 'kube.yaml'));
    symlinkSync('../outside/kubeconfig.yaml', join(tree, 'relative.yaml'));
    symlinkSync('/proc/self/mem', join(tree, 'mem.yaml'));
    symlinkSync('/dev/zero', join(tree, 'zero.yaml'));
    symlinkSync('real.yaml', join(tree, 'inside.yaml'));
    symlinkSync('../real.yaml', join(tree, 'sub/up.yaml'));
    symlinkSync('loop-b.yaml', join(tree, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(tree, 'loop-b.yaml'));
    symlinkSync('missing.yaml', join(tree, 'dangling.yaml'));
    symlinkSync('sub', join(tree, 'dir.yaml'));
    execFileSync('mkfifo', [join(tree, 'pipe.yaml')]);
    const byPath = async () => new Map((await readDirectory(tree, defaults)).map((f) => [f.path, f]));

    it('reads symlinks whose real path stays inside the tree like the files they point at', async () => {
      const files = await byPath();
      const text = (path: string) => Buffer.from(files.get(path)?.content as Uint8Array).toString('utf8');
      expect(text('inside.yaml')).toBe(text('real.yaml'));
      expect(text('sub/up.yaml')).toBe(text('real.yaml'));
      expect(files.get('inside.yaml')?.unread).toBeUndefined();
    });

    it('does not read a symlink that leaves the tree (absolute, relative, /proc, a device) and says where it points', async () => {
      const files = await byPath();
      for (const path of ['evil.yaml', 'kube.yaml', 'relative.yaml', 'mem.yaml', 'zero.yaml']) {
        expect(files.get(path)?.content.length, path).toBe(0);
        expect(files.get(path)?.unread, path).toMatch(/^symlink to .*, outside the analyzed directory; it was not read$/);
      }
      expect(files.get('evil.yaml')?.unread).toBe('symlink to /etc/passwd, outside the analyzed directory; it was not read');
      expect(files.get('relative.yaml')?.unread).toContain('../outside/kubeconfig.yaml');
    });

    it('skips and reports FIFOs, symlink loops, dangling links and links to directories, without hanging', async () => {
      const files = await byPath();
      expect(files.get('pipe.yaml')?.unread).toBe('FIFO, not a regular file; it was not read');
      expect(files.get('loop-a.yaml')?.unread).toBe('symlink loop; it was not read');
      expect(files.get('dangling.yaml')?.unread).toBe('broken symlink (ENOENT); it was not read');
      expect(files.get('dir.yaml')?.unread).toBe('symlink to directory, not a regular file; it was not read');
    });

    it('skips and reports a socket with a manifest\'s name', async () => {
      const dir = tmp.write({}, 'socket');
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(join(dir, 'sock.yaml'), resolve));
      try {
        expect(await readDirectory(dir, defaults)).toEqual([{ path: 'sock.yaml', content: new Uint8Array(0), unread: 'socket, not a regular file; it was not read' }]);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('turns every file it did not read into a parse-error problem at its path, never echoing what a link points at', async () => {
      const model = loadSnapshot(await readDirectory(tree, defaults));
      const problems = model.problems.map((p) => `${p.location.path}:${p.location.line} ${p.message}`);
      expect(problems).toContain('kube.yaml:1 symlink to ' + join(outside, 'kubeconfig.yaml') + ', outside the analyzed directory; it was not read');
      expect(problems).toContain('pipe.yaml:1 FIFO, not a regular file; it was not read');
      expect(problems.join('\n')).not.toContain('SECRET-TOKEN');
      expect(problems.join('\n')).not.toContain('root:');
      expect(model.files).toEqual(['inside.yaml', 'real.yaml', 'sub/other.yaml', 'sub/up.yaml']);
    });

    it('checks the size before reading: a symlink to a 1.5 GB (sparse) file is reported by size, not read', async () => {
      const big = tmp.write({}, 'big');
      writeFileSync(join(big, 'huge.bin'), '');
      truncateSync(join(big, 'huge.bin'), 1.5 * 1024 ** 3);
      symlinkSync('huge.bin', join(big, 'huge.yaml'));
      const started = process.memoryUsage().rss;
      const [file] = await readDirectory(big, defaults, { maxFileBytes: 1024 });
      expect(file).toEqual({ path: 'huge.yaml', content: new Uint8Array(0), size: 1.5 * 1024 ** 3 });
      expect(process.memoryUsage().rss - started).toBeLessThan(256 * 1024 ** 2);
      expect(loadSnapshot([file], { maxFileBytes: 1024 }).problems[0].message).toBe('file is 1610612736 bytes, over the 1024-byte limit for manifests; it was not read');
    });

    it('reads a file up to the limit exactly, and one byte more is over it', async () => {
      const edge = tmp.write({ 'fits.yaml': 'x'.repeat(100), 'over.yaml': 'x'.repeat(101) }, 'edge');
      const files = await readDirectory(edge, defaults, { maxFileBytes: 100 });
      expect(files.map((f) => [f.path, f.content.length, f.size])).toEqual([['fits.yaml', 100, undefined], ['over.yaml', 0, 101]]);
    });
  });

  it('counts the files of a tree before any include/exclude, .git aside', () => {
    const counted = tmp.write({ 'a.yaml': '', 'b/c.json': '', 'b/readme.md': '', '.git/config': '', 'node_modules/x.yml': '' }, 'count');
    mkdirSync(join(counted, 'empty'));
    expect(countFiles(counted)).toEqual({ files: 4, manifests: 3, capped: false });
  });

  it('fails with a SourceError for a missing directory or a file', async () => {
    await expect(readDirectory(join(tmp.root, 'missing'), defaults)).rejects.toThrow(SourceError);
    await expect(readDirectory(join(root, 'README.md'), defaults)).rejects.toThrow(/not a directory/);
  });
});

describe('pathFilter', () => {
  it('prunes directories only when an exclude glob covers everything under them', () => {
    const filter = pathFilter({ include: [], exclude: [...DEFAULT_EXCLUDE, 'generated/*'] });
    expect(filter.prunes('node_modules')).toBe(true);
    expect(filter.prunes('a/b/node_modules')).toBe(true);
    expect(filter.prunes('chart/templates')).toBe(true);
    // `generated/*` excludes the files directly in it, not those in its subdirectories.
    expect(filter.prunes('generated')).toBe(false);
    expect(filter.file('generated/x.yaml')).toBe(false);
    expect(filter.file('generated/sub/x.yaml')).toBe(true);
  });
});

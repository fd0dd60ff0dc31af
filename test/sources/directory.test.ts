import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUDE } from '../../src/config/config.js';
import { readDirectory } from '../../src/sources/directory.js';
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

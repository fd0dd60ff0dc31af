import { describe, expect, it } from 'vitest';
import { readSide } from '../../src/sources/index.js';
import { tempDir } from '../helpers/temp.js';

const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n';

describe('readSide on a directory', () => {
  const repo = tempDir();
  repo.write({ 'k8s/prod/a.yaml': manifest, 'k8s/prod/skip/b.yaml': manifest, 'other/c.yaml': manifest });
  const selection = { include: ['k8s/**'], exclude: ['k8s/prod/skip/**'] };

  it('matches the globs against repository paths when the directory is inside the repository', async () => {
    const side = await readSide('k8s/prod', { cwd: repo.root, repo: '.', root: '.', selection });
    expect(side.files.map((f) => f.path)).toEqual(['a.yaml']);
    expect(side.displayPrefix).toBe('k8s/prod/');
  });

  it('matches them against paths relative to the directory when it is the repository root or outside it', async () => {
    const atRoot = await readSide('.', { cwd: repo.root, repo: '.', root: '.', selection });
    expect(atRoot.files.map((f) => f.path)).toEqual(['k8s/prod/a.yaml']);
    const outside = tempDir();
    outside.write({ 'k8s/d.yaml': manifest, 'e.yaml': manifest });
    const elsewhere = await readSide(outside.root, { cwd: repo.root, repo: '.', root: '.', selection });
    expect(elsewhere.files.map((f) => f.path)).toEqual(['k8s/d.yaml']);
  });

  it('says how the side was read: the files selected, and what the tree held when the selection left nothing', async () => {
    const read = await readSide('k8s/prod', { cwd: repo.root, repo: '.', root: '.', selection, configFile: '.github/segguard.yml' });
    expect(read.census).toEqual({
      description: 'directory k8s/prod', selected: 1, selection, globsFrom: '.github/segguard.yml', location: { path: '.github/segguard.yml', line: 1 },
    });
    const none = await readSide('other', { cwd: repo.root, repo: '.', root: '.', selection });
    expect(none.census).toEqual({
      description: 'directory other', selected: 0, tree: { files: 1, manifests: 1, capped: false }, selection, globsFrom: 'the defaults',
      location: { path: 'other', line: 1 },
    });
  });
});

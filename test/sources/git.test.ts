import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUDE } from '../../src/config/config.js';
import { readGitTree, resolveCommit, type BlobCache } from '../../src/sources/git.js';
import { readSide, SourceError } from '../../src/sources/index.js';
import { git, tempDir } from '../helpers/temp.js';

const selection = { include: [], exclude: DEFAULT_EXCLUDE };
const text = (content: string | Uint8Array) => Buffer.from(content as Uint8Array).toString('utf8');

describe('git sources', () => {
  const tmp = tempDir();
  const repo = tmp.write({
    'k8s/netpol.yaml': 'v: 1\n',
    'k8s/same-a.yaml': 'same: true\n',
    'k8s/same-b.yaml': 'same: true\n',
    'k8s/binary.yaml': new Uint8Array([0x61, 0x00, 0x0a, 0xff, 0x62]),
    'chart/templates/x.yaml': 'templated: {{ x }}\n',
    'docs/readme.md': '# docs',
    'name with spaces/é.yaml': 'w: 1\n',
  }, 'repo');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'first');
  const first = git(repo, 'rev-parse', 'HEAD').trim();
  tmp.write({ 'k8s/netpol.yaml': 'v: 2\n', 'k8s/new.json': '{"a": 1}' }, 'repo');
  git(repo, 'rm', '-q', 'k8s/same-b.yaml');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'second');
  // The working tree differs from both commits: refs must be read from git objects, not from disk.
  tmp.write({ 'k8s/netpol.yaml': 'v: uncommitted\n' }, 'repo');

  it('resolves refs to commits and says undefined for an unknown ref', async () => {
    expect(await resolveCommit(repo, 'HEAD~1')).toBe(first);
    expect(await resolveCommit(repo, 'main')).toMatch(/^[0-9a-f]{40}$/);
    expect(await resolveCommit(repo, 'no-such-branch')).toBeUndefined();
    expect(await resolveCommit(repo, '--output=x')).toBeUndefined();
  });

  it('reads the manifest files of a commit from git objects, bytes intact, selection applied', async () => {
    const { files, tree } = await readGitTree(repo, first, selection);
    // The whole tree before the selection: chart/templates/ and the README count, as files.
    expect(tree).toEqual({ files: 7, manifests: 6 });
    expect(files.map((f) => f.path)).toEqual(['k8s/binary.yaml', 'k8s/netpol.yaml', 'k8s/same-a.yaml', 'k8s/same-b.yaml', 'name with spaces/é.yaml']);
    expect(text(files[1].content)).toBe('v: 1\n');
    expect([...(files[0].content as Uint8Array)]).toEqual([0x61, 0x00, 0x0a, 0xff, 0x62]);
    expect(text(files[2].content)).toBe('same: true\n');
    expect(text(files[3].content)).toBe('same: true\n');
    const { files: head } = await readGitTree(repo, 'HEAD', { include: ['k8s/**'], exclude: ['**/*.json'] });
    expect(head.map((f) => [f.path, text(f.content)])).toEqual([
      ['k8s/binary.yaml', 'a\0\n\ufffdb'], ['k8s/netpol.yaml', 'v: 2\n'], ['k8s/same-a.yaml', 'same: true\n'],
    ]);
  });

  it('reads each blob once across both sides when they share a blob cache', async () => {
    const blobs: BlobCache = new Map();
    const { files: before } = await readGitTree(repo, first, selection, blobs);
    const { files: after } = await readGitTree(repo, 'HEAD', selection, blobs);
    const unchanged = (files: typeof before) => files.find((f) => f.path === 'k8s/same-a.yaml')?.content;
    expect(unchanged(after)).toBe(unchanged(before));
    expect(text(after.find((f) => f.path === 'k8s/netpol.yaml')?.content as Uint8Array)).toBe('v: 2\n');
    // 5 distinct blobs in the first commit (same-a and same-b share one), 2 new ones in the second.
    expect(blobs.size).toBe(6);
  });

  it('shares blobs between two sides read at the same time', async () => {
    const blobs: BlobCache = new Map();
    const [{ files: before }, { files: after }] = await Promise.all([
      readGitTree(repo, first, selection, blobs), readGitTree(repo, 'HEAD', selection, blobs),
    ]);
    const unchanged = (files: typeof before) => files.find((f) => f.path === 'k8s/same-a.yaml')?.content;
    // One buffer: whichever side listed it first read it, the other waited for that read.
    expect(unchanged(after)).toBe(unchanged(before));
    expect(text(after.find((f) => f.path === 'k8s/netpol.yaml')?.content as Uint8Array)).toBe('v: 2\n');
    expect(blobs.size).toBe(6);
  });

  it('reads a path that exists as a directory and anything else as a ref', async () => {
    const ref = await readSide('HEAD~1', { cwd: repo, repo: '.', selection });
    expect(ref.description).toContain(first.slice(0, 12));
    expect(ref.displayPrefix).toBe('');
    expect(ref.files.find((f) => f.path === 'k8s/netpol.yaml')?.content).toBeDefined();
    const dir = await readSide('k8s', { cwd: repo, repo: '.', selection });
    expect(dir.displayPrefix).toBe('k8s/');
    expect(text(dir.files.find((f) => f.path === 'netpol.yaml')?.content as Uint8Array)).toBe('v: uncommitted\n');
  });

  it('fails with a one-line SourceError for what is neither, or outside a repository', async () => {
    await expect(readSide('nope', { cwd: repo, repo: '.', selection })).rejects.toThrow(/nope is neither a directory nor a git ref/);
    const notRepo = tmp.write({}, 'plain');
    await expect(readSide('HEAD', { cwd: notRepo, repo: '.', selection })).rejects.toThrow(SourceError);
    await expect(readSide('HEAD', { cwd: notRepo, repo: '.', selection })).rejects.toThrow(`HEAD is neither a directory nor a git ref (${notRepo} is not a git repository)`);
  });
});

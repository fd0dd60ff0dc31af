import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The pull request of test/fixtures/app (base and head sides) as GitHub's API shows it: trees, blobs, files. */

const FIXTURES = join(import.meta.dirname, '../fixtures/app');

export interface SourceFileFixture {
  path: string;
  sha: string;
  text: string;
}

/** The SHA git gives a blob with this text. */
export const blobSha = (text: string) => createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0${text}`).digest('hex');

/** A fixture side as git stores it: tree entries with real blob SHAs, and the texts by SHA. */
function side(name: 'base' | 'head') {
  const root = join(FIXTURES, name);
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  const files = walk(root).sort().map((file) => {
    const text = readFileSync(file, 'utf8');
    return { path: relative(root, file), sha: blobSha(text), text } satisfies SourceFileFixture;
  });
  return {
    files,
    tree: files.map((f) => ({ path: f.path, mode: '100644', type: 'blob', sha: f.sha, size: Buffer.byteLength(f.text) })),
    sha: (path: string) => files.find((f) => f.path === path)!.sha,
  };
}

export const base = side('base');
export const head = side('head');
export const blobTexts = new Map([...base.files, ...head.files].map((f) => [f.sha, f.text]));

/** A GitHub `patch` adding the whole head file. */
function added(path: string) {
  const lines = head.files.find((f) => f.path === path)!.text.replace(/\n$/, '').split('\n');
  return { filename: path, status: 'added', patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}` };
}

export const PR_FILES = [
  { filename: 'k8s/deny.yaml', status: 'modified', patch: '@@ -8,3 +8,5 @@ spec:\n   podSelector: {}\n   policyTypes:\n     - Ingress\n+  ingress:\n+    - {}' },
  added('k8s/broken.yaml'),
  added('legacy/old.yaml'),
];


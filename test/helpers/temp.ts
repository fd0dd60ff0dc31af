import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

const made = new Set<string>();
// Registered while the test file imports this module, so it runs after that file whether the directories were
// made at import time, in a hook or inside a test.
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
});

/** A new directory under the system temp dir, removed after the test file that made it. */
export function makeTempDir(prefix = 'segguard-test-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  made.add(root);
  return root;
}

/** A temp directory removed after the test file; `write` creates files (and their folders) under it. */
export function tempDir(): { root: string; write(files: Record<string, string | Uint8Array>, under?: string): string } {
  const root = makeTempDir();
  return {
    root,
    write(files, under = '') {
      const base = join(root, under);
      mkdirSync(base, { recursive: true });
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(base, path)), { recursive: true });
        writeFileSync(join(base, path), content);
      }
      return base;
    },
  };
}

/** Runs git in `repo` with a fixed identity and no user or system configuration. */
export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  });
}

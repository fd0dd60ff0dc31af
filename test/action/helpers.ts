import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import { makeTempDir } from '../helpers/temp.js';

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' } }).trim();
}

function write(dir: string, files: Record<string, string | null>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    if (content === null) execFileSync('git', ['rm', '-q', path], { cwd: dir });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
}

export interface TestRepo {
  /** The repository with both commits (plays `origin`). */
  origin: string;
  base: string;
  head: string;
}

/** A real git repository: a base commit on master, and a head commit on patch-1 (null deletes a file). */
export function makeRepo(base: Record<string, string>, head: Record<string, string | null>): TestRepo {
  const origin = makeTempDir('segguard-origin-');
  git(origin, 'init', '-q', '-b', 'master');
  git(origin, 'config', 'user.email', 'ci@example.com');
  git(origin, 'config', 'user.name', 'ci');
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  write(origin, base);
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'base');
  const baseSha = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-q', '-b', 'patch-1');
  write(origin, head);
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'head');
  const headSha = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-q', 'master');
  return { origin, base: baseSha, head: headSha };
}

/** A depth-1 clone of master, as actions/checkout leaves it: the head commit is not in it. */
export function shallowClone(repo: TestRepo): string {
  const dir = makeTempDir('segguard-ws-');
  execFileSync('git', ['clone', '-q', '--depth=1', '--branch', 'master', `file://${repo.origin}`, dir]);
  return dir;
}

/** A repository with `origin` set and no commits yet. */
export function emptyRepo(repo: TestRepo): string {
  const dir = makeTempDir('segguard-ws-');
  git(dir, 'init', '-q');
  git(dir, 'remote', 'add', 'origin', `file://${repo.origin}`);
  return dir;
}

export function gitIn(dir: string, ...args: string[]): string {
  return git(dir, ...args);
}

type Example = { name: string; examples: Record<string, unknown>[] };

/** A webhook payload from @octokit/webhooks-examples with the test repository's commits. */
export function prPayload(action: string, repo: TestRepo): Record<string, unknown> {
  const example = (examples as Example[]).find((e) => e.name === 'pull_request')!.examples.find((e) => e.action === action)!;
  const payload = structuredClone(example) as { pull_request: { base: { sha: string }; head: { sha: string } } };
  payload.pull_request.base.sha = repo.base;
  payload.pull_request.head.sha = repo.head;
  return payload as unknown as Record<string, unknown>;
}

/** A `pull_request_review` payload from @octokit/webhooks-examples (its pull request) with the test repository's commits. */
export function reviewPayload(action: 'submitted' | 'dismissed', repo: TestRepo): Record<string, unknown> {
  const example = (examples as Example[]).find((e) => e.name === 'pull_request_review')!.examples.find((e) => e.action === action)!;
  const payload = structuredClone(example) as { pull_request: { base: { sha: string }; head: { sha: string } }; review: { commit_id: string } };
  payload.pull_request.base.sha = repo.base;
  payload.pull_request.head.sha = repo.head;
  payload.review.commit_id = repo.head;
  return payload as unknown as Record<string, unknown>;
}

export function forkPayload(repo: TestRepo): Record<string, unknown> {
  const text = readFileSync(new URL('../fixtures/github/pull_request.fork.json', import.meta.url), 'utf8');
  return JSON.parse(text.replaceAll('BASE_SHA', repo.base).replaceAll('HEAD_SHA', repo.head)) as Record<string, unknown>;
}

export function pushPayload(): Record<string, unknown> {
  return structuredClone((examples as Example[]).find((e) => e.name === 'push')!.examples[0]);
}

/** The runner's environment for one step: inputs, and the files for outputs and the job summary. */
// @actions/core remembers the job summary file of its first write: one file per test process, emptied per step.
const summaryFile = join(makeTempDir('segguard-summary-'), 'summary');

export function stepEnv(inputs: Record<string, string>): { outputFile: string; summaryFile: string; restore: () => void } {
  const outputFile = join(makeTempDir('segguard-step-'), 'output');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const values: Record<string, string> = { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, 'INPUT_TOKEN': 'test-token' };
  for (const [name, value] of Object.entries(inputs)) values[`INPUT_${name.toUpperCase()}`] = value;
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  return {
    outputFile, summaryFile,
    restore: () => {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    },
  };
}

/** `name=value` pairs of a GITHUB_OUTPUT file (heredoc format). */
export function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const text = readFileSync(file, 'utf8');
  const re = /^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]] = m[3];
  return out;
}

export const MANIFESTS = {
  deny: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`,
  api: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
    - from:
        - podSelector: {matchLabels: {app: web}}
`,
  ingress: (i: number, name = `web-${i}`) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: shop
spec:
  rules:
    - host: shop${i}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: web, port: {number: 80}}
`,
};

export const OPENED_API = MANIFESTS.api.replace('        - podSelector: {matchLabels: {app: web}}', '        - namespaceSelector: {}');

/** The PR files list GitHub would return for the two commits: status and hunk-only `patch`, from git itself. */
export function pullFiles(repo: TestRepo): { filename: string; status: string; patch: string }[] {
  const statuses: Record<string, string> = { A: 'added', D: 'removed', M: 'modified' };
  return git(repo.origin, 'diff', '--name-status', repo.base, repo.head).split('\n').filter(Boolean).map((line) => {
    const [status, filename] = line.split('\t');
    const diff = git(repo.origin, 'diff', '--unified=3', repo.base, repo.head, '--', filename);
    return { filename, status: statuses[status], patch: diff.slice(diff.indexOf('@@')) };
  });
}

/** What `GET /git/trees/{sha}?recursive=1` answers for a commit of the test repository. */
export function apiTree(repo: TestRepo, commit: string): { sha: string; truncated: boolean; tree: object[] } {
  const tree = git(repo.origin, 'ls-tree', '-r', '-l', commit).split('\n').filter(Boolean).map((line) => {
    const [meta, path] = line.split('\t');
    const [mode, type, sha, size] = meta.trim().split(/\s+/);
    return { path, mode, type, sha, size: Number(size) };
  });
  return { sha: commit, truncated: false, tree };
}

/** A GraphQL answer to the contents reader's blob query, read from the test repository's objects. */
export function graphqlBlobs(repo: TestRepo): (body: unknown) => object {
  return (body) => {
    const { variables } = body as { variables: Record<string, string> };
    const repository: Record<string, object> = {};
    for (const [name, sha] of Object.entries(variables)) {
      if (/^o\d+$/.test(name)) repository[`b${name.slice(1)}`] = { text: git(repo.origin, 'cat-file', 'blob', sha) + '\n', isBinary: false, isTruncated: false };
    }
    return { data: { repository } };
  };
}

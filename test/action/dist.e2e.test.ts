import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { openApiViolations } from '../github/helpers/openapi.js';
import { MANIFESTS, makeRepo, OPENED_API, OWNER, prPayload, pullFiles, readOutputs, REPO } from './helpers.js';
import { makeTempDir } from '../helpers/temp.js';

const DIST = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const R = `/repos/${OWNER}/${REPO}`;

interface Seen {
  method: string;
  path: string;
  body?: unknown;
  auth?: string;
}

/** A stand-in for api.github.com on 127.0.0.1: fixed answers per route, every request recorded and checked. */
function standIn(routes: Record<string, { status: number; body: unknown }>): Promise<{ server: Server; url: string; seen: Seen[]; violations: string[] }> {
  const seen: Seen[] = [];
  const violations: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? JSON.parse(text) as unknown : undefined;
      const path = req.url ?? '';
      seen.push({ method: req.method ?? '', path, ...(body === undefined ? {} : { body }), auth: req.headers.authorization });
      violations.push(...openApiViolations(req.method ?? '', path, body));
      const route = routes[`${req.method} ${path}`] ?? { status: 404, body: { message: 'Not Found' } };
      res.writeHead(route.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(route.body));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    resolve({ server, url: `http://127.0.0.1:${port}`, seen, violations });
  }));
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

it('runs the committed dist/index.js as GitHub runs it, against a local stand-in for the API', async () => {
  const repo = makeRepo(
    { 'k8s/deny.yaml': MANIFESTS.deny, 'k8s/api.yaml': MANIFESTS.api },
    { 'k8s/deny.yaml': null, 'k8s/api.yaml': OPENED_API, 'k8s/ingress.yaml': MANIFESTS.ingress(1) },
  );
  const page = 'per_page=100&page=1';
  const api = await standIn({
    [`POST ${R}/check-runs`]: { status: 201, body: { id: 41, html_url: 'https://github.com/x/runs/41' } },
    [`GET ${R}/pulls/2/files?${page}`]: { status: 200, body: pullFiles(repo) },
    [`GET ${R}/pulls/2/comments?${page}`]: { status: 200, body: [] },
    [`POST ${R}/pulls/2/reviews`]: { status: 200, body: { id: 42 } },
    [`GET ${R}/issues/2/comments?${page}`]: { status: 200, body: [] },
    [`POST ${R}/issues/2/comments`]: { status: 201, body: { id: 43 } },
  });
  server = api.server;
  const dir = makeTempDir('segguard-runner-');
  const files = { event: join(dir, 'event.json'), output: join(dir, 'output'), summary: join(dir, 'summary'), sarif: 'segguard.sarif' };
  writeFileSync(files.event, JSON.stringify(prPayload('synchronize', repo)));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');

  const env = {
    PATH: process.env.PATH ?? '', HOME: dir,
    GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: files.event, GITHUB_WORKSPACE: repo.origin,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_SHA: 'f'.repeat(40), GITHUB_API_URL: api.url, GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary,
    INPUT_TOKEN: 'ghs_e2e', INPUT_CONFIG: '.github/segguard.yml', 'INPUT_FAIL-ON': 'high', INPUT_COMMENT: 'review', INPUT_ANNOTATIONS: 'true',
    INPUT_PATHS: '', 'INPUT_SARIF-FILE': files.sarif, INPUT_BASE: '', INPUT_HEAD: '', 'INPUT_REVIEW-EVENT': 'COMMENT',
  };
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(process.execPath, [DIST], { env, cwd: repo.origin, timeout: 60_000 }, (error, out) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: out });
    });
  });

  expect(api.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
    `POST ${R}/check-runs`, `GET ${R}/pulls/2/files?${page}`, `GET ${R}/pulls/2/comments?${page}`,
    `POST ${R}/pulls/2/reviews`, `GET ${R}/issues/2/comments?${page}`, `POST ${R}/issues/2/comments`,
  ]);
  expect(api.violations).toEqual([]);
  expect(new Set(api.seen.map((r) => r.auth))).toEqual(new Set(['token ghs_e2e']));
  const check = api.seen[0].body as { head_sha: string; name: string; conclusion: string };
  expect([check.name, check.head_sha, check.conclusion]).toEqual(['segguard', repo.head, 'failure']);
  const review = api.seen[3].body as { comments: { path: string; side: string; line: number }[] };
  expect(review.comments).toEqual(expect.arrayContaining([
    expect.objectContaining({ path: 'k8s/deny.yaml', side: 'LEFT', line: 1 }),
    expect.objectContaining({ path: 'k8s/api.yaml', side: 'RIGHT', line: 11 }),
  ]));

  expect(code).toBe(1);
  expect(stdout).toContain('::error::segguard: findings at or above "high"');
  const outputs = readOutputs(files.output);
  expect(outputs.conclusion).toBe('failure');
  expect(outputs['sarif-file']).toBe(join(repo.origin, files.sarif));
  expect(JSON.parse(readFileSync(outputs['sarif-file'], 'utf8')).version).toBe('2.1.0');
  // The job summary is the verdict-first report, with the findings table folded.
  const summary = readFileSync(files.summary, 'utf8');
  expect(summary.split('\n')[0]).toMatch(/^### ❌ Blocks merge: /);
  expect(summary).toMatch(/<details><summary>All \d+ findings, worst first<\/summary>/);
});

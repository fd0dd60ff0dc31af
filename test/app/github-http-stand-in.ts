import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blobSha, base as fixtureBase, head as fixtureHead, PR_FILES } from './fixture-pr.js';

/**
 * GitHub Enterprise's API as the App's processes use it, over real HTTP (GHE_HOST/GHE_PROTOCOL point at it):
 * installation tokens, the default-branch configuration (none), compare, trees, GraphQL blobs, check runs, the
 * pull request's files, review comments, reviews and issue comments, all kept in memory so that a test can read
 * what every pull request ended with. Every pull request holds the same change, test/fixtures/app's unless
 * the options give other sides: commits whose SHA starts with `b` are its base, any other its head.
 */

export interface CheckRun {
  id: number;
  headSha: string;
  /** When it was created and completed (ms, performance.now()). */
  createdAt: number;
  completedAt?: number;
  /** Every status and conclusion the run went through, in order (`queued`, `in_progress`, `completed:success`…). */
  states: string[];
  title?: string;
  summary?: string;
}

export interface ReviewComment {
  id: number;
  pullNumber: number;
  path: string;
  line: number;
  body: string;
}

interface Options {
  /** Added to every answer: jobs last long enough for a test to kill a process in the middle of one. */
  latencyMs: number;
  /** Answers the first compare of every n-th head with 502 (the App retries GitHub's 5xx). */
  failEveryNthCompare?: number;
  /** The pull requests' two sides (default: test/fixtures/app) and their `GET …/pulls/{n}/files`. */
  sides?: { base: { path: string; content: string }[]; head: { path: string; content: string }[]; files: unknown[] };
}

function treeOf(files: { path: string; content: string }[]) {
  return files.map((f) => ({ path: f.path, mode: '100644', type: 'blob', sha: blobSha(f.content), size: Buffer.byteLength(f.content) }));
}

export class GitHubHttpStandIn {
  readonly checkRuns = new Map<number, CheckRun>();
  readonly reviewComments: ReviewComment[] = [];
  readonly issueComments = new Map<number, { id: number; body: string }[]>();
  readonly injected502: string[] = [];
  /** What `GET …/pulls?state=open` lists (one installation, one repository: acme/platform). */
  readonly openPullRequests: { number: number; headSha: string; draft?: boolean }[] = [];
  #server?: Server;
  #nextId = 1;
  #compares = 0;
  readonly #failed = new Set<string>();
  readonly #trees: { base: unknown[]; head: unknown[] };
  readonly #blobs: Map<string, string>;
  readonly #files: unknown[];

  constructor(readonly options: Options) {
    const sides = options.sides ?? {
      base: fixtureBase.files.map((f) => ({ path: f.path, content: f.text })), head: fixtureHead.files.map((f) => ({ path: f.path, content: f.text })), files: PR_FILES,
    };
    this.#trees = { base: treeOf(sides.base), head: treeOf(sides.head) };
    this.#blobs = new Map([...sides.base, ...sides.head].map((f) => [blobSha(f.content), f.content]));
    this.#files = sides.files;
  }

  async start(): Promise<string> {
    this.#server = createServer((request, response) => void this.#answer(request, response));
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }

  /** The runs of one commit. */
  runsOf(sha: string): CheckRun[] {
    return [...this.checkRuns.values()].filter((r) => r.headSha === sha);
  }

  async #answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    const url = new URL(request.url!, 'http://stand-in');
    await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    const [status, answer] = this.#route(request.method!, decodeURIComponent(url.pathname), body);
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }

  #route(method: string, path: string, body: Record<string, unknown>): [number, unknown] {
    let m: RegExpMatchArray | null;
    if (method === 'POST' && /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return [201, { token: 'installation-token', expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {}, repository_selection: 'all' }];
    }
    if (method === 'POST' && path === '/api/graphql') {
      const variables = body.variables as Record<string, string>;
      const repository = Object.fromEntries(Object.entries(variables).filter(([k]) => /^o\d+$/.test(k))
        .map(([k, sha]) => [`b${k.slice(1)}`, { text: this.#blobs.get(sha), isBinary: false, isTruncated: false }]));
      return [200, { data: { repository } }];
    }
    if (method === 'GET' && path === '/api/v3/app') return [200, { id: 1, slug: 'segguard' }];
    if (method === 'GET' && path === '/api/v3/app/installations') return [200, [{ id: 1 }]];
    if (method === 'GET' && path === '/api/v3/installation/repositories') {
      return [200, { total_count: 1, repositories: [{ name: 'platform', full_name: 'acme/platform', owner: { login: 'acme' } }] }];
    }
    if (!(m = path.match(/^\/api\/v3\/repos\/[^/]+\/[^/]+\/(.+)$/))) return [404, { message: 'Not Found' }];
    const rest = m[1];
    if (method === 'GET' && rest.startsWith('contents/')) return [404, { message: 'Not Found' }];
    if (method === 'GET' && (m = rest.match(/^compare\/(\w+)\.\.\.(\w+)$/))) {
      const every = this.options.failEveryNthCompare;
      if (every && !this.#failed.has(m[2]) && ++this.#compares % every === 0) {
        this.#failed.add(m[2]);
        this.injected502.push(m[2]);
        return [502, { message: 'Bad Gateway' }];
      }
      return [200, { merge_base_commit: { sha: m[1] } }];
    }
    if (method === 'GET' && (m = rest.match(/^git\/trees\/(\w+)$/))) {
      return [200, { sha: m[1], truncated: false, tree: m[1].startsWith('b') ? this.#trees.base : this.#trees.head }];
    }
    if (method === 'POST' && rest === 'check-runs') {
      const run: CheckRun = { id: this.#nextId++, headSha: String(body.head_sha), states: [], createdAt: performance.now() };
      this.checkRuns.set(run.id, run);
      return [201, this.#update(run, body)];
    }
    if (method === 'GET' && (m = rest.match(/^commits\/(\w+)\/check-runs$/))) {
      // The newest run of the commit (the App asks with check_name=segguard and filter=latest).
      const runs = this.runsOf(m[1]).slice(-1);
      return [200, { total_count: runs.length, check_runs: runs.map((r) => ({ id: r.id, name: 'segguard', status: r.states.at(-1)!.split(':')[0] })) }];
    }
    if (method === 'PATCH' && (m = rest.match(/^check-runs\/(\d+)$/))) {
      const run = this.checkRuns.get(Number(m[1]));
      return run ? [200, this.#update(run, body)] : [404, { message: 'Not Found' }];
    }
    if (method === 'GET' && rest === 'pulls') {
      return [200, this.openPullRequests.map((pr) => ({
        number: pr.number, state: 'open', draft: pr.draft ?? false, updated_at: new Date().toISOString(),
        base: { sha: `b${String(pr.number).padStart(39, '0')}` }, head: { sha: pr.headSha },
      }))];
    }
    if (method === 'GET' && (m = rest.match(/^pulls\/(\d+)\/files$/))) return [200, this.#files];
    if (method === 'GET' && (m = rest.match(/^pulls\/(\d+)\/comments$/))) {
      const pullNumber = Number(m[1]);
      return [200, this.reviewComments.filter((c) => c.pullNumber === pullNumber)
        .map((c) => ({ id: c.id, path: c.path, line: c.line, body: c.body, user: { login: 'segguard[bot]', type: 'Bot' } }))];
    }
    if (method === 'POST' && (m = rest.match(/^pulls\/(\d+)\/reviews$/))) {
      const pullNumber = Number(m[1]);
      for (const c of (body.comments ?? []) as { path: string; line: number; body: string }[]) {
        this.reviewComments.push({ id: this.#nextId++, pullNumber, path: c.path, line: c.line, body: c.body });
      }
      return [200, { id: this.#nextId++ }];
    }
    if ((m = rest.match(/^issues\/(\d+)\/comments$/))) {
      const comments = this.issueComments.get(Number(m[1])) ?? [];
      this.issueComments.set(Number(m[1]), comments);
      if (method === 'GET') return [200, comments.map((c) => ({ ...c, user: { login: 'segguard[bot]', type: 'Bot' } }))];
      const comment = { id: this.#nextId++, body: String(body.body) };
      comments.push(comment);
      return [201, comment];
    }
    if (method === 'PATCH' && (m = rest.match(/^issues\/comments\/(\d+)$/))) {
      const comment = [...this.issueComments.values()].flat().find((c) => c.id === Number(m![1]));
      if (comment) comment.body = String(body.body);
      return comment ? [200, comment] : [404, { message: 'Not Found' }];
    }
    return [404, { message: `the stand-in does not know ${method} ${path}` }];
  }

  #update(run: CheckRun, body: Record<string, unknown>): unknown {
    const output = body.output as { title?: string; summary?: string } | undefined;
    run.states.push(body.status === 'completed' ? `completed:${String(body.conclusion)}` : String(body.status));
    if (body.status === 'completed') run.completedAt ??= performance.now();
    if (output?.title) run.title = output.title;
    if (output?.summary) run.summary = output.summary;
    return { id: run.id, html_url: `http://stand-in/runs/${run.id}` };
  }
}

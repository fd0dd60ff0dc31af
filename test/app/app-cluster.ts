import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The App as it is deployed, for the multi-instance test and `npm run bench:app`: a real redis-server on a free
 * loopback port, the bundled `dist/app.js` and `dist/worker.js` (built into a temporary directory) as separate
 * processes, and GitHub's signed webhooks sent over HTTP.
 */

const ROOT = join(import.meta.dirname, '../..');
export const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
export const WEBHOOK_SECRET = 'multi-instance-secret';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, timeoutMs: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
export { until };

/** A throwaway redis-server on a free loopback port, nothing written to disk. */
export async function startRedisServer(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const redis = spawn(REDIS_SERVER!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  redis.stdout!.on('data', (chunk: Buffer) => { out += chunk.toString('utf8'); });
  await until('redis-server to accept connections', 20_000, () => out.includes('Ready to accept connections'));
  return { url: `redis://127.0.0.1:${port}`, stop: () => redis.kill() };
}

/** One process of the cluster, its JSON log lines kept for the test. */
export class AppProcess {
  readonly lines: Record<string, unknown>[] = [];
  readonly #child: ChildProcess;
  #exited = false;

  constructor(readonly name: string, script: string, env: NodeJS.ProcessEnv, readonly port?: number) {
    this.#child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let rest = '';
    this.#child.stdout!.on('data', (chunk: Buffer) => {
      const text = rest + chunk.toString('utf8');
      const lines = text.split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        try {
          this.lines.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          this.lines.push({ msg: line });
        }
      }
    });
    this.#child.stderr!.on('data', (chunk: Buffer) => this.lines.push({ msg: chunk.toString('utf8'), stderr: true }));
    this.#child.on('exit', () => { this.#exited = true; });
  }

  logged(message: string): Record<string, unknown>[] {
    return this.lines.filter((l) => typeof l.msg === 'string' && l.msg.includes(message));
  }

  /** Job ids whose latest attempt in this process started and has not finished. */
  running(): string[] {
    const running = new Set<string>();
    for (const line of this.lines) {
      if (line.msg === 'segguard: job started') running.add(String(line.jobId));
      if (line.msg === 'segguard: job finished') running.delete(String(line.jobId));
    }
    return [...running];
  }

  ready(message: string, timeoutMs = 60_000): Promise<unknown> {
    return until(`${this.name}: "${message}" (log: ${JSON.stringify(this.lines.slice(-5))})`, timeoutMs, () => {
      if (this.#exited) throw new Error(`${this.name} exited: ${JSON.stringify(this.lines.slice(-10))}`);
      return this.logged(message).length > 0;
    });
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.#exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.#child.once('exit', () => resolve());
      this.#child.kill(signal);
    });
  }
}

export class AppCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'segguard-cluster-'));
  readonly processes: AppProcess[] = [];
  redisUrl = '';
  #stopRedis?: () => void;
  readonly #privateKey = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;

  /** Bundles the App (as `npm run bundle` does) and starts redis-server. */
  async start(): Promise<void> {
    execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs'), '--outdir', join(this.dir, 'dist')], { cwd: ROOT, stdio: 'inherit' });
    const redis = await startRedisServer();
    this.redisUrl = redis.url;
    this.#stopRedis = redis.stop;
  }

  env(github: string, extra: Record<string, string>): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', LOG_FORMAT: 'json', LOG_LEVEL: 'info',
      APP_ID: '1', PRIVATE_KEY: this.#privateKey, WEBHOOK_SECRET, GHE_HOST: github, GHE_PROTOCOL: 'http',
      REDIS_URL: this.redisUrl, HOST: '127.0.0.1', ...extra,
    };
  }

  async app(name: string, github: string, extra: Record<string, string> = {}): Promise<AppProcess> {
    const port = await freePort();
    const app = new AppProcess(name, join(this.dir, 'dist/app.js'), this.env(github, { PORT: String(port), ...extra }), port);
    this.processes.push(app);
    await app.ready('Listening on');
    return app;
  }

  async worker(name: string, github: string, extra: Record<string, string> = {}): Promise<AppProcess> {
    const worker = new AppProcess(name, join(this.dir, 'dist/worker.js'), this.env(github, extra));
    this.processes.push(worker);
    await worker.ready('worker(s) in this process');
    return worker;
  }

  async stop(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.kill('SIGKILL')));
    this.#stopRedis?.();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface PullRequestEvent {
  action: 'opened' | 'synchronize' | 'closed' | 'converted_to_draft';
  number: number;
  headSha: string;
  /** Orders the pull request's webhooks (GitHub's `updated_at`). */
  updatedAt: Date;
}

const REPOSITORY = { id: 4242, name: 'platform', full_name: 'acme/platform', owner: { login: 'acme', type: 'Organization' } };

export function pullRequestPayload(event: PullRequestEvent): Record<string, unknown> {
  return {
    action: event.action, number: event.number,
    pull_request: {
      number: event.number, state: event.action === 'closed' ? 'closed' : 'open', draft: event.action === 'converted_to_draft',
      updated_at: event.updatedAt.toISOString(),
      base: { sha: `b${String(event.number).padStart(39, '0')}`, ref: 'main', repo: REPOSITORY },
      head: { sha: event.headSha, ref: `feature-${event.number}`, repo: REPOSITORY },
    },
    repository: REPOSITORY, installation: { id: 1 }, sender: { login: 'dev', type: 'User' },
  };
}

/**
 * POSTs a signed webhook (to `/`, the URL Probot's setup flow registers, or WEBHOOK_PATH's default); resolves with
 * the status and how long the App took to answer.
 */
export async function sendWebhook(port: number, name: string, deliveryId: string, payload: unknown, path = '/api/github/webhooks'): Promise<{ status: number; ms: number }> {
  const body = JSON.stringify(payload);
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST', body,
    headers: {
      'content-type': 'application/json', 'x-github-event': name, 'x-github-delivery': deliveryId,
      'x-hub-signature-256': `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`,
    },
  });
  await response.text();
  return { status: response.status, ms: performance.now() - started };
}

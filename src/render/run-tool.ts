import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ToolLimits {
  /** Milliseconds before the tool is killed. */
  timeoutMs: number;
  /** Bytes of standard output before the tool is killed. */
  maxOutputBytes: number;
}

export const DEFAULT_LIMITS: ToolLimits = { timeoutMs: 60_000, maxOutputBytes: 50 * 1024 * 1024 };

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Why the run was cut short (time limit, output cap), in words; absent when the tool ran to its end. */
  killed?: string;
  /** The tool's executable was not found. */
  missing?: boolean;
  ms: number;
}

/** A port nothing listens on (the discard port of the loopback address): every proxied request fails at once. */
const NO_NETWORK_PROXY = 'http://127.0.0.1:9';

/** Bytes of standard error kept: enough for any message, bounded against a tool that floods it. */
const MAX_STDERR = 64 * 1024;

/**
 * The environment of a renderer: PATH and nothing else from the caller (no token, no proxy, no kubeconfig), with
 * HOME, the XDG and HELM_* directories inside a temporary directory so that no user configuration, cache or
 * repository list is read or written. Remote references are refused before anything runs; as a second line, git
 * may use no transport and HTTP(S) goes to a proxy that does not exist (both tools are Go programs, which honour it).
 */
export function cleanEnvironment(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_DATA_HOME: join(home, 'data'),
    HELM_CONFIG_HOME: join(home, 'helm-config'),
    HELM_CACHE_HOME: join(home, 'helm-cache'),
    HELM_DATA_HOME: join(home, 'helm-data'),
    KUBECONFIG: join(home, 'kubeconfig'),
    GIT_ALLOW_PROTOCOL: 'none',
    GIT_TERMINAL_PROMPT: '0',
    HTTP_PROXY: NO_NETWORK_PROXY,
    HTTPS_PROXY: NO_NETWORK_PROXY,
    ALL_PROXY: NO_NETWORK_PROXY,
  };
}

/** Runs one tool with a clean environment, a time limit and an output cap; never throws for a failure of the tool. */
export function runTool(command: string, args: readonly string[], options: { cwd: string; home: string; limits: ToolLimits }): Promise<ToolResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: cleanEnvironment(options.home), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let killed: string | undefined;
    const kill = (why: string) => {
      if (killed) return;
      killed = why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill(`it ran longer than the ${Math.round(options.limits.timeoutMs / 1000)} s time limit`), options.limits.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > options.limits.maxOutputBytes) kill(`its output exceeded the ${options.limits.maxOutputBytes}-byte cap`);
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (errBytes < MAX_STDERR) err.push(chunk);
      errBytes += chunk.length;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout: '', stderr: error.message, missing: error.code === 'ENOENT', ms: performance.now() - started });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8').slice(0, MAX_STDERR).trim(),
        ms: performance.now() - started, ...(killed ? { killed } : {}),
      });
    });
  });
}

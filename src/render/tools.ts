import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, isAbsolute, join } from 'node:path';
import { SourceError } from '../sources/source-error.js';
import { runTool, DEFAULT_LIMITS } from './run-tool.js';
import type { RenderTarget, RenderToolName } from './types.js';

/** How a renderer is run: the executable, the arguments before the directory, and its version for the summary. */
export interface Tool {
  name: RenderToolName;
  command: string;
  /** `['build']` for kustomize, `['kustomize']` for kubectl, `['template']` for helm. */
  prefix: string[];
  version: string;
}

export interface ToolPaths {
  kustomize?: string;
  helm?: string;
}

const INSTALL: Record<RenderToolName, string> = {
  kustomize: 'install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl, which has it built in, on PATH, or name it in the configuration (render.tools.kustomize)',
  helm: 'install helm (https://helm.sh/docs/intro/install/) on PATH, or name it in the configuration (render.tools.helm)',
};

/** A renderer a target needs is not there: never a silent pass (the CLI exits 2, the Action and the App fail the check). */
export class MissingToolError extends SourceError {
  constructor(readonly tool: RenderToolName, readonly target: RenderTarget, detail: string) {
    super(`${tool} is needed to render ${target.path === '' ? 'the repository root' : target.path} (${target.declaredAt.path}) and ${detail}: ${INSTALL[tool]}; ` +
      'or set `render: {auto: false}` in the configuration to read the files as plain manifests');
  }
}

/** The first executable named `name` on PATH. */
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const full = join(dir, name);
    try {
      accessSync(full, constants.X_OK);
      return full;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds and versions the renderers, once per run: the configured path, else `kustomize` (else `kubectl`, which
 * has it built in) and `helm` on PATH. A tool that is not there is an error naming the first target that needs it.
 */
export class Tools {
  private readonly found = new Map<RenderToolName, Promise<Tool | string>>();

  constructor(private readonly paths: ToolPaths = {}) {}

  /** The tool, or throws MissingToolError naming the target that needs it. */
  async forTarget(target: RenderTarget): Promise<Tool> {
    let pending = this.found.get(target.tool);
    if (!pending) this.found.set(target.tool, (pending = this.resolve(target.tool)));
    const tool = await pending;
    if (typeof tool === 'string') throw new MissingToolError(target.tool, target, tool);
    return tool;
  }

  private async resolve(name: RenderToolName): Promise<Tool | string> {
    const configured = this.paths[name];
    let command: string | undefined;
    if (configured !== undefined) {
      command = isAbsolute(configured) || configured.includes('/') ? configured : onPath(configured);
      if (command === undefined || !executable(command)) return `the configured ${configured} is not an executable`;
    } else {
      command = onPath(name) ?? (name === 'kustomize' ? onPath('kubectl') : undefined);
      if (command === undefined) return `it is not on PATH${name === 'kustomize' ? ' (neither kustomize nor kubectl)' : ''}`;
    }
    const kubectl = name === 'kustomize' && basename(command).startsWith('kubectl');
    const versionArgs = name === 'helm' ? ['version', '--short'] : kubectl ? ['version', '--client'] : ['version'];
    const home = mkdtempSync(join(tmpdir(), 'segguard-tool-'));
    try {
      const result = await runTool(command, versionArgs, { cwd: home, home, limits: { ...DEFAULT_LIMITS, timeoutMs: 20_000 } });
      if (result.missing || result.code !== 0) return `${command} does not run (${result.stderr.split('\n')[0] || `exit ${result.code}`})`;
      const version = /Kustomize Version: (\S+)/.exec(result.stdout)?.[1] ?? /v?\d+\.\d+\.\d+/.exec(result.stdout)?.[0] ?? result.stdout.trim();
      const shown = `${name} ${version.replace(/\+.*$/, '').replace(/^(?!v)/, 'v')}${kubectl ? ' (kubectl kustomize)' : ''}`;
      return { name, command, prefix: name === 'helm' ? ['template'] : kubectl ? ['kustomize'] : ['build'], version: shown };
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }
}

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

/** Where a renderer is and how it is called, found without running it. */
export type LocatedTool = Omit<Tool, 'version'>;

/**
 * Finds and versions the renderers, once per run: the configured path, else `kustomize` (else `kubectl`, which
 * has it built in) and `helm` on PATH. A tool that is not there is an error naming the first target that needs it.
 * Finding is immediate; the version probe runs beside the first renders instead of before them.
 */
export class Tools {
  private readonly located = new Map<RenderToolName, LocatedTool | string>();
  private readonly versions = new Map<RenderToolName, Promise<string | { fails: string }>>();

  constructor(private readonly paths: ToolPaths = {}) {}

  /** The tool's executable and arguments, or throws MissingToolError naming the target that needs it; starts its version probe. */
  locate(target: RenderTarget): LocatedTool {
    let found = this.located.get(target.tool);
    if (found === undefined) this.located.set(target.tool, (found = this.find(target.tool)));
    if (typeof found === 'string') throw new MissingToolError(target.tool, target, found);
    if (!this.versions.has(target.tool)) this.versions.set(target.tool, probe(found));
    return found;
  }

  /** The tool with its version, or throws MissingToolError when it does not run. */
  async forTarget(target: RenderTarget): Promise<Tool> {
    const located = this.locate(target);
    const version = await this.versions.get(target.tool)!;
    if (typeof version !== 'string') throw new MissingToolError(target.tool, target, version.fails);
    return { ...located, version };
  }

  private find(name: RenderToolName): LocatedTool | string {
    const configured = this.paths[name];
    let command: string | undefined;
    if (configured !== undefined) {
      command = isAbsolute(configured) || configured.includes('/') ? configured : onPath(configured);
      if (command === undefined || !executable(command)) return `the configured ${configured} is not an executable`;
    } else {
      command = onPath(name) ?? (name === 'kustomize' ? onPath('kubectl') : undefined);
      if (command === undefined) return `it is not on PATH${name === 'kustomize' ? ' (neither kustomize nor kubectl)' : ''}`;
    }
    const prefix = name === 'helm' ? ['template'] : isKubectl(name, command) ? ['kustomize'] : ['build'];
    return { name, command, prefix };
  }
}

function isKubectl(name: RenderToolName, command: string): boolean {
  return name === 'kustomize' && basename(command).startsWith('kubectl');
}

/** `kustomize v5.6.0 (kubectl kustomize)`, `helm v4.1.4`; or why the tool does not run. */
async function probe({ name, command }: LocatedTool): Promise<string | { fails: string }> {
  const kubectl = isKubectl(name, command);
  const versionArgs = name === 'helm' ? ['version', '--short'] : kubectl ? ['version', '--client'] : ['version'];
  const home = mkdtempSync(join(tmpdir(), 'segguard-tool-'));
  try {
    const result = await runTool(command, versionArgs, { cwd: home, home, limits: { ...DEFAULT_LIMITS, timeoutMs: 20_000 } });
    if (result.missing || result.code !== 0) return { fails: `${command} does not run (${result.stderr.split('\n')[0] || `exit ${result.code}`})` };
    const version = /Kustomize Version: (\S+)/.exec(result.stdout)?.[1] ?? /v?\d+\.\d+\.\d+/.exec(result.stdout)?.[0] ?? result.stdout.trim();
    return `${name} ${version.replace(/\+.*$/, '').replace(/^(?!v)/, 'v')}${kubectl ? ' (kubectl kustomize)' : ''}`;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

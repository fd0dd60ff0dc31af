import { createHash } from 'node:crypto';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import type { DiscoveredTarget, Discovery, Tree } from './discover.js';
import { helmObjects, kustomizeObjects } from './output.js';
import { joinPath } from './paths.js';
import { DEFAULT_LIMITS, runTool, type ToolLimits } from './run-tool.js';
import { locateToolError } from './tool-errors.js';
import { Tools, type LocatedTool, type Tool, type ToolPaths } from './tools.js';
import type { RenderedTarget, RenderTarget, SourceLine } from './types.js';

/** A target that was not rendered (refused, or the tool failed): reported as render-failed at `at`; its objects are not analyzed. */
export interface RenderFailure {
  target: RenderTarget;
  message: string;
  at: SourceLine;
}

/** What rendering one side gave: the rendered targets and the ones that failed. */
export interface RenderedSide {
  targets: RenderedTarget[];
  failures: RenderFailure[];
  /** The tool versions used (`kustomize v5.6.0`), for the summary. */
  tools: string[];
  /** Milliseconds spent inside the tools for this side (a shared render counts once, on the side that ran it). */
  toolMs: number;
}

export interface RendererOptions {
  tools?: ToolPaths;
  limits?: Partial<ToolLimits>;
  /** Targets rendered at once (default: the CPU count). */
  concurrency?: number;
}

type Outcome = { ok: true; rendered: Omit<RenderedTarget, 'target' | 'consumed'>; ms: number } | { ok: false; failure: Omit<RenderFailure, 'target'>; ms: number };

/**
 * Renders the targets of both sides of a change with the real tools. One Renderer serves both sides: a target whose
 * inputs are byte-identical on both (the digest of its tool, options and input files) is rendered once, and all
 * renders share one concurrency limit.
 */
export class Renderer {
  private readonly tools: Tools;
  private readonly limits: ToolLimits;
  /** Tools running at once. */
  private readonly limit: ReturnType<typeof pLimit>;
  /** Renders under way (preparing, running, read): a few ahead of the tools, not every target's files at once. */
  private readonly inFlight: ReturnType<typeof pLimit>;
  private readonly renders = new Map<string, Promise<Outcome>>();

  constructor(options: RendererOptions = {}) {
    this.tools = new Tools(options.tools);
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    const concurrency = options.concurrency ?? availableParallelism();
    this.limit = pLimit(concurrency);
    this.inFlight = pLimit(2 * concurrency);
  }

  /**
   * Renders every discovered target of a side. Throws MissingToolError when a target needs a tool that is not there
   * or does not run (once the other renders are over): a missing renderer is never a silent pass.
   */
  async renderSide(tree: Tree, discovery: Discovery): Promise<RenderedSide> {
    const renderable = discovery.targets.filter((t) => t.refusals.length === 0);
    const side: RenderedSide = { targets: [], failures: [], tools: [], toolMs: 0 };
    for (const t of discovery.targets) {
      for (const r of t.refusals) side.failures.push({ target: t.target, message: r.message, at: { path: r.path, line: r.line, endLine: r.line } });
    }
    // Each target waits for its own tool's version probe only: kustomize renders run while helm is still asked.
    const settled = await Promise.allSettled(renderable.map(async (t) => {
      const located = this.tools.locate(t.target);
      const digest = digestOf(located, t, tree);
      let pending = this.renders.get(digest);
      const ran = !pending;
      if (!pending) this.renders.set(digest, (pending = this.inFlight(() => this.render(located, t, tree, digest))));
      // The render first: it fails itself when its tool does not run, and is awaited here either way.
      const outcome = await pending;
      return { t, tool: await this.tools.forTarget(t.target), outcome, ran };
    }));
    // A missing tool is an error naming the first target (in discovery order) that needs it, once every render is over.
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const outcomes = settled.map((s) => (s as PromiseFulfilledResult<{ t: DiscoveredTarget; tool: Tool; outcome: Outcome; ran: boolean }>).value);
    const versions = new Set<string>();
    for (const { t, tool, outcome, ran } of outcomes) {
      versions.add(tool.version);
      if (ran) side.toolMs += outcome.ms;
      if (outcome.ok) side.targets.push({ ...outcome.rendered, target: t.target, consumed: t.consumed });
      else side.failures.push({ target: t.target, ...outcome.failure });
    }
    side.tools = [...versions].sort();
    return side;
  }

  /**
   * One render. Only running the tool takes one of the concurrency limit's slots: writing its inputs, reading its
   * output and removing its directory happen around it, so the CPUs run tools back to back.
   */
  private async render(located: LocatedTool, discovered: DiscoveredTarget, tree: Tree, digest: string): Promise<Outcome> {
    const dir = await mkdtemp(join(tmpdir(), 'segguard-render-'));
    try {
      const root = join(dir, 'tree');
      const home = join(dir, 'home');
      await mkdir(home);
      // Only the target's inputs are written: the renderer sees nothing else of the side, and never the working tree.
      await Promise.all([...new Set(discovered.inputs.map((path) => dirname(join(root, path))))].map((d) => mkdir(d, { recursive: true })));
      await Promise.all(discovered.inputs.map((path) => writeFile(join(root, path), tree.get(path)!)));
      const { target } = discovered;
      const args = target.tool === 'kustomize' ? await kustomizeArgs(dir, target) : helmArgs(target);
      const result = await this.limit(() => runTool(located.command, [...located.prefix, ...args], { cwd: dir, home, limits: this.limits }));
      // The version probe ran beside the render: a tool that does not run fails here, naming this target.
      const tool = await this.tools.forTarget(target);
      if (result.killed) return { ok: false, ms: result.ms, failure: { message: `${tool.version} was stopped: ${result.killed}`, at: target.declaredAt } };
      if (result.code !== 0) {
        const error = locateToolError(result.stderr || `exit ${result.code}`, root, discovered, tree);
        return { ok: false, ms: result.ms, failure: { message: `${tool.version} failed: ${error.message}`, at: error.at } };
      }
      const objects = target.tool === 'kustomize' ? kustomizeObjects(result.stdout) : helmObjects(result.stdout, target.path);
      return { ok: true, ms: result.ms, rendered: { objects, tool: tool.version, digest } };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/**
 * `kustomize build wrap`, where `wrap/kustomization.yaml` names the target and asks for kustomize's origin and
 * transformer annotations: the target's own kustomization is left as written.
 */
async function kustomizeArgs(dir: string, target: RenderTarget): Promise<string[]> {
  const wrap = join(dir, 'wrap');
  await mkdir(wrap);
  const resource = target.path === '' ? '../tree' : `../tree/${target.path}`;
  await writeFile(join(wrap, 'kustomization.yaml'), `resources:\n- ${JSON.stringify(resource)}\nbuildMetadata: [originAnnotations, transformerAnnotations]\n`);
  return ['wrap'];
}

function helmArgs(target: RenderTarget): string[] {
  const helm = target.helm!;
  const chart = target.path === '' ? 'tree' : `tree/${target.path}`;
  const args = [helm.release, `./${chart}`, '--namespace', helm.namespace];
  for (const v of helm.values) args.push('--values', `tree/${joinPath(target.path, v)}`);
  for (const [key, value] of Object.entries(helm.set)) args.push('--set', `${key}=${value}`);
  if (helm.kubeVersion !== undefined) args.push('--kube-version', helm.kubeVersion);
  for (const a of helm.apiVersions) args.push('--api-versions', a);
  return args;
}

/** The digest of everything a render depends on: the tool, the target's options and the bytes of its inputs. */
function digestOf(tool: LocatedTool, discovered: DiscoveredTarget, tree: Tree): string {
  const hash = createHash('sha256');
  const { target } = discovered;
  hash.update(JSON.stringify([tool.command, tool.prefix, target.tool, target.path, target.helm ?? null]));
  for (const path of discovered.inputs) {
    hash.update(`\0${path}\0`);
    hash.update(createHash('sha256').update(tree.get(path)!).digest());
  }
  return hash.digest('hex');
}

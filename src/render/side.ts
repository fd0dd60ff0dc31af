import type { RenderConfig } from '../config/config.js';
import type { RenderedSnapshot, SourceFile } from '../model/load.js';
import { sourceLocator } from './attribution/source-locator.js';
import { discoverTargets, textOf, type Tree } from './discover.js';
import { Renderer } from './render.js';

/** A side after the render stage: the plain files to read as manifests, and the rendered targets. */
export interface RenderStage {
  /** The selected files that no target consumes and that are no kustomization or Chart.yaml. */
  plain: SourceFile[];
  rendered: RenderedSnapshot;
}

export function rendererFor(config: RenderConfig): Renderer {
  return new Renderer({
    tools: config.tools, limits: { timeoutMs: config.timeoutSeconds * 1000, maxOutputBytes: config.maxOutputBytes },
  });
}

/**
 * Renders the targets of one side (`tree`: all of its files) and keeps the selected files (`selected`) that are
 * still plain manifests. `selects` tells whether a declaration file is inside the selection (include/exclude);
 * `unread`: the files of the tree that were not read, with why.
 */
export async function renderStage(tree: Tree, selected: readonly SourceFile[], config: RenderConfig, renderer: Renderer,
  selects: (path: string) => boolean, unread: ReadonlyMap<string, string> = new Map()): Promise<RenderStage> {
  const discovery = discoverTargets(tree, { auto: config.auto, configured: config.targets, selected: selects });
  // A target rendered without an input it needs (too large to read, a symlink out of the tree) would silently lose
  // objects: it is refused, on that file.
  for (const t of discovery.targets) {
    for (const path of t.inputs) {
      const why = unread.get(path);
      if (why !== undefined) t.refusals.push({ path, line: 1, message: `${path} was not read (${why}), and the target cannot be rendered without it` });
    }
  }
  const side = await renderer.renderSide(tree, discovery);
  // Source lines are only ever looked up in the files the targets read.
  const inputs = new Set(discovery.targets.flatMap((t) => t.inputs));
  const texts = new Map([...inputs].map((path) => [path, textOf(tree.get(path)!)]));
  // The files of a target that did not render are its own (its references cannot be trusted): not plain manifests.
  const failed = new Set(side.failures.map((f) => f.target.path));
  const ofFailed = new Set(discovery.targets.filter((t) => failed.has(t.target.path)).flatMap((t) => t.inputs));
  return {
    plain: selected.filter((f) => !discovery.notPlain.has(f.path) && !ofFailed.has(f.path)),
    rendered: {
      targets: side.targets, failures: side.failures, tools: side.tools, toolMs: side.toolMs,
      texts,
      // Attribution (src/render/attribution): the patch, values key or template line that set a field.
      locator: sourceLocator,
    },
  };
}

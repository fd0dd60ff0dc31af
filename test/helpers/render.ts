import { defaultConfig, renderConfig } from '../../src/config/config.js';
import type { RenderedSnapshot } from '../../src/model/load.js';
import { Renderer } from '../../src/render/render.js';
import { renderStage } from '../../src/render/side.js';
import { renderTools } from './render-tools.js';

/** Renders the targets of a side's files with the real kubectl (kustomize) and helm, as the CLI does. */
export async function rendered(files: Record<string, string>, renderer = toolsRenderer()): Promise<RenderedSnapshot> {
  const tree = new Map(Object.entries(files));
  return (await renderStage(tree, [], renderConfig(defaultConfig()), renderer, () => true)).rendered;
}

export function toolsRenderer(): Renderer {
  const { kubectl, helm } = renderTools();
  return new Renderer({ tools: { kustomize: kubectl, helm } });
}

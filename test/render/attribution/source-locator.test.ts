import { describe, expect, it } from 'vitest';
import { sourceLocator } from '../../../src/render/attribution/source-locator.js';
import type { RenderedObject, RenderTarget } from '../../../src/render/types.js';

describe('sourceLocator', () => {
  it("uses the target's tool", () => {
    const head = new Map([
      ['chart/templates/np.yaml', 'kind: NetworkPolicy\nspec:\n  podSelector: {}\n'],
      ['overlay/kustomization.yaml', 'resources: [np.yaml]\nnamespace: prod\n'],
      ['overlay/np.yaml', 'kind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector: {}\n'],
    ]);
    const declaredAt = { path: 'x', line: 1, endLine: 1 };
    const helm: RenderTarget = { tool: 'helm', path: 'chart', name: 'chart', declaredAt };
    const kustomize: RenderTarget = { tool: 'kustomize', path: 'overlay', name: 'overlay', declaredAt };
    const fromChart: RenderedObject = { text: 'kind: NetworkPolicy\nspec:\n  podSelector: {}\n', source: 'chart/templates/np.yaml', transformations: [] };
    const fromOverlay: RenderedObject = { text: 'kind: NetworkPolicy\nmetadata:\n  name: np\n  namespace: prod\n', source: 'overlay/np.yaml', transformations: [] };
    expect(sourceLocator(fromChart, helm, head).locate(['spec', 'podSelector'])).toEqual({ path: 'chart/templates/np.yaml', line: 3, endLine: 3 });
    expect(sourceLocator(fromOverlay, kustomize, head).locate(['metadata', 'namespace'])).toEqual({ path: 'overlay/kustomization.yaml', line: 2, endLine: 2 });
  });
});

import type { RenderedObject, RenderTarget, SourceLocator } from '../types.js';
import { narrowToChange } from './changed-line.js';
import { helmLocator } from './helm-locator.js';
import { kustomizeLocator } from './kustomize-locator.js';

/**
 * The locator of a rendered object, by the target's tool. `head` is the side whose lines are reported; `base`
 * (the other side) lets Helm point at what changed and kustomize at where a file left the overlays. An object
 * only the base renders (deleted by the pull request) is located with the base's object and the head's tree:
 * the line that removed it. A located span is narrowed to the line of it that the pull request changed.
 */
export function sourceLocator(object: RenderedObject, target: RenderTarget, head: ReadonlyMap<string, string>, base?: ReadonlyMap<string, string>): SourceLocator {
  const locator = target.tool === 'helm' ? helmLocator(object, target, head, base) : kustomizeLocator(object, target, head, base);
  return { locate: (field) => narrowToChange(locator.locate(field), head, base) };
}

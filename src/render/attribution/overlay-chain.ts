import { kustomizationIn, type Kustomization } from './kustomization.js';

/** Kustomizations nest far less deep than this; deeper is a cycle or hostile. */
const MAX_DEPTH = 64;

/**
 * The kustomizations whose transformers and patches ran over an object read from `source`, in the order kustomize
 * applied them (innermost first): the kustomization or component listing the file, the components after it, then
 * each kustomization above it with the components it lists after the way in, up to the target's own.
 * Undefined when no path from the target reaches the file.
 */
export function overlayChain(targetDir: string, source: string, tree: ReadonlyMap<string, string>): Kustomization[] | undefined {
  const root = kustomizationIn(targetDir, tree);
  return root && chainFrom(root, source, tree, 0);
}

function chainFrom(kustomization: Kustomization, source: string, tree: ReadonlyMap<string, string>, depth: number): Kustomization[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const components = kustomization.entries('components').map((dir) => kustomizationIn(dir, tree));
  const after = (from: number): Kustomization[] => components.slice(from).flatMap((c) => (c ? applied(c, tree, depth + 1) : []));
  const resources = kustomization.entries('resources');
  // A generated object's source is the kustomization that generated it.
  if (kustomization.path === source || resources.includes(source)) return [...after(0), kustomization];
  for (const dir of resources) {
    const base = kustomizationIn(dir, tree);
    const inner = base && chainFrom(base, source, tree, depth + 1);
    if (inner) return [...inner, ...after(0), kustomization];
  }
  for (const [i, component] of components.entries()) {
    const inner = component && chainFrom(component, source, tree, depth + 1);
    if (inner) return [...inner, ...after(i + 1), kustomization];
  }
  return undefined;
}

/** A component applied to what is already there: its own components first, then itself. */
function applied(component: Kustomization, tree: ReadonlyMap<string, string>, depth: number): Kustomization[] {
  if (depth > MAX_DEPTH) return [];
  const nested = component.entries('components').flatMap((dir) => {
    const inner = kustomizationIn(dir, tree);
    return inner ? applied(inner, tree, depth + 1) : [];
  });
  return [...nested, component];
}

import { kustomizationIn, type Kustomization } from './kustomization.js';

/**
 * Kustomizations visited per object at most: real overlay chains visit tens; a tree built to branch without end
 * (components that list the same components twice, level after level) is cut off instead of walked.
 */
const MAX_VISITS = 10_000;

/** One search: the tree, the visits left, and the kustomizations already searched without reaching the source (shared bases are walked once). */
interface Search {
  tree: ReadonlyMap<string, string>;
  source: string;
  visitsLeft: number;
  dead: Set<Kustomization>;
}

/**
 * The kustomizations whose transformers and patches ran over an object read from `source`, in the order kustomize
 * applied them (innermost first): the kustomization or component listing the file, the components after it, then
 * each kustomization above it with the components it lists after the way in, up to the target's own.
 * Undefined when no path from the target reaches the file.
 */
export function overlayChain(targetDir: string, source: string, tree: ReadonlyMap<string, string>): Kustomization[] | undefined {
  const root = kustomizationIn(targetDir, tree);
  return root && chainFrom(root, { tree, source, visitsLeft: MAX_VISITS, dead: new Set() });
}

function chainFrom(kustomization: Kustomization, search: Search): Kustomization[] | undefined {
  if (--search.visitsLeft < 0 || search.dead.has(kustomization)) return undefined;
  const components = kustomization.entries('components').map((dir) => kustomizationIn(dir, search.tree));
  const after = (from: number): Kustomization[] => components.slice(from).flatMap((c) => (c ? applied(c, search) : []));
  const resources = kustomization.entries('resources');
  // A generated object's source is the kustomization that generated it.
  if (kustomization.path === search.source || resources.includes(search.source)) return [...after(0), kustomization];
  for (const dir of resources) {
    const base = kustomizationIn(dir, search.tree);
    const inner = base && chainFrom(base, search);
    if (inner) return [...inner, ...after(0), kustomization];
  }
  for (const [i, component] of components.entries()) {
    const inner = component && chainFrom(component, search);
    if (inner) return [...inner, ...after(i + 1), kustomization];
  }
  search.dead.add(kustomization);
  return undefined;
}

/** A component applied to what is already there: its own components first, then itself. */
function applied(component: Kustomization, search: Search): Kustomization[] {
  if (--search.visitsLeft < 0) return [];
  const nested = component.entries('components').flatMap((dir) => {
    const inner = kustomizationIn(dir, search.tree);
    return inner ? applied(inner, search) : [];
  });
  return [...nested, component];
}

/** Every resource file that the target reaches through its kustomizations and components, each once. */
export function reachableResources(targetDir: string, tree: ReadonlyMap<string, string>): string[] {
  const files = new Set<string>();
  const seen = new Set<Kustomization>();
  const pending = [kustomizationIn(targetDir, tree)];
  for (let visits = 0; pending.length > 0 && visits < MAX_VISITS; visits++) {
    const kustomization = pending.pop();
    if (!kustomization || seen.has(kustomization)) continue;
    seen.add(kustomization);
    for (const entry of kustomization.entries('resources')) {
      if (tree.has(entry)) files.add(entry);
      else pending.push(kustomizationIn(entry, tree));
    }
    pending.push(...kustomization.entries('components').map((dir) => kustomizationIn(dir, tree)));
  }
  return [...files];
}

import { parseAllDocuments } from 'yaml';
import type { RenderTargetConfig } from '../config/config.js';
import type { RenderTarget, SourceLine } from './types.js';
import { checkPluginConfig, KUSTOMIZATION_FILES, parseKustomization, type Refusal } from './kustomization.js';
import { chartDependencies, type ChartInfo, readChart } from './chart.js';
import { baseName, dirOf, isUnder, joinPath } from './paths.js';

/** A side's files by repository path: every file of the tree, not only the manifest selection. */
export type Tree = ReadonlyMap<string, string | Uint8Array>;

/** A target as found in one side's tree, with what it reads and why it may not be rendered. */
export interface DiscoveredTarget {
  target: RenderTarget;
  /** Files the target names (resources, patches, generator inputs, templates, values): never read as plain manifests. */
  consumed: string[];
  /** Every file the tool may read (all files under each directory it loads from): what is materialized and digested. */
  inputs: string[];
  /** Why the target is not rendered, each on its line (remote bases, Helm in kustomize, plugins, unvendored dependencies). */
  refusals: (Refusal & { path: string })[];
  /** What each kustomization of the target names, with its file: where a render error about a name is shown. */
  references: NamedReference[];
}

export interface NamedReference {
  /** The kustomization file that names it. */
  file: string;
  /** The name as written, and its line in `file`. */
  name: string;
  line: number;
}

export interface Discovery {
  targets: DiscoveredTarget[];
  /** Files that are never objects nor plain manifests: every consumed file, kustomization files and Chart.yaml. */
  notPlain: Set<string>;
}

/** A target the configuration lists (src/config): it replaces the discovered target at its path. */
export type ConfiguredTarget = RenderTargetConfig;

export interface DiscoverOptions {
  /** Find targets without configuration (default true); false: only the configured ones. */
  auto?: boolean;
  configured?: readonly ConfiguredTarget[];
  /** Whether a declaration file (kustomization.yaml, Chart.yaml) is inside the analyzed selection. */
  selected?: (path: string) => boolean;
}

export function textOf(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
}

/** The kustomization file of a directory, in kustomize's order of preference. */
export function kustomizationIn(tree: Tree, dir: string): string | undefined {
  return KUSTOMIZATION_FILES.map((f) => (dir === '' ? f : `${dir}/${f}`)).find((p) => tree.has(p));
}

/**
 * The render targets of one side: Kustomize roots (kustomization directories no other kustomization references,
 * Components aside) and Helm charts (Chart.yaml directories not inside another chart's charts/), with the configured
 * targets in place of the discovered ones at their paths.
 */
export function discoverTargets(tree: Tree, options: DiscoverOptions = {}): Discovery {
  const selected = options.selected ?? (() => true);
  const paths = [...tree.keys()].sort();
  const notPlain = new Set<string>();
  const kustomizeDirs = new Set<string>();
  const chartDirs = new Set<string>();
  for (const path of paths) {
    const name = baseName(path);
    if (KUSTOMIZATION_FILES.includes(name)) {
      notPlain.add(path);
      if (selected(path) && kustomizationIn(tree, dirOf(path)) === path) kustomizeDirs.add(dirOf(path));
    } else if (name === 'Chart.yaml') {
      notPlain.add(path);
      if (selected(path)) chartDirs.add(dirOf(path));
    }
  }
  const walks = new Map<string, KustomizeWalk>();
  const walk = (dir: string) => {
    let w = walks.get(dir);
    if (!w) walks.set(dir, (w = walkKustomization(tree, dir)));
    return w;
  };
  const referenced = new Set<string>();
  for (const dir of kustomizeDirs) for (const d of walk(dir).dirs) if (d !== dir) referenced.add(d);
  const configured = new Map((options.configured ?? []).map((c) => [c.path, c]));
  const targets: DiscoveredTarget[] = [];
  const auto = options.auto ?? true;
  for (const dir of kustomizeDirs) {
    const w = walk(dir);
    if (w.component) {
      // A Component is only ever deployed through an overlay: its files are not plain manifests.
      for (const f of w.consumed) notPlain.add(f);
      continue;
    }
    if (!auto || referenced.has(dir) || configured.has(dir)) continue;
    targets.push(kustomizeTarget(tree, dir, w, undefined));
  }
  const subchart = (dir: string) => [...chartDirs].some((c) => c !== dir && isUnder(dir, c === '' ? 'charts' : `${c}/charts`));
  for (const dir of chartDirs) {
    if (subchart(dir)) continue;
    if (auto && !configured.has(dir)) targets.push(helmTarget(tree, dir, undefined));
  }
  for (const c of configured.values()) {
    if (joinPath('', c.path) !== c.path) {
      // Only the repository's own directories are rendered: a path out of it would have the tool read the runner's files.
      const declaredAt = declaration(c.path);
      targets.push({
        target: { tool: c.tool, path: c.path, name: nameOf(c.path, c, c.path), declaredAt }, consumed: [], inputs: [], references: [],
        refusals: [{ path: c.path, line: 1, message: `the configured ${c.tool} target ${c.path} is not a directory of the repository (write it relative to the root, without ..)` }],
      });
      continue;
    }
    targets.push(c.tool === 'kustomize' ? kustomizeTarget(tree, c.path, walk(c.path), c) : helmTarget(tree, c.path, c));
  }
  for (const t of targets) for (const f of t.consumed) notPlain.add(f);
  targets.sort((a, b) => (a.target.path < b.target.path ? -1 : a.target.path > b.target.path ? 1 : a.target.tool < b.target.tool ? -1 : 1));
  return { targets, notPlain };
}

function nameOf(path: string, configured: ConfiguredTarget | undefined, fallback: string): string {
  return configured?.name ?? (path === '' ? fallback : baseName(path));
}

function declaration(path: string): SourceLine {
  return { path, line: 1, endLine: 1 };
}

interface KustomizeWalk {
  /** Every kustomization directory it loads (its own first). */
  dirs: string[];
  consumed: string[];
  refusals: (Refusal & { path: string })[];
  references: NamedReference[];
  component: boolean;
}

/** Follows a kustomization through the kustomizations it names, collecting the files they read and what is refused. */
function walkKustomization(tree: Tree, root: string): KustomizeWalk {
  const out: KustomizeWalk = { dirs: [], consumed: [], refusals: [], references: [], component: false };
  const visit = (dir: string) => {
    if (out.dirs.includes(dir)) return;
    const file = kustomizationIn(tree, dir);
    if (!file) return; // kustomize says what is missing when it builds.
    out.dirs.push(dir);
    out.consumed.push(file);
    const k = parseKustomization(textOf(tree.get(file)!));
    if (dir === root) out.component = k.kind === 'Component';
    for (const r of k.refusals) out.refusals.push({ ...r, path: file });
    for (const ref of k.references) {
      out.references.push({ file, name: ref.path, line: ref.line });
      const path = joinPath(dir, ref.path);
      if (path === undefined) {
        out.refusals.push({ path: file, line: ref.line, message: `${ref.field} names ${ref.path}, outside the repository: it cannot be rendered from the pull request's files` });
        continue;
      }
      if (tree.has(path)) {
        out.consumed.push(path);
        if (ref.kind === 'config' && ['generators', 'transformers', 'validators'].includes(ref.field)) checkPluginFile(tree, path, ref.field, out.refusals);
      } else if (kustomizationIn(tree, path)) {
        visit(path);
      }
    }
  };
  visit(root);
  return out;
}

function checkPluginFile(tree: Tree, path: string, field: string, refusals: (Refusal & { path: string })[]): void {
  const found: Refusal[] = [];
  for (const doc of parseAllDocuments(textOf(tree.get(path)!))) {
    if (!('toJS' in doc)) continue;
    checkPluginConfig(doc.toJS(), 1, field, found);
  }
  for (const r of found) refusals.push({ ...r, path });
}

function filesUnder(tree: Tree, dirs: readonly string[]): string[] {
  return [...tree.keys()].filter((p) => dirs.some((d) => isUnder(p, d))).sort();
}

function kustomizeTarget(tree: Tree, dir: string, w: KustomizeWalk, configured: ConfiguredTarget | undefined): DiscoveredTarget {
  const file = kustomizationIn(tree, dir) ?? (dir === '' ? 'kustomization.yaml' : `${dir}/kustomization.yaml`);
  return {
    target: { tool: 'kustomize', path: dir, name: nameOf(dir, configured, '.'), declaredAt: declaration(file) },
    consumed: [...new Set(w.consumed)].sort(),
    // The default load restrictor lets kustomize read any file under each kustomization directory it loads.
    inputs: filesUnder(tree, w.dirs),
    refusals: w.refusals,
    references: w.references,
  };
}

function helmTarget(tree: Tree, dir: string, configured: ConfiguredTarget | undefined): DiscoveredTarget {
  const chartFile = dir === '' ? 'Chart.yaml' : `${dir}/Chart.yaml`;
  const chart: ChartInfo = tree.has(chartFile) ? readChart(textOf(tree.get(chartFile)!)) : { name: baseName(dir), dependencies: [] };
  const values = (configured?.values ?? []).map((v) => joinPath(dir, v));
  const refusals: (Refusal & { path: string })[] = [];
  for (const dep of chartDependencies(tree, dir, chart)) refusals.push({ ...dep, path: dep.path ?? chartFile });
  values.forEach((v, i) => {
    if (v === undefined || !tree.has(v)) refusals.push({ path: chartFile, line: 1, message: `the values file ${configured?.values?.[i] ?? ''} configured for this chart does not exist` });
  });
  const extra = values.filter((v): v is string => v !== undefined && tree.has(v));
  const inputs = [...new Set([...filesUnder(tree, [dir]), ...extra])].sort();
  return {
    target: {
      tool: 'helm', path: dir, name: nameOf(dir, configured, chart.name), declaredAt: declaration(chartFile),
      helm: {
        release: configured?.release ?? chart.name, namespace: configured?.namespace ?? 'default',
        values: configured?.values ?? [], set: configured?.set ?? {}, apiVersions: configured?.apiVersions ?? [],
        ...(configured?.kubeVersion !== undefined ? { kubeVersion: configured.kubeVersion } : {}),
      },
    },
    consumed: inputs,
    inputs,
    refusals,
    references: [],
  };
}

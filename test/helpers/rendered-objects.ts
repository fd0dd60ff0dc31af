import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { AppliedTransformation, RenderedObject } from '../../src/render/types.js';
import { renderTools } from './render-tools.js';
import { makeTempDir } from './temp.js';

/**
 * Rendered objects as the render stage hands them to attribution, made with the real tools for the tests:
 * kustomize through a wrapper kustomization that records origins and transformers, helm with its `# Source:`
 * comments, both mapped back to repository paths.
 */

/** Every file under `root`, by repository path. */
export function readTree(root: string): Map<string, string> {
  const tree = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else tree.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return tree;
}

const ORIGIN = 'config.kubernetes.io/origin';
const TRANSFORMATIONS = 'alpha.config.kubernetes.io/transformations';

/** `kubectl kustomize` of the target directory `target` of the tree at `root`. */
export function renderKustomize(root: string, target: string): RenderedObject[] {
  // The wrapper sits outside the tree so that the tree holds only the repository's files.
  const wrapper = makeTempDir('segguard-wrap-');
  writeFileSync(
    join(wrapper, 'kustomization.yaml'),
    `resources:\n  - ${relative(wrapper, join(root, target))}\nbuildMetadata: [originAnnotations, transformerAnnotations]\n`,
  );
  const output = execFileSync(renderTools().kubectl, ['kustomize', wrapper], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const repositoryPath = (path: string): string => relative(root, resolve(wrapper, path)).split('\\').join('/');
  return parseAllDocuments(output).map((doc) => {
    const origin = doc.getIn(['metadata', 'annotations', ORIGIN]);
    const transformations = doc.getIn(['metadata', 'annotations', TRANSFORMATIONS]);
    doc.deleteIn(['metadata', 'annotations', ORIGIN]);
    doc.deleteIn(['metadata', 'annotations', TRANSFORMATIONS]);
    if ((doc.getIn(['metadata', 'annotations']) as { items?: unknown[] } | undefined)?.items?.length === 0) doc.deleteIn(['metadata', 'annotations']);
    // A generated object's origin is the kustomization that generated it (`configuredIn`).
    const originValue = typeof origin === 'string' ? (parseAllDocuments(origin)[0]?.toJS() as { path?: string; configuredIn?: string } | null) : undefined;
    const originPath = originValue?.path ?? originValue?.configuredIn;
    const applied = typeof transformations === 'string' ? (parseAllDocuments(transformations)[0]?.toJS() as { configuredIn: string; configuredBy: { kind: string } }[]) : [];
    return {
      text: doc.toString(),
      source: originPath === undefined ? undefined : repositoryPath(originPath),
      transformations: applied.map((t): AppliedTransformation => ({ kind: t.configuredBy.kind, path: repositoryPath(t.configuredIn) })),
    };
  });
}

/** `helm template` of the chart at `chart` (repository path) of the tree at `root`, with values files relative to the chart. */
export function renderHelm(root: string, chart: string, options: { release?: string; namespace?: string; values?: string[] } = {}): RenderedObject[] {
  const home = makeTempDir('segguard-helm-home-');
  const args = ['template', options.release ?? 'release', join(root, chart), '--namespace', options.namespace ?? 'default'];
  for (const file of options.values ?? []) args.push('--values', join(root, chart, file));
  const output = execFileSync(renderTools().helm, args, { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  const chartName = (parseAllDocuments(readFileSync(join(root, chart, 'Chart.yaml'), 'utf8'))[0].toJS() as { name: string }).name;
  return output
    .split(/^---\s*$/m)
    .map((text) => text.trim())
    .filter((text) => /^\s*[a-zA-Z]/m.test(text.replace(/^#.*$/gm, '')))
    .map((text) => {
      // `# Source: <chart name>/templates/x.yaml`, subcharts as `<chart name>/charts/<sub>/templates/x.yaml`.
      const source = /^# Source: (.*)$/m.exec(text)?.[1];
      return {
        text: text.replace(/^# Source: .*\n/m, ''),
        source: source === undefined ? undefined : posix.join(chart, source.slice(chartName.length + 1)),
        transformations: [],
      };
    });
}

/** The rendered object of that kind and name. */
export function renderedObject(objects: RenderedObject[], kind: string, name: string): RenderedObject {
  const found = objects.find((o) => {
    const value = parseAllDocuments(o.text)[0]?.toJS() as { kind?: string; metadata?: { name?: string } } | null;
    return value?.kind === kind && value.metadata?.name === name;
  });
  if (!found) throw new Error(`no rendered ${kind} ${name} in:\n${objects.map((o) => o.text).join('---\n')}`);
  return found;
}

/** The 1-based line of the only line of a file that contains `needle` (the fixtures name their lines by content). */
export function lineOf(tree: ReadonlyMap<string, string>, path: string, needle: string): number {
  const lines = (tree.get(path) ?? '').split('\n');
  const found = lines.flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));
  if (found.length !== 1) throw new Error(`${path}: ${found.length} lines contain ${JSON.stringify(needle)}`);
  return found[0];
}

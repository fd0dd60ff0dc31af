import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Refusal } from './kustomization.js';
import { joinPath } from './paths.js';

export interface ChartDependency {
  name: string;
  repository: string;
  line: number;
}

export interface ChartInfo {
  name: string;
  dependencies: ChartDependency[];
}

/** The name and dependencies of a Chart.yaml (apiVersion v2) or of a v1 chart's requirements.yaml, with their lines. */
export function readChart(text: string): ChartInfo {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const root = doc.contents;
  if (!isMap(root)) return { name: '', dependencies: [] };
  const name = root.get('name');
  return { name: typeof name === 'string' ? name : '', dependencies: dependenciesOf(root.get('dependencies', true), lines) };
}

function dependenciesOf(node: unknown, lines: LineCounter): ChartDependency[] {
  if (!isSeq(node)) return [];
  const out: ChartDependency[] = [];
  for (const item of node.items as Node[]) {
    if (!isMap(item)) continue;
    const name = item.get('name');
    const repository = item.get('repository');
    const at = item.get('name', true) as Node | undefined;
    out.push({
      name: typeof name === 'string' ? name : '', repository: typeof repository === 'string' ? repository : '',
      line: at && isScalar(at) && at.range ? lines.linePos(at.range[0]).line : 1,
    });
  }
  return out;
}

/**
 * The dependencies `helm template` would have to download: a dependency is vendored when charts/ holds it
 * (a directory with its Chart.yaml, or its packaged .tgz). Each one that is not is a refusal on its line.
 */
export function chartDependencies(tree: ReadonlyMap<string, unknown>, dir: string, chart: ChartInfo): (Refusal & { path?: string })[] {
  const charts = joinPath(dir, 'charts') ?? 'charts';
  const requirements = joinPath(dir, 'requirements.yaml') ?? 'requirements.yaml';
  const deps: (ChartDependency & { path?: string })[] = [...chart.dependencies];
  const req = tree.get(requirements);
  if (req !== undefined) {
    const text = typeof req === 'string' ? req : Buffer.from(req as Uint8Array).toString('utf8');
    for (const d of readChart(`name: x\n${text}`).dependencies) deps.push({ ...d, line: d.line - 1, path: requirements });
  }
  const paths = [...tree.keys()];
  return deps
    .filter((d) => !tree.has(`${charts}/${d.name}/Chart.yaml`) && !paths.some((p) => p.startsWith(`${charts}/${d.name}-`) && p.endsWith('.tgz')))
    .map((d) => ({
      line: d.line, ...(d.path ? { path: d.path } : {}),
      message: `the dependency ${d.name}${d.repository ? ` (${d.repository})` : ''} is not vendored in ${charts}/: helm would download it, and segguard renders without network access; run \`helm dependency update\` and commit charts/`,
    }));
}

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { diffLines } from 'diff';
import { renderTools } from './render-tools.js';
import { makeTempDir } from './temp.js';

/**
 * The ground truth of the render fixtures (test/fixtures/render/<case>/{base,head}): each side's targets rendered by
 * the real tools into plain files, which segguard's existing plain-file analysis then reads. The rendering pipeline
 * (issue 10) must find on the source trees what this finds on the plain renders, on the source lines the case's
 * README names.
 */
export const RENDER_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'render');
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

export type Side = 'base' | 'head';

export interface PlainTarget {
  tool: 'kustomize' | 'helm';
  /** Repository-relative directory of the kustomization or the chart. */
  path: string;
  /** The environment, as the README's `environment` column names it. */
  name: string;
  /** Helm: `helm template RELEASE` (default: the chart directory's name) `--namespace` (default: `default`). */
  release?: string;
  namespace?: string;
  /** Helm: values files relative to the chart directory, after its values.yaml. */
  values?: string[];
}

export interface RenderCase {
  name: string;
  dir: string;
  targets: PlainTarget[];
  /** Repository-relative manifest files no target consumes: read as they are. */
  plain: string[];
}

const KUSTOMIZE_SHOP: PlainTarget[] = [
  { tool: 'kustomize', path: 'apps/shop/overlays/dev', name: 'dev' },
  { tool: 'kustomize', path: 'apps/shop/overlays/prod', name: 'prod' },
];
const HELM_STOREFRONT: PlainTarget[] = [{ tool: 'helm', path: 'charts/storefront', name: 'storefront' }];

/**
 * The cases and their targets, written out rather than discovered: this is the reference the discovery code is
 * compared against, so it must not share that code.
 */
export function renderCase(name: string): RenderCase {
  const dir = join(RENDER_FIXTURES, name);
  if (name.startsWith('kustomize-')) return { name, dir, targets: KUSTOMIZE_SHOP, plain: [] };
  if (name.startsWith('helm-')) return { name, dir, targets: HELM_STOREFRONT, plain: [] };
  if (name === 'online-boutique-components') {
    return { name, dir, targets: [{ tool: 'kustomize', path: 'kustomize', name: 'kustomize' }], plain: ['release/kubernetes-manifests.yaml'] };
  }
  // The two rendering examples (examples/kustomize, examples/helm; their segguard.yml configures the Helm target).
  if (name === 'examples/kustomize') {
    const overlay = (env: string): PlainTarget => ({ tool: 'kustomize', path: `deploy/payments/overlays/${env}`, name: env });
    return { name, dir: join(EXAMPLES, 'kustomize'), targets: [overlay('staging'), overlay('production')], plain: ['deploy/platform/namespaces.yaml'] };
  }
  if (name === 'examples/helm') {
    const production: PlainTarget = { tool: 'helm', path: 'charts/orders', name: 'production', release: 'orders', namespace: 'orders', values: ['values-production.yaml'] };
    return { name, dir: join(EXAMPLES, 'helm'), targets: [production], plain: [] };
  }
  throw new Error(`${name}: no targets known for this render case (test/helpers/render-plain.ts)`);
}

export type SideRender = { ok: true; dir: string } | { ok: false; error: string };

/**
 * Renders one target of one side into `<out>/rendered.yaml`. The side is copied into a temporary directory first
 * (the tools never run in the fixture tree) and the tool gets a clean environment: only the tools' directory on
 * PATH (so kustomize finds no `git` to clone a remote base with), a throwaway HOME and Helm directories, and a
 * proxy that refuses every connection, so nothing a fixture names is ever fetched.
 */
export function renderTarget(c: RenderCase, side: Side, target: PlainTarget, out: string): SideRender {
  const tools = renderTools();
  const work = makeTempDir('segguard-render-side-');
  cpSync(join(c.dir, side), join(work, 'tree'), { recursive: true });
  const tree = join(work, 'tree');
  const noNetwork = 'http://127.0.0.1:9';
  const env = {
    PATH: tools.dir, HOME: work, KUBECONFIG: join(work, 'kubeconfig'),
    HELM_CACHE_HOME: join(work, 'helm-cache'), HELM_CONFIG_HOME: join(work, 'helm-config'), HELM_DATA_HOME: join(work, 'helm-data'),
    HTTP_PROXY: noNetwork, HTTPS_PROXY: noNetwork, http_proxy: noNetwork, https_proxy: noNetwork, NO_PROXY: '', no_proxy: '',
  };
  const [tool, args] = target.tool === 'kustomize'
    ? [tools.kubectl, ['kustomize', target.path]]
    : [tools.helm, ['template', target.release ?? target.path.split('/').pop() ?? target.path, target.path, '--namespace', target.namespace ?? 'default',
      ...(target.values ?? []).flatMap((file) => ['--values', join(target.path, file)])]];
  let output: string;
  try {
    output = execFileSync(tool, args, { cwd: tree, env, encoding: 'utf8', timeout: 60_000, maxBuffer: 50 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    return { ok: false, error: (stderr ?? '').trim() || message };
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'rendered.yaml'), output);
  return { ok: true, dir: out };
}

export interface PlainRender {
  /** Per target name: each side's render (a directory holding rendered.yaml, or the tool's error). */
  targets: Map<string, Record<Side, SideRender>>;
  /** Each side's plain files (those no target consumes), copied as they are; undefined when the case has none. */
  plain?: Record<Side, string>;
}

/** Renders every target of both sides of a case, and copies the plain files, into one temporary directory. */
export function renderPlain(c: RenderCase): PlainRender {
  const root = makeTempDir(`segguard-render-${c.name.replace(/\W/g, '-')}-`);
  const targets = new Map<string, Record<Side, SideRender>>();
  for (const target of c.targets) {
    const render = (side: Side) => renderTarget(c, side, target, join(root, 'targets', target.name, side));
    targets.set(target.name, { base: render('base'), head: render('head') });
  }
  if (c.plain.length === 0) return { targets };
  const copy = (side: Side) => {
    const dir = join(root, 'plain', side);
    for (const path of c.plain) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      cpSync(join(c.dir, side, path), join(dir, path));
    }
    return dir;
  };
  return { targets, plain: { base: copy('base'), head: copy('head') } };
}

/** One row of a case README's "Expected findings" table. */
export interface ExpectedFinding {
  ruleId: string;
  severity: string;
  /** Target names; one source line can cause the same finding in several environments. */
  environments: string[];
  /** `Kind namespace/name` of the rendered object, or `-` for a finding about the target itself (render-failed). */
  object: string;
  side: Side;
  path: string;
  line: number;
  /** Text the source line contains. */
  text: string;
}

const ROW = /^\| `([a-z0-9-]+)` \| (critical|high|medium|low) \| ([a-z0-9, -]+) \| ([^|]+?) \| (base|head) `([^`:]+):(\d+)` \| `([^`]+)` \|$/;

/**
 * The "Expected findings" table of a case's README.md, one row per finding above info:
 * | `rule-id` | severity | env, env | Kind namespace/name | head `path:line` | `text on that line` |
 * A case without regressions says "None above info." instead of a table. A malformed row is an error, not a
 * silently dropped expectation.
 */
export function readExpectations(c: RenderCase): ExpectedFinding[] {
  const readme = readFileSync(join(c.dir, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Expected findings'));
  if (!section) throw new Error(`${c.name}/README.md: no "## Expected findings" section`);
  const rows = section.split('\n').filter((l) => l.startsWith('| `'));
  if (rows.length === 0 && !/None above info\./.test(section)) throw new Error(`${c.name}/README.md: no finding rows and no "None above info."`);
  return rows.map((row, i) => {
    const m = ROW.exec(row.trim());
    if (!m) throw new Error(`${c.name}/README.md: expected-findings row ${i + 1} does not match the format: ${row}`);
    return {
      ruleId: m[1]!, severity: m[2]!, environments: m[3]!.split(',').map((e) => e.trim()), object: m[4]!.trim(),
      side: m[5] as Side, path: m[6]!, line: Number(m[7]), text: m[8]!,
    };
  });
}

/**
 * The lines of `path` that the PR changed on `side`: added lines on the head, removed lines on the base (every line
 * when the other side has no such file). A finding on such a line is in the PR's diff, where a review comment can sit.
 */
export function changedLines(c: RenderCase, side: Side, path: string): Set<number> {
  const text = (s: Side) => (existsSync(join(c.dir, s, path)) ? readFileSync(join(c.dir, s, path), 'utf8') : '');
  const changed = new Set<number>();
  let line = 1;
  for (const part of diffLines(text('base'), text('head'))) {
    if (side === 'head' ? part.removed : part.added) continue;
    const count = part.count ?? 0;
    if (part.added || part.removed) for (let i = 0; i < count; i++) changed.add(line + i);
    line += count;
  }
  return changed;
}

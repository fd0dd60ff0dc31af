import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverTargets } from '../../src/render/discover.js';
import { Renderer } from '../../src/render/render.js';
import { runTool } from '../../src/render/run-tool.js';
import { MissingToolError } from '../../src/render/tools.js';
import { WEB_NETPOL } from '../helpers/render.js';
import { renderTools } from '../helpers/render-tools.js';
import { makeTempDir } from '../helpers/temp.js';

const { kubectl, helm } = renderTools();
const tree = (files: Record<string, string>) => new Map(Object.entries(files));


const OVERLAYS = {
  'base/kustomization.yaml': 'resources:\n- netpol.yaml\n',
  'base/netpol.yaml': WEB_NETPOL,
  'prod/kustomization.yaml': 'namespace: prod\nnamePrefix: prod-\nresources:\n- ../base\npatches:\n- path: open.yaml\nconfigMapGenerator:\n- name: cfg\n  literals: [a=b]\n',
  'prod/open.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  ingress:\n  - from:\n    - namespaceSelector: {}\n',
};

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n',
  'chart/values.yaml': 'networkPolicy:\n  enabled: true\n',
  'chart/templates/np.yaml': '{{- if .Values.networkPolicy.enabled }}\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  podSelector: {}\n{{- end }}\n',
  'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mode\ndata:\n  mode: {{ .Values.mode | default "0777" }}\n',
};

const renderer = (options: ConstructorParameters<typeof Renderer>[0] = {}) => new Renderer({ tools: { kustomize: kubectl, helm }, ...options });

describe('rendering with the real tools', () => {
  it('renders an overlay through a wrapper kustomization: origins and transformations, without kustomize bookkeeping', async () => {
    const files = tree(OVERLAYS);
    const side = await renderer().renderSide(files, discoverTargets(files));
    expect(side.failures).toEqual([]);
    expect(side.tools).toEqual(['kustomize v5.6.0 (kubectl kustomize)']);
    const [prod] = side.targets;
    expect(prod.target.path).toBe('prod');
    const np = prod.objects.find((o) => o.text.includes('kind: NetworkPolicy'))!;
    expect(np.source).toBe('base/netpol.yaml');
    expect(np.transformations.map((t) => `${t.kind}@${t.path}`)).toEqual(['patch@prod/kustomization.yaml', 'namespace@prod/kustomization.yaml', 'namePrefix@prod/kustomization.yaml']);
    expect(np.text).toContain('name: prod-web');
    expect(np.text).toContain('namespaceSelector: {}');
    expect(np.text).not.toContain('config.kubernetes.io');
    expect(np.text).not.toContain('annotations');
    const cm = prod.objects.find((o) => o.text.includes('kind: ConfigMap'))!;
    expect(cm.source).toBe('prod/kustomization.yaml');
  });

  it('renders a chart with its values, maps `# Source:` to the repository path, keeps the documents as written', async () => {
    const files = tree(CHART);
    const side = await renderer().renderSide(files, discoverTargets(files));
    expect(side.failures).toEqual([]);
    expect(side.tools[0]).toMatch(/^helm v4\.\d+\.\d+$/);
    const objects = side.targets[0].objects;
    expect(objects.map((o) => o.source).sort()).toEqual(['chart/templates/cm.yaml', 'chart/templates/np.yaml']);
    expect(objects.find((o) => o.source === 'chart/templates/np.yaml')!.text).toContain('name: shop-web');
    // Not re-serialized: the YAML 1.1 octal the cluster reads stays as written.
    expect(objects.find((o) => o.source === 'chart/templates/cm.yaml')!.text).toContain('mode: 0777');
  });

  it('renders a target whose inputs are identical on both sides once', async () => {
    const r = renderer();
    const base = tree({ ...OVERLAYS, 'other.yaml': 'a: 1' });
    const head = tree({ ...OVERLAYS, 'other.yaml': 'a: 2' });
    const first = await r.renderSide(base, discoverTargets(base));
    const second = await r.renderSide(head, discoverTargets(head));
    expect(first.toolMs).toBeGreaterThan(0);
    expect(second.toolMs).toBe(0);
    expect(second.targets[0].digest).toBe(first.targets[0].digest);
    const changed = tree({ ...OVERLAYS, 'base/netpol.yaml': WEB_NETPOL.replace('fe', 'api') });
    const third = await r.renderSide(changed, discoverTargets(changed));
    expect(third.toolMs).toBeGreaterThan(0);
    expect(third.targets[0].digest).not.toBe(first.targets[0].digest);
  });

  it('a broken kustomization fails at the line the tool names; the other targets still render', async () => {
    const files = tree({
      ...OVERLAYS,
      'broken/kustomization.yaml': 'resources:\n- ../base\npatches:\n- path: missing.yaml\n',
      'badyaml/kustomization.yaml': 'resources:\n- np.yaml\n',
      'badyaml/np.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  a: [\n',
    });
    const side = await renderer().renderSide(files, discoverTargets(files));
    expect(side.targets.map((t) => t.target.path)).toEqual(['prod']);
    const failures = Object.fromEntries(side.failures.map((f) => [f.target.path, f]));
    expect(failures.broken.at).toMatchObject({ path: 'broken/kustomization.yaml', line: 4 });
    expect(failures.broken.message).toMatch(/missing\.yaml/);
    expect(failures.broken.message).not.toContain('segguard-render-');
    expect(failures.badyaml.at).toMatchObject({ path: 'badyaml/np.yaml', line: 6 });
  });

  it('a template error fails at the template line helm names', async () => {
    const files = tree({ ...CHART, 'chart/templates/bad.yaml': 'a: 1\n{{ if }}\n' });
    const side = await renderer().renderSide(files, discoverTargets(files));
    expect(side.targets).toEqual([]);
    expect(side.failures[0].at).toMatchObject({ path: 'chart/templates/bad.yaml', line: 2 });
  });

  it('refused targets are failures on their line and nothing is run for them', async () => {
    const files = tree({ 'remote/kustomization.yaml': 'resources:\n- https://github.com/org/repo/deploy?ref=v1\n' });
    // A renderer whose kustomize does not exist: a refused target does not even need the tool.
    const side = await new Renderer({ tools: { kustomize: '/nonexistent/kustomize' } }).renderSide(files, discoverTargets(files));
    expect(side.failures).toEqual([expect.objectContaining({ at: { path: 'remote/kustomization.yaml', line: 2, endLine: 2 }, message: expect.stringMatching(/remote/) })]);
  });

  it('a missing tool is an error naming the tool, the target and how to install it', async () => {
    const files = tree(CHART);
    const error = await new Renderer({ tools: { helm: '/nonexistent/helm' } }).renderSide(files, discoverTargets(files)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingToolError);
    expect(String((error as Error).message)).toMatch(/helm is needed to render chart \(chart\/Chart.yaml\).*install helm/);
  });

  it('a tool that does not run is the same error, though its version was asked beside the render', async () => {
    const files = tree(CHART);
    const error = await new Renderer({ tools: { helm: '/bin/false' } }).renderSide(files, discoverTargets(files)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingToolError);
    expect(String((error as Error).message)).toMatch(/helm is needed to render chart \(chart\/Chart.yaml\) and \/bin\/false does not run/);
  });

  it('stops a render at the output cap', async () => {
    const files = tree({ ...CHART, 'chart/templates/many.yaml': '{{- range until 2000 }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{{ . }}\n{{- end }}\n' });
    const side = await renderer({ limits: { maxOutputBytes: 10_000 } }).renderSide(files, discoverTargets(files));
    expect(side.targets).toEqual([]);
    expect(side.failures[0]).toMatchObject({ at: { path: 'chart/Chart.yaml', line: 1 }, message: expect.stringMatching(/output exceeded the 10000-byte cap/) });
  });
});

describe('the renderer subprocess', () => {
  it('gets a clean environment: no token, a temporary HOME', async () => {
    const home = makeTempDir();
    process.env.GITHUB_TOKEN = 'ghs_secret-for-the-test';
    try {
      const result = await runTool('env', [], { cwd: home, home, limits: { timeoutMs: 10_000, maxOutputBytes: 1_000_000 } });
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain('ghs_secret');
      expect(result.stdout).not.toContain('GITHUB_TOKEN');
      expect(result.stdout).toContain(`HOME=${home}\n`);
      expect(result.stdout.split('\n').filter(Boolean).map((l) => l.split('=')[0]).sort()).toEqual([
        'ALL_PROXY', 'GIT_ALLOW_PROTOCOL', 'GIT_TERMINAL_PROMPT', 'HELM_CACHE_HOME', 'HELM_CONFIG_HOME', 'HELM_DATA_HOME', 'HOME', 'HTTPS_PROXY', 'HTTP_PROXY',
        'KUBECONFIG', 'PATH', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME',
      ]);
    } finally {
      delete process.env.GITHUB_TOKEN;
    }
  });

  it('is killed at the time limit', async () => {
    const home = makeTempDir();
    const result = await runTool('sleep', ['30'], { cwd: home, home, limits: { timeoutMs: 300, maxOutputBytes: 1000 } });
    expect(result.killed).toMatch(/time limit/);
    expect(result.ms).toBeLessThan(10_000);
  });
});

describe('no network for the renderers, even past the refusals', () => {
  it('kustomize cannot fetch a remote resource: it fails instead of downloading', async () => {
    const home = makeTempDir();
    writeFileSync(`${home}/kustomization.yaml`, 'resources:\n- https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/service/networking/nginx-policy.yaml\n');
    const result = await runTool(kubectl, ['kustomize', home], { cwd: home, home, limits: { timeoutMs: 30_000, maxOutputBytes: 1_000_000 } });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    // Refused by the dead proxy, not by a missing network: the run never leaves the machine.
    expect(result.stderr).toMatch(/127\.0\.0\.1:9/);
  });
});

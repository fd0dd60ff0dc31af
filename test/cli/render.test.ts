import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/check.js';
import { run as conndiff } from '../../src/cli/commands/conndiff.js';
import { run as connlist } from '../../src/cli/commands/connlist.js';
import { WEB_DEPLOYMENT, WEB_NETPOL } from '../helpers/render.js';
import { renderTools } from '../helpers/render-tools.js';
import { git, tempDir } from '../helpers/temp.js';

const { kubectl, helm } = renderTools();

async function check(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return command(run, cwd, ...args);
}

async function command(runCommand: typeof run, cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await runCommand(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
  }
}

const TOOLS = `render:\n  tools:\n    kustomize: ${kubectl}\n    helm: ${helm}\n`;


const OVERLAYS = {
  'k8s/base/kustomization.yaml': 'resources:\n- netpol.yaml\n- deploy.yaml\n',
  'k8s/base/netpol.yaml': WEB_NETPOL,
  'k8s/base/deploy.yaml': WEB_DEPLOYMENT,
  'k8s/overlays/dev/kustomization.yaml': 'namespace: dev\nresources:\n- ../../base\n',
  'k8s/overlays/prod/kustomization.yaml': 'namespace: prod\nresources:\n- ../../base\n',
};
const OPEN_PATCH = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  ingress:\n  - from:\n    - namespaceSelector: {}\n';

const CHART = {
  'charts/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n',
  'charts/shop/values.yaml': 'networkPolicy:\n  enabled: true\n',
  'charts/shop/templates/deploy.yaml': WEB_DEPLOYMENT.replace('name: web', 'name: {{ .Release.Name }}-web'),
  'charts/shop/templates/np.yaml': `{{- if .Values.networkPolicy.enabled }}\n${WEB_NETPOL.replace('name: web', 'name: {{ .Release.Name }}-web')}{{- end }}\n`,
};

/** A repository directory with the configuration at its root and the two sides as directories under it. */
function sides(base: Record<string, string>, head: Record<string, string>, config = TOOLS) {
  const tmp = tempDir();
  tmp.write({ '.github/segguard.yml': config });
  tmp.write(base, 'base');
  tmp.write(head, 'head');
  return tmp.root;
}

describe('segguard check renders Kustomize overlays and Helm charts', () => {
  it('finds an overlay patch that opens namespaceSelector: {}, in that environment only, on a source line', async () => {
    const root = sides(OVERLAYS, {
      ...OVERLAYS,
      'k8s/overlays/prod/kustomization.yaml': 'namespace: prod\nresources:\n- ../../base\npatches:\n- path: open.yaml\n',
      'k8s/overlays/prod/open.yaml': OPEN_PATCH,
    });
    const { code, stdout } = await check(root, '--base', 'base', '--head', 'head', '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: { ruleId: string; message: string; location: { path: string; line: number } }[]; summary: { render: unknown } };
    // Each environment is analyzed as its own cluster: prod's lone workload gains no peer from dev's namespace, so
    // the opening is the policy's (every namespace), not a connection to dev's pods.
    expect(report.findings.map((f) => f.ruleId)).toEqual(['netpol-all-namespaces-peer']);
    for (const f of report.findings) {
      expect(f.message).toMatch(/^In prod \(k8s\/overlays\/prod\): /);
      expect(f.message).not.toMatch(/In dev/);
      // The patch line that opened it: in the pull request's diff.
      expect(`${f.location.path}:${f.location.line}`).toBe('head/k8s/overlays/prod/open.yaml:8');
    }
    expect(report.summary.render).toEqual({ tools: ['kustomize v5.6.0 (kubectl kustomize)'], targets: { base: 2, head: 2 } });
  });

  it('analyzes each environment as its own cluster: dev\'s default deny does not hide that prod deleted its own', async () => {
    // Both overlays deploy into the same namespace (no `namespace:`), as overlays for two clusters do.
    const deny = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n';
    const shared = {
      'k8s/base/kustomization.yaml': 'resources:\n- deny.yaml\n- deploy.yaml\n',
      'k8s/base/deny.yaml': deny,
      'k8s/base/deploy.yaml': WEB_DEPLOYMENT,
      'k8s/overlays/dev/kustomization.yaml': 'resources:\n- ../../base\n',
      'k8s/overlays/prod/kustomization.yaml': 'resources:\n- ../../base\n',
    };
    const root = sides(shared, {
      ...shared,
      'k8s/overlays/prod/kustomization.yaml': 'resources:\n- ../../base\npatches:\n- patch: |-\n    $patch: delete\n    apiVersion: networking.k8s.io/v1\n    kind: NetworkPolicy\n    metadata:\n      name: default-deny\n',
    });
    const { code, stdout } = await check(root, '--base', 'base', '--head', 'head', '--format', 'json');
    expect(code).toBe(1);
    const findings = (JSON.parse(stdout) as { findings: { ruleId: string; message: string }[] }).findings;
    const unisolated = findings.filter((f) => f.ruleId === 'workload-unisolated');
    expect(unisolated).toHaveLength(1);
    expect(unisolated[0].message).toMatch(/^In prod \(k8s\/overlays\/prod\): Workload default\/web\[Deployment\] is no longer isolated for ingress/);
    expect(findings.map((f) => f.ruleId)).toContain('netpol-default-deny-removed');
    expect(findings.some((f) => /In dev/.test(f.message))).toBe(false);
  });

  it('refuses a target that needs a file too large to read, on that file, instead of rendering it without the file', async () => {
    const padded = { ...CHART, 'charts/shop/templates/np.yaml': `# ${'x'.repeat(2000)}\n${CHART['charts/shop/templates/np.yaml']}` };
    const root = sides(CHART, padded, `max-file-bytes: 1000\n${TOOLS}`);
    const { code, stdout } = await check(root, '--base', 'base', '--head', 'head');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^head\/charts\/shop\/templates\/np\.yaml:1 high render-failed Helm chart shop \(charts\/shop\) was not rendered: charts\/shop\/templates\/np\.yaml was not read \([\d,]+ bytes, over max-file-bytes\)/m);
    // Not a policy deleted by the change: the chart was not analyzed at all.
    expect(stdout).not.toMatch(/netpol-deleted|netpol-default-deny-removed/);
  });

  it('finds a chart whose values disable its NetworkPolicy', async () => {
    const root = sides(CHART, { ...CHART, 'charts/shop/values.yaml': 'networkPolicy:\n  enabled: false\n' });
    const { code, stdout } = await check(root, '--base', 'base', '--head', 'head');
    expect(code).toBe(1);
    expect(stdout).toMatch(/netpol-deleted/);
    expect(stdout).toMatch(/NetworkPolicy default\/shop-web/);
    expect(stdout).toMatch(/rendered 1 target \(base 1\) with helm v4/);
  });

  it('the same overlays with nothing changed report nothing, and Kustomization files are never objects', async () => {
    const root = sides(OVERLAYS, OVERLAYS);
    const { code, stdout } = await check(root, '--base', 'base', '--head', 'head', '--format', 'json');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it('a remote base is refused loudly, on its line', async () => {
    const remote = { ...OVERLAYS, 'k8s/overlays/prod/kustomization.yaml': 'namespace: prod\nresources:\n- ../../base\n- github.com/org/repo/k8s?ref=v1\n' };
    const root = sides(OVERLAYS, remote);
    const { code, stdout } = await check(root, '--base', 'base', '--head', 'head');
    expect(code).toBe(1);
    expect(stdout).toMatch(/head\/k8s\/overlays\/prod\/kustomization.yaml:4 high render-failed Kustomize target prod \(k8s\/overlays\/prod\) was not rendered: resources names the remote github.com\/org\/repo\/k8s\?ref=v1/);
  });

  it('a broken overlay is render-failed at its line while another target still reports its findings', async () => {
    const root = sides(OVERLAYS, {
      ...OVERLAYS,
      'k8s/overlays/dev/kustomization.yaml': 'namespace: dev\nresources:\n- ../../base\npatches:\n- path: missing.yaml\n',
      // The patch the broken kustomization meant: a file of a target that did not render is not a plain manifest.
      'k8s/overlays/dev/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n',
      'k8s/overlays/prod/kustomization.yaml': 'namespace: prod\nresources:\n- ../../base\npatches:\n- path: open.yaml\n',
      'k8s/overlays/prod/open.yaml': OPEN_PATCH,
    });
    const { code, stdout } = await check(root, '--base', 'base', '--head', 'head');
    expect(code).toBe(1);
    expect(stdout).toMatch(/head\/k8s\/overlays\/dev\/kustomization.yaml:5 high render-failed Kustomize target dev \(k8s\/overlays\/dev\) was not rendered: .*missing\.yaml/);
    expect(stdout).toMatch(/high netpol-all-namespaces-peer In prod \(k8s\/overlays\/prod\)/);
    // The failed target's objects are analyzed on neither side: not reported as deleted, nor its files as plain manifests.
    expect(stdout).not.toMatch(/In dev/);
    expect(stdout).not.toMatch(/replicas\.yaml/);
  });

  it('a missing tool exits 2 naming the tool, the target and how to install it', async () => {
    const root = sides(CHART, CHART, 'render:\n  tools:\n    helm: /nonexistent/helm\n');
    const { code, stdout, stderr } = await check(root, '--base', 'base', '--head', 'head');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/segguard check: helm is needed to render charts\/shop \(charts\/shop\/Chart.yaml\) and the configured \/nonexistent\/helm is not an executable: install helm/);
  });

  it('render: {auto: false} reads the files as plain manifests, as before', async () => {
    const root = sides(OVERLAYS, { ...OVERLAYS, 'k8s/overlays/prod/kustomization.yaml': 'namespace: prod\nresources:\n- ../../base\npatches:\n- path: open.yaml\n', 'k8s/overlays/prod/open.yaml': OPEN_PATCH },
      'render:\n  auto: false\n  tools:\n    kustomize: /nonexistent/kustomize\n');
    const { code, stdout } = await check(root, '--base', 'base', '--head', 'head', '--format', 'json');
    const report = JSON.parse(stdout) as { findings: { ruleId: string }[]; summary: { render?: unknown } };
    expect(report.summary.render).toBeUndefined();
    // The patch file alone is a policy without a podSelector: read as a plain file, not as what prod receives.
    expect(report.findings.some((f) => f.ruleId === 'connectivity-added')).toBe(false);
    expect(code).toBe(1);
  });

  it('renders git refs from git objects, with the non-manifest files a chart needs', async () => {
    const tmp = tempDir();
    const repo = tmp.root;
    git(repo, 'init', '-q', '-b', 'main');
    tmp.write({ '.github/segguard.yml': TOOLS, ...CHART, 'charts/shop/templates/_helpers.tpl': '{{- define "shop.name" -}}shop{{- end -}}\n' });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'base');
    tmp.write({ 'charts/shop/values.yaml': 'networkPolicy:\n  enabled: false\n' });
    git(repo, 'commit', '-qam', 'head');
    const { code, stdout } = await check(repo, '--base', 'HEAD~1', '--head', 'HEAD');
    expect(code).toBe(1);
    expect(stdout).toMatch(/netpol-deleted/);
  });
});

describe('segguard connlist and conndiff render Kustomize overlays and Helm charts', () => {
  const opened = { ...OVERLAYS, 'k8s/overlays/prod/kustomization.yaml': 'namespace: prod\nresources:\n- ../../base\npatches:\n- path: open.yaml\n', 'k8s/overlays/prod/open.yaml': OPEN_PATCH };

  it('connlist lists the connections of what each overlay renders, not of its patch files', async () => {
    const root = sides(OVERLAYS, opened);
    const { code, stdout, stderr } = await command(connlist, root, 'head');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^dev\/web\[Deployment\] => prod\/web\[Deployment\] : /m);
    expect(stdout).not.toMatch(/=> dev\/web\[Deployment\]/);
  });

  it('conndiff shows the connection the prod overlay patch added', async () => {
    const root = sides(OVERLAYS, opened);
    const { code, stdout } = await command(conndiff, root, 'base', 'head');
    expect(code).toBe(0);
    expect(stdout).toBe('Connectivity diff:\ndiff-type: added, source: dev/web[Deployment], destination: prod/web[Deployment], ref1: No Connections, ref2: All Connections\n');
  });

  it('a target that does not render is an error naming its line, not a shorter list', async () => {
    const root = sides(OVERLAYS, { ...OVERLAYS, 'k8s/overlays/dev/kustomization.yaml': 'namespace: dev\nresources:\n- ../../base\npatches:\n- path: missing.yaml\n' });
    const { code, stdout, stderr } = await command(connlist, root, 'head');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^segguard: head\/k8s\/overlays\/dev\/kustomization.yaml:5: .*missing\.yaml/m);
  });
});

import { describe, expect, it } from 'vitest';
import { discoverTargets } from '../../src/render/discover.js';
import { isRemote } from '../../src/render/kustomization.js';

const tree = (files: Record<string, string>) => new Map(Object.entries(files));

const NETPOL = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  podSelector: {}\n';

describe('render target discovery', () => {
  it('finds every overlay as a target, not the base they share, and consumes what they name', () => {
    const found = discoverTargets(tree({
      'k8s/base/kustomization.yaml': 'resources:\n- netpol.yaml\n- deploy.yaml\n',
      'k8s/base/netpol.yaml': NETPOL,
      'k8s/base/deploy.yaml': 'kind: Deployment',
      'k8s/base/notes.yaml': 'kind: ConfigMap',
      'k8s/overlays/dev/kustomization.yml': 'resources:\n- ../../base\n',
      'k8s/overlays/prod/Kustomization': [
        'namespace: prod', 'resources:', '- ../../base', 'components:', '- ../../components/tls', 'patches:', '- path: open.yaml',
        'patchesStrategicMerge:', '- smp.yaml', 'patchesJson6902:', '- path: json.yaml', '  target: {kind: NetworkPolicy, name: web}',
        'configMapGenerator:', '- name: cfg', '  files: [app.properties, key=other.txt]', '  envs: [env.txt]', '',
      ].join('\n'),
      'k8s/overlays/prod/open.yaml': NETPOL, 'k8s/overlays/prod/smp.yaml': NETPOL, 'k8s/overlays/prod/json.yaml': '- op: remove\n',
      'k8s/overlays/prod/app.properties': 'a=b', 'k8s/overlays/prod/other.txt': 'x', 'k8s/overlays/prod/env.txt': 'A=1',
      'k8s/components/tls/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n- path: tls.yaml\n',
      'k8s/components/tls/tls.yaml': 'kind: Ingress',
      'plain/svc.yaml': 'kind: Service',
    }));
    expect(found.targets.map((t) => [t.target.tool, t.target.path, t.target.name, t.target.declaredAt.path])).toEqual([
      ['kustomize', 'k8s/overlays/dev', 'dev', 'k8s/overlays/dev/kustomization.yml'],
      ['kustomize', 'k8s/overlays/prod', 'prod', 'k8s/overlays/prod/Kustomization'],
    ]);
    const prod = found.targets[1];
    expect(prod.consumed).toEqual([
      'k8s/base/deploy.yaml', 'k8s/base/kustomization.yaml', 'k8s/base/netpol.yaml', 'k8s/components/tls/kustomization.yaml', 'k8s/components/tls/tls.yaml',
      'k8s/overlays/prod/Kustomization', 'k8s/overlays/prod/app.properties', 'k8s/overlays/prod/env.txt', 'k8s/overlays/prod/json.yaml',
      'k8s/overlays/prod/open.yaml', 'k8s/overlays/prod/other.txt', 'k8s/overlays/prod/smp.yaml',
    ]);
    // kustomize may read any file under a directory it loads: all of them are inputs (materialized, digested).
    expect(prod.inputs).toContain('k8s/base/notes.yaml');
    expect(prod.refusals).toEqual([]);
    // An unreferenced file stays a plain manifest; everything a target names does not.
    expect(found.notPlain.has('k8s/base/notes.yaml')).toBe(false);
    expect(found.notPlain.has('plain/svc.yaml')).toBe(false);
    expect(found.notPlain.has('k8s/overlays/prod/open.yaml')).toBe(true);
  });

  it('never reads a Component (unreferenced, as in Online Boutique) or its files as objects, and does not render it', () => {
    const found = discoverTargets(tree({
      'kustomize/kustomization.yaml': 'resources:\n- base\n# components:\n# - components/network-policies\n',
      'kustomize/base/kustomization.yaml': 'resources:\n- web.yaml\n',
      'kustomize/base/web.yaml': 'kind: Deployment',
      'kustomize/components/network-policies/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n- np.yaml\n',
      'kustomize/components/network-policies/np.yaml': NETPOL,
    }));
    expect(found.targets.map((t) => t.target.path)).toEqual(['kustomize']);
    expect(found.notPlain.has('kustomize/components/network-policies/kustomization.yaml')).toBe(true);
    expect(found.notPlain.has('kustomize/components/network-policies/np.yaml')).toBe(true);
  });

  it('finds a chart, not its vendored subchart, and consumes the whole chart directory', () => {
    const found = discoverTargets(tree({
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n- name: redis\n  version: 1.x\n  repository: https://charts.example.com\n',
      'charts/web/values.yaml': 'networkPolicy:\n  enabled: true\n',
      'charts/web/templates/np.yaml': '{{ if .Values.networkPolicy.enabled }}\nkind: NetworkPolicy\n{{ end }}\n',
      'charts/web/charts/redis/Chart.yaml': 'apiVersion: v2\nname: redis\nversion: 1.0.0\n',
      'charts/web/charts/redis/templates/svc.yaml': 'kind: Service',
    }));
    expect(found.targets.map((t) => [t.target.tool, t.target.path, t.target.name, t.target.helm?.release, t.target.helm?.namespace])).toEqual([
      ['helm', 'charts/web', 'web', 'web', 'default'],
    ]);
    expect(found.targets[0].refusals).toEqual([]);
    expect(found.notPlain.has('charts/web/charts/redis/templates/svc.yaml')).toBe(true);
    expect(found.notPlain.has('charts/web/values.yaml')).toBe(true);
  });

  it('refuses, each on its line: remote resources, helmCharts, plugins, unvendored dependencies, paths out of the repository', () => {
    const found = discoverTargets(tree({
      'remote/kustomization.yaml': 'resources:\n- local.yaml\n- github.com/org/repo/deploy?ref=v1.2.3\n- https://example.com/x.yaml\n',
      'remote/local.yaml': NETPOL,
      'helm-in-kustomize/kustomization.yaml': 'helmCharts:\n- name: redis\n  repo: https://charts.example.com\n',
      'plugin/kustomization.yaml': 'transformers:\n- fn.yaml\n- |-\n  apiVersion: builtin\n  kind: PrefixSuffixTransformer\n',
      'plugin/fn.yaml': 'apiVersion: example.com/v1\nkind: Fn\nmetadata:\n  name: x\n  annotations:\n    config.kubernetes.io/function: |\n      exec: {path: ./fn}\n',
      'outside/kustomization.yaml': 'resources:\n- ../../elsewhere\n- /home/runner/.kube\n',
      'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies:\n- name: postgres\n  repository: oci://registry.example.com/charts\n',
    }));
    const refusals = Object.fromEntries(found.targets.map((t) => [t.target.path, t.refusals.map((r) => `${r.path}:${r.line} ${r.message}`)]));
    expect(refusals.remote).toEqual([
      expect.stringMatching(/^remote\/kustomization.yaml:3 resources names the remote github.com\/org\/repo\/deploy\?ref=v1.2.3: .*without network access/),
      expect.stringMatching(/^remote\/kustomization.yaml:4 resources names the remote https:\/\/example.com\/x.yaml/),
    ]);
    expect(refusals['helm-in-kustomize']).toEqual([expect.stringMatching(/^helm-in-kustomize\/kustomization.yaml:1 helmCharts makes kustomize run Helm/)]);
    expect(refusals.plugin).toEqual([expect.stringMatching(/^plugin\/fn.yaml:1 transformers uses a KRM function/)]);
    expect(refusals.outside).toEqual([
      expect.stringMatching(/^outside\/kustomization.yaml:3 resources names the absolute path \/home\/runner\/.kube/),
      expect.stringMatching(/^outside\/kustomization.yaml:2 resources names ..\/..\/elsewhere, outside the repository/),
    ]);
    expect(refusals.chart).toEqual([expect.stringMatching(/^chart\/Chart.yaml:5 the dependency postgres \(oci:\/\/registry.example.com\/charts\) is not vendored in chart\/charts\//)]);
  });

  it('lists configured targets in place of the discovered ones at their paths, and only them with auto: false', () => {
    const files = tree({
      'base/kustomization.yaml': 'resources:\n- np.yaml\n', 'base/np.yaml': NETPOL,
      'prod/kustomization.yaml': 'resources:\n- ../base\n',
      'chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n', 'chart/values-prod.yaml': 'a: 1\n',
    });
    const configured = [
      { tool: 'kustomize' as const, path: 'base', name: 'shared' },
      { tool: 'helm' as const, path: 'chart', name: 'shop-prod', release: 'shop', namespace: 'shop', values: ['values-prod.yaml'] },
    ];
    const auto = discoverTargets(files, { configured });
    expect(auto.targets.map((t) => `${t.target.path}=${t.target.name}`)).toEqual(['base=shared', 'chart=shop-prod', 'prod=prod']);
    expect(auto.targets[1].target.helm).toMatchObject({ release: 'shop', namespace: 'shop', values: ['values-prod.yaml'] });
    const only = discoverTargets(files, { configured: configured.slice(1), auto: false });
    expect(only.targets.map((t) => t.target.path)).toEqual(['chart']);
    // Kustomization files are never objects, rendered or not.
    expect(only.notPlain.has('prod/kustomization.yaml')).toBe(true);
  });

  it('refuses a configured target outside the repository', () => {
    const found = discoverTargets(tree({}), { auto: false, configured: [{ tool: 'kustomize', path: '../../etc' }, { tool: 'helm', path: '/abs/chart' }] });
    expect(found.targets.map((t) => [t.target.path, t.inputs.length, t.refusals.map((r) => r.message)])).toEqual([
      ['../../etc', 0, [expect.stringMatching(/not a directory of the repository/)]],
      ['/abs/chart', 0, [expect.stringMatching(/not a directory of the repository/)]],
    ]);
  });

  it('tells remote references from local paths', () => {
    for (const remote of ['git::https://github.com/example-org/platform-debug//dev', 'github.com/org/repo//deploy?ref=main', 'git@github.com:org/repo.git', 'https://x.io/a.yaml', 'gitlab.com/a/b', 'ssh://git@host/x'])
      expect(isRemote(remote), remote).toBe(true);
    for (const local of ['../base', 'netpol.yaml', 'config.d/web.yaml', './overlays/prod', 'base.v2/x.yaml']) expect(isRemote(local), local).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { FieldPath } from '../../../src/model/field-path.js';
import { helmLocator } from '../../../src/render/attribution/helm-locator.js';
import type { RenderedObject, RenderTarget } from '../../../src/render/types.js';
import { lineOf, readTree, renderedObject, renderHelm } from '../../helpers/rendered-objects.js';
import { tempDir } from '../../helpers/temp.js';
import { HELM_BASE, HELM_HEAD } from './fixtures.js';

const baseRoot = tempDir().write(HELM_BASE);
const headRoot = tempDir().write(HELM_HEAD);
const [baseTree, headTree] = [readTree(baseRoot), readTree(headRoot)];

const chart: RenderTarget = {
  tool: 'helm',
  path: 'charts/shop',
  name: 'prod',
  helm: { release: 'shop', namespace: 'default', values: ['values-prod.yaml'], set: {}, apiVersions: [] },
  declaredAt: { path: 'charts/shop/Chart.yaml', line: 1, endLine: 1 },
};
const options = { release: 'shop', values: ['values-prod.yaml'] };
const [before, after] = [renderHelm(baseRoot, chart.path, options), renderHelm(headRoot, chart.path, options)];

function at(object: RenderedObject, field: FieldPath, target = chart, base: ReadonlyMap<string, string> | undefined = baseTree): { path: string; line: number } {
  const { path, line } = helmLocator(object, target, headTree, base).locate(field);
  return { path, line };
}

function marked(path: string, marker: string): { path: string; line: number } {
  return { path, line: lineOf(headTree, path, `# <- ${marker}`) };
}

describe('helmLocator: values', () => {
  it('puts a policy that a values switch removed on the changed values line', () => {
    // The policy exists only on the base side; the head line that removed it is `networkPolicy.enabled: false`.
    const policy = renderedObject(before, 'NetworkPolicy', 'shop-shop');
    expect(after.some((o) => o.source === policy.source)).toBe(false);
    expect(at(policy, [])).toEqual(marked('charts/shop/values.yaml', 'policy enabled'));
  });

  it('puts the Ingress that lost its tls on the tls values line, not on the policy switch it does not read', () => {
    const ingress = renderedObject(after, 'Ingress', 'shop-shop');
    expect(ingress.text).not.toContain('tls');
    expect(at(ingress, ['spec', 'tls'])).toEqual(marked('charts/shop/values.yaml', 'tls enabled'));
  });

  it('puts a changed list value on its first changed item', () => {
    const head = new Map(headTree);
    head.set('charts/shop/values.yaml', HELM_BASE['charts/shop/values.yaml'].replace('    - gateway # <- gateway peer', '    - partner # <- partner peer'));
    const policy = renderedObject(before, 'NetworkPolicy', 'shop-shop');
    const { path, line } = helmLocator(policy, chart, head, baseTree).locate(['spec', 'ingress', 0, 'from', 1]);
    expect({ path, line }).toEqual({ path: 'charts/shop/values.yaml', line: lineOf(head, 'charts/shop/values.yaml', 'partner peer') });
  });

  it('follows a field into a values list that the template writes out with toYaml', () => {
    const values = HELM_BASE['charts/shop/values.yaml'].replace(
      '  extraIngress: []\n',
      '  extraIngress:\n    - from:\n        - namespaceSelector: {} # <- extra from anywhere\n',
    );
    const root = tempDir().write({ ...HELM_BASE, 'charts/shop/values.yaml': values });
    const head = readTree(root);
    const policy = renderedObject(renderHelm(root, chart.path, options), 'NetworkPolicy', 'shop-shop');
    expect(policy.text).toMatch(/- from:\n\s+- namespaceSelector: \{\}/);
    const locator = helmLocator(policy, chart, head, baseTree);
    const line = (marker: string): { path: string; line: number } => ({ path: 'charts/shop/values.yaml', line: lineOf(head, 'charts/shop/values.yaml', marker) });
    expect(locator.locate(['spec', 'ingress', 1, 'from', 0, 'namespaceSelector'])).toMatchObject(line('extra from anywhere'));
    // The rule as a whole: the changed item.
    expect(locator.locate(['spec', 'ingress', 1])).toMatchObject(line('    - from:'));
  });

  it('puts a value a helper reads, changed in the target values file, on that file line', () => {
    const head = new Map(headTree);
    head.set('charts/shop/values-prod.yaml', `${HELM_BASE['charts/shop/values-prod.yaml']}extraSelector: backend # <- prod selector\n`);
    const deployment = renderedObject(after, 'Deployment', 'shop-shop');
    const { path, line } = helmLocator(deployment, chart, head, headTree).locate(['spec', 'selector', 'matchLabels']);
    expect({ path, line }).toEqual({ path: 'charts/shop/values-prod.yaml', line: lineOf(head, 'charts/shop/values-prod.yaml', 'prod selector') });
  });

  it('puts a deleted key on its nearest parent left in head', () => {
    const head = new Map(headTree);
    head.set('charts/shop/values.yaml', HELM_BASE['charts/shop/values.yaml'].replace('    secretName: shop-tls\n', ''));
    const ingress = renderedObject(before, 'Ingress', 'shop-shop');
    const { path, line } = helmLocator(ingress, chart, head, baseTree).locate(['spec', 'tls', 0, 'secretName']);
    expect({ path, line }).toEqual({ path: 'charts/shop/values.yaml', line: lineOf(head, 'charts/shop/values.yaml', '  tls:') });
  });

  it('of several changed values the template reads, picks the one that names the field', () => {
    const head = new Map(headTree);
    head.set('charts/shop/values-prod.yaml', HELM_BASE['charts/shop/values-prod.yaml'].replace('shop.example.org', 'shop.example.net'));
    // Both `ingress.tls.enabled` (values.yaml) and `ingress.host` (values-prod.yaml) changed; the Ingress reads both through `with .Values.ingress`.
    const ingress = renderedObject(after, 'Ingress', 'shop-shop');
    const locator = helmLocator(ingress, chart, head, baseTree);
    expect(locator.locate(['spec', 'rules', 0, 'host'])).toMatchObject({ path: 'charts/shop/values-prod.yaml', line: lineOf(head, 'charts/shop/values-prod.yaml', 'prod host') });
    expect(locator.locate(['spec', 'tls'])).toMatchObject(marked('charts/shop/values.yaml', 'tls enabled'));
  });

  it('ignores a changed key that the target overrides with set', () => {
    const pinned: RenderTarget = { ...chart, helm: { ...chart.helm!, set: { 'ingress.tls.enabled': 'true' } } };
    const ingress = renderedObject(after, 'Ingress', 'shop-shop');
    // Nothing the Ingress reads changed otherwise, and its template did not change: its line of the field.
    expect(at(ingress, ['spec', 'tls'], pinned)).toEqual(marked('charts/shop/templates/ingress.yaml', 'tls key'));
  });
});

describe('helmLocator: templates', () => {
  it('puts a field of a subchart template that changed on the changed line', () => {
    const cache = renderedObject(after, 'NetworkPolicy', 'shop-cache');
    expect(cache.source).toBe('charts/shop/charts/cache/templates/networkpolicy.yaml');
    const opened = marked('charts/shop/charts/cache/templates/networkpolicy.yaml', 'cache opened');
    expect(at(cache, ['spec', 'ingress', 0, 'from', 0, 'namespaceSelector'])).toEqual(opened);
    // The rule that holds it: the first changed line, as the rule's own line did not change.
    expect(at(cache, ['spec', 'ingress', 0])).toEqual({ path: opened.path, line: opened.line - 1 });
  });

  it('puts a field whose template did not change on the changed line of a helper it includes', () => {
    const head = new Map(headTree);
    const helpers = 'charts/shop/templates/_helpers.tpl';
    head.set(helpers, HELM_BASE[helpers].replace('app.kubernetes.io/instance: {{ .Release.Name }}', 'app.kubernetes.io/instance: {{ .Release.Name }}\napp.kubernetes.io/part-of: shop # <- part-of'));
    const deployment = renderedObject(after, 'Deployment', 'shop-shop');
    const { path, line } = helmLocator(deployment, chart, head, headTree).locate(['spec', 'selector', 'matchLabels']);
    expect({ path, line }).toEqual({ path: helpers, line: lineOf(head, helpers, 'part-of') });
  });

  it('gives one values line for the same change in two environments of a chart', () => {
    const dev: RenderTarget = { ...chart, name: 'dev', helm: { ...chart.helm!, values: [] } };
    const inDev = renderedObject(renderHelm(baseRoot, chart.path, { release: 'shop' }), 'NetworkPolicy', 'shop-shop');
    expect(helmLocator(inDev, dev, headTree, baseTree).locate([])).toEqual(helmLocator(renderedObject(before, 'NetworkPolicy', 'shop-shop'), chart, headTree, baseTree).locate([]));
    expect(at(inDev, [], dev)).toEqual(marked('charts/shop/values.yaml', 'policy enabled'));
  });

  it('puts a template the pull request adds on its own lines, even when values it reads changed too', () => {
    const head = new Map(headTree);
    const added = 'charts/shop/templates/networkpolicy-egress.yaml';
    head.set(added, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: egress\nspec:\n  podSelector: {}\n  egress:\n    - ports: [{port: {{ .Values.replicaCount }}}]\n');
    head.set('charts/shop/values.yaml', HELM_BASE['charts/shop/values.yaml'].replace('replicaCount: 2', 'replicaCount: 3'));
    const object: RenderedObject = { text: 'kind: NetworkPolicy\n', source: added, transformations: [] };
    const locator = helmLocator(object, chart, head, baseTree);
    expect(locator.locate(['spec', 'egress', 0])).toMatchObject({ path: added, line: 7 });
    expect(locator.locate([])).toMatchObject({ path: added, line: 1 });
  });

  it("reads a subchart's global values from its parent's global", () => {
    const [base, head] = [new Map(baseTree), new Map(headTree)];
    const cacheTemplate = 'charts/shop/charts/cache/templates/networkpolicy.yaml';
    for (const tree of [base, head]) tree.set(cacheTemplate, `${HELM_HEAD[cacheTemplate]}# {{ .Values.global.strict }}\n`);
    base.set('charts/shop/values.yaml', `${HELM_BASE['charts/shop/values.yaml']}global:\n  strict: true\n`);
    head.set('charts/shop/values.yaml', `${HELM_BASE['charts/shop/values.yaml']}global:\n  strict: false # <- strict\n`);
    const cache = renderedObject(after, 'NetworkPolicy', 'shop-cache');
    const { path, line } = helmLocator(cache, chart, head, base).locate(['spec', 'podSelector']);
    expect({ path, line }).toEqual({ path: 'charts/shop/values.yaml', line: lineOf(head, 'charts/shop/values.yaml', '# <- strict') });
  });

  it("reads a subchart's values under its name in the parent's values", () => {
    const head = new Map(headTree);
    head.set('charts/shop/values-prod.yaml', `${HELM_BASE['charts/shop/values-prod.yaml']}cache:\n  port: 6380 # <- cache port\n`);
    const cache = renderedObject(before, 'NetworkPolicy', 'shop-cache');
    const { path, line } = helmLocator(cache, chart, head, headTree).locate(['spec', 'ingress', 0, 'ports', 0, 'port']);
    expect({ path, line }).toEqual({ path: 'charts/shop/values-prod.yaml', line: lineOf(head, 'charts/shop/values-prod.yaml', 'cache port') });
  });

  it('without a base, or with nothing changed, puts a field on its template line, else the first line', () => {
    const ingress = renderedObject(before, 'Ingress', 'shop-shop');
    const withoutBase = helmLocator(ingress, chart, headTree).locate(['spec', 'tls', 0, 'secretName']);
    expect({ path: withoutBase.path, line: withoutBase.line }).toEqual({ path: 'charts/shop/templates/ingress.yaml', line: lineOf(headTree, 'charts/shop/templates/ingress.yaml', 'secretName:') });
    const deployment = renderedObject(after, 'Deployment', 'shop-shop');
    // The chart version bump changes nothing the Deployment reads.
    expect(at(deployment, ['status'])).toEqual({ path: 'charts/shop/templates/deployment.yaml', line: 1 });
  });

  it('falls back to the target declaration when the template is not in the tree', () => {
    const object: RenderedObject = { text: 'kind: ConfigMap\n', source: 'charts/gone/templates/x.yaml', transformations: [] };
    expect(helmLocator(object, chart, headTree, baseTree).locate([])).toEqual(chart.declaredAt);
  });
});

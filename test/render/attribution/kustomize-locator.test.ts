import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { FieldPath } from '../../../src/model/field-path.js';
import { kustomizeLocator } from '../../../src/render/attribution/kustomize-locator.js';
import type { RenderedObject, RenderTarget } from '../../../src/render/types.js';
import { lineOf, readTree, renderedObject, renderKustomize } from '../../helpers/rendered-objects.js';
import { tempDir } from '../../helpers/temp.js';
import { KUSTOMIZE_BASE, KUSTOMIZE_HEAD, KUSTOMIZE_LEGACY } from './fixtures.js';

const base = tempDir().write(KUSTOMIZE_BASE);
const head = tempDir().write(KUSTOMIZE_HEAD);
const headTree = readTree(head);

function target(path: string): RenderTarget {
  return { tool: 'kustomize', path, name: path.split('/').pop()!, declaredAt: { path: `${path}/kustomization.yaml`, line: 1, endLine: 1 } };
}

const prod = target('deploy/overlays/prod');
const dev = target('deploy/overlays/dev');
const headProd = renderKustomize(head, prod.path);
const headDev = renderKustomize(head, dev.path);

/** The line a field of a rendered object is attributed to, with the file, in the head tree. */
function at(objects: RenderedObject[], kind: string, name: string, field: FieldPath, renderTarget = prod): { path: string; line: number } {
  const { path, line } = kustomizeLocator(renderedObject(objects, kind, name), renderTarget, headTree).locate(field);
  return { path, line };
}

function expected(path: string, marker: string): { path: string; line: number } {
  return { path, line: lineOf(headTree, path, `# <- ${marker}`) };
}

describe('kustomizeLocator: patches', () => {
  it('puts a field that a strategic-merge patch file set on the patch line', () => {
    const from = ['spec', 'ingress', 0, 'from', 0, 'namespaceSelector'];
    expect(at(headProd, 'NetworkPolicy', 'prod-api', from)).toEqual(expected('deploy/overlays/prod/open-api.yaml', 'every namespace'));
    // The patch replaced the whole ingress list (NetworkPolicy lists have no merge key): its rule and peers are the patch's.
    expect(at(headProd, 'NetworkPolicy', 'prod-api', ['spec', 'ingress', 0, 'from'])).toEqual(expected('deploy/overlays/prod/open-api.yaml', 'open from'));
  });

  it('puts a field that a JSON 6902 operation replaced on the operation\'s value', () => {
    const app = ['spec', 'ingress', 0, 'from', 0, 'podSelector', 'matchLabels', 'app'];
    expect(at(headProd, 'NetworkPolicy', 'prod-db', app)).toEqual(expected('deploy/overlays/prod/db-peers.yaml', 'db peers op'));
    // The peer that holds the replaced label changed through the operation too.
    expect(at(headProd, 'NetworkPolicy', 'prod-db', ['spec', 'ingress', 0, 'from', 0])).toEqual(expected('deploy/overlays/prod/db-peers.yaml', 'db peers op'));
  });

  it('puts a field of an inline JSON 6902 patch in a component on its line inside the component', () => {
    const component = 'deploy/components/default-deny/kustomization.yaml';
    expect(at(headProd, 'NetworkPolicy', 'prod-db', ['spec', 'policyTypes'])).toEqual(expected(component, 'policyTypes op'));
    expect(at(headProd, 'NetworkPolicy', 'prod-db', ['spec', 'policyTypes', 1])).toEqual(expected(component, 'egress type'));
  });

  it('puts an inline strategic-merge patch of a list merged by name on the item it merged into', () => {
    const rendered = renderedObject(headProd, 'Deployment', 'prod-api');
    expect(rendered.text).toContain('shop/api:2.0.0');
    expect(at(headProd, 'Deployment', 'prod-api', ['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual(expected('deploy/overlays/prod/kustomization.yaml', 'prod image'));
    // The port was not patched: it stays on the base's line.
    const port = ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort'];
    expect(at(headProd, 'Deployment', 'prod-api', port)).toEqual(expected('deploy/base/deployment.yaml', 'container port'));
  });

  it('follows an added list item by its merge key, wherever kustomize put it', () => {
    const rendered = renderedObject(headDev, 'Deployment', 'dev-api');
    const containers = (JSON.parse(JSON.stringify(parseYaml(rendered.text))) as { spec: { template: { spec: { containers: { name: string }[] } } } }).spec.template.spec.containers;
    const proxy = containers.findIndex((c) => c.name === 'proxy');
    const api = containers.findIndex((c) => c.name === 'api');
    expect([proxy, api].sort()).toEqual([0, 1]);
    expect(at(headDev, 'Deployment', 'dev-api', ['spec', 'template', 'spec', 'containers', proxy, 'image'], dev)).toEqual(expected('deploy/overlays/dev/sidecar.yaml', 'sidecar image'));
    expect(at(headDev, 'Deployment', 'dev-api', ['spec', 'template', 'spec', 'containers', api, 'image'], dev)).toEqual(expected('deploy/base/deployment.yaml', 'base image'));
  });

  it('puts an object that a `$patch: delete` removed on the directive', () => {
    // The object exists only on the base side: its head attribution is the patch that deleted it.
    const deleted = renderedObject(renderKustomize(base, prod.path), 'NetworkPolicy', 'prod-allow-monitoring');
    expect(headProd.some((o) => o.text.includes('allow-monitoring'))).toBe(false);
    const { path, line } = kustomizeLocator(deleted, prod, headTree).locate([]);
    expect({ path, line }).toEqual(expected('deploy/overlays/prod/kustomization.yaml', 'delete monitoring'));
    // On the base side, where nothing deletes it, it sits in its resource file.
    const onBase = kustomizeLocator(deleted, prod, readTree(base)).locate([]);
    expect(onBase.path).toBe('deploy/base/netpol.yaml');
    expect(onBase.line).toBe(lineOf(headTree, 'deploy/base/netpol.yaml', '# <- allow-monitoring') - 3);
  });
});

describe('kustomizeLocator: transformers', () => {
  it('puts the namespace and the prefixed name on the kustomization lines that set them', () => {
    expect(at(headProd, 'NetworkPolicy', 'prod-api', ['metadata', 'namespace'])).toEqual(expected('deploy/overlays/prod/kustomization.yaml', 'prod namespace'));
    expect(at(headProd, 'NetworkPolicy', 'prod-api', ['metadata', 'name'])).toEqual(expected('deploy/overlays/prod/kustomization.yaml', 'prod prefix'));
    expect(at(headDev, 'NetworkPolicy', 'dev-api', ['metadata', 'namespace'], dev)).toEqual(expected('deploy/overlays/dev/kustomization.yaml', 'dev namespace'));
  });

  it('puts labels that commonLabels added to selectors on the commonLabels line, and the written ones on their resource line', () => {
    const selector = ['spec', 'podSelector', 'matchLabels'];
    expect(at(headProd, 'NetworkPolicy', 'prod-api', [...selector, 'env'])).toEqual(expected('deploy/overlays/prod/kustomization.yaml', 'env label'));
    expect(at(headProd, 'NetworkPolicy', 'prod-api', [...selector, 'app'])).toEqual(expected('deploy/base/netpol.yaml', 'api pods'));
    // commonLabels reaches peer selectors too.
    expect(at(headProd, 'NetworkPolicy', 'prod-db', ['spec', 'ingress', 0, 'from', 0, 'podSelector', 'matchLabels', 'env'])).toEqual(expected('deploy/overlays/prod/kustomization.yaml', 'env label'));
  });

  it('puts a `labels:` pair of a base on its line', () => {
    expect(at(headProd, 'NetworkPolicy', 'prod-api', ['metadata', 'labels', 'app.kubernetes.io/part-of'])).toEqual(expected('deploy/base/kustomization.yaml', 'part-of'));
  });
});

describe('kustomizeLocator: resources', () => {
  it('puts an unpatched field on its line in the resource file, through a renamed object', () => {
    expect(at(headProd, 'NetworkPolicy', 'prod-db', ['spec', 'podSelector', 'matchLabels', 'app'])).toEqual(expected('deploy/base/netpol.yaml', 'db pods'));
    expect(at(headProd, 'NetworkPolicy', 'prod-default-deny', ['spec', 'podSelector'])).toEqual(expected('deploy/components/default-deny/deny.yaml', 'deny all pods'));
  });

  it('puts a missing field on its deepest written ancestor', () => {
    expect(at(headProd, 'NetworkPolicy', 'prod-db', ['spec', 'egress', 0])).toEqual({ path: 'deploy/base/netpol.yaml', line: lineOf(headTree, 'deploy/base/netpol.yaml', 'db pods') - 3 });
  });

  it('gives one source line for the same field in dev and prod', () => {
    const field = ['spec', 'ingress', 0, 'from', 0, 'namespaceSelector'];
    const inDev = at(headDev, 'NetworkPolicy', 'dev-allow-scrape', field, dev);
    expect(inDev).toEqual(at(headProd, 'NetworkPolicy', 'prod-allow-scrape', field));
    expect(inDev).toEqual({ path: 'deploy/components/scrape/allow-scrape.yaml', line: lineOf(headTree, 'deploy/components/scrape/allow-scrape.yaml', 'namespaceSelector') });
    const peer = ['spec', 'ingress', 0, 'from', 0, 'podSelector', 'matchLabels', 'app'];
    expect(at(headDev, 'NetworkPolicy', 'dev-db', peer, dev)).toEqual(expected('deploy/base/netpol.yaml', 'from api'));
  });

  it('puts an object whose file left the overlays on the list it left, given the base tree', () => {
    const dropping = new Map(headTree);
    // The PR drops the scrape component from dev and the Deployment from the base (so from dev and prod).
    dropping.set('deploy/overlays/dev/kustomization.yaml', headTree.get('deploy/overlays/dev/kustomization.yaml')!.replace('  - ../../components/scrape\n', ''));
    dropping.set('deploy/base/kustomization.yaml', headTree.get('deploy/base/kustomization.yaml')!.replace('  - deployment.yaml\n', ''));
    const devScrape = renderedObject(headDev, 'NetworkPolicy', 'dev-allow-scrape');
    const field = ['spec', 'ingress', 0, 'from', 0, 'namespaceSelector'];
    expect(kustomizeLocator(devScrape, dev, dropping, headTree).locate(field)).toMatchObject({ path: 'deploy/overlays/dev/kustomization.yaml', line: lineOf(dropping, 'deploy/overlays/dev/kustomization.yaml', 'components:') });
    const inBase = { path: 'deploy/base/kustomization.yaml', line: lineOf(dropping, 'deploy/base/kustomization.yaml', 'resources:') };
    expect(kustomizeLocator(renderedObject(headDev, 'Deployment', 'dev-api'), dev, dropping, headTree).locate([])).toMatchObject(inBase);
    expect(kustomizeLocator(renderedObject(headProd, 'Deployment', 'prod-api'), prod, dropping, headTree).locate([])).toMatchObject(inBase);
    // Without the base tree, the file (still in the head tree) is all there is.
    expect(kustomizeLocator(renderedObject(headProd, 'Deployment', 'prod-api'), prod, dropping).locate([]).path).toBe('deploy/base/deployment.yaml');
  });

  it('falls back to the target declaration when the object has no known source', () => {
    const object: RenderedObject = { text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n', transformations: [] };
    expect(kustomizeLocator(object, prod, headTree).locate(['data'])).toEqual(prod.declaredAt);
  });
});

describe('kustomizeLocator: legacy patch fields, suffixes, generators, directives', () => {
  const root = tempDir().write(KUSTOMIZE_LEGACY);
  const tree = readTree(root);
  const staging = target('apps/staging');
  const objects = renderKustomize(root, staging.path);
  const line = (kind: string, name: string, field: FieldPath): { path: string; line: number } => {
    const { path, line } = kustomizeLocator(renderedObject(objects, kind, name), staging, tree).locate(field);
    return { path, line };
  };
  const marker = (path: string, text: string): { path: string; line: number } => ({ path, line: lineOf(tree, path, `# <- ${text}`) });
  const kustomization = 'apps/staging/kustomization.yaml';

  it('puts the suffixed name on nameSuffix and labels with includeSelectors on their pair, in selectors too', () => {
    expect(line('NetworkPolicy', 'web-v2', ['metadata', 'name'])).toEqual(marker(kustomization, 'suffix'));
    expect(line('NetworkPolicy', 'web-v2', ['spec', 'podSelector', 'matchLabels', 'team'])).toEqual(marker(kustomization, 'team label'));
    expect(line('Deployment', 'web-v2', ['spec', 'template', 'metadata', 'labels', 'team'])).toEqual(marker(kustomization, 'team label'));
    expect(line('Deployment', 'web-v2', ['metadata', 'annotations', 'contact'])).toEqual(marker(kustomization, 'contact'));
  });

  it('puts a map that `$patch: replace` replaced on the patch: its written fields on their lines, its dropped ones on the directive', () => {
    expect(line('NetworkPolicy', 'web-v2', ['spec', 'podSelector', 'matchLabels', 'tier'])).toEqual(marker('apps/staging/replace-selector.yaml', 'tier'));
    expect(line('NetworkPolicy', 'web-v2', ['spec', 'podSelector', 'matchLabels', 'app'])).toEqual(marker('apps/staging/replace-selector.yaml', 'replace selector'));
  });

  it('puts an image that `images:` retagged on the newTag line', () => {
    const deployment = renderedObject(objects, 'Deployment', 'web-v2');
    expect(deployment.text).toContain('shop/web:3.1');
    expect(line('Deployment', 'web-v2', ['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual(marker(kustomization, 'web tag'));
  });

  it('puts a list item that an inline `$patch: delete` removed on the deleting item', () => {
    expect(renderedObject(objects, 'Deployment', 'web-v2').text).not.toContain('envoy');
    expect(line('Deployment', 'web-v2', ['spec', 'template', 'spec', 'containers', 1])).toEqual(marker(kustomization, 'drop proxy'));
  });

  it('applies a strategic-merge patch with a target to the selected object, whatever name it writes', () => {
    expect(line('Deployment', 'web-v2', ['spec', 'template', 'spec', 'automountServiceAccountToken'])).toEqual(marker(kustomization, 'no token'));
  });

  it('puts a field that a quoted inline patch set on the line of the patch', () => {
    expect(line('NetworkPolicy', 'web-v2', ['metadata', 'annotations', 'owner'])).toEqual(marker(kustomization, 'quoted patch'));
  });

  it('finds the resource file when a patch of metadata.annotations wiped the origin kustomize recorded', () => {
    // Replacing the annotations map drops kustomize's origin annotation; kustomize then names the kustomization.
    expect(renderedObject(objects, 'NetworkPolicy', 'web-v2').source).toBe(kustomization);
    expect(line('NetworkPolicy', 'web-v2', ['spec', 'policyTypes'])).toEqual({ path: 'apps/base/policies.yaml', line: lineOf(tree, 'apps/base/policies.yaml', 'policyTypes') });
  });

  it('puts a field that a patchesJson6902 file added on its line in the operation value', () => {
    expect(line('NetworkPolicy', 'web-v2', ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'cidr'])).toEqual(marker('apps/staging/egress.yaml', 'egress anywhere'));
  });

  it('knows that patchesJson6902 runs after the label transformer of the same kustomization', () => {
    expect(renderedObject(objects, 'NetworkPolicy', 'web-v2').text).toContain('team: platform');
    expect(line('NetworkPolicy', 'web-v2', ['metadata', 'labels', 'team'])).toEqual(marker('apps/staging/egress.yaml', 'late team'));
    expect(line('NetworkPolicy', 'web-v2', ['spec', 'podSelector', 'matchLabels', 'team'])).toEqual(marker(kustomization, 'team label'));
  });

  it('puts a generated object on its generator entry', () => {
    const configMap = objects.find((o) => o.text.includes('kind: ConfigMap'))!;
    expect(configMap.source).toBe(kustomization);
    const { path, line: at } = kustomizeLocator(configMap, staging, tree).locate(['data', 'LOG_LEVEL']);
    expect({ path, line: at }).toEqual(marker(kustomization, 'generator'));
  });

  it('without a source, finds the resource through the target; without that either, walks the kustomizations the annotations name', () => {
    const deployment = renderedObject(objects, 'Deployment', 'web-v2');
    const name = ['spec', 'template', 'spec', 'containers', 0, 'name'];
    expect(kustomizeLocator({ ...deployment, source: undefined }, staging, tree).locate(name)).toMatchObject({ path: 'apps/base/web.yaml', line: lineOf(tree, 'apps/base/web.yaml', '- name: web') });
    expect(deployment.transformations.map((t) => t.path)).toContain(kustomization);
    const withoutBase = new Map([...tree].filter(([path]) => !path.startsWith('apps/base/')));
    expect(kustomizeLocator({ ...deployment, source: undefined }, staging, withoutBase).locate(['metadata', 'name'])).toMatchObject(marker(kustomization, 'suffix'));
  });
});

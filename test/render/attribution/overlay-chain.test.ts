import { describe, expect, it } from 'vitest';
import { overlayChain } from '../../../src/render/attribution/overlay-chain.js';

describe('overlayChain', () => {
  it('orders the kustomizations as kustomize applies them: the listing one, later components, then outwards', () => {
    const tree = new Map([
      ['env/kustomization.yaml', 'resources: [../base]\ncomponents: [../c1, ../c2]\n'],
      ['base/kustomization.yaml', 'resources: [a.yaml]\n'],
      ['base/a.yaml', 'kind: ConfigMap\n'],
      ['c1/kustomization.yaml', 'kind: Component\ncomponents: [../nested]\nresources: [b.yaml]\n'],
      ['c1/b.yaml', 'kind: ConfigMap\n'],
      ['c2/kustomization.yaml', 'kind: Component\n'],
      ['nested/kustomization.yaml', 'kind: Component\n'],
    ]);
    const paths = (source: string): string[] | undefined => overlayChain('env', source, tree)?.map((k) => k.path);
    expect(paths('base/a.yaml')).toEqual(['base/kustomization.yaml', 'nested/kustomization.yaml', 'c1/kustomization.yaml', 'c2/kustomization.yaml', 'env/kustomization.yaml']);
    // A component's own resource: its nested components and itself, then only the components listed after it.
    expect(paths('c1/b.yaml')).toEqual(['nested/kustomization.yaml', 'c1/kustomization.yaml', 'c2/kustomization.yaml', 'env/kustomization.yaml']);
    expect(paths('elsewhere.yaml')).toBeUndefined();
  });

  it('stops on cycles and on trees that branch without end', () => {
    const files: [string, string][] = [['a/kustomization.yaml', 'resources: [../b]\n'], ['b/kustomization.yaml', 'resources: [../a]\n']];
    for (let i = 0; i < 40; i++) files.push([`c${i}/kustomization.yaml`, `kind: Component\ncomponents: [../c${i + 1}, ../c${i + 1}]\n`]);
    files.push(['root/kustomization.yaml', 'resources: [../a, x.yaml]\ncomponents: [../c0]\n'], ['root/x.yaml', 'kind: ConfigMap\n']);
    // Uncut, the components would expand to 2^40 applications.
    const chain = overlayChain('root', 'root/x.yaml', new Map(files));
    expect(chain?.at(-1)?.path).toBe('root/kustomization.yaml');
    expect(chain!.length).toBeLessThanOrEqual(10_001);
  });
});

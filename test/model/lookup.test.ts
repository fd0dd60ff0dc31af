import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/model/load.js';
import { lookup } from '../../src/model/lookup.js';
import { rendered } from '../helpers/render.js';

const SERVICE = (port: number) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: http\n    port: ${port}\n`;

describe('lookup of a referenced object', () => {
  it("finds the object in the referencing object's own render target, else in the plain files", async () => {
    const snapshot = await rendered({
      'dev/kustomization.yaml': 'resources:\n- svc.yaml\n', 'dev/svc.yaml': SERVICE(8080),
      'prod/kustomization.yaml': 'resources:\n- svc.yaml\n', 'prod/svc.yaml': SERVICE(443),
    });
    const model = loadSnapshot([{ path: 'class.yaml', content: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\n' }], {}, undefined, snapshot);
    const service = { group: '', kind: 'Service', namespace: 'default', name: 'web' };
    expect((lookup(model, service, { scope: 'prod' })?.spec.ports as { port: number }[])[0].port).toBe(443);
    expect((lookup(model, service, { scope: 'dev' })?.spec.ports as { port: number }[])[0].port).toBe(8080);
    // A plain file sees no rendered object; a rendered object sees the plain files.
    expect(lookup(model, service, {})).toBeUndefined();
    expect(lookup(model, { group: 'networking.k8s.io', kind: 'IngressClass', namespace: '', name: 'nginx' }, { scope: 'prod' })?.file).toBe('class.yaml');
  });
});

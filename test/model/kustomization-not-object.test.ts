import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/model/load.js';

// Online Boutique's kustomize/components/network-policies/kustomization.yaml, as far as it matters here.
const COMPONENT = 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n- network-policy-frontend.yaml\n';

describe('kustomize files read as plain files', () => {
  it('a Component or Kustomization is never an object (no manifest-invalid "has no metadata.name")', () => {
    const files = [
      { path: 'kustomize/components/network-policies/kustomization.yaml', content: COMPONENT },
      { path: 'kustomize/kustomization.yaml', content: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [base]\n' },
    ];
    expect(loadSnapshot(files).resources).toEqual([]);
    expect(analyze([], files).findings).toEqual([]);
  });
});

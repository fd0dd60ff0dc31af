import { describe, expect, it } from 'vitest';
import { followField, mergeKeysFor } from '../../../src/render/attribution/strategic-merge.js';

describe('mergeKeysFor', () => {
  it('uses the Kubernetes merge keys for built-in kinds and replaces lists that have none', () => {
    const deployment = mergeKeysFor('apps/v1', 'Deployment');
    expect(deployment(['spec', 'template', 'spec', 'containers'], [])).toBe('name');
    expect(deployment(['spec', 'template', 'spec', 'containers', 0, 'ports'], [])).toBe('containerPort');
    expect(mergeKeysFor('v1', 'Service')(['spec', 'ports'], [])).toBe('port');
    const policy = mergeKeysFor('networking.k8s.io/v1', 'NetworkPolicy');
    expect(policy(['spec', 'ingress'], [{ from: [] }])).toBeUndefined();
    expect(policy(['spec', 'ingress', 0, 'ports'], [{ port: 80 }])).toBeUndefined();
  });

  it("merges a custom resource's lists by kyaml's associative keys when every item has one", () => {
    const custom = mergeKeysFor('cilium.io/v2', 'CiliumNetworkPolicy');
    expect(custom(['spec', 'ingress'], [{ name: 'a', fromEndpoints: [] }, { name: 'b' }])).toBe('name');
    expect(custom(['spec', 'ingress'], [{ name: 'a' }, { fromEndpoints: [] }])).toBeUndefined();
  });
});

describe('followField', () => {
  const keys = mergeKeysFor('apps/v1', 'Deployment');
  const rendered = { spec: { template: { spec: { containers: [{ name: 'proxy', image: 'envoy' }, { name: 'api', image: 'api:2' }] } } } };

  it('pairs items of keyed lists by key and reports whether the document writes the field', () => {
    const patch = { spec: { template: { spec: { containers: [{ name: 'api', image: 'api:2' }] } } } };
    expect(followField(rendered, patch, ['spec', 'template', 'spec', 'containers', 1, 'image'], keys)).toEqual({ path: ['spec', 'template', 'spec', 'containers', 0, 'image'], sets: true });
    expect(followField(rendered, patch, ['spec', 'template', 'spec', 'containers', 0, 'image'], keys)).toEqual({ path: ['spec', 'template', 'spec', 'containers'], sets: false });
    expect(followField(rendered, patch, ['spec', 'replicas'], keys)).toEqual({ path: ['spec'], sets: false });
  });

  it('takes a list without a merge key as written whole, items past its end included', () => {
    const policy = { spec: { ingress: [{ from: [{ podSelector: {} }, { namespaceSelector: {} }] }] } };
    const patch = { spec: { ingress: [{ from: [{ podSelector: {} }] }] } };
    const noKeys = mergeKeysFor('networking.k8s.io/v1', 'NetworkPolicy');
    expect(followField(policy, patch, ['spec', 'ingress', 0, 'from', 1], noKeys)).toEqual({ path: ['spec', 'ingress', 0, 'from'], sets: true });
  });

  it('reads own keys only: a field named like an Object property is not written by every document', () => {
    const keys = mergeKeysFor('example.com/v1', 'Widget');
    expect(followField({ spec: { constructor: 1 } }, { spec: {} }, ['spec', 'constructor'], keys)).toEqual({ path: ['spec'], sets: false });
    expect(mergeKeysFor('v1', 'Pod')(['spec', 'toString'], [])).toBeUndefined();
  });
});

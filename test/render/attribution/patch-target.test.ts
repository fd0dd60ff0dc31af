import { describe, expect, it } from 'vitest';
import { selects, type PatchCandidate } from '../../../src/render/attribution/patch-target.js';

const policy: PatchCandidate = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  names: new Set(['api', 'prod-api']),
  namespace: 'shop',
  labels: { app: 'api', tier: 'back' },
  annotations: { owner: 'payments' },
};

describe('selects (a kustomize patch target)', () => {
  it('matches group, version, kind and any name the object had, as anchored regular expressions', () => {
    expect(selects({ group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy', name: 'api' }, policy)).toBe(true);
    expect(selects({ name: 'prod-.*' }, policy)).toBe(true);
    expect(selects({ name: 'ap' }, policy)).toBe(false);
    expect(selects({ kind: 'Network' }, policy)).toBe(false);
    expect(selects({ group: 'apps' }, policy)).toBe(false);
    expect(selects({ namespace: 'other' }, policy)).toBe(false);
    expect(selects({ kind: 'Service' }, { ...policy, apiVersion: 'v1', kind: 'Service' })).toBe(true);
  });

  it('evaluates label and annotation selectors', () => {
    expect(selects({ labelSelector: 'app=api,tier in (back, front)' }, policy)).toBe(true);
    expect(selects({ labelSelector: 'app==api,!canary' }, policy)).toBe(true);
    expect(selects({ labelSelector: 'app!=api' }, policy)).toBe(false);
    expect(selects({ labelSelector: 'tier notin (back)' }, policy)).toBe(false);
    expect(selects({ labelSelector: 'canary' }, policy)).toBe(false);
    expect(selects({ annotationSelector: 'owner=payments' }, policy)).toBe(true);
    expect(selects({ annotationSelector: 'owner=search' }, policy)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/model/load.js';
import { matches } from '../../src/model/selector.js';
import { PolicyIndex } from '../../src/model/policy-index.js';
import { toSourceFiles } from '../helpers/rule-tester.js';
import { policy } from '../rules/connectivity/fixtures.js';

const SELECTORS = [
  '{}', '{matchLabels: {app: web}}', '{matchLabels: {app: web, tier: front}}', '{matchExpressions: [{key: app, operator: In, values: [web, api]}]}',
  '{matchExpressions: [{key: app, operator: NotIn, values: [web]}]}', '{matchExpressions: [{key: tier, operator: Exists}]}',
  '{matchExpressions: [{key: tier, operator: DoesNotExist}]}', '{matchExpressions: [{key: app, operator: In, values: [db]}, {key: app, operator: In, values: [web]}]}',
  '{matchExpressions: [{key: app, operator: Bogus}]}', '{matchLabels: {app: api}}',
];
const LABELS: Record<string, string>[] = [{}, { app: 'web' }, { app: 'web', tier: 'front' }, { app: 'api' }, { app: 'db', tier: 'back' }, { tier: 'front' }];

describe('PolicyIndex.selecting', () => {
  it('finds, through its label index, exactly the policies whose podSelector matches, in model order', () => {
    const docs = SELECTORS.map((s, i) => policy(`p${i}`, 'shop', `  podSelector: ${s}`)).join('---\n');
    const index = new PolicyIndex(loadSnapshot(toSourceFiles({ 'p.yaml': `${docs}---\n${policy('other', 'elsewhere', '  podSelector: {}')}` })).resources);
    for (const labels of LABELS) {
      const expected = index.in('shop').filter((p) => matches(p.podSelector, labels)).map((p) => p.resource.name);
      expect(index.selecting('shop', labels).map((p) => p.resource.name), JSON.stringify(labels)).toEqual(expected);
    }
    expect(index.selecting('shop', { app: 'web' }).map((p) => p.resource.name)).toEqual(['p0', 'p1', 'p3', 'p6']);
    expect(index.selecting('nowhere', { app: 'web' })).toEqual([]);
  });
});

describe('PolicyIndex: rules are built for the policies that are asked about', () => {
  /** shop with a policy per app and a default deny; `reads` counts how often each policy's ingress rules are read. */
  function shop() {
    const apps = ['web', 'api', 'db'];
    const docs = [
      ...apps.map((app) => policy(`allow-${app}`, 'shop', `  podSelector: {matchLabels: {app: ${app}}}`, '  ingress:', '  - from: [{podSelector: {}}]')),
      policy('default-deny', 'shop', '  podSelector: {}', '  policyTypes: [Ingress, Egress]'),
    ].join('---\n');
    const resources = loadSnapshot(toSourceFiles({ 'p.yaml': docs })).resources;
    const reads = new Map<string, number>();
    for (const r of resources) {
      const spec = r.object.spec as Record<string, unknown>;
      const ingress = spec.ingress;
      Object.defineProperty(spec, 'ingress', { enumerable: true, get: () => { reads.set(r.name, (reads.get(r.name) ?? 0) + 1); return ingress; } });
    }
    return { index: new PolicyIndex(resources), reads };
  }

  it('selecting a pod builds the rules of the policies that select it only', () => {
    const { index, reads } = shop();
    const selected = index.selecting('shop', { app: 'api' });
    expect(selected.map((p) => p.resource.name)).toEqual(['allow-api', 'default-deny']);
    expect(selected[0].rules.ingress).toHaveLength(1);
    expect([...reads.keys()].sort()).toEqual(['allow-api', 'default-deny']);
  });

  it('where() filters by selection and gives what in() gives for the accepted policies', () => {
    const { index, reads } = shop();
    const isolatingEgress = index.where('shop', (p) => p.isolates.egress);
    expect(isolatingEgress.map((p) => p.resource.name)).toEqual(['default-deny']);
    expect([...reads.keys()]).toEqual(['default-deny']);
    for (const test of [(p: { isolates: { ingress: boolean } }) => p.isolates.ingress, () => false]) {
      expect(index.where('shop', test)).toEqual(index.in('shop').filter(test));
    }
  });
});

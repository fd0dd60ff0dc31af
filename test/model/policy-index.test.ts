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

import { describe, expect, it } from 'vitest';
import {
  compareSelectors, describeSelector, isSubsetOf, matches, overlaps, parseSelector, selectsEverything, selectsNothing,
  type SelectorRelation,
} from '../../src/model/selector.js';

const s = (raw: unknown) => parseSelector(raw);
const In = (key: string, ...values: string[]) => ({ key, operator: 'In', values });
const NotIn = (key: string, ...values: string[]) => ({ key, operator: 'NotIn', values });
const Exists = (key: string) => ({ key, operator: 'Exists' });
const DoesNotExist = (key: string) => ({ key, operator: 'DoesNotExist' });

/** [before, after, how after relates to before] */
const cases: [string, unknown, unknown, SelectorRelation][] = [
  ['identical matchLabels', { matchLabels: { app: 'web' } }, { matchLabels: { app: 'web' } }, 'equal'],
  ['matchLabels vs the same as In with one value', { matchLabels: { app: 'web' } }, { matchExpressions: [In('app', 'web')] }, 'equal'],
  ['absent and {} both select everything', undefined, {}, 'equal'],
  ['Exists + NotIn vs NotIn with the absence spelled out', { matchExpressions: [Exists('app'), NotIn('app', 'a')] }, { matchExpressions: [NotIn('app', 'a'), Exists('app')] }, 'equal'],
  ['a label dropped', { matchLabels: { app: 'web', tier: 'front' } }, { matchLabels: { app: 'web' } }, 'superset'],
  ['a label added', { matchLabels: { app: 'web' } }, { matchLabels: { app: 'web', tier: 'front' } }, 'subset'],
  ['everything from a selector', { matchLabels: { app: 'web' } }, {}, 'superset'],
  ['an In value added', { matchExpressions: [In('env', 'prod')] }, { matchExpressions: [In('env', 'prod', 'staging')] }, 'superset'],
  ['an In value removed', { matchExpressions: [In('env', 'prod', 'staging')] }, { matchExpressions: [In('env', 'prod')] }, 'subset'],
  ['a NotIn value removed', { matchExpressions: [NotIn('env', 'dev', 'test')] }, { matchExpressions: [NotIn('env', 'dev')] }, 'superset'],
  ['a NotIn value added', { matchExpressions: [NotIn('env', 'dev')] }, { matchExpressions: [NotIn('env', 'dev', 'test')] }, 'subset'],
  ['an expression removed', { matchLabels: { app: 'web' }, matchExpressions: [Exists('team')] }, { matchLabels: { app: 'web' } }, 'superset'],
  ['In → Exists', { matchExpressions: [In('team', 'a')] }, { matchExpressions: [Exists('team')] }, 'superset'],
  ['Exists → NotIn (NotIn also matches pods without the label)', { matchExpressions: [Exists('team')] }, { matchExpressions: [NotIn('team', 'x')] }, 'incomparable'],
  ['DoesNotExist → NotIn', { matchExpressions: [DoesNotExist('team')] }, { matchExpressions: [NotIn('team', 'x')] }, 'superset'],
  ['DoesNotExist → Exists', { matchExpressions: [DoesNotExist('team')] }, { matchExpressions: [Exists('team')] }, 'incomparable'],
  ['In → NotIn of other values', { matchExpressions: [In('env', 'prod')] }, { matchExpressions: [NotIn('env', 'dev')] }, 'superset'],
  ['one label swapped for another', { matchLabels: { app: 'web' } }, { matchLabels: { app: 'api' } }, 'incomparable'],
  ['label moved to another key', { matchLabels: { app: 'web' } }, { matchLabels: { name: 'web' } }, 'incomparable'],
  ['contradiction (selects nothing) → anything', { matchExpressions: [In('app', 'a'), NotIn('app', 'a')] }, { matchLabels: { app: 'b' } }, 'superset'],
  ['anything → an unknown operator (rejected, selects nothing)', { matchLabels: { app: 'b' } }, { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['b'] }] }, 'subset'],
];

describe('compareSelectors: logic, not text', () => {
  for (const [name, before, after, relation] of cases) {
    it(`${name}: ${relation}`, () => {
      expect(compareSelectors(s(before), s(after))).toBe(relation);
      const inverse: Record<SelectorRelation, SelectorRelation> = { equal: 'equal', superset: 'subset', subset: 'superset', incomparable: 'incomparable' };
      expect(compareSelectors(s(after), s(before))).toBe(inverse[relation]);
    });
  }
});

describe('matches', () => {
  const sel = s({ matchLabels: { app: 'web' }, matchExpressions: [In('env', 'prod', 'staging'), NotIn('tier', 'db'), Exists('team'), DoesNotExist('legacy')] });
  it.each([
    [{ app: 'web', env: 'prod', team: 'a' }, true],
    [{ app: 'web', env: 'staging', team: 'a', tier: 'front' }, true],
    [{ app: 'web', env: 'dev', team: 'a' }, false],
    [{ app: 'web', env: 'prod', team: 'a', tier: 'db' }, false],
    [{ app: 'web', env: 'prod' }, false],
    [{ app: 'web', env: 'prod', team: 'a', legacy: '' }, false],
    [{ app: 'api', env: 'prod', team: 'a' }, false],
  ])('%o → %s', (labels, expected) => {
    expect(matches(sel, labels)).toBe(expected);
  });
  it('an empty selector matches every label set, an invalid one none', () => {
    expect(matches(s({}), {})).toBe(true);
    expect(matches(s({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }), { a: '' })).toBe(false);
  });
});

describe('selectsEverything / selectsNothing / overlaps / isSubsetOf', () => {
  it('recognises the extremes', () => {
    expect(selectsEverything(s(undefined))).toBe(true);
    expect(selectsEverything(s({ matchLabels: {} , matchExpressions: [] }))).toBe(true);
    expect(selectsEverything(s({ matchExpressions: [Exists('a')] }))).toBe(false);
    expect(selectsNothing(s({ matchExpressions: [Exists('a'), DoesNotExist('a')] }))).toBe(true);
    expect(selectsNothing(s({ matchLabels: { a: 'x' }, matchExpressions: [In('a', 'y')] }))).toBe(true);
    expect(selectsNothing(s({ matchLabels: { a: 'x' } }))).toBe(false);
  });
  it('overlaps when one label set can satisfy both', () => {
    expect(overlaps(s({ matchLabels: { app: 'web' } }), s({ matchLabels: { tier: 'front' } }))).toBe(true);
    expect(overlaps(s({ matchLabels: { app: 'web' } }), s({ matchExpressions: [NotIn('app', 'web')] }))).toBe(false);
    expect(overlaps(s({ matchExpressions: [In('env', 'a', 'b')] }), s({ matchExpressions: [In('env', 'b', 'c')] }))).toBe(true);
    expect(overlaps(s({ matchExpressions: [DoesNotExist('env')] }), s({ matchExpressions: [NotIn('env', 'x')] }))).toBe(true);
  });
  it('isSubsetOf is reflexive and respects everything/nothing', () => {
    const web = s({ matchLabels: { app: 'web' } });
    expect(isSubsetOf(web, web)).toBe(true);
    expect(isSubsetOf(web, s({}))).toBe(true);
    expect(isSubsetOf(s({}), web)).toBe(false);
  });
});

describe('parseSelector validation (what the API server rejects)', () => {
  it.each([
    [{ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, 'In on "a" needs values'],
    [{ matchExpressions: [{ key: 'a', operator: 'NotIn' }] }, 'NotIn on "a" needs values'],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, 'Exists on "a" takes no values'],
    [{ matchExpressions: [{ key: 'a', operator: 'DoesNotExist', values: ['x'] }] }, 'DoesNotExist on "a" takes no values'],
    [{ matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] }, 'unknown operator "in"'],
    [{ matchExpressions: [{ operator: 'Exists' }] }, 'a matchExpression has no key'],
    [{ matchLabels: ['a'] }, 'matchLabels is not a map'],
    ['app=web', 'selector is not an object'],
  ])('%o: %s', (raw, message) => {
    expect(s(raw).invalid).toBe(message);
  });
});

describe('describeSelector', () => {
  it('renders each constraint shape', () => {
    expect(describeSelector(s({}))).toBe('{}');
    expect(describeSelector(s({ matchLabels: { tier: 'a', app: 'web' } }))).toBe('{app: web, tier: a}');
    expect(describeSelector(s({ matchExpressions: [In('env', 'b', 'a'), Exists('team'), DoesNotExist('legacy')] }))).toBe('{env In (a, b), !legacy, team}');
    expect(describeSelector(s({ matchExpressions: [NotIn('env', 'dev')] }))).toBe('{env NotIn (dev)}');
    expect(describeSelector(s({ matchExpressions: [Exists('env'), NotIn('env', 'dev')] }))).toBe('{env NotIn (dev) and set}');
  });
});

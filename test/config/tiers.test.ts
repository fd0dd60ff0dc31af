import { describe, expect, it } from 'vitest';
import { ConfigError, configFromData, parseConfig, serializeConfigSchema } from '../../src/config/load.js';

const FILE = '.github/segguard.yml';

function problemsOf(text: string): string[] {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('tiers configuration', () => {
  it('resolves every key, with the default label', () => {
    const config = parseConfig([
      'tiers:',
      '  order: [critical, internal, public]',
      '  default: internal',
      '  namespaces: {payments: critical, blog: public}',
    ].join('\n'), FILE);
    expect(config.tiers).toEqual({
      order: ['critical', 'internal', 'public'], default: 'internal',
      namespaces: { payments: 'critical', blog: 'public' }, label: 'segguard.io/tier',
    });
    expect(parseConfig('tiers:\n  order: [a, b]\n  label: example.com/trust\n', FILE).tiers).toEqual({ order: ['a', 'b'], namespaces: {}, label: 'example.com/trust' });
  });

  it('is absent when not configured', () => {
    expect(parseConfig('fail-on: low\n', FILE).tiers).toBeUndefined();
  });

  it('names the line of a tier that is not in order', () => {
    expect(problemsOf([
      'fail-on: high',
      'tiers:',
      '  order: [critical, internal, public]',
      '  default: internl',
      '  namespaces:',
      '    payments: critical',
      '    blog: publc',
    ].join('\n'))).toEqual([
      `${FILE}:4: tiers.default: "internl" is not one of the tiers in tiers.order (critical, internal, public)`,
      `${FILE}:7: tiers.namespaces.blog: "publc" is not one of the tiers in tiers.order (critical, internal, public)`,
    ]);
  });

  it('rejects an empty or missing order, a repeated tier and unknown keys', () => {
    expect(problemsOf('tiers:\n  order: []\n')).toEqual([`${FILE}:2: tiers.order: must list at least one item`]);
    expect(problemsOf('tiers:\n  default: internal\n')).toEqual([`${FILE}:2: tiers: must have required property 'order'`]);
    expect(problemsOf('tiers:\n  order: [a, b, a]\n')).toEqual([`${FILE}:2: tiers.order: lists "a" more than once`]);
    expect(problemsOf('tiers:\n  order: [a]\n  lable: x\n')).toEqual([`${FILE}:3: unknown key "tiers.lable" (did you mean "label"?)`]);
    expect(problemsOf('tiers:\n  order: [a]\n  namespaces: {blog: 1}\n')).toEqual([`${FILE}:3: tiers.namespaces.blog: must be a string, not an integer`]);
  });

  it('checks decoded data (the App) the same way, naming the key', () => {
    expect(() => configFromData({ tiers: { order: ['a'], default: 'b' } }, FILE)).toThrow(`${FILE}: tiers.default: "b" is not one of the tiers in tiers.order (a)`);
    expect(configFromData({ tiers: { order: ['a'], namespaces: { x: 'a' } } }, FILE).tiers).toEqual({ order: ['a'], namespaces: { x: 'a' }, label: 'segguard.io/tier' });
  });

  it('is described in the schema', () => {
    const schema = JSON.parse(serializeConfigSchema()) as { properties: { tiers: { properties: Record<string, { description?: string }> } } };
    expect(Object.keys(schema.properties.tiers.properties)).toEqual(['order', 'default', 'namespaces', 'label']);
    for (const key of Object.values(schema.properties.tiers.properties)) expect(key.description?.length).toBeGreaterThan(20);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, configFromData, parseConfig, serializeConfigSchema } from '../../src/config/load.js';

const FILE = '.github/segguard.yml';

/** Asserts that the text is rejected with exactly these problems. */
function rejects(text: string, problems: string[]): void {
  expect(() => parseConfig(text, FILE)).toThrow(new ConfigError(problems));
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
    rejects([
      'fail-on: high',
      'tiers:',
      '  order: [critical, internal, public]',
      '  default: internl',
      '  namespaces:',
      '    payments: critical',
      '    blog: publc',
    ].join('\n'), [
      `${FILE}:4: tiers.default: "internl" is not one of the tiers in tiers.order (critical, internal, public)`,
      `${FILE}:7: tiers.namespaces.blog: "publc" is not one of the tiers in tiers.order (critical, internal, public)`,
    ]);
  });

  it('rejects an empty or missing order, a repeated tier and unknown keys', () => {
    rejects('tiers:\n  order: []\n', [`${FILE}:2: tiers.order: must list at least one item`]);
    rejects('tiers:\n  default: internal\n', [`${FILE}:2: tiers: must have required property 'order'`]);
    rejects('tiers:\n  order: [a, b, a]\n', [`${FILE}:2: tiers.order: lists "a" more than once`]);
    rejects('tiers:\n  order: [a]\n  lable: x\n', [`${FILE}:3: unknown key "tiers.lable" (did you mean "label"?)`]);
    rejects('tiers:\n  order: [a]\n  namespaces: {blog: 1}\n', [`${FILE}:3: tiers.namespaces.blog: must be a string, not an integer`]);
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

import * as jsYaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/model/load.js';
import { KUBERNETES_JS_YAML_SCHEMA, KUBERNETES_YAML_OPTIONS, resolvePlainScalar } from '../../src/model/yaml11.js';

/**
 * Plain scalars and the value go-yaml v2 (sigs.k8s.io/yaml, kubectl's decoder) gives them: resolve() in go-yaml's
 * resolve.go, ints by strconv.ParseInt(s without `_`, 0, 64) then ParseUint, then its yamlStyleFloat.
 */
const TABLE: [string, unknown][] = [
  // Integers: Go's base-0 syntax (octal by a leading 0, 0o, 0x, 0b, any case), a sign, underscores anywhere after the first character.
  ['80', 80], ['+80', 80], ['-80', -80], ['0120', 80], ['0o120', 80], ['0O120', 80], ['0x50', 80], ['0X50', 80],
  ['0b1010000', 80], ['0B1010000', 80], ['-0b101', -5], ['-0x50', -80], ['8_0', 80], ['8__0_', 80], ['0x_5_0', 80],
  ['1_000', 1000], ['0', 0], ['-0', 0], ['00', 0],
  // Past int64: ParseUint for an unsigned text; a signed one, or past uint64, falls to the float syntax (decimal only).
  // (The nearest doubles: 2 ** 63 for int64's maximum, 2 ** 64 for uint64's.)
  ['9223372036854775807', 2 ** 63], ['18446744073709551615', 2 ** 64],
  ['0xFFFFFFFFFFFFFFFF', 2 ** 64], ['+0xFFFFFFFFFFFFFFFF', '+0xFFFFFFFFFFFFFFFF'],
  ['0x10000000000000000', '0x10000000000000000'], ['-9223372036854775808', -(2 ** 63)],
  ['-0x8000000000000001', '-0x8000000000000001'], ['0777777777777777777777', 2 ** 63],
  // 66 bits of octal: past uint64, so go-yaml's float syntax reads the digits as decimal.
  ['07777777777777777777777', Number('7777777777777777777777')],
  // Floats: not an octal int, yet a float (08 is 8); `.` forms; Go's ParseFloat range.
  ['08', 8], ['09.5', 9.5], ['1.5', 1.5], ['1.', 1], ['1e3', 1000], ['1_0.5', 10.5], ['.5', 0.5], ['+.5', 0.5],
  ['-1.5e-1', -0.15], ['.5e1', 5], ['._5', '._5'], ['1e999', '1e999'],
  ['.inf', Infinity], ['.Inf', Infinity], ['+.INF', Infinity], ['-.inf', -Infinity], ['.nan', NaN], ['.NaN', NaN],
  // Booleans and nulls: go-yaml's word table, exactly.
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'].map((w): [string, unknown] => [w, true]),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'].map((w): [string, unknown] => [w, false]),
  ['~', null], ['null', null], ['Null', null], ['NULL', null],
  // Everything else stays text: no sexagesimal, no timestamps, mixed case words, incomplete literals.
  ...['1:20', '190:20:30', '2001-12-14', 'yES', 'oN', 'nULL', 'nan', 'inf', '-.5e', '0x', '0b2', '0o8', '+', '_80',
    '12e', 'http', 'web', '10.0.0.0/8', '1.2.3', '0x1p3', 'Infinity', '<<'].map((w): [string, unknown] => [w, w]),
];

describe('YAML 1.1 plain scalars, as kubectl reads them, on both decoding paths', () => {
  it.each(TABLE)('%s', (source, expected) => {
    expect(resolvePlainScalar(source)).toEqual(expected);
    const text = `v: ${source}\n`;
    expect((jsYaml.load(text, { schema: KUBERNETES_JS_YAML_SCHEMA }) as { v: unknown }).v).toEqual(expected);
    const doc = parseDocument(text, KUBERNETES_YAML_OPTIONS);
    expect(doc.errors).toEqual([]);
    expect((doc.toJS() as { v: unknown }).v).toEqual(expected);
  });

  it('an empty value is null on both paths', () => {
    expect(jsYaml.load('v:\n', { schema: KUBERNETES_JS_YAML_SCHEMA })).toEqual({ v: null });
    expect(parseDocument('v:\n', KUBERNETES_YAML_OPTIONS).toJS()).toEqual({ v: null });
  });

  it('quoted and block scalars stay strings on both paths', () => {
    const text = 'a: "0120"\nb: \'yes\'\nc: |\n  8_0\nd: >-\n  on\n';
    const expected = { a: '0120', b: 'yes', c: '8_0\n', d: 'on' };
    expect(jsYaml.load(text, { schema: KUBERNETES_JS_YAML_SCHEMA })).toEqual(expected);
    expect(parseDocument(text, KUBERNETES_YAML_OPTIONS).toJS()).toEqual(expected);
  });

  it('keys are resolved too (then written as strings, as sigs.k8s.io/yaml converts them)', () => {
    const text = 'yes: a\n0120: b\n"on": c\n';
    expect(jsYaml.load(text, { schema: KUBERNETES_JS_YAML_SCHEMA })).toEqual({ true: 'a', 80: 'b', on: 'c' });
    expect(parseDocument(text, KUBERNETES_YAML_OPTIONS).toJS()).toEqual({ true: 'a', 80: 'b', on: 'c' });
  });

  it('the loader reads the same values whichever path a file takes (an alias sends it to the careful path)', () => {
    const policy = (extra: string) => [
      'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: np, namespace: shop}',
      'spec:', '  podSelector: &sel {}', '  ingress:', '    - ports: [{port: 0120}, {port: 8_0}, {port: 0x50, endPort: 0b1010001}]',
      extra, '',
    ].join('\n');
    const model = loadSnapshot([{ path: 'fast.yaml', content: policy('') }, { path: 'careful.yaml', content: policy('  egress: [{to: [{podSelector: *sel}]}]').replace('name: np', 'name: np2') }]);
    const ports = model.resources.map((r) => (r.spec.ingress as { ports: unknown }[])[0].ports);
    expect(ports).toEqual([
      [{ port: 80 }, { port: 80 }, { port: 80, endPort: 81 }],
      [{ port: 80 }, { port: 80 }, { port: 80, endPort: 81 }],
    ]);
  });
});

describe('sequences (trimmed to their length once complete)', () => {
  const decode = (text: string) => jsYaml.loadAll(text, { schema: KUBERNETES_JS_YAML_SCHEMA });

  it('decode to plain arrays with their items: block, flow, nested, empty, in several documents', () => {
    const text = 'a:\n  - 1\n  - [x, {z: [2, 3]}]\n  - []\nb: [0120, yes, "no"]\n---\n- - deep\n---\n[]\n';
    const docs = decode(text);
    expect(docs).toEqual([{ a: [1, ['x', { z: [2, 3] }], []], b: [80, true, 'no'] }, [['deep']], []]);
    const a = (docs[0] as { a: unknown[] }).a;
    expect(Object.getPrototypeOf(a)).toBe(Array.prototype);
    expect(a).toHaveLength(3);
  });

  it('an anchored sequence and its aliases are the same values', () => {
    const [doc] = decode('a: &ports [80, 443]\nb: *ports\nc: [*ports, *ports]\n') as { a: number[]; b: number[]; c: number[][] }[];
    expect(doc).toEqual({ a: [80, 443], b: [80, 443], c: [[80, 443], [80, 443]] });
  });
});

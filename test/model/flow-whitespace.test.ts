import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { relaxFlowWhitespace } from '../../src/model/flow-whitespace.js';
import { yaml } from '../helpers/rule-tester.js';

const decode = (text: string) => jsYaml.loadAll(text);

describe('relaxFlowWhitespace: the whitespace go-yaml accepts in flow collections', () => {
  it('a tab before an item at column 0, and tabs between flow tokens, become spaces; lines are kept', () => {
    const text = yaml('spec:', '  - ports: [80,', '\t443]', '    sel: {a:\tb,\t c: d}');
    const relaxed = relaxFlowWhitespace(text);
    expect(() => decode(text)).toThrow(/deficient indentation/);
    expect(relaxed.split('\n')).toHaveLength(text.split('\n').length);
    expect(relaxed).not.toContain('\t');
    expect(decode(relaxed)).toEqual([{ spec: [{ ports: [80, 443], sel: { a: 'b', c: 'd' } }] }]);
  });

  it('continuation lines indented less than their block (spaces) are indented past it', () => {
    const text = yaml('spec:', '  ingress:', '  - ports: [a,', 'b]');
    expect(decode(relaxFlowWhitespace(text))).toEqual([{ spec: { ingress: [{ ports: ['a', 'b'] }] } }]);
  });

  it('leaves values alone: a tab inside a plain scalar, quoted text, comments, block scalars, block indentation', () => {
    const text = yaml(
      'a: [x\ty,', //                  a tab inside a plain scalar
      '\t"q\t[r",', //                 a tab and a bracket inside quotes
      "\t'it''s\t{' # c\t[ ]", //      single quotes with an escaped quote; a comment
      ']',
      'b: |',
      '  [not\tflow', //               a block scalar: not a flow collection
      '\t',
      'c: "multi',
      '  [line\t"',
    );
    const relaxed = relaxFlowWhitespace(text);
    expect(decode(relaxed)).toEqual([{ a: ['x\ty', 'q\t[r', "it's\t{"], b: '[not\tflow\n', c: 'multi [line\t' }]);
    expect(relaxed.split('\n').slice(4)).toEqual(text.split('\n').slice(4));
  });

  it('returns the very text when there is nothing to relax, and never changes what valid YAML means', () => {
    const plain = yaml('a: [1, 2]', 'b: {c: d}');
    expect(relaxFlowWhitespace(plain)).toBe(plain);
    // Helm templates (examples/helm) are not YAML until Helm renders them.
    const files = readdirSync('examples', { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f) && !/(^|[\\/])templates[\\/]/.test(f));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(join('examples', file), 'utf8');
      expect({ file, docs: decode(relaxFlowWhitespace(text)) }).toEqual({ file, docs: decode(text) });
    }
  });
});

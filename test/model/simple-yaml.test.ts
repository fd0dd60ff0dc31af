import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { decodeSimpleDocument, NOT_SIMPLE } from '../../src/model/simple-yaml.js';
import { MAX_NESTING_DEPTH } from '../../src/model/positions.js';
import { KUBERNETES_JS_YAML_SCHEMA } from '../../src/model/yaml11.js';
import { mutate, MUTATION } from '../fuzz/mutations.js';

/**
 * The direct decoder answers only when its answer is js-yaml's (with the Kubernetes schema): checked on every
 * document of the examples and the fixtures, on mutations of them, and on the constructs it leaves to js-yaml.
 */

type Decoded = { value: unknown } | { error: string };

function jsYamlOf(text: string): Decoded {
  try {
    return { value: jsYaml.load(text, { schema: KUBERNETES_JS_YAML_SCHEMA, maxDepth: MAX_NESTING_DEPTH }) };
  } catch (error) {
    return { error: String(error) };
  }
}

/** The documents of a file: its texts between `---` lines that have content. */
const documentsOf = (text: string) => text.split(/^---\r?$/m).filter((piece) => /^[ \t]*[^ \t\r\n#]/m.test(piece));

/** Every YAML file of the examples and the test fixtures (the oracle inputs, kubectl's, Helm's and kustomize's). */
const yamlFiles = ['examples', 'test/fixtures'].flatMap((dir) => readdirSync(join(import.meta.dirname, '../..', dir), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
  .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8')));
const documents = yamlFiles.flatMap(documentsOf);
const simpleDocuments = documents.filter((doc) => decodeSimpleDocument(doc) !== NOT_SIMPLE);

/**
 * Flow collections decoded in every test, shared: a flow text decoded in one document is the very object given in
 * another, so each agreement below also checks that sharing gives what decoding would.
 */
const flows = new Map<string, unknown>();

/** Simple, then js-yaml's value exactly (-0 and 0, key order aside, types and all); or not simple. */
function expectAgrees(text: string): void {
  const simple = decodeSimpleDocument(text, flows);
  if (simple === NOT_SIMPLE) return;
  const reference = jsYamlOf(text);
  expect(reference, JSON.stringify(text)).not.toHaveProperty('error');
  expect(isDeepStrictEqual(simple, (reference as { value: unknown }).value), JSON.stringify(text)).toBe(true);
}

/** YAML's significant characters and tokens, and scalars YAML 1.1 reads as other than strings. */
const TOKEN = fc.constantFrom(' ', '  ', '\n', '\n  ', '\n- ', ':', ': ', ':x', '-', '- ', '- - ', '#', ' #', "'", "''", '"', '\\', '[', ']',
  '{', '}', ',', '?', '? ', '&a ', '*a', '!', '!!str ', '|', '>', '%', '@', '`', '~', '\t', '\r', '\u0085', '\u00a0', '\u2028', '\ufeff',
  'yes', 'on', 'null', '0x1F', '0o17', '0777', '1_000', '.5', '-.inf', '+1', '1e3', '1:20', '__proto__', 'a: b', '[a]', '{a: b}', 'é');

describe('simple YAML decoding', () => {
  it('reads most documents of the examples and fixtures, each exactly as js-yaml does', () => {
    expect(documents.length).toBeGreaterThan(500);
    // Without this the test could pass by declining everything.
    expect(simpleDocuments.length / documents.length).toBeGreaterThan(0.5);
    for (const doc of documents) expectAgrees(doc);
  });

  it('agrees with js-yaml on mutated documents, or declines them', () => {
    let simple = 0;
    fc.assert(fc.property(
      fc.nat({ max: simpleDocuments.length - 1 }),
      fc.array(fc.oneof(
        MUTATION.map((mutation) => (text: string) => mutate(text, [mutation])),
        fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), token: TOKEN, cut: fc.nat({ max: 3 }) })
          .map(({ at, token, cut }) => (text: string) => {
            const offset = Math.floor(text.length * at);
            return text.slice(0, offset) + token + text.slice(offset + cut);
          }),
      ), { minLength: 1, maxLength: 3 }),
      (index, edits) => {
        const text = edits.reduce((doc, edit) => edit(doc), simpleDocuments[index]);
        if (decodeSimpleDocument(text) !== NOT_SIMPLE) simple++;
        expectAgrees(text);
      },
    ), { numRuns: 20_000, seed: 20_261_203 });
    // Many mutations leave a simple document: the agreement was tested, not only the declining.
    expect(simple).toBeGreaterThan(3_000);
  });

  it.each([
    ['plain scalars as YAML 1.1 reads them', 'a: 0120\nb: 8_0\nc: yes\nd: 1:20\ne: ~\nf:\ng: .5\nh: -.inf\ni: 0x1F\nj: b:c\nk: x#y\nl: -x', {
      a: 80, b: 80, c: true, d: '1:20', e: null, f: null, g: 0.5, h: -Infinity, i: 31, j: 'b:c', k: 'x#y', l: '-x',
    }],
    ['quoted scalars, comments and flow collections', "a: 'it''s' # c\nb: \"80\"\nc: [x, 'y', [1, {d: e}], ]\nf: {g: h, 'i': j}\n", {
      a: "it's", b: '80', c: ['x', 'y', [1, { d: 'e' }]], f: { g: 'h', i: 'j' },
    }],
    ['sequences beside and under their keys, compact mappings in them', 'a:\n- 1\n- b: c\n  d:\n  - e\n-\n  f: g\n- \nh: i', {
      a: [1, { b: 'c', d: ['e'] }, { f: 'g' }, null], h: 'i',
    }],
  ])('decodes %s', (_, text, expected) => {
    expect(decodeSimpleDocument(text)).toEqual(expected);
    expectAgrees(text);
  });

  it.each([
    ['a block scalar', 'a: |\n  text\n'],
    ['a folded scalar', 'a: >-\n  text\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 80\n'],
    ['a plain scalar over two lines', 'a: one\n  two\n'],
    ['a flow collection over two lines', 'a: [one,\n  two]\n'],
    ['an escape in a double-quoted scalar', 'a: "x\\ty"\n'],
    ['a quoted scalar over two lines', "a: 'one\n  two'\n"],
    ['a duplicated key', 'a: 1\na: 2\n'],
    ['a duplicated key in a flow mapping', 'a: {b: 1, b: 2}\n'],
    ['a key read as a boolean', 'on: push\n'],
    ['a key read as a number', '80: http\n'],
    ['the prototype key', '__proto__: {polluted: true}\n'],
    ['the prototype key, quoted', '"__proto__": {polluted: true}\n'],
    ['a tab', 'a:\tb\n'],
    ['a CR', 'a: b\r\nc: d\r\n'],
    ['a control character', 'a: b\u0007\n'],
    ['a byte order mark inside', 'a: b\ufeff\n'],
    ['a complex key', '? a\n: b\n'],
    ['a scalar document', 'just text\n'],
    ['a mapping value on a value', 'a: b: c\n'],
    ['a sequence entry in a mapping', 'a: 1\n- b\n'],
    ['a misaligned key', 'a:\n    b: 1\n  c: 2\n'],
    ['a nested sequence on one line', '- - a\n'],
    ['a single-pair mapping in a flow sequence', 'a: [b: c]\n'],
    ['an empty flow entry', 'a: [b, , c]\n'],
  ])('leaves %s to js-yaml', (_, text) => {
    expect(decodeSimpleDocument(text)).toBe(NOT_SIMPLE);
  });

  it('gives one object for each flow collection text, in whatever document it is written', () => {
    const shared = new Map<string, unknown>();
    const workload = decodeSimpleDocument('metadata:\n  labels: {app: web}\nspec:\n  selector: {app: web}\n  ports: [80]\n', shared) as {
      metadata: { labels: object }; spec: { selector: object; ports: number[] };
    };
    const service = decodeSimpleDocument('spec:\n  selector: {app: web}\n  ports: [443]\n', shared) as { spec: { selector: object; ports: number[] } };
    expect(workload.spec.selector).toBe(workload.metadata.labels);
    expect(service.spec.selector).toBe(workload.metadata.labels);
    expect(service.spec.ports).toEqual([443]);
    expect(service.spec.ports).not.toBe(workload.spec.ports);
    // Without a map, each is its own object.
    const alone = decodeSimpleDocument('a: {app: web}\nb: {app: web}\n') as { a: object; b: object };
    expect(alone.a).not.toBe(alone.b);
    expect(alone.a).toEqual(alone.b);
  });

  it('leaves nesting past the limit to js-yaml, which reports it', () => {
    const deep = Array.from({ length: MAX_NESTING_DEPTH + 1 }, (_, d) => `${'  '.repeat(d)}k${d}:`).join('\n');
    expect(decodeSimpleDocument(deep)).toBe(NOT_SIMPLE);
    expect(decodeSimpleDocument(`a: ${'['.repeat(MAX_NESTING_DEPTH + 1)}1${']'.repeat(MAX_NESTING_DEPTH + 1)}\n`)).toBe(NOT_SIMPLE);
    const shallow = Array.from({ length: 10 }, (_, d) => `${'  '.repeat(d)}k${d}:`).join('\n');
    expectAgrees(shallow);
    expect(decodeSimpleDocument(shallow)).not.toBe(NOT_SIMPLE);
  });

  it('applies the nesting limit to a flow collection it found by its text, as to one it decodes', () => {
    const shared = new Map<string, unknown>();
    const flow = '[[[1, {a: [2]}]]]';
    expect(decodeSimpleDocument(`a: ${flow}\n`, shared)).toEqual({ a: [[[1, { a: [2] }]]] });
    const at = (levels: number) => `${Array.from({ length: levels }, (_, d) => `${'  '.repeat(d)}k${d}:`).join('\n')}\n${'  '.repeat(levels)}x: ${flow}\n`;
    const declined = [];
    for (let levels = 55; levels <= 66; levels++) {
      const alone = decodeSimpleDocument(at(levels));
      expect(decodeSimpleDocument(at(levels), shared) === NOT_SIMPLE, `${levels} levels`).toBe(alone === NOT_SIMPLE);
      if (alone === NOT_SIMPLE) declined.push(levels);
    }
    // Both answers occur in the range, so the comparison above decides something.
    expect(declined.length).toBeGreaterThan(0);
    expect(declined.length).toBeLessThan(12);
  });
});

import * as jsYaml from 'js-yaml';
import type { ScalarTag, SchemaOptions } from 'yaml';

/**
 * Plain (unquoted) scalars resolved as kubectl resolves them: sigs.k8s.io/yaml decodes with go-yaml v2, whose
 * YAML 1.1 rules turn `0120` into 80 (octal), `8_0` into 80 and `yes` into true, where YAML 1.2 (js-yaml's and the
 * `yaml` package's default) reads 120, "8_0" and "yes". Reading a manifest differently from the cluster lets a
 * port or a label mean one thing to the gate and another to the API server. Quoted and block scalars stay strings.
 * go-yaml's `resolve()` is followed exactly: the first character picks the candidates, then a table of words,
 * then Go's strconv.ParseInt / ParseUint (base 0, every `_` removed), then its float syntax. No sexagesimal (`1:20`
 * stays a string) and no timestamps (go-yaml hands a timestamp to an `interface{}` as its string).
 */

const WORDS = new Map<string, boolean | null | number>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((w): [string, boolean] => [w, true]),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((w): [string, boolean] => [w, false]),
  ...['', '~', 'null', 'Null', 'NULL'].map((w): [string, null] => [w, null]),
  ...['.nan', '.NaN', '.NAN'].map((w): [string, number] => [w, NaN]),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((w): [string, number] => [w, Infinity]),
  ...['-.inf', '-.Inf', '-.INF'].map((w): [string, number] => [w, -Infinity]),
]);

const LONGEST_WORD = Math.max(...[...WORDS.keys()].map((w) => w.length));

/** Go's integer literal syntax for strconv.ParseInt(s, 0, 64) once the underscores are gone. */
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]?([0-7]+)|([1-9][0-9]*|0))$/;
const DECIMAL = /^[0-9]+$/;
/** go-yaml's yamlStyleFloat, tried on the text without underscores. */
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** What strconv.ParseFloat accepts of a text that starts with `.` (go-yaml's `.` branch: underscores not removed). */
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;

const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** The integer go-yaml reads (ParseInt, then ParseUint), or undefined. */
export function goInt(source: string): number | undefined {
  const c = source.charCodeAt(0);
  // The common case first, without captures: a plain decimal that fits a double exactly.
  if (c >= 49 && c <= 57 && source.length <= 15 && DECIMAL.test(source)) return parseInt(source, 10);
  // Only a sign or a digit leads go-yaml to try numbers.
  if (!(c >= 48 && c <= 57) && c !== 43 && c !== 45) return undefined;
  const plain = source.includes('_') ? source.replace(/_/g, '') : source;
  const m = GO_INT.exec(plain);
  if (!m) return undefined;
  const [, sign, hex, bin, oct, dec] = m;
  const [digits, radix] = hex !== undefined ? [hex, 16] : bin !== undefined ? [bin, 2] : oct !== undefined ? [oct, 8] : [dec, 10];
  const magnitude = parseInt(digits, radix);
  if (magnitude === 0) return 0;
  if (magnitude >= 2 ** 53) {
    // Beyond exact doubles: Go's range checks (int64 for a signed text, uint64 otherwise), with exact arithmetic.
    const exact = BigInt(radix === 10 ? digits : `0${'xbo'[[16, 2, 8].indexOf(radix)]}${digits}`);
    if (sign === '-' ? exact > INT64_MAX + 1n : sign === '+' ? exact > INT64_MAX : exact > UINT64_MAX) return undefined;
  }
  return sign === '-' ? -magnitude : magnitude;
}

/** The float go-yaml reads (after its integers failed), or undefined. */
export function goFloat(source: string): number | undefined {
  const c = source.charCodeAt(0);
  // The words that are numbers (.inf, -.Inf, .nan, …) start with one of these.
  if (c === 46 || c === 43 || c === 45) {
    const special = word(source);
    if (typeof special === 'number') return special;
  }
  let value: number;
  if (c === 46) {
    if (!DOT_FLOAT.test(source)) return undefined;
    value = Number(source);
  } else {
    if (!(c >= 48 && c <= 57) && c !== 43 && c !== 45) return undefined;
    const plain = source.includes('_') ? source.replace(/_/g, '') : source;
    if (!GO_FLOAT.test(plain)) return undefined;
    value = Number(plain);
  }
  // strconv.ParseFloat fails with ErrRange beyond the doubles: go-yaml then keeps the text.
  return Number.isFinite(value) ? value : undefined;
}

/** The word table's entry; the length test spares most texts the hashing of a fresh string. */
const word = (source: string) => (source.length <= LONGEST_WORD ? WORDS.get(source) : undefined);

function goBool(source: string): boolean | undefined {
  const value = word(source);
  return typeof value === 'boolean' ? value : undefined;
}

const isNull = (source: string): boolean => word(source) === null;

/** The value go-yaml v2 gives a plain scalar: null, a boolean, a number or the text itself. */
export function resolvePlainScalar(source: string): string | number | boolean | null {
  const c = source.charCodeAt(0);
  // go-yaml's resolve() picks candidates by the first character: most texts (names, labels, keys) have none.
  if (source.length > 0 && !MAY_RESOLVE[c]) return source;
  // No word (null, boolean or special float) is a number's text, so the word table is read once, and not at all for
  // a text that starts with a digit (ports, replicas): the order go-yaml tries them in decides nothing.
  if (!(c >= 48 && c <= 57)) {
    const known = word(source);
    if (known !== undefined) return known;
  }
  return goInt(source) ?? goFloat(source) ?? source;
}

const DIGITS = [...'0123456789'];

/** The first characters go-yaml tries each implicit tag for (its resolve table): any other starts a string. */
const FIRST_CHARS = {
  null: ['', '~', 'n', 'N'],
  bool: [...'yYnNtTfFoO'],
  int: ['-', '+', ...DIGITS],
  float: ['-', '+', '.', ...DIGITS],
};

/** By character code: whether a plain scalar starting with it may be other than a string. */
const MAY_RESOLVE: readonly boolean[] = Array.from({ length: 128 }, (_, code) =>
  Object.values(FIRST_CHARS).some((chars) => chars.includes(String.fromCharCode(code))));

/**
 * js-yaml: the four implicit tags, each keyed on the first characters go-yaml tries them for (js-yaml dispatches on
 * them, so a plain scalar starting with any other character goes straight to the string tag: the fast path stays fast).
 */
const jsTag = <T>(name: string, firstChars: string[], resolve: (source: string) => T | undefined, identify: (data: unknown) => boolean) =>
  jsYaml.defineScalarTag(`tag:yaml.org,2002:${name}`, {
    implicit: true,
    implicitFirstChars: firstChars,
    resolve: (source) => {
      const value = resolve(source);
      return value === undefined ? jsYaml.NOT_RESOLVED : value;
    },
    identify,
  });

/**
 * js-yaml's sequence, trimmed when complete: an array grown by `push` keeps room for 17 items, and a manifest's lists
 * (containers, ports, peers) mostly hold one or two and stay in memory for the whole analysis: trimmed, a decoded
 * tree is about a fifth smaller, and so is the garbage collector's work of keeping it.
 */
const trimmedSeqTag = jsYaml.defineSequenceTag<unknown[]>('tag:yaml.org,2002:seq', {
  create: () => [],
  addItem: (sequence, item) => {
    sequence.push(item);
  },
  finalize: (sequence) => sequence.slice(),
  identify: Array.isArray,
});

export const KUBERNETES_JS_YAML_SCHEMA = new jsYaml.Schema([
  jsYaml.strTag, trimmedSeqTag, jsYaml.mapTag,
  jsTag('null', FIRST_CHARS.null, (s) => (isNull(s) ? null : undefined), (d) => d === null),
  jsTag('bool', FIRST_CHARS.bool, goBool, (d) => typeof d === 'boolean'),
  jsTag('int', FIRST_CHARS.int, goInt, (d) => Number.isInteger(d)),
  jsTag('float', FIRST_CHARS.float, goFloat, (d) => typeof d === 'number'),
]);

/**
 * The `yaml` package picks an implicit tag with its `test` RegExp and cannot decline in `resolve`: each test here is
 * a RegExp whose `test` is go-yaml's decision, so both decoders agree by construction.
 */
const yamlTag = (name: string, accepts: (source: string) => unknown): ScalarTag => ({
  tag: `tag:yaml.org,2002:${name}`,
  default: true,
  test: Object.assign(/(?:)/, { test: (source: string) => accepts(source) !== undefined }),
  resolve: (source: string) => accepts(source),
});

/** Options for the `yaml` package: the failsafe schema (maps, sequences, strings) plus go-yaml's scalars. */
export const KUBERNETES_YAML_OPTIONS: SchemaOptions = {
  schema: 'failsafe',
  customTags: [
    yamlTag('null', (s) => (isNull(s) ? null : undefined)),
    yamlTag('bool', goBool),
    yamlTag('int', goInt),
    yamlTag('float', goFloat),
  ],
};

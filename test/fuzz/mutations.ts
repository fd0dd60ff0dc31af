import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { AnalysisResult } from '../../src/analyze.js';
import type { Finding } from '../../src/findings/finding.js';

/**
 * Mutated manifests for the property tests: real manifests (the examples and the np-guard oracle inputs) with a
 * few line-level edits of the kinds a hand edit, a merge or an attacker produces. Every input stays small
 * (bounded mutations of files of at most a few KB), so each analysis must finish quickly.
 */

export interface FileSet {
  name: string;
  base: Map<string, string>;
  head: Map<string, string>;
}

const ROOT = join(import.meta.dirname, '../..');
const MANIFEST = /\.(ya?ml|json)$/;

function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (MANIFEST.test(name)) files.set(relative(dir, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/** The example pairs (base → head), and each small oracle input as a tree compared with itself. */
export function corpus(): FileSet[] {
  const sets: FileSet[] = [];
  const examples = join(ROOT, 'examples');
  const pair = (name: string, dir: string) => sets.push({ name, base: readTree(join(dir, 'base')), head: readTree(join(dir, 'head')) });
  pair('examples', examples);
  for (const name of ['gateway-api', 'ingress-nginx', 'traefik']) pair(`examples/${name}`, join(examples, name));
  const inputs = join(ROOT, 'test/fixtures/oracle/np-guard/inputs');
  for (const name of readdirSync(inputs).sort()) {
    const tree = readTree(join(inputs, name));
    const size = [...tree.values()].reduce((n, t) => n + t.length, 0);
    if (tree.size > 0 && size <= 16 * 1024) sets.push({ name: `oracle/${name}`, base: tree, head: tree });
  }
  return sets;
}

/** Scalars that YAML 1.1 (Kubernetes) and YAML 1.2 read differently, huge or odd numbers, and plain junk. */
const SCALAR = fc.oneof(
  fc.constantFrom('0120', '8_0', '0b101', '0x1F', '0o17', '+80', '-0', '1e400', '99999999999999999999999', '.inf', '-.inf', '.nan',
    'yes', 'no', 'on', 'off', 'y', 'n', '~', 'null', 'true', 'False', '2001-12-14', '12:30:00', '"80"', "'443'", '[]', '{}', '*alias', '&anchor x', '!!str 80', '|', '>-'),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

const KIND = fc.constantFrom('NetworkPolicy', 'Ingress', 'Service', 'Deployment', 'Pod', 'Namespace', 'Route', 'HTTPRoute', 'Gateway',
  'IngressRoute', 'Middleware', 'AdminNetworkPolicy', 'List', 'ConfigMap', 'Unknown', '');
const API_VERSION = fc.constantFrom('networking.k8s.io/v1', 'v1', 'apps/v1', 'extensions/v1beta1', 'route.openshift.io/v1',
  'gateway.networking.k8s.io/v1', 'traefik.io/v1alpha1', 'crd.projectcalico.org/v1', 'policy.networking.k8s.io/v1alpha1', 'bogus/v9', '');

/** One edit; line and column numbers are taken modulo the file's size when applied. */
export type Mutation =
  | { op: 'delete' | 'duplicate'; line: number }
  | { op: 'swap'; line: number; other: number }
  | { op: 'indent'; line: number; by: number }
  | { op: 'tab'; line: number; column: number }
  | { op: 'scalar'; line: number; value: string }
  | { op: 'insert'; line: number; column: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'kind'; value: string }
  | { op: 'apiVersion'; value: string }
  | { op: 'nest'; line: number; depth: number; flow: boolean };

const LINE = fc.nat({ max: 10_000 });

export const MUTATION: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), line: LINE }),
  fc.record({ op: fc.constant('swap' as const), line: LINE, other: LINE }),
  fc.record({ op: fc.constant('indent' as const), line: LINE, by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('tab' as const), line: LINE, column: fc.nat({ max: 40 }) }),
  fc.record({ op: fc.constant('scalar' as const), line: LINE, value: SCALAR }),
  fc.record({ op: fc.constant('insert' as const), line: LINE, column: fc.nat({ max: 40 }), text: fc.string({ unit: 'binary', maxLength: 8 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('kind' as const), value: KIND }),
  fc.record({ op: fc.constant('apiVersion' as const), value: API_VERSION }),
  fc.record({ op: fc.constant('nest' as const), line: LINE, depth: fc.integer({ min: 1, max: 300 }), flow: fc.boolean() }),
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  const at = (n: number) => n % Math.max(lines.length, 1);
  for (const m of mutations) {
    switch (m.op) {
      case 'delete': lines.splice(at(m.line), 1); break;
      case 'duplicate': lines.splice(at(m.line), 0, lines[at(m.line)] ?? ''); break;
      case 'swap': {
        const [i, j] = [at(m.line), at(m.other)];
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        break;
      }
      case 'indent': {
        const i = at(m.line);
        const line = lines[i] ?? '';
        lines[i] = m.by >= 0 ? ' '.repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
        break;
      }
      case 'tab':
      case 'insert': {
        const i = at(m.line);
        const line = lines[i] ?? '';
        const column = Math.min(m.column, line.length);
        lines[i] = line.slice(0, column) + (m.op === 'tab' ? '\t' : m.text) + line.slice(column);
        break;
      }
      case 'scalar': {
        const i = at(m.line);
        const line = lines[i] ?? '';
        const colon = line.indexOf(': ');
        lines[i] = colon >= 0 ? `${line.slice(0, colon + 2)}${m.value}` : line.replace(/^(\s*- ).*/, `$1${m.value}`);
        break;
      }
      case 'truncate': lines = text.slice(0, Math.floor(lines.join('\n').length * m.at)).split('\n'); break;
      case 'kind':
      case 'apiVersion': {
        const key = m.op;
        const i = lines.findIndex((l) => l.startsWith(`${key}:`));
        if (i >= 0) lines[i] = `${key}: ${m.value}`;
        break;
      }
      case 'nest': {
        const i = at(m.line);
        const indent = (lines[i] ?? '').match(/^\s*/)?.[0] ?? '';
        const nested = m.flow
          ? [`${indent}nested: ${'['.repeat(m.depth)}1${']'.repeat(m.depth)}`]
          : Array.from({ length: m.depth }, (_, d) => `${indent}${'  '.repeat(d)}k${d}:`);
        lines.splice(i, 0, ...nested);
        break;
      }
    }
  }
  return lines.join('\n');
}

/** A set, one of its head files, and the edits to make to it. */
export const CASE = (sets: readonly FileSet[]) => fc.record({
  set: fc.nat({ max: sets.length - 1 }),
  file: fc.nat(),
  mutations: fc.array(MUTATION, { minLength: 1, maxLength: 5 }),
});

/** The head of a case: the set's head with one file edited. */
export function mutatedHead(set: FileSet, file: number, mutations: readonly Mutation[]): Map<string, string> {
  const head = new Map(set.head);
  const paths = [...head.keys()];
  const path = paths[file % paths.length];
  head.set(path, mutate(head.get(path) as string, mutations));
  return head;
}

export function sourceFiles(files: Map<string, string>) {
  return [...files].map(([path, content]) => ({ path, content }));
}

/**
 * What every analysis of any input must satisfy: each finding (and each place it relates to) names a file of
 * its side and a line of that file, and running the same input again gives the very same findings.
 */
export function expectSound(result: AnalysisResult, again: AnalysisResult, sides: { base: Map<string, string>; head: Map<string, string> }): void {
  expect(JSON.stringify(again.findings)).toBe(JSON.stringify(result.findings));
  expect(again.summary.counts).toEqual(result.summary.counts);
  for (const finding of result.findings) {
    for (const place of [finding.location, ...finding.related]) {
      const text = sides[place.side].get(place.path);
      const where = `${describe(finding)} at ${place.side}:${place.path}:${place.line}`;
      expect(text, `${where}: no such file`).toBeDefined();
      expect(place.line, `${where}: line`).toBeGreaterThanOrEqual(1);
      expect(place.line, `${where}: past the end of the file`).toBeLessThanOrEqual((text as string).split('\n').length);
    }
  }
}

function describe(finding: Finding): string {
  return `${finding.ruleId} (${finding.message.slice(0, 120)})`;
}

import { describe, expect, it } from 'vitest';
import { analyze, audit } from '../../../src/analyze.js';
import { defaultConfig } from '../../../src/config/config.js';
import rule from '../../../src/rules/manifest/manifest-none-read.js';
import type { TreeCensus } from '../../../src/sources/census.js';
import { ruleTester, toSourceFiles, yaml } from '../../helpers/rule-tester.js';

const deny = yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: deny, namespace: shop}', 'spec: {podSelector: {}}');
const selection = { include: ['apps/**'], exclude: ['**/templates/**'] };

function census(side: string, selected: number, tree?: TreeCensus['tree']): TreeCensus {
  return {
    description: `directory ${side}`, selected, selection, globsFrom: '.github/segguard.yml',
    location: { path: '.github/segguard.yml', line: 1 }, ...(tree ? { tree } : {}),
  };
}

ruleTester(rule, {
  valid: [
    { name: 'files handed in without a census (a library call) say nothing', base: {}, head: {} },
    { name: 'both sides read their manifests', base: { 'a.yaml': deny }, head: { 'a.yaml': deny }, trees: { base: census('base', 1), head: census('head', 1) } },
    { name: 'both trees are empty: there was nothing to read', base: {}, head: {}, trees: { base: census('base', 0, { files: 0, manifests: 0 }), head: census('head', 0, { files: 0, manifests: 0 }) } },
    {
      name: 'only the base read nothing (everything in the head is new and reported as such): a warning, not a finding',
      base: {}, head: { 'a.yaml': deny }, trees: { base: census('base', 0, { files: 3, manifests: 2 }), head: census('head', 1) },
    },
  ],
  invalid: [
    {
      name: 'the globs select none of the files of the head',
      base: {}, head: {}, trees: { base: census('base', 0, { files: 4, manifests: 2 }), head: census('head', 0, { files: 4, manifests: 2 }) },
      findings: [{ path: '.github/segguard.yml', line: 1, severity: 'high', message: 'The head (directory head) has 4 files (2 named .yaml, .yml or .json) but reads none of them: include [apps/**] and exclude [**/templates/**] (from .github/segguard.yml) select nothing' }],
    },
    {
      name: 'the base has manifests and the head has none',
      base: { 'a.yaml': deny }, head: {}, trees: { base: census('base', 1), head: census('head', 0, { files: 0, manifests: 0 }) },
      findings: [{ path: '.github/segguard.yml', line: 1, message: 'The head (directory head) has no manifest files while the base (directory base) has 1' }],
    },
  ],
});

describe('manifest-none-read in every output', () => {
  const trees = { base: census('base', 0, { files: 2, manifests: 2, capped: true }), head: census('head', 0, { files: 2, manifests: 2 }) };

  it('puts a warning for each side that read nothing in the summary, whatever the rules, and fails the gate through the head finding', () => {
    const result = analyze([], [], defaultConfig(), undefined, { trees });
    expect(result.summary.warnings).toEqual([
      'The base (directory base) has at least 2 files (2 named .yaml, .yml or .json) but reads none of them: include [apps/**] and exclude [**/templates/**] (from .github/segguard.yml) select nothing, so nothing on this side was analyzed',
      'The head (directory head) has 2 files (2 named .yaml, .yml or .json) but reads none of them: include [apps/**] and exclude [**/templates/**] (from .github/segguard.yml) select nothing, so nothing on this side was analyzed',
    ]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['manifest-none-read high']);
    expect(result.summary.counts.high).toBe(1);
    const off = analyze([], [], { ...defaultConfig(), rules: { 'manifest-none-read': { enabled: false } } }, undefined, { trees });
    expect(off.findings).toEqual([]);
    expect(off.summary.warnings).toHaveLength(2);
  });

  it('runs in audit mode on the one tree', () => {
    const result = audit([], defaultConfig(), trees.head);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['manifest-none-read']);
    expect(result.summary.warnings).toHaveLength(1);
  });

  it('says nothing when the side read a file, even one it could not parse', () => {
    const result = analyze([], toSourceFiles({ 'apps/x.yaml': 'apiVersion: v1\nkind: [\n' }), defaultConfig(), undefined, { trees: { head: census('head', 1) } });
    expect(result.summary.warnings).toBeUndefined();
    expect(result.findings.map((f) => f.ruleId)).toEqual(['manifest-parse-error']);
  });
});

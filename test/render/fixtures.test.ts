import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { defaultConfig } from '../../src/config/config.js';
import type { Finding } from '../../src/findings/finding.js';
import { readDirectory } from '../../src/sources/directory.js';
import { checkJson, type JsonFinding } from '../helpers/render-check.js';
import { changedLines, RENDER_FIXTURES, readExpectations, renderCase, renderPlain, type ExpectedFinding, type PlainRender } from '../helpers/render-plain.js';

/**
 * The ground truth of test/fixtures/render: each case's targets rendered by the real kustomize and helm into plain
 * files, each target's two renders compared by the existing plain-file analysis. What it finds must be exactly the
 * case README's table (rule, severity, environment, object); the rendering pipeline is later held to the same table
 * on the source trees, with the source lines.
 */
const config = defaultConfig();
const selection = { include: config.include, exclude: config.exclude };
const FIXTURES = readdirSync(RENDER_FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
/** The rendering examples of examples/ (a Kustomize PR and a Helm PR) are held to their README the same way. */
const CASES = [...FIXTURES, 'examples/kustomize', 'examples/helm'];

/** `rule severity environment object`: one row per environment. */
const key = (ruleId: string, severity: string, environment: string, object: string) => `${ruleId} ${severity} ${environment} ${object}`;
const identity = (f: Finding) => (f.resource ? `${f.resource.kind} ${f.resource.namespace ? `${f.resource.namespace}/` : ''}${f.resource.name}` : '-');

function expectedRows(expected: ExpectedFinding[]): string[] {
  return expected.flatMap((e) => {
    const objects = e.object.split(', ');
    if (objects.length !== 1 && objects.length !== e.environments.length) throw new Error(`${e.ruleId}: one object, or one per environment`);
    return e.environments.map((env, i) => key(e.ruleId, e.severity, env, objects.length === 1 ? objects[0]! : objects[i]!));
  });
}

/** `rule severity environment object side path:line`, one per environment, from a README row. */
function placedRows(expected: ExpectedFinding[]): string[] {
  return expected.flatMap((e) => {
    const objects = e.object.split(', ');
    return e.environments.map((env, i) => `${key(e.ruleId, e.severity, env, objects.length === 1 ? objects[0]! : objects[i]!)} ${e.side} ${e.path}:${e.line}`);
  });
}

/** The environment's name, as the README's environment column has it: `prod (overlays/prod)` is prod. */
const envName = (environment: string) => environment.replace(/ \(.*\)$/, '');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The same rows from a `segguard check --format json` finding: one per environment it names. */
function pipelineRows(f: JsonFinding): string[] {
  const place = `${f.location.side} ${f.location.path.replace(/^(base|head)\//, '')}:${f.location.line}`;
  if (!f.resource) return [`${key(f.ruleId, f.severity, /(?:target|chart) (\S+) /.exec(f.message)?.[1] ?? '?', '-')} ${place}`];
  const occurrences = f.resource.environments ?? [f.resource];
  return occurrences.map((o) => `${key(f.ruleId, f.severity, envName(o.environment ?? 'plain'), identity({ ...f, resource: { ...f.resource!, ...o } } as Finding))} ${place}`);
}

it('there are Kustomize, Helm and Online Boutique cases, each with a README', () => {
  expect(FIXTURES.filter((c) => c.startsWith('kustomize-')).length).toBeGreaterThanOrEqual(8);
  expect(FIXTURES.filter((c) => c.startsWith('helm-')).length).toBeGreaterThanOrEqual(5);
  expect(FIXTURES).toContain('online-boutique-components');
  for (const c of CASES) expect(existsSync(join(renderCase(c).dir, 'README.md')), c).toBe(true);
});

for (const name of CASES) {
  describe(`render case ${name}`, () => {
    const c = renderCase(name);
    const expected = readExpectations(c);
    let render: PlainRender;
    let actual: string[];
    beforeAll(async () => {
      render = renderPlain(c);
      const rows = new Set<string>();
      const add = (findings: Finding[], environment: string) => {
        for (const f of findings) if (f.severity !== 'info' && !f.suppressed) rows.add(key(f.ruleId, f.severity, environment, identity(f)));
      };
      for (const [environment, sides] of render.targets) {
        // A side the tool cannot render is what a render-failed row claims; it has no objects to compare.
        if (!sides.base.ok || !sides.head.ok) continue;
        const [base, head] = await Promise.all([readDirectory(sides.base.dir, selection), readDirectory(sides.head.dir, selection)]);
        add(analyze(base, head, config).findings, environment);
      }
      if (render.plain) {
        const [base, head] = await Promise.all([readDirectory(render.plain.base, selection), readDirectory(render.plain.head, selection)]);
        add(analyze(base, head, config).findings, 'plain');
      }
      actual = [...rows].sort();
    }, 120_000);

    it(expected.length === 0 ? 'the plain renders report nothing above info (benign)' : `the plain renders report exactly the README's ${expected.length} expected findings`, () => {
      const analyzed = expectedRows(expected.filter((e) => e.ruleId !== 'render-failed'));
      expect(actual).toEqual([...new Set(analyzed)].sort());
    });

    it('each side of each target renders, except where the README expects render-failed, and then for the reason the README names', () => {
      const failing = new Set(expected.filter((e) => e.ruleId === 'render-failed').flatMap((e) => e.environments.map((env) => `${env} ${e.side}`)));
      for (const [environment, sides] of render.targets) {
        for (const side of ['base', 'head'] as const) {
          const result = sides[side];
          const shouldFail = failing.has(`${environment} ${side}`);
          expect(result.ok, `${environment} ${side}: ${result.ok ? 'rendered' : result.error}`).toBe(!shouldFail);
        }
      }
      for (const f of failing) expect(render.targets.has(f.split(' ')[0]!), `${f}: no such target`).toBe(true);
      // The tool's own error names what the README's line names (the remote base, the missing patch, the dependency).
      for (const e of expected.filter((x) => x.ruleId === 'render-failed')) {
        const reference = e.text.split(/\s+/).pop()!;
        for (const env of e.environments) {
          const result = render.targets.get(env)?.[e.side];
          expect(result && !result.ok ? result.error : '', `${env} ${e.side}`).toContain(reference);
        }
      }
    });

    it(`segguard check on the source trees reports exactly the README's findings above info, on its source lines`, async () => {
      const { code, findings } = await checkJson(c.dir);
      const rows = [...new Set(findings.filter((f) => f.severity !== 'info' && !f.suppressed).flatMap(pipelineRows))].sort();
      const wanted = [...new Set(placedRows(expected))].sort();
      expect(rows).toEqual(wanted);
      // One source line that causes the same finding in several environments is one finding naming them all.
      for (const e of expected.filter((x) => x.environments.length > 1)) {
        const at = findings.filter((f) => f.ruleId === e.ruleId && f.location.path === `${e.side}/${e.path}` && f.location.line === e.line);
        expect(at.map((f) => (f.resource?.environments ?? []).map((o) => envName(o.environment ?? '')).sort()), `${e.ruleId} ${e.path}:${e.line}`)
          .toEqual([[...e.environments].sort()]);
        expect(at[0]!.message).toMatch(new RegExp(`^In ${at[0]!.resource!.environments!.map((o) => escapeRegExp(o.environment!)).join(', ')}: `));
      }
      expect(code).toBe(expected.some((e) => e.severity === 'critical' || e.severity === 'high') ? 1 : 0);
    }, 120_000);

    it('every source line the README names holds the quoted text and is a line the PR changed (in its diff)', () => {
      for (const e of expected) {
        const lines = readFileSync(join(c.dir, e.side, e.path), 'utf8').split('\n');
        expect(lines[e.line - 1] ?? '', `${e.side} ${e.path}:${e.line}`).toContain(e.text);
        expect(changedLines(c, e.side, e.path).has(e.line), `${e.side} ${e.path}:${e.line} is not a changed line`).toBe(true);
      }
    });
  });
}

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  helmObjectsByLines, helmObjectsByNodes, kustomizeObjects, kustomizeObjectsByLines, kustomizeObjectsByNodes, splitStream,
} from '../../src/render/output.js';
import type { RenderedObject } from '../../src/render/types.js';
import { makeTempDir } from '../helpers/temp.js';
import { renderCase, renderTarget, RENDER_FIXTURES, type Side } from '../helpers/render-plain.js';
import { renderTools } from '../helpers/render-tools.js';

/**
 * The renderers' output is read the fast way (split at document markers, decoded by js-yaml, kustomize's annotations
 * cut by lines) and, for anything that way cannot vouch for, the careful way (the `yaml` package's nodes). Both must
 * give the same objects: same source, same transformations, texts that decode to the same values.
 */
function comparable(objects: RenderedObject[]): unknown[] {
  return objects.map((o) => ({ source: o.source, transformations: o.transformations, value: jsYaml.load(o.text, { json: true }) }));
}

/** `kustomize build` through the wrapper kustomization segguard uses (origin and transformer annotations on). */
function kustomizeWithMetadata(sideDir: string, path: string): string {
  const work = makeTempDir('segguard-output-');
  cpSync(sideDir, join(work, 'tree'), { recursive: true });
  mkdirSync(join(work, 'wrap'));
  writeFileSync(join(work, 'wrap', 'kustomization.yaml'), `resources:\n- ${JSON.stringify(`../tree/${path}`)}\nbuildMetadata: [originAnnotations, transformerAnnotations]\n`);
  return execFileSync(renderTools().kubectl, ['kustomize', 'wrap'], {
    cwd: work, encoding: 'utf8', env: { PATH: renderTools().dir, HOME: work, HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const CASES = readdirSync(RENDER_FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe('reading real renderer output the fast way gives what the careful way gives', () => {
  for (const name of CASES) {
    const c = renderCase(name);
    for (const side of ['base', 'head'] as Side[]) {
      for (const target of c.targets) {
        it(`${name} ${side} ${target.path}`, () => {
          if (target.tool === 'kustomize') {
            let output: string;
            try {
              output = kustomizeWithMetadata(join(c.dir, side), target.path);
            } catch {
              return; // A case whose render fails on purpose (a broken overlay, a remote base) has no output to read.
            }
            const fast = kustomizeObjectsByLines(output);
            // kustomize's own layout is the fast way's to read: a fallback here would cost every real render.
            expect(fast).toBeDefined();
            expect(fast!.length).toBeGreaterThan(0);
            expect(fast!.every((o) => o.source !== undefined && !o.text.includes('config.kubernetes.io/origin'))).toBe(true);
            expect(comparable(fast!)).toEqual(comparable(kustomizeObjectsByNodes(output)));
          } else {
            const render = renderTarget(c, side, target, makeTempDir('segguard-output-helm-'));
            if (!render.ok) return;
            const output = readFileSync(join(render.dir, 'rendered.yaml'), 'utf8');
            const fast = helmObjectsByLines(output, target.path);
            expect(fast).toBeDefined();
            expect(comparable(fast!)).toEqual(comparable(helmObjectsByNodes(output, target.path)));
          }
        });
      }
    }
  }
});

describe('streams the fast way leaves to the careful way', () => {
  const object = (annotations: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n${annotations}data:\n  k: v\n`;
  const origin = '    config.kubernetes.io/origin: |\n      path: ../tree/base/cm.yaml\n';

  it('splits at marker lines only, keeps leading comments apart and drops empty documents', () => {
    const stream = '---\n# Source: c/templates/a.yaml\na: 1\n---\n---\n# only a comment\n---\nb: |\n  ---indented is content\n';
    expect(splitStream(stream)!.map((d) => [d.comments, stream.slice(d.contentStart, d.end)])).toEqual([
      ['# Source: c/templates/a.yaml\n', 'a: 1\n'],
      ['', 'b: |\n  ---indented is content\n'],
    ]);
  });

  it('declines directives, end markers and content on a marker line', () => {
    expect(splitStream('%YAML 1.1\n---\na: 1\n')).toBeUndefined();
    expect(splitStream('a: 1\n...\n')).toBeUndefined();
    expect(splitStream('--- !!map\na: 1\n')).toBeUndefined();
    // The careful way still reads them.
    expect(helmObjectsByNodes('--- !!map\na: 1\n', 'c')).toHaveLength(1);
  });

  it('cuts kustomize annotations and keeps the others', () => {
    const output = object(`${origin}    team: payments\n`);
    const [fast] = kustomizeObjectsByLines(output)!;
    expect(fast.source).toBe('base/cm.yaml');
    expect(jsYaml.load(fast.text)).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', annotations: { team: 'payments' } }, data: { k: 'v' } });
    // Only kustomize's: the `annotations:` entry goes with them.
    expect(jsYaml.load(kustomizeObjectsByLines(object(origin))![0].text)).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } });
  });

  it('falls back when the layout is not one it can cut by lines, with the same objects', () => {
    // A flow-style annotations map cannot be cut by lines; duplicate keys js-yaml refuses (the last one counts, as in kubectl).
    const flow = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, annotations: {config.kubernetes.io/origin: "path: ../tree/x.yaml"}}\n';
    expect(kustomizeObjectsByLines(flow)).toBeUndefined();
    expect(kustomizeObjects(flow).map((o) => o.source)).toEqual(['x.yaml']);
    const duplicate = `${object(origin)}data:\n  k: w\n`;
    expect(kustomizeObjectsByLines(duplicate)).toBeUndefined();
    expect(comparable(kustomizeObjects(duplicate))).toEqual(comparable(kustomizeObjectsByNodes(duplicate)));
  });
});

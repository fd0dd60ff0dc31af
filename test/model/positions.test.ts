import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadSnapshot, ParseCache } from '../../src/model/load.js';
import { positionsOf } from '../../src/model/positions.js';
import type { Resource } from '../../src/model/resource.js';
import { toSourceFiles, yaml, type Files } from '../helpers/rule-tester.js';

function resources(files: Files): Map<string, Resource> {
  return new Map(loadSnapshot(toSourceFiles(files)).resources.map((r) => [r.name, r]));
}
const lines = (r: Resource | undefined, path: (string | number)[] = []) => {
  const at = r!.at(path);
  return `${at.path}:${at.line}-${at.endLine}`;
};

const multi = yaml(
  '# leading comment', //                          1
  'apiVersion: v1', //                             2
  'kind: Service', //                              3
  'metadata: {name: web, namespace: shop}', //     4
  '---', //                                        5
  'apiVersion: networking.k8s.io/v1', //           6
  'kind: NetworkPolicy', //                        7
  'metadata:', //                                  8
  '  name: allow-web', //                          9
  '  namespace: shop', //                          10
  'spec:', //                                      11
  '  podSelector:', //                             12
  '    matchLabels:', //                           13
  '      app: web', //                             14
  '  ingress:', //                                 15
  '    - from:', //                                16
  '        - podSelector: {matchLabels: {app: gateway}}', // 17
  '        - ipBlock:', //                         18
  '            cidr: 10.0.0.0/8', //               19
  '            except:', //                        20
  '              - 10.1.0.0/16', //                21
  '      ports:', //                               22
  '        - port: 8080', //                       23
  '          protocol: TCP', //                    24
  '  egress:', //                                  25
  '  policyTypes: [Ingress, Egress]', //           26
);

describe('Resource.at: exact lines', () => {
  it('fields of the second document of a multi-document file', () => {
    const np = resources({ 'np.yaml': multi }).get('allow-web');
    expect(lines(np)).toBe('np.yaml:6-26');
    expect(lines(np, ['spec', 'podSelector'])).toBe('np.yaml:12-14');
    expect(lines(np, ['spec', 'ingress', 0])).toBe('np.yaml:16-24');
    expect(lines(np, ['spec', 'ingress', 0, 'from', 1, 'ipBlock', 'cidr'])).toBe('np.yaml:19-19');
    expect(lines(np, ['spec', 'ingress', 0, 'from', 1, 'ipBlock', 'except', 0])).toBe('np.yaml:21-21');
    expect(lines(np, ['spec', 'ingress', 0, 'ports', 0])).toBe('np.yaml:23-24');
    expect(lines(np, ['spec', 'policyTypes', 1])).toBe('np.yaml:26-26');
  });

  it('the first document starts at its first content line, after comments', () => {
    expect(lines(resources({ 'np.yaml': multi }).get('web'))).toBe('np.yaml:2-4');
  });

  it('a key without a value is its own line; a missing field resolves to its deepest existing ancestor', () => {
    const np = resources({ 'np.yaml': multi }).get('allow-web');
    expect(lines(np, ['spec', 'egress'])).toBe('np.yaml:25-25');
    expect(lines(np, ['spec', 'ingress', 0, 'from', 7])).toBe('np.yaml:16-21');
    expect(lines(np, ['spec', 'ingress', 3, 'from'])).toBe('np.yaml:15-24');
  });

  it('items of a List and of a <Kind>List', () => {
    const found = resources({
      'list.yaml': yaml(
        'apiVersion: v1', 'kind: List', 'items:', //                                   1-3
        '  - apiVersion: v1', '    kind: ConfigMap', '    metadata: {name: a}', //          4-6
        '  - apiVersion: networking.k8s.io/v1', '    kind: NetworkPolicy', //            7-8
        '    metadata: {name: b}', '    spec:', '      podSelector: {}', //              9-11
        '      ingress: [{ports: [{port: 53, protocol: UDP}]}]', //                        12
      ),
      'kindlist.yaml': yaml(
        'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicyList', 'items:', //      1-3
        '- metadata: {name: c}', //                                                      4
        '  spec:', '    podSelector: {matchLabels: {app: c}}', //                        5-6
      ),
    });
    expect(lines(found.get('a'))).toBe('list.yaml:4-6');
    expect(lines(found.get('b'))).toBe('list.yaml:7-12');
    expect(lines(found.get('b'), ['spec', 'ingress', 0, 'ports', 0])).toBe('list.yaml:12-12');
    expect(lines(found.get('c'), ['spec', 'podSelector'])).toBe('kindlist.yaml:6-6');
    expect(found.get('c')?.apiVersion).toBe('networking.k8s.io/v1');
  });

  it('JSON files', () => {
    const json = JSON.stringify({
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'j', namespace: 'shop' },
      spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] },
    }, null, 2);
    const np = resources({ 'np.json': json }).get('j');
    const cidrLine = json.split('\n').findIndex((l) => l.includes('"cidr": "0.0.0.0/0"')) + 1;
    expect(cidrLine).toBe(15);
    expect(lines(np, ['spec', 'ingress', 0, 'from', 0, 'ipBlock', 'cidr'])).toBe('np.json:15-15');
    expect(lines(np, ['metadata', 'name'])).toBe('np.json:5-5');
    expect(lines(np)).toBe(`np.json:1-${json.split('\n').length}`);
  });

  it('CRLF line endings count lines the same way', () => {
    const np = resources({ 'np.yaml': multi.replace(/\n/g, '\r\n') }).get('allow-web');
    expect(lines(np, ['spec', 'ingress', 0, 'from', 1, 'ipBlock', 'cidr'])).toBe('np.yaml:19-19');
  });

  it('base and head share one decoding of an identical text, each resource keeping its own path and lines', () => {
    const cache = new ParseCache();
    const base = loadSnapshot(toSourceFiles({ 'old/np.yaml': multi }), {}, cache).resources.find((r) => r.kind === 'NetworkPolicy');
    const head = loadSnapshot(toSourceFiles({ 'new/np.yaml': multi }), {}, cache).resources.find((r) => r.kind === 'NetworkPolicy');
    expect(head!.object).toBe(base!.object);
    expect([lines(base, ['spec', 'ingress', 0, 'ports', 0]), lines(head, ['spec', 'ingress', 0, 'ports', 0])]).toEqual(['old/np.yaml:23-24', 'new/np.yaml:23-24']);
  });
});

describe('the event-stream index (texts js-yaml decoded)', () => {
  const span = (text: string, path: (string | number)[], decodedBy: 'js-yaml' | 'yaml' = 'js-yaml') => {
    const at = positionsOf(text, decodedBy).fieldSpan(0, path);
    return `${at.line}-${at.endLine}`;
  };

  it("agrees with the yaml package's nodes on every field of every example manifest", () => {
    // Helm templates (examples/helm) are not YAML until Helm renders them.
    const files = readdirSync('examples', { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f) && !/(^|[\\/])templates[\\/]/.test(f));
    expect(files.length).toBeGreaterThan(20);
    let fields = 0;
    for (const file of files) {
      const text = readFileSync(join('examples', file), 'utf8');
      const [fast, careful] = [positionsOf(text, 'js-yaml'), positionsOf(text, 'yaml')];
      const visit = (docIndex: number, value: unknown, path: (string | number)[]): void => {
        fields++;
        expect({ file, path, span: fast.fieldSpan(docIndex, path) }).toEqual({ file, path, span: careful.fieldSpan(docIndex, path) });
        if (Array.isArray(value)) value.forEach((item, i) => visit(docIndex, item, [...path, i]));
        else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(docIndex, v, [...path, k]);
      };
      jsYaml.loadAll(text).forEach((doc, docIndex) => visit(docIndex, doc, []));
    }
    expect(fields).toBeGreaterThan(1000);
  });

  it('a quoted scalar ends at its closing quote, a block scalar starts at its header, trailing comments are not part of a value', () => {
    const text = yaml(
      'metadata:', //                          1
      '  annotations:', //                     2
      "    note: '{\"kind\": \"x\"}", //        3
      '', //                                   4
      "      '", //                            5
      'spec:', //                              6
      '  command:', //                         7
      '    - sh', //                           8
      '    - |', //                            9
      '      echo hi', //                      10
      '  env:', //                             11
      '    - name: A', //                      12
      '    # - name: B', //                    13
      '  items:', //                           14
      '    - "a"', //                          15
      '    -', //                              16
    );
    expect(span(text, ['metadata', 'annotations', 'note'])).toBe('3-5');
    expect(span(text, ['spec', 'command', 1])).toBe('9-10');
    expect(span(text, ['spec', 'env'])).toBe('11-12');
    expect(span(text, ['spec', 'items', 1])).toBe('16-16');
  });

  it('a JSON object ends at its closing brace, not on the next line', () => {
    const text = JSON.stringify({ items: [{ a: 1 }, { b: [1, 2] }] }, null, 2);
    expect(span(text, ['items', 1])).toBe('6-11');
    expect(span(text, [])).toBe('1-13');
  });
});

describe('scalars as written and YAML 1.1 keys, on both indexes', () => {
  const text = yaml(
    'metadata:', //                 1
    '  name: 0120', //              2
    '  labels:', //                 3
    '    yes: "a"', //              4
    '    0x10: b', //               5
    '    quoted: "0120"', //        6
    'spec:', //                     7
    '  ports: [8_0, {port: on}]', // 8
  );

  it.each(['js-yaml', 'yaml'] as const)('%s', (decodedBy) => {
    const positions = positionsOf(text, decodedBy);
    expect(positions.scalarSource(0, ['metadata', 'name'])).toBe('0120');
    expect(positions.scalarSource(0, ['metadata', 'labels', 'quoted'])).toBe('0120');
    expect(positions.scalarSource(0, ['spec', 'ports', 0])).toBe('8_0');
    expect(positions.scalarSource(0, ['spec', 'ports', 1, 'port'])).toBe('on');
    // Not scalars, or not there.
    expect(positions.scalarSource(0, ['metadata', 'labels'])).toBeUndefined();
    expect(positions.scalarSource(0, ['metadata', 'missing'])).toBeUndefined();
    // Keys as the decoder stores them: `yes` is "true", `0x10` is "16".
    expect(positions.fieldSpan(0, ['metadata', 'labels', 'true']).line).toBe(4);
    expect(positions.fieldSpan(0, ['metadata', 'labels', '16']).line).toBe(5);
  });
});

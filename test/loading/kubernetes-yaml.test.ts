import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Finding } from '../../src/findings/finding.js';
import { loadSnapshot } from '../../src/model/load.js';
import { MAX_NESTING_DEPTH } from '../../src/model/positions.js';
import { failsGate } from '../../src/report/report.js';
import { toSourceFiles, yaml, type Files } from '../helpers/rule-tester.js';

/** Every rule of a pull request's check, with the default gate (fail on high). */
function check(base: Files, head: Files) {
  const result = analyze(toSourceFiles(base), toSourceFiles(head));
  const shown = (ruleId: string) => result.findings.filter((f) => f.ruleId === ruleId).map((f: Finding) => `${f.location.path}:${f.location.line} ${f.severity}`);
  return { ...result, shown, fails: failsGate({ findings: result.findings, summary: result.summary, failOn: 'high' }) };
}

/** A document with characters beyond ASCII (one beyond the BMP), to check an encoding is decoded exactly. */
const NOTE = '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: note, namespace: shop}\ndata: {note: caf\u00e9 \u{1f600}}\n';

/** A policy opening `port` of shop/web to the given CIDR; `port` is the YAML text as written. */
const openPort = (port: string, cidr = '0.0.0.0/0') => yaml(
  'apiVersion: networking.k8s.io/v1', //             1
  'kind: NetworkPolicy', //                          2
  'metadata:', //                                    3
  '  name: web', //                                  4
  '  namespace: shop', //                            5
  'spec:', //                                        6
  '  podSelector: {matchLabels: {app: web}}', //     7
  '  policyTypes: [Ingress]', //                     8
  '  ingress:', //                                   9
  `    - from: [{ipBlock: {cidr: ${cidr}}}]`, //     10
  `      ports: [{port: ${port}}]`, //               11
);

describe('YAML 1.1 scalars: the ports kubectl applies are the ports analyzed', () => {
  it.each([
    ['octal 0120 (80 for kubectl, 120 in YAML 1.2)', '120', '0120'],
    ['8_0 (80 for kubectl, a named port "8_0" in YAML 1.2)', '443', '8_0'],
    ['0x50', '443', '0x50'],
    ['0b1010000', '443', '0b1010000'],
  ])('%s opens TCP 80 to 0.0.0.0/0: reported, and the gate fails', (_, before, after) => {
    const { findings, shown, fails } = check({ 'np.yaml': openPort(before) }, { 'np.yaml': openPort(after) });
    expect(shown('connectivity-added')).toEqual(['np.yaml:10 high']);
    expect(findings.find((f) => f.ruleId === 'connectivity-added')?.message).toContain('on TCP 80');
    expect(fails).toBe(true);
  });

  it('a quoted "0120" stays a string (a named port), as for kubectl', () => {
    const model = loadSnapshot(toSourceFiles({ 'np.yaml': openPort('"0120"') }));
    expect((model.resources[0].spec.ingress as { ports: unknown[] }[])[0].ports).toEqual([{ port: '0120' }]);
  });
});

describe('strings that YAML 1.1 turns into booleans or numbers', () => {
  const labelled = (flag: string, name = 'web') => yaml(
    'apiVersion: networking.k8s.io/v1', //             1
    'kind: NetworkPolicy', //                          2
    'metadata:', //                                    3
    `  name: ${name}`, //                              4
    '  namespace: shop', //                            5
    'spec:', //                                        6
    '  podSelector:', //                               7
    '    matchLabels:', //                             8
    '      app: web', //                               9
    `      flag: ${flag}`, //                          10
    '  policyTypes: [Ingress]', //                     11
  );

  it('`flag: yes` in a selector is rejected by the API server: manifest-invalid at its line, with the value as written', () => {
    const { findings, shown, fails } = check({ 'np.yaml': labelled('"yes"') }, { 'np.yaml': labelled('yes') });
    expect(shown('manifest-invalid')).toEqual(['np.yaml:10 high']);
    expect(findings.find((f) => f.ruleId === 'manifest-invalid')?.message).toBe(
      'spec.podSelector.matchLabels.flag is written "yes", which kubectl decodes as the boolean true (YAML 1.1) where Kubernetes requires a string; quote it. The API server\'s strict field validation rejects this object.',
    );
    expect(fails).toBe(true);
  });

  it('labels and annotations of workloads, matchExpressions values, a Service selector', () => {
    const text = yaml(
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d, namespace: shop, annotations: {sidecar: on}}', // 1-3
      'spec:', '  selector: {matchExpressions: [{key: tier, operator: In, values: [web, 0x1]}]}', //              4-5
      '  template:', '    metadata: {labels: {app: web, canary: n}}', //                                            6-7
      '---', 'apiVersion: v1', 'kind: Service', 'metadata: {name: s, namespace: shop}', 'spec: {selector: {debug: off}}', // 8-12
    );
    const { shown } = check({}, { 'all.yaml': text });
    expect(shown('manifest-invalid')).toEqual(['all.yaml:3 high', 'all.yaml:5 high', 'all.yaml:7 high', 'all.yaml:12 high']);
  });

  it('`name: 12345` keeps its identity ("12345", not an empty name) and is reported', () => {
    const model = loadSnapshot(toSourceFiles({ 'np.yaml': labelled('"x"', '12345') }));
    expect(model.resources.map((r) => r.name)).toEqual(['12345']);
    expect(model.problems.map((p) => `${p.kind} ${p.location.line} ${p.message}`)).toEqual([
      'invalid 4 metadata.name is written "12345", which kubectl decodes as the number 12345 (YAML 1.1) where Kubernetes requires a string; quote it',
    ]);
    const { shown } = check({}, { 'np.yaml': labelled('"x"', '0120') });
    expect(shown('manifest-invalid')).toEqual(['np.yaml:4 high']);
  });

  it('strings where strings belong, and numbers where numbers belong, are not reported', () => {
    const { shown } = check({}, { 'np.yaml': labelled('"yes"', '"12345"'), 'port.yaml': openPort('8080') });
    expect(shown('manifest-invalid')).toEqual([]);
  });
});

describe('what go-yaml accepts that js-yaml and the yaml package reject', () => {
  const fixture = readFileSync(join(import.meta.dirname, '../fixtures/kubectl-yaml/asset-cache.yaml'), 'utf8');

  it('tabs as separation inside flow collections, even before an item at column 0, are read (not a parse error)', () => {
    expect(fixture).toMatch(/\n\t"while true/);
    const model = loadSnapshot(toSourceFiles({ 'asset-cache.yaml': fixture }));
    expect(model.problems).toEqual([]);
    const [deployment, policy] = model.resources;
    expect(deployment.object).toMatchObject({ spec: { template: { spec: { containers: [{ command: ['/bin/sh', '-c', 'while true; do sleep 3600; done'] }] } } } });
    expect(policy.spec).toEqual({
      podSelector: { matchLabels: { app: 'asset-cache' } }, policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 8080, protocol: 'TCP' }] }],
    });
    // Lines stay exact.
    expect(policy.at(['spec', 'ingress', 0, 'from', 0, 'ipBlock', 'cidr']).line).toBe(39);
    expect(policy.at(['spec', 'ingress', 0, 'ports', 0]).line).toBe(41);
  });

  it('a widening in such a file is found, and fails the gate', () => {
    const { shown, fails } = check({ 'asset-cache.yaml': fixture.replace('0.0.0.0/0', '10.0.0.0/8') }, { 'asset-cache.yaml': fixture });
    expect(shown('manifest-parse-error')).toEqual([]);
    expect(shown('netpol-ipblock-widened')).toEqual(['asset-cache.yaml:39 critical']);
    expect(fails).toBe(true);
  });

  it('the same on the careful path (a file with an alias), and a tab inside a plain scalar stays in its value', () => {
    const text = yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c, namespace: shop, labels: &l {a: b}}', 'data:', '  list: [x,', '\t"y",', '\tz\tw]', '  again: *l');
    const model = loadSnapshot(toSourceFiles({ 'cm.yaml': text }));
    expect(model.problems).toEqual([]);
    expect(model.resources[0].object.data).toEqual({ list: ['x', 'y', 'z\tw'], again: { a: 'b' } });
  });

  it('a tab in block indentation is still an error, as for go-yaml', () => {
    const model = loadSnapshot(toSourceFiles({ 'cm.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '\tname: c') }));
    expect(model.problems.map((p) => `${p.kind} ${p.location.line}`)).toEqual(['parse-error 4']);
  });
});

describe('UTF-16 and UTF-32 with a byte-order mark', () => {
  const utf32 = (text: string, littleEndian: boolean) => {
    const points = [...`\ufeff${text}`].map((c) => c.codePointAt(0)!);
    const view = new DataView(new ArrayBuffer(points.length * 4));
    points.forEach((p, i) => view.setUint32(i * 4, p, littleEndian));
    return new Uint8Array(view.buffer);
  };
  const utf16be = (text: string) => {
    const le = Buffer.from(`\ufeff${text}`, 'utf16le');
    return new Uint8Array(le.swap16());
  };
  const encodings: [string, (text: string) => Uint8Array][] = [
    ['UTF-16LE', (t) => new Uint8Array(Buffer.from(`\ufeff${t}`, 'utf16le'))],
    ['UTF-16BE', utf16be],
    ['UTF-32LE', (t) => utf32(t, true)],
    ['UTF-32BE', (t) => utf32(t, false)],
  ];

  it.each(encodings)('%s is decoded and analyzed (a widening in it fails the gate)', (encoding, encode) => {
    const { shown, fails, head } = check({ 'np.yaml': openPort('80', '10.0.0.0/8') }, { 'np.yaml': encode(openPort('80') + NOTE) });
    expect(shown('manifest-parse-error')).toEqual([]);
    // kubectl transcodes UTF-16 but not UTF-32: a UTF-32 manifest is analyzed and also reported.
    expect(shown('manifest-invalid')).toEqual(encoding.startsWith('UTF-32') ? ['np.yaml:1 high'] : []);
    expect(shown('netpol-ipblock-widened')).toEqual(['np.yaml:10 critical']);
    expect(head.resources.find((r) => r.kind === 'ConfigMap')?.object.data).toEqual({ note: 'caf\u00e9 \u{1f600}' });
    expect(fails).toBe(true);
  });

  it('malformed UTF-16/32 after a mark is reported; bytes without a mark keep the binary and UTF-8 checks', () => {
    const { shown, findings } = check({}, {
      'odd16.yaml': new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62]),
      'surrogate32.yaml': new Uint8Array([0xff, 0xfe, 0, 0, 0x00, 0xd8, 0, 0]),
      'nobom16.yaml': new Uint8Array(Buffer.from('apiVersion: v1\nkind: ConfigMap\n', 'utf16le')),
    });
    expect(shown('manifest-parse-error')).toEqual(['nobom16.yaml:1 high', 'odd16.yaml:1 high', 'surrogate32.yaml:1 high']);
    const messages = findings.map((f) => f.message).join('\n');
    expect(messages).toContain('File is not valid UTF-16LE');
    expect(messages).toContain('File is not valid UTF-32LE');
    expect(messages).toContain('binary');
  });
});

describe('duplicate objects: the copy kubectl apply -f keeps is the one analyzed', () => {
  it('a-np.yaml narrow and z-np.yaml with 0.0.0.0/0: the widening is reported and the gate fails', () => {
    const narrow = openPort('443', '10.0.0.0/8');
    const { shown, fails, head } = check({ 'a-np.yaml': narrow }, { 'a-np.yaml': narrow, 'z-np.yaml': openPort('443') });
    expect(shown('manifest-duplicate')).toEqual(['z-np.yaml:1 high']);
    expect(shown('netpol-ipblock-widened')).toEqual(['z-np.yaml:10 critical']);
    expect(shown('connectivity-added')).toEqual(['z-np.yaml:10 critical']);
    expect(head.resources.map((r) => r.file)).toEqual(['z-np.yaml']);
    expect(fails).toBe(true);
  });

  it('the later document of one file wins', () => {
    const { shown } = check({ 'np.yaml': openPort('443', '10.0.0.0/8') }, { 'np.yaml': `${openPort('443', '10.0.0.0/8')}---\n${openPort('443')}` });
    expect(shown('netpol-ipblock-widened')).toEqual(['np.yaml:22 critical']);
  });
});

describe('JSON: repeated keys', () => {
  const json = (podSelectors: string[]) => [
    '{', //                                                                  1
    '  "apiVersion": "networking.k8s.io/v1",', //                            2
    '  "kind": "NetworkPolicy",', //                                         3
    '  "metadata": {"name": "web", "namespace": "shop", "annotations": {"url": "http://a:b"}},', // 4
    '  "spec": {', //                                                        5
    ...podSelectors.map((s) => `    "podSelector": ${s},`), //                 6, 7
    '    "policyTypes": ["Ingress"]', //
    '  }', '}', '',
  ].join('\n');

  it('a key written twice is manifest-invalid at its line, like in YAML; the last value is kept (as JSON.parse does)', () => {
    const { shown, findings, head } = check({}, { 'np.json': json(['{"matchLabels": {"app": "web"}}', '{}']) });
    expect(shown('manifest-invalid')).toEqual(['np.json:7 high']);
    expect(findings.find((f) => f.ruleId === 'manifest-invalid')?.message).toContain('the key "podSelector" is written twice');
    expect(head.resources[0].spec.podSelector).toEqual({});
  });

  it('no repeated key, colons inside strings included: no finding', () => {
    expect(check({}, { 'np.json': json(['{}']) }).shown('manifest-invalid')).toEqual([]);
  });
});

describe('parse errors at the line the parser names; depth limits with a clear message', () => {
  const configMap = (...data: string[]) => yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c, namespace: shop}', 'data:', ...data);

  it.each([
    ['an unresolved alias (careful path)', ['  a: &x "1"', '  b: "2"', '  c: "3"', '  d: "4"', '  e: *nope'], 9, 'Unresolved alias'],
    ['an unclosed flow sequence (js-yaml fails first, then the careful path)', ['  a: "1"', '  b: [2', '  c: "3"'], 7, 'Flow sequence'],
    ['an unclosed flow sequence in a file with an alias', ['  a: &x "1"', '  b: [2', '  c: *x'], 7, 'Flow sequence'],
  ])('%s', (_, data, line, message) => {
    const model = loadSnapshot(toSourceFiles({ 'cm.yaml': configMap(...data) }));
    expect(model.problems.map((p) => `${p.kind} ${p.location.line}`)).toEqual([`parse-error ${line}`]);
    expect(model.problems[0].message).toContain(message);
  });

  it.each([
    ['on the fast path', ''],
    ['on the careful path (a file with an alias)', '  again: *a\n'],
  ])('a 10,000-deep block sequence is a depth-limit finding at a line, %s', (_, extra) => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop, labels: &a {x: y}}\ndata:\n${extra}  deep:\n    ${'- '.repeat(10_000)}x\n`;
    const started = performance.now();
    const { shown, findings } = check({}, { 'deep.yaml': text });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(shown('manifest-parse-error')).toEqual([`deep.yaml:${extra ? 7 : 6} high`]);
    expect(findings.find((f) => f.ruleId === 'manifest-parse-error')?.message).toContain(`Nesting deeper than ${MAX_NESTING_DEPTH} levels`);
  });
});

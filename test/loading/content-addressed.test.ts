import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Finding } from '../../src/findings/finding.js';
import { loadSnapshot, ParseCache } from '../../src/model/load.js';
import { MAX_NESTING_DEPTH, positionsOf } from '../../src/model/positions.js';
import { KUBERNETES_JS_YAML_SCHEMA } from '../../src/model/yaml11.js';
import { toSourceFiles, yaml, type Files } from '../helpers/rule-tester.js';

/**
 * Texts are decoded once wherever they sit, and identical objects of different texts share one decoded object
 * (ParseCache): a moved, split or merged file must still be reported at its own path and lines.
 */

const namespace = (name: string, team: string) => yaml(
  'apiVersion: v1',
  'kind: Namespace',
  `metadata: {name: ${name}, labels: {team: ${team}}}`,
);

const workload = yaml(
  'apiVersion: apps/v1', //                                          1
  'kind: Deployment', //                                             2
  'metadata: {name: api, namespace: shop}', //                       3
  'spec:', //                                                        4
  '  selector: {matchLabels: {app: api}}', //                        5
  '  template:', //                                                  6
  '    metadata: {labels: {app: api}}', //                           7
  '    spec: {containers: [{name: api, image: api:1, ports: [{containerPort: 8080}]}]}', // 8
);

/** Admits the pods of namespaces labelled `team: partners` to shop/api: its ingress rule's peer is line 13. */
const policy = (cidr?: string) => yaml(
  '# shop/api takes traffic from partner teams only', //             1
  'apiVersion: networking.k8s.io/v1', //                             2
  'kind: NetworkPolicy', //                                          3
  'metadata:', //                                                    4
  '  name: api', //                                                  5
  '  namespace: shop', //                                            6
  'spec:', //                                                        7
  '  podSelector: {matchLabels: {app: api}}', //                     8
  '  policyTypes: [Ingress]', //                                     9
  '  ingress:', //                                                   10
  '    - ports: [{port: 8080}]', //                                  11
  '      from:', //                                                  12
  '        - namespaceSelector: {matchLabels: {team: partners}}', // 13
  ...(cidr ? [`        - ipBlock: {cidr: ${cidr}}`] : []), //        14
);

const others = yaml(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: client, namespace: others}',
  'spec:',
  '  selector: {matchLabels: {app: client}}',
  '  template:',
  '    metadata: {labels: {app: client}}',
  '    spec: {containers: [{name: client, image: client:1}]}',
);

/** The workload with new pod labels (line 7), which the policy no longer selects. */
const relabelled = workload.replace('labels: {app: api}', 'labels: {app: api-v2}').replace('matchLabels: {app: api}', 'matchLabels: {app: api-v2}');

/** `side path:line` of each finding of a rule and of its related locations. */
const places = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId)
  .flatMap((f) => [f.location, ...f.related.map((r) => ({ ...r, side: r.side ?? f.location.side }))])
  .map((l) => `${l.side} ${l.path}:${l.line}`);

/** `path:line` of each finding of a rule, on the side it is reported. */
const at = (findings: Finding[], ruleId: string) =>
  findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.location.side} ${f.location.path}:${f.location.line}`);

function check(base: Files, head: Files) {
  return analyze(toSourceFiles(base), toSourceFiles(head)).findings;
}

describe('a moved file is reported at its new path', () => {
  it('a rename with an edit: the widened peer at the new path and line', () => {
    const findings = check(
      { 'shop/api.yaml': workload, 'shop/policy.yaml': policy(), 'others/client.yaml': others },
      { 'shop/api.yaml': workload, 'platform/shop/network/policy.yaml': policy('0.0.0.0/0'), 'others/client.yaml': others },
    );
    expect(at(findings, 'connectivity-added')).toEqual(['head platform/shop/network/policy.yaml:14']);
  });

  it('moved unchanged, while another file ends its isolation: the policy\'s base lines at its old path', () => {
    // The text is decoded once (at the head's path first): the base's Resources still have the base's path.
    const findings = check(
      { 'shop/api.yaml': workload, 'shop/policy.yaml': policy(), 'others/client.yaml': others },
      { 'shop/api.yaml': relabelled, 'platform/shop/policy.yaml': policy(), 'others/client.yaml': others },
    );
    expect(places(findings, 'workload-unisolated')).toEqual(['base shop/policy.yaml:8', 'head shop/api.yaml:7']);
  });
});

describe('split and merged files are reported at their own lines', () => {
  const multi = (policyText: string) => `${workload}---\n${policyText}`;
  // In the multi-document file, the policy's line n is line 9 + n (8 lines of workload, then the `---`).

  it('a split file: the widened peer at the split file\'s line', () => {
    const findings = check(
      { 'shop/all.yaml': multi(policy()), 'others/client.yaml': others },
      { 'shop/api.yaml': workload, 'shop/policy.yaml': policy('0.0.0.0/0'), 'others/client.yaml': others },
    );
    expect(at(findings, 'connectivity-added')).toEqual(['head shop/policy.yaml:14']);
  });

  it('a merged file: the widened peer at the merged file\'s line', () => {
    const findings = check(
      { 'shop/api.yaml': workload, 'shop/policy.yaml': policy(), 'others/client.yaml': others },
      { 'shop/all.yaml': multi(policy('0.0.0.0/0')), 'others/client.yaml': others },
    );
    expect(at(findings, 'connectivity-added')).toEqual(['head shop/all.yaml:23']);
  });

  it('split unchanged, while another file ends its isolation: the multi-document file\'s base lines', () => {
    const findings = check(
      { 'shop/all.yaml': multi(policy()), 'others/client.yaml': others },
      { 'shop/api.yaml': relabelled, 'shop/policy.yaml': policy(), 'others/client.yaml': others },
    );
    expect(places(findings, 'workload-unisolated')).toEqual(['base shop/all.yaml:17', 'head shop/api.yaml:7']);
  });

  it('merged unchanged, while another file ends its isolation: the separate file\'s base lines', () => {
    const findings = check(
      { 'shop/api.yaml': workload, 'shop/policy.yaml': policy(), 'others/client.yaml': others },
      { 'shop/all.yaml': `${relabelled}---\n${policy()}`, 'others/client.yaml': others },
    );
    expect(places(findings, 'workload-unisolated')).toEqual(['base shop/policy.yaml:8', 'head shop/all.yaml:7']);
  });
});

describe('the content-addressed cache', () => {
  const load = (files: Files, cache: ParseCache) => loadSnapshot(toSourceFiles(files), {}, cache);

  it('shares the decoded object of identical objects, each Resource keeping its own file\'s path and lines', () => {
    const cache = new ParseCache();
    const head = load({ 'a/policy.yaml': policy() }, cache);
    const base = load({ 'b/all.yaml': `${workload}---\n${policy()}` }, cache);
    const [h, b] = [head.byKey.get('networking.k8s.io/NetworkPolicy/shop/api')!, base.byKey.get('networking.k8s.io/NetworkPolicy/shop/api')!];
    expect(b.object).toBe(h.object);
    expect(h.at(['spec', 'ingress', 0, 'from', 0])).toEqual({ path: 'a/policy.yaml', line: 13, endLine: 13 });
    expect(b.at(['spec', 'ingress', 0, 'from', 0])).toEqual({ path: 'b/all.yaml', line: 22, endLine: 22 });
  });

  it('does not share objects that differ in a value\'s type or in key order', () => {
    const cache = new ParseCache();
    const port = (value: string) => policy().replace('port: 8080', `port: ${value}`);
    const head = load({ 'policy.yaml': port('8080') }, cache);
    const base = load({ 'policy.yaml': port('"8080"') }, cache);
    const key = 'networking.k8s.io/NetworkPolicy/shop/api';
    expect(base.byKey.get(key)!.object).not.toBe(head.byKey.get(key)!.object);
    expect(base.byKey.get(key)!.spec).toMatchObject({ ingress: [{ ports: [{ port: '8080' }] }] });
    expect(head.byKey.get(key)!.spec).toMatchObject({ ingress: [{ ports: [{ port: 8080 }] }] });

    const reordered = policy().replace('  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Ingress]\n', '  policyTypes: [Ingress]\n  podSelector: {matchLabels: {app: api}}\n');
    const other = load({ 'policy.yaml': reordered }, cache);
    expect(other.byKey.get(key)!.object).not.toBe(head.byKey.get(key)!.object);
    expect(Object.keys(other.byKey.get(key)!.spec)).toEqual(['policyTypes', 'podSelector', 'ingress']);
  });

  it('decodes two texts that differ in one character as two texts, at the same path on both sides', () => {
    const cache = new ParseCache();
    const head = load({ 'policy.yaml': policy('10.0.0.0/8') }, cache);
    const base = load({ 'policy.yaml': policy('10.0.0.0/9') }, cache);
    const key = 'networking.k8s.io/NetworkPolicy/shop/api';
    expect(JSON.stringify(head.byKey.get(key)!.spec)).toContain('10.0.0.0/8');
    expect(JSON.stringify(base.byKey.get(key)!.spec)).toContain('10.0.0.0/9');
  });

  it('shares a flow collection written alike in different objects and sides, not one written otherwise', () => {
    const cache = new ParseCache();
    const other = policy().replace('name: api', 'name: web').replace('{app: api}', '{app: web}');
    const head = load({ 'api.yaml': policy(), 'web.yaml': other }, cache);
    // The base's policy differs (so it is decoded again), but writes the same selector.
    const base = load({ 'api.yaml': policy('10.0.0.0/9') }, cache);
    const selector = (model: typeof head, name: string) => model.byKey.get(`networking.k8s.io/NetworkPolicy/shop/${name}`)!.spec.podSelector;
    expect(selector(head, 'api')).toEqual({ matchLabels: { app: 'api' } });
    expect(selector(base, 'api')).toBe(selector(head, 'api'));
    expect(selector(head, 'web')).toEqual({ matchLabels: { app: 'web' } });
    // Both policies write their rule's ports alike: one object.
    const ports = (name: string) => (head.byKey.get(`networking.k8s.io/NetworkPolicy/shop/${name}`)!.spec.ingress as { ports: object }[])[0].ports;
    expect(ports('web')).toBe(ports('api'));
  });

  it('gives the same text at two paths of one side one Resource per path', () => {
    const cache = new ParseCache();
    const model = load({ 'x/ns.yaml': namespace('shop', 'a'), 'y/ns.yaml': namespace('shop', 'a') }, cache);
    // Two copies of one identity: the one `kubectl apply -f` applies last is kept, and each copy has its own path.
    expect(model.problems.map((p) => `${p.kind} ${p.resource?.file} ${(p.overwritten ?? []).map((r) => r.file).join(',')}`))
      .toEqual(['duplicate y/ns.yaml x/ns.yaml']);
  });
});

describe('document texts are decoded once, whatever file holds them', () => {
  it('a document of a multi-document file and the same document alone in a file are one decoded document', () => {
    const cache = new ParseCache();
    const merged = cache.parse(`${namespace('shop', 'a')}---\n${workload}---\n${policy()}`, false);
    const alone = [namespace('shop', 'a'), workload, policy()].map((text) => cache.parse(text, false).documents[0]);
    // Not merely equal: the same objects (identical objects of different texts are shared for Resources only).
    alone.forEach((doc, i) => expect(merged.documents[i]).toBe(doc));
  });

  it('leaves a text with an alias, a directive or a broken document to the whole-file decoding, which says where', () => {
    const cache = new ParseCache();
    const broken = cache.parse(`${workload}---\nkind: [\n---\n${policy()}`, false);
    // Where the parser of the whole text finds the flow collection unclosed: at the next `---`.
    expect(broken.problems.map((p) => p.line)).toEqual([11]);
    const aliased = cache.parse(`a: &x 1\n---\nb: *x\n`, false);
    expect(aliased.problems).toHaveLength(1);
    const directive = cache.parse(`%YAML 1.1\n---\na: 1\n`, false);
    expect(directive.documents).toEqual([{ a: 1 }]);
  });

  /** The reference: the whole text decoded at once, as before texts were decoded document by document. */
  const whole = (text: string) => ({
    documents: jsYaml.loadAll(text, { maxDepth: MAX_NESTING_DEPTH, schema: KUBERNETES_JS_YAML_SCHEMA }),
    positions: positionsOf(text, 'js-yaml'),
  });

  /** Documents, then the lines and source of every field of every document, equal to the whole-file decoding's. */
  const expectSameDecoding = (text: string, cache = new ParseCache()): number => {
    const [expected, actual] = [whole(text), cache.parse(text, false)];
    expect(actual.problems).toEqual([]);
    expect(actual.documents).toEqual(expected.documents);
    let fields = 0;
    const visit = (docIndex: number, value: unknown, path: (string | number)[]): void => {
      fields++;
      expect({ path, span: actual.positions.fieldSpan(docIndex, path), source: actual.positions.scalarSource(docIndex, path) })
        .toEqual({ path, span: expected.positions.fieldSpan(docIndex, path), source: expected.positions.scalarSource(docIndex, path) });
      if (Array.isArray(value)) value.forEach((item, i) => visit(docIndex, item, [...path, i]));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(docIndex, v, [...path, k]);
    };
    // An empty document has no object, so nothing asks for its lines.
    expected.documents.forEach((doc, docIndex) => {
      if (doc === null) return;
      expect(actual.positions.documentSpan(docIndex)).toEqual(expected.positions.documentSpan(docIndex));
      visit(docIndex, doc, []);
    });
    return fields;
  };

  it('decodes every example manifest as the whole-file decoding does, documents and lines', () => {
    // Helm templates (examples/helm) are not YAML until Helm renders them.
    const files = readdirSync('examples', { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f) && !/(^|[\\/])templates[\\/]/.test(f));
    const texts = files.map((file) => readFileSync(join('examples', file), 'utf8'));
    expect(texts.filter((text) => text.includes('\n---\n')).length).toBeGreaterThan(3);
    let fields = 0;
    for (const text of texts) fields += expectSameDecoding(text);
    expect(fields).toBeGreaterThan(1000);
  });

  /** The texts between a text's `---` lines, each as a file of its own. */
  const documentFiles = (text: string) => text.split(/^---\r?(?:\n|$)/m);

  /**
   * A text assembled from documents decoded in other files, and each document file assembled from the text: both
   * as a whole-file decoding reads them, with the very objects the other files' decoding gave.
   */
  const expectAssembled = (text: string) => {
    const split = new ParseCache();
    const alone = documentFiles(text).flatMap((file) => split.parse(file, false).documents.filter((d) => d !== null));
    expectSameDecoding(text, split);
    expect(split.parse(text, false).documents.filter((d) => d !== null)).toEqual(alone);
    split.parse(text, false).documents.filter((d) => d !== null).forEach((doc, i) => expect(doc).toBe(alone[i]));
    const merged = new ParseCache();
    const docs = merged.parse(text, false).documents.filter((d) => d !== null);
    let i = 0;
    for (const file of documentFiles(text)) {
      expectSameDecoding(file, merged);
      for (const doc of merged.parse(file, false).documents.filter((d) => d !== null)) expect(doc).toBe(docs[i++]);
    }
    expect(i).toBe(docs.length);
  };

  it('assembles split and merged example manifests from documents decoded in other files, documents and lines', () => {
    const files = readdirSync('examples', { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f) && !/(^|[\\/])templates[\\/]/.test(f));
    const multi = files.map((file) => readFileSync(join('examples', file), 'utf8')).filter((text) => /^---\r?$/m.test(text));
    expect(multi.length).toBeGreaterThan(3);
    for (const text of multi) expectAssembled(text);
  });

  it('keeps empty documents, comments between documents, a leading and a trailing marker, and CRLF lines', () => {
    const docs = [namespace('shop', 'a'), workload, policy('10.0.0.0/8')];
    const texts = [
      `---\n${docs.join('---\n')}`,
      `${docs.join('---\n')}---\n`,
      `${docs.join('---\n')}---`,
      `# header\n\n---\n${docs[0]}---\n---\n# nothing here\n---\n${docs[1]}\n\n# trailing\n---\n${docs[2]}`,
      `${docs.join('---\n')}`.replace(/\n/g, '\r\n'),
      `---\n---\n`,
      `# only a comment\n`,
      ``,
    ];
    for (const text of texts) {
      expectSameDecoding(text);
      expectAssembled(text);
    }
  });
});

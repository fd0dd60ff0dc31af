import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { defaultConfig } from '../../src/config/config.js';
import type { Finding } from '../../src/findings/finding.js';
import { loadSnapshot } from '../../src/model/load.js';
import { MAX_NESTING_DEPTH } from '../../src/model/positions.js';
import { RULES } from '../../src/rules/index.js';
import { toSourceFiles, yaml, type Files } from '../helpers/rule-tester.js';
import { probeRule } from './probe-rule.js';

/** A regression in a healthy file of the same PR: an empty peer (manifest-invalid) at line 9. */
const invalidPolicy = yaml(
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: api',
  '  namespace: payments',
  'spec:',
  '  podSelector: {}',
  '  ingress:',
  '    - from: [{}]',
);
const configMap = (name: string) => yaml('apiVersion: v1', 'kind: ConfigMap', `metadata: {name: ${name}, namespace: shop}`, 'data: {a: "1"}');

const where = (findings: Finding[], ruleId: string) =>
  findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.location.path}:${f.location.line}`);

/** Runs every registered rule plus the probe; returns the findings and the time taken. */
function check(head: Files, base: Files = {}, config = defaultConfig()) {
  const started = performance.now();
  const result = analyze(toSourceFiles(base), toSourceFiles(head), config, [...RULES, probeRule]);
  return { ...result, ms: performance.now() - started };
}

/** The healthy part of every case: the regression in it must still be found. */
function expectRestAnalyzed(findings: Finding[]) {
  expect(where(findings, 'manifest-invalid')).toContain('policies/api.yaml:9');
  expect(where(findings, 'test-probe')).toContain('policies/api.yaml:1');
}

const billionLaughs = yaml(
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata: {name: lol, namespace: shop}',
  'data:',
  '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  '  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  '  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  '  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  '  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  '  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  '  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  '  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  '  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
);

describe('bad input: each bad file is reported with file and line, the rest of the tree is analyzed', () => {
  it('broken YAML', () => {
    const { findings } = check({
      'policies/api.yaml': invalidPolicy,
      'svc.yaml': yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector: {app: web', 'x: 1'),
    });
    expect(where(findings, 'manifest-parse-error')).toEqual(['svc.yaml:7']);
    expect(findings.find((f) => f.ruleId === 'manifest-parse-error')?.message).toContain('Flow map in block collection');
    expectRestAnalyzed(findings);
  });

  it('the parser message carries no line (the location does), so the fingerprint survives edits above the break', () => {
    const broken = yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  selector: {app: web', 'x: 1');
    const { findings } = check({ 'svc.yaml': `# a comment added above\n${broken}` }, { 'svc.yaml': broken });
    expect(where(findings, 'manifest-parse-error')).toEqual([]);
  });

  it('a billion-laughs alias bomb finishes fast and is reported', () => {
    const { findings, ms } = check({ 'policies/api.yaml': invalidPolicy, 'bomb.yaml': billionLaughs });
    expect(ms).toBeLessThan(2000);
    expect(where(findings, 'manifest-parse-error')).toEqual(['bomb.yaml:1']);
    expect(findings.find((f) => f.ruleId === 'manifest-parse-error')?.message).toContain('resource exhaustion');
    expectRestAnalyzed(findings);
  });

  it('an alias bomb is reported even in a file that does not look like Kubernetes', () => {
    const { findings, ms } = check({ 'policies/api.yaml': invalidPolicy, 'values.yaml': billionLaughs.split('\n').slice(3).join('\n') });
    expect(ms).toBeLessThan(2000);
    expect(where(findings, 'manifest-parse-error')).toEqual(['values.yaml:1']);
    expectRestAnalyzed(findings);
  });

  it('moderate alias use within the cap is decoded, with YAML merge keys resolved as Kubernetes does', () => {
    const text = yaml(
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata: {name: web, namespace: shop}',
      'spec:',
      '  podSelector: &web {matchLabels: {app: web}}',
      '  ingress:',
      '    - from: [{podSelector: *web}]',
      '      ports:',
      '        - <<: {protocol: UDP}',
      '          port: 53',
    );
    const model = loadSnapshot(toSourceFiles({ 'np.yaml': text }));
    expect(model.problems).toEqual([]);
    expect(model.resources[0].spec).toEqual({
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'UDP', port: 53 }] }],
    });
  });

  it('a file over the default 5 MB cap', () => {
    const big = configMap('big') + `  padding: "${'x'.repeat(5 * 1024 * 1024)}"\n`;
    const { findings, ms } = check({ 'policies/api.yaml': invalidPolicy, 'big.yaml': big });
    expect(ms).toBeLessThan(5000);
    expect(where(findings, 'manifest-parse-error')).toEqual(['big.yaml:1']);
    expect(findings.find((f) => f.ruleId === 'manifest-parse-error')?.message).toContain('over the 5242880-byte limit');
    expectRestAnalyzed(findings);
  });

  it('the cap is configurable (config.maxFileBytes), and a source may report the size of a blob it did not fetch', () => {
    const config = { ...defaultConfig(), maxFileBytes: 300 };
    const { findings } = analyze([], [
      { path: 'policies/api.yaml', content: invalidPolicy },
      { path: 'cm.yaml', content: configMap('cm') + `  pad: "${'x'.repeat(300)}"\n` },
      { path: 'remote.yaml', content: '', size: 10_000 },
    ], config, [...RULES, probeRule]);
    expect(where(findings, 'manifest-parse-error')).toEqual(['cm.yaml:1', 'remote.yaml:1']);
    expect(findings.find((f) => f.location.path === 'remote.yaml')?.message).toContain('File is 10000 bytes, over the 300-byte limit');
    expectRestAnalyzed(findings);
  });

  it('a binary file', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const { findings } = check({ 'policies/api.yaml': invalidPolicy, 'logo.yaml': bytes });
    expect(where(findings, 'manifest-parse-error')).toEqual(['logo.yaml:1']);
    expect(findings.find((f) => f.location.path === 'logo.yaml')?.message).toContain('binary');
    expectRestAnalyzed(findings);
  });

  it('a file that is not UTF-8 (Latin-1; UTF-16 without a byte-order mark)', () => {
    const latin1 = new Uint8Array([...Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf'), 0xe9, 0x7d, 0x0a]);
    const utf16 = new Uint8Array(Buffer.from('apiVersion: v1\nkind: ConfigMap\n', 'utf16le'));
    const { findings } = check({ 'policies/api.yaml': invalidPolicy, 'latin1.yaml': latin1, 'utf16.yaml': utf16 });
    expect(where(findings, 'manifest-parse-error')).toEqual(['latin1.yaml:1', 'utf16.yaml:1']);
    expect(findings.find((f) => f.location.path === 'latin1.yaml')?.message).toContain('not valid UTF-8');
    expectRestAnalyzed(findings);
  });

  it('UTF-8 with a byte-order mark is read normally', () => {
    const { findings, head } = check({ 'policies/api.yaml': invalidPolicy, 'cm.yaml': new Uint8Array(Buffer.from(`\ufeff${configMap('bom')}`)) });
    expect(where(findings, 'manifest-parse-error')).toEqual([]);
    expect(head.byKey.has('/ConfigMap/shop/bom')).toBe(true);
    expectRestAnalyzed(findings);
  });

  it('a multi-document file with one broken document keeps the others', () => {
    const text = yaml(
      'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: first, namespace: shop}', // 1-3
      '---', //                                                                         4
      'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: broken, namespace: shop', 'data: {}', // 5-8
      '---', //                                                                         9
      'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: third, namespace: shop}', // 10-12
      'spec:', '  podSelector: {}', '  egress:', '    - to: [{}]', //                   13-16
    );
    const { findings, head } = check({ 'policies/api.yaml': invalidPolicy, 'multi.yaml': text });
    expect(where(findings, 'manifest-parse-error')).toEqual(['multi.yaml:8']);
    expect(head.resources.filter((r) => r.file === 'multi.yaml').map((r) => r.name)).toEqual(['first', 'third']);
    expect(where(findings, 'manifest-invalid')).toEqual(['multi.yaml:16', 'policies/api.yaml:9']);
    expect(where(findings, 'test-probe')).toEqual(['multi.yaml:1', 'multi.yaml:10', 'policies/api.yaml:1']);
  });

  it('hostile nesting (JSON and YAML flow, hundreds of thousands deep) finishes fast and is reported', () => {
    const depth = 200_000;
    const json = `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},\n"data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const flow = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep2}\ndata: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const { findings, ms } = check({ 'policies/api.yaml': invalidPolicy, 'deep.json': json, 'deep.yaml': flow });
    expect(ms).toBeLessThan(3000);
    expect(where(findings, 'manifest-parse-error')).toEqual(['deep.json:2', 'deep.yaml:4']);
    expect(findings.find((f) => f.location.path === 'deep.json')?.message).toContain(`Nesting deeper than ${MAX_NESTING_DEPTH} levels`);
    expectRestAnalyzed(findings);
  });

  it('a duplicated key is manifest-invalid at its line; the document is kept with the last value', () => {
    const text = yaml(
      'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: web, namespace: shop}',
      'spec:', '  podSelector: {matchLabels: {app: web}}', '  policyTypes: [Ingress]', '  podSelector: {}',
    );
    const { findings, head } = check({ 'policies/api.yaml': invalidPolicy, 'np.yaml': text });
    expect(where(findings, 'manifest-invalid')).toEqual(['np.yaml:7', 'policies/api.yaml:9']);
    expect(findings.find((f) => f.ruleId === 'manifest-invalid' && f.location.path === 'np.yaml')?.message).toContain('the key "podSelector" is written twice');
    expect(head.byKey.get('networking.k8s.io/NetworkPolicy/shop/web')?.spec.podSelector).toEqual({});
  });

  it('malformed shapes (wrong types everywhere) never crash any registered rule', () => {
    const shapes = [
      'spec: 5', 'spec: [1, 2]', 'spec: {podSelector: 3, ingress: {from: 1}, egress: [null, 7, {to: "x", ports: 9}]}',
      'spec: {ingress: [{from: [{ipBlock: 5}, {podSelector: [1]}, {namespaceSelector: {matchExpressions: 4}}], ports: [{port: [], endPort: "x"}]}]}',
      'spec: {policyTypes: Ingress, podSelector: {matchLabels: [a]}}',
      'spec: {rules: 5, tls: {hosts: 1}, defaultBackend: 3}', 'spec: {rules: [null, {host: 7, http: {paths: [null, {path: 3, backend: []}]}}]}',
      'metadata: [1]', 'metadata: {name: 5, namespace: {}, annotations: [1], labels: "x"}',
    ];
    const head: Files = { 'policies/api.yaml': invalidPolicy };
    shapes.forEach((shape, i) => {
      for (const kind of ['apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy', 'apiVersion: networking.k8s.io/v1\nkind: Ingress', 'apiVersion: extensions/v1beta1\nkind: Ingress']) {
        const id = `${kind.split('\n')[1].slice(6)}-${i}`;
        head[`weird/${id}.yaml`] = `${kind}\n${shape.startsWith('metadata') ? '' : `metadata: {name: ${id}, namespace: shop}\n`}${shape}\n`;
      }
    });
    const base = Object.fromEntries(Object.entries(head).filter(([path]) => path.startsWith('weird/')).map(([path, text]) => [path, String(text).replace(/: 5/g, ': 6')]));
    const { findings } = check(head, base);
    expectRestAnalyzed(findings);
  });
});

describe('kinds and groups named like JavaScript object members', () => {
  it('are objects like any other: no crash, no alias, the rest of the tree analyzed', () => {
    const head: Files = { 'policies/api.yaml': invalidPolicy };
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
    for (const name of names) {
      for (const apiVersion of ['apps/v1', 'v1', 'batch/v1', 'extensions/v1beta1', `${name}/v1`]) {
        const id = `${name}-${apiVersion.replace(/\W/g, '-')}`.toLowerCase();
        head[`weird/${id}.yaml`] = yaml(`apiVersion: ${apiVersion}`, `kind: ${name}`, `metadata: {name: ${id}, namespace: shop}`,
          'spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}}}');
      }
      head[`weird/ingress-${name.toLowerCase()}.yaml`] = yaml(`apiVersion: ${name}/v1`, 'kind: Ingress', `metadata: {name: i-${name.toLowerCase()}, namespace: shop}`, 'spec: {}');
    }
    const { findings, head: model } = check(head);
    expectRestAnalyzed(findings);
    // The group is the one written (`constructor/v1` names the group "constructor"), never a member of a lookup table.
    for (const r of model.resources) expect(typeof r.group).toBe('string');
    expect(model.resources.find((r) => r.name === 'i-constructor')?.group).toBe('constructor');
  });
});

describe('input that is not a problem', () => {
  it('non-Kubernetes YAML (workflow, Helm values, compose), even broken, is ignored without a word', () => {
    const head: Files = {
      'policies/api.yaml': invalidPolicy,
      '.github/workflows/ci.yml': yaml('name: ci', 'on: [push, pull_request]', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps: [{run: npm test}]'),
      'charts/shop/values.yaml': yaml('replicaCount: 2', 'image: {repository: shop, tag: "1.2"}', 'ingress:', '  enabled: true', '  hosts: [shop.example.com]'),
      'charts/shop/values-broken.yaml': yaml('replicaCount: [2', 'image: {'),
      'docker-compose.yml': yaml('services:', '  web:', '    image: nginx', '    ports: ["80:80"]'),
      'config.json': '{"compilerOptions": {"strict": true}}',
      'empty.yaml': '',
      'comments.yaml': '# nothing here\n---\n...\n',
      'scalars.yaml': 'just a string\n---\n42\n---\n- a\n- b\n',
    };
    const { findings, head: model } = check(head);
    expect(findings.filter((f) => !f.location.path.startsWith('policies/')).map((f) => `${f.ruleId} ${f.location.path}`)).toEqual([]);
    expect(model.problems).toEqual([]);
    expect(model.resources.map((r) => r.file)).toEqual(['policies/api.yaml']);
    expectRestAnalyzed(findings);
  });

  it('JSON manifests are loaded, and a broken JSON manifest is reported with its line', () => {
    const policy = JSON.stringify({
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'json', namespace: 'shop' },
      spec: { podSelector: {}, ingress: [{ from: [{}] }] },
    }, null, 2);
    const { findings } = check({
      'policies/api.yaml': invalidPolicy,
      'np.json': policy,
      'broken.json': '{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "x"},\n  "data": {"a": "1",}\n  ]\n}\n',
    });
    expect(where(findings, 'manifest-invalid')).toEqual(['np.json:13', 'policies/api.yaml:9']);
    expect(where(findings, 'manifest-parse-error')).toEqual(['broken.json:6']);
  });

  it('List and <Kind>List are expanded, items keep their own lines', () => {
    const list = yaml(
      'apiVersion: v1', 'kind: List', 'items:', //                                                    1-3
      '  - apiVersion: v1', '    kind: ConfigMap', '    metadata: {name: a, namespace: shop}', //        4-6
      '  - apiVersion: networking.k8s.io/v1', '    kind: NetworkPolicy', '    metadata: {name: b, namespace: shop}', // 7-9
      '    spec: {podSelector: {}, ingress: [{from: [{}]}]}', //                                       10
    );
    const kindList = yaml(
      'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicyList', 'items:', //                     1-3
      '  - metadata: {name: c, namespace: shop}', '    spec: {podSelector: {}}', //                    4-5
      '  - metadata: {name: d, namespace: shop}', '    spec:', '      podSelector: {}', '      egress: [{to: [{}]}]', // 6-9
    );
    const { findings, head } = check({ 'policies/api.yaml': invalidPolicy, 'list.yaml': list, 'kindlist.yaml': kindList });
    expect(head.resources.filter((r) => r.file !== 'policies/api.yaml').map((r) => `${r.kind}/${r.name}@${r.file}:${r.at().line}`)).toEqual([
      'NetworkPolicy/c@kindlist.yaml:4', 'NetworkPolicy/d@kindlist.yaml:6', 'ConfigMap/a@list.yaml:4', 'NetworkPolicy/b@list.yaml:7',
    ]);
    expect(where(findings, 'manifest-invalid')).toEqual(['kindlist.yaml:9', 'list.yaml:10', 'policies/api.yaml:9']);
  });
});

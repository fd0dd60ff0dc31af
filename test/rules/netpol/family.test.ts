import { describe, expect, it } from 'vitest';
import { NETPOL_RULES } from '../../../src/rules/netpol/index.js';
import { analyze } from '../../../src/analyze.js';
import { defaultConfig } from '../../../src/config/config.js';
import { toSourceFiles, yaml, type Files } from '../../helpers/rule-tester.js';
import { defaultDeny, docs, policy, web } from './fixtures.js';

/** The whole NetworkPolicy family at once: benign changes report nothing, one regression reports one finding. */
function run(base: Files, head: Files): string[] {
  return analyze(toSourceFiles(base), toSourceFiles(head), defaultConfig(), NETPOL_RULES).findings
    .map((f) => `${f.ruleId} ${f.location.side}:${f.location.path}:${f.location.line} ${f.severity}`);
}

const frontend = '    - podSelector: {matchLabels: {app: frontend}}';
const shop = web(
  '  - from:', frontend, '    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: mon}}', '      podSelector: {matchLabels: {app: prom}}',
  '    ports: [{port: 80}, {port: 9090, protocol: TCP}]',
  '  - from:', '    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}', '    ports: [{port: 8000, endPort: 8100}]',
);
const base = { 'dd.yaml': defaultDeny('shop', ['Ingress', 'Egress']), 'web.yaml': shop };

describe('NetworkPolicy family: benign changes report nothing', () => {
  it('rules, peers, ports and keys reordered, flow style rewritten as block style, comments, another file', () => {
    const rewritten = yaml(
      '# the web tier',
      'kind: NetworkPolicy',
      'apiVersion: networking.k8s.io/v1',
      'metadata: {namespace: shop, name: web}',
      'spec:',
      '  ingress:',
      '  - ports:',
      '    - {port: 8000, endPort: 8100}',
      '    from:',
      '    - ipBlock:',
      '        except: [10.1.0.0/16]',
      '        cidr: 10.0.0.0/8',
      '  - ports:',
      '    - port: 9090',
      '    - port: 80     # http',
      '    from:',
      '    - podSelector: {matchLabels: {app: prom}}',
      '      namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [mon]}]}',
      '    - podSelector: {matchLabels: {app: frontend}}',
      '  podSelector:',
      '    matchLabels: {app: web}',
    );
    expect(run(base, { 'policies/deny.yaml': defaultDeny('shop', ['Egress', 'Ingress']), 'policies/web.yaml': rewritten })).toEqual([]);
  });

  it('a multi-document file split into files, and an extensions/v1beta1 policy migrated to networking.k8s.io/v1', () => {
    const old = docs(defaultDeny('shop', ['Ingress', 'Egress']).replace('networking.k8s.io/v1', 'extensions/v1beta1'), shop);
    expect(run({ 'all.yaml': old }, base)).toEqual([]);
  });

  it('the same policy as JSON', () => {
    const json = JSON.stringify({
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'web', namespace: 'shop' },
      spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }] }] },
    }, null, 2);
    const yamlForm = web('  - from:', frontend);
    expect(run({ 'web.yaml': yamlForm }, { 'web.json': json })).toEqual([]);
  });

  it('tightening: fewer ports, narrower selectors and blocks, a default deny added, policies added to a namespace that had none', () => {
    const tighter = web(
      '  - from:', '    - podSelector: {matchLabels: {app: frontend, tier: a}}', '    ports: [{port: 80}]',
      '  - from:', '    - ipBlock: {cidr: 10.0.0.0/16}', '    ports: [{port: 8000}]',
    );
    expect(run(base, { ...base, 'web.yaml': tighter })).toEqual([]);
    expect(run({ 'web.yaml': shop }, { 'web.yaml': shop, 'dd.yaml': defaultDeny('shop', ['Ingress', 'Egress']) })).toEqual([]);
    expect(run({}, { 'a.yaml': policy('open', 'new', '  podSelector: {}', '  ingress: [{}]', '  egress: [{}]'), 'b.yaml': defaultDeny('new2', ['Egress']) })).toEqual([]);
  });
});

describe('NetworkPolicy family: one regression, one finding from the most specific rule', () => {
  const one = (base: Files, head: Files) => run(base, head);

  it('a default deny given an allow-all rule', () => {
    expect(one({ 'dd.yaml': defaultDeny() }, { 'dd.yaml': policy('default-deny', 'shop', '  podSelector: {}', '  ingress: [{}]') }))
      .toEqual(['netpol-default-deny-removed head:dd.yaml:8 critical']);
  });

  it('a default deny deleted', () => {
    expect(one({ 'dd.yaml': defaultDeny() }, {})).toEqual(['netpol-default-deny-removed base:dd.yaml:1 critical']);
  });

  it('a default deny losing Egress', () => {
    expect(one({ 'dd.yaml': defaultDeny('shop', ['Ingress', 'Egress']) }, { 'dd.yaml': defaultDeny('shop', ['Ingress']) }))
      .toEqual(['netpol-default-deny-removed head:dd.yaml:8 critical']);
  });

  it('a listed rule replaced by an allow-all rule', () => {
    expect(one({ 'web.yaml': web('  - from:', frontend, '    ports: [{port: 80}]') }, { 'web.yaml': web('  - {}') }))
      .toEqual(['netpol-allow-all-rule head:web.yaml:10 critical']);
  });

  it('a namespaceSelector broadened to every namespace', () => {
    expect(one({ 'web.yaml': web('  - from:', '    - namespaceSelector: {matchLabels: {team: a}}') }, { 'web.yaml': web('  - from:', '    - namespaceSelector: {}') }))
      .toEqual(['netpol-all-namespaces-peer head:web.yaml:11 high']);
  });

  it('an AND peer split', () => {
    const and = web('  - from:', '    - namespaceSelector: {matchLabels: {team: a}}', '      podSelector: {matchLabels: {app: fe}}');
    const or = web('  - from:', '    - namespaceSelector: {matchLabels: {team: a}}', '    - podSelector: {matchLabels: {app: fe}}');
    expect(one({ 'web.yaml': and }, { 'web.yaml': or })).toEqual(['netpol-peer-and-split head:web.yaml:11 high']);
  });

  it('Egress dropped from a policy that also changed selector', () => {
    const before = policy('p', 'shop', '  podSelector: {matchLabels: {app: x}}', '  policyTypes: [Ingress, Egress]');
    const after = policy('p', 'shop', '  podSelector: {matchLabels: {app: x, tier: y}}', '  policyTypes: [Ingress]');
    expect(one({ 'p.yaml': before }, { 'p.yaml': after })).toEqual([
      'netpol-isolation-narrowed head:p.yaml:7 medium',
      'netpol-policy-type-dropped head:p.yaml:8 high',
    ]);
  });

  it('isolation decides: the same allow-all policy is critical behind a default deny and silent elsewhere', () => {
    const open = (ns: string) => policy('open', ns, '  podSelector: {matchLabels: {app: web}}', '  ingress:', '  - {}');
    const baseFiles = { 'dd.yaml': defaultDeny('shop') };
    expect(one(baseFiles, { ...baseFiles, 'shop.yaml': open('shop'), 'blog.yaml': open('blog') }))
      .toEqual(['netpol-allow-all-rule head:shop.yaml:9 critical']);
  });

  it('an egress rule on a policy that does not isolate egress opens nothing, and egress: [] without policyTypes isolates nothing', () => {
    const head = policy('p', 'shop', '  podSelector: {}', '  policyTypes: [Ingress]', '  egress: [{}]');
    expect(one({ 'dd.yaml': defaultDeny('shop', ['Ingress', 'Egress']) }, { 'dd.yaml': defaultDeny('shop', ['Ingress', 'Egress']), 'p.yaml': head })).toEqual([]);
    const deleted = analyze(toSourceFiles({ 'p.yaml': policy('p', 'shop', '  podSelector: {}', '  egress: []') }), [], defaultConfig(), NETPOL_RULES).findings;
    expect(deleted.map((f) => f.ruleId)).toEqual(['netpol-default-deny-removed']);
    expect(deleted[0].message).toContain('the default deny for ingress of namespace shop');
  });
});

import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/manifest/manifest-duplicate.js';
import { loadSnapshot } from '../../../src/model/load.js';
import { runRule, ruleTester, toSourceFiles, yaml } from '../../helpers/rule-tester.js';

const denyAll = (namespace: string | undefined, apiVersion = 'networking.k8s.io/v1') => yaml(
  `apiVersion: ${apiVersion}`,
  'kind: NetworkPolicy',
  'metadata:',
  '  name: default-deny',
  ...(namespace === undefined ? [] : [`  namespace: ${namespace}`]),
  'spec:',
  '  podSelector: {}',
);
const ingress = (apiVersion: string, namespace = 'shop') => yaml(
  `apiVersion: ${apiVersion}`, 'kind: Ingress', `metadata: {name: shop, namespace: ${namespace}}`, 'spec: {ingressClassName: nginx}',
);

ruleTester(rule, {
  valid: [
    { name: 'the same name in two namespaces', base: {}, head: { 'a.yaml': denyAll('shop'), 'b.yaml': denyAll('payments') } },
    {
      name: 'the same name for two kinds',
      base: {},
      head: { 'a.yaml': denyAll('shop'), 'b.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: default-deny, namespace: shop}') },
    },
    {
      name: 'the same kind and name in two API groups (Calico vs Kubernetes NetworkPolicy)',
      base: {},
      head: { 'a.yaml': denyAll('shop'), 'b.yaml': denyAll('shop', 'crd.projectcalico.org/v1') },
    },
    {
      name: 'a duplicate already in base is not reported again',
      base: { 'a.yaml': denyAll('shop'), 'b.yaml': denyAll('shop') },
      head: { 'a.yaml': denyAll('shop'), 'b.yaml': denyAll('shop') },
    },
    { name: 'a move to another file leaves one definition', base: { 'a.yaml': denyAll('shop') }, head: { 'b.yaml': denyAll('shop') } },
  ],
  invalid: [
    {
      name: 'two documents of one file',
      base: { 'np.yaml': denyAll('shop') },
      head: { 'np.yaml': `${denyAll('shop')}---\n${denyAll('shop')}` },
      findings: [{ path: 'np.yaml', line: 9, severity: 'low', message: 'NetworkPolicy shop/default-deny is defined 2 times: here and at np.yaml:1' }],
    },
    {
      name: 'copies that differ in meaning are high; the finding is on the copy the cluster keeps (the later file)',
      base: { 'a-np.yaml': denyAll('shop') },
      head: { 'a-np.yaml': denyAll('shop'), 'z-np.yaml': denyAll('shop').replace('podSelector: {}', 'podSelector: {matchLabels: {app: web}}') },
      findings: [{ path: 'z-np.yaml', line: 1, severity: 'high', message: 'the cluster keeps this copy (the last one applied) and overwrites the other; the copies differ' }],
    },
    {
      name: 'copies that differ only in key order are identical (low)',
      base: {},
      head: { 'a.yaml': denyAll('shop'), 'b.yaml': yaml('kind: NetworkPolicy', 'apiVersion: networking.k8s.io/v1', 'spec: {podSelector: {}}', 'metadata: {namespace: shop, name: default-deny}') },
      findings: [{ path: 'b.yaml', line: 1, severity: 'low', message: 'the copies are identical' }],
    },
    {
      name: 'identical copies becoming different is reported again, as high',
      base: { 'a.yaml': denyAll('shop'), 'b.yaml': denyAll('shop') },
      head: { 'a.yaml': denyAll('shop'), 'b.yaml': denyAll('shop').replace('podSelector: {}', 'podSelector: {matchLabels: {app: web}}') },
      findings: [{ path: 'b.yaml', line: 1, severity: 'high' }],
    },
    {
      name: 'directory walk order, not string order: policies/x.yaml is applied before policies-old.yaml',
      base: {},
      head: { 'policies/x.yaml': denyAll('shop'), 'policies-old.yaml': `# old\n${denyAll('shop').replace('podSelector: {}', 'podSelector: {matchLabels: {app: web}}')}` },
      findings: [{ path: 'policies-old.yaml', line: 2, severity: 'high', message: 'here and at policies/x.yaml:1' }],
    },
    {
      name: 'three copies: one finding on the last, the two others related',
      base: {},
      head: { 'a.yaml': denyAll('shop'), 'b.yaml': denyAll('shop'), 'c.yaml': denyAll('shop') },
      findings: [{ path: 'c.yaml', line: 1, severity: 'low', message: 'defined 3 times: here and at a.yaml:1, b.yaml:1' }],
    },
    {
      name: 'two files: the later path is reported, the first definition is related',
      base: { 'policies/a.yaml': denyAll('shop') },
      head: { 'policies/a.yaml': denyAll('shop'), 'policies/b.yaml': `# copy\n${denyAll('shop')}` },
      findings: [{ path: 'policies/b.yaml', line: 2, severity: 'low', message: 'and at policies/a.yaml:1' }],
    },
    {
      name: 'an absent namespace is `default`',
      base: {},
      head: { 'a.yaml': denyAll(undefined), 'b.yaml': denyAll('default') },
      findings: [{ path: 'b.yaml', line: 1, message: 'NetworkPolicy default/default-deny' }],
    },
    {
      name: 'extensions/v1beta1 and networking.k8s.io/v1 Ingress are the same object',
      base: {},
      head: { 'new.yaml': ingress('networking.k8s.io/v1'), 'old.yaml': ingress('extensions/v1beta1') },
      findings: [{ path: 'old.yaml', line: 1, message: 'Ingress shop/shop' }],
    },
    {
      name: 'an item of a List duplicating a plain document',
      base: {},
      head: {
        'a.yaml': denyAll('shop'),
        'list.yaml': yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicyList', 'items:', '  - metadata: {name: default-deny, namespace: shop}', '    spec: {podSelector: {}}'),
      },
      findings: [{ path: 'list.yaml', line: 4 }],
    },
  ],
});

describe('manifest-duplicate details', () => {
  it('points at the overwritten copy as a related location', () => {
    const [finding] = runRule(rule, {}, { 'a.yaml': denyAll('shop'), 'b.yaml': `\n\n${denyAll('shop')}` });
    expect(finding.location).toEqual({ path: 'b.yaml', line: 3, endLine: 9, side: 'head' });
    expect(finding.related).toEqual([{ path: 'a.yaml', line: 1, endLine: 7, side: 'head', message: 'overwritten copy' }]);
  });

  it('the model analyzes the copy applied last, on both sides', () => {
    const wide = denyAll('shop').replace('podSelector: {}', 'podSelector: {matchLabels: {app: web}}');
    for (const model of [loadSnapshot(toSourceFiles({ 'z.yaml': wide, 'a.yaml': denyAll('shop') })), loadSnapshot(toSourceFiles({ 'm.yaml': `${denyAll('shop')}---\n${wide}` }))]) {
      expect(model.resources).toHaveLength(1);
      expect(model.byKey.get('networking.k8s.io/NetworkPolicy/shop/default-deny')?.spec.podSelector).toEqual({ matchLabels: { app: 'web' } });
    }
  });
});

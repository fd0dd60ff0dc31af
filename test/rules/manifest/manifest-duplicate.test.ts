import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/manifest/manifest-duplicate.js';
import { runRule, ruleTester, yaml } from '../../helpers/rule-tester.js';

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
      findings: [{ path: 'np.yaml', line: 9, severity: 'medium', message: 'NetworkPolicy shop/default-deny is defined twice: here and at np.yaml:1' }],
    },
    {
      name: 'two files: the later path is reported, the first definition is related',
      base: { 'policies/a.yaml': denyAll('shop') },
      head: { 'policies/a.yaml': denyAll('shop'), 'policies/b.yaml': `# copy\n${denyAll('shop')}` },
      findings: [{ path: 'policies/b.yaml', line: 2, message: 'and at policies/a.yaml:1' }],
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
  it('points at the first definition as a related location', () => {
    const [finding] = runRule(rule, {}, { 'a.yaml': denyAll('shop'), 'b.yaml': `\n\n${denyAll('shop')}` });
    expect(finding.location).toEqual({ path: 'b.yaml', line: 3, endLine: 9, side: 'head' });
    expect(finding.related).toEqual([{ path: 'a.yaml', line: 1, endLine: 7, side: 'head', message: 'first definition' }]);
  });
});

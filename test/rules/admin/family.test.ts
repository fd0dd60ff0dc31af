import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { defaultConfig } from '../../../src/config/config.js';
import { RULES } from '../../../src/rules/index.js';
import { toSourceFiles, yaml, type Files } from '../../helpers/rule-tester.js';
import { deployment } from '../connectivity/fixtures.js';

// ANP/BANP edits that change no decision, run through every registered rule (the admin family and the connectivity
// rules that attribute to ANP lines): nothing above info may come out. The control shows the harness reports.

const WORKLOADS = {
  'shop/api.yaml': deployment('api', 'shop', '{app: api}'),
  'ops/agent.yaml': deployment('agent', 'ops', '{app: agent}'),
  'payments/ledger.yaml': deployment('ledger', 'payments', '{app: ledger}', 5432),
};

const GUARD = yaml(
  'apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: AdminNetworkPolicy', 'metadata:', '  name: guard', 'spec:', '  priority: 10',
  '  subject:', '    namespaces: {matchLabels: {kubernetes.io/metadata.name: payments}}',
  '  ingress:',
  '    - name: allow-ops', '      action: Allow', '      from:', '        - namespaces: {matchLabels: {kubernetes.io/metadata.name: ops}}',
  '      ports:', '        - portNumber: {protocol: TCP, port: 5432}',
  '    - name: deny-shop', '      action: Deny', '      from:', '        - namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}',
  '        - pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}, podSelector: {matchLabels: {app: debug}}}',
  '  egress:',
  '    - name: no-internet', '      action: Deny', '      to:', '        - networks: [0.0.0.0/0]',
);
const BANP = yaml(
  'apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: BaselineAdminNetworkPolicy', 'metadata:', '  name: default', 'spec:',
  '  subject:', '    namespaces: {}',
  '  ingress:', '    - name: deny-all', '      action: Deny', '      from:', '        - namespaces: {}',
);
const base: Files = { ...WORKLOADS, 'cluster/guard.yaml': GUARD, 'cluster/banp.yaml': BANP };

/** The same base plus an ANP of Allow rules only. */
const withOpen: Files = {
  ...base,
  'cluster/open.yaml': yaml(
    'apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: AdminNetworkPolicy', 'metadata:', '  name: open', 'spec:', '  priority: 20',
    '  subject:', '    namespaces: {matchLabels: {kubernetes.io/metadata.name: payments}}',
    '  ingress:', '    - name: ops', '      action: Allow', '      from:', '        - namespaces: {matchLabels: {kubernetes.io/metadata.name: ops}}',
  ),
};

const cases: { name: string; base?: Files; head: Files }[] = [
  { name: 'files moved and merged into one', head: { ...WORKLOADS, 'policies/cluster.yaml': `${GUARD}---\n${BANP}` } },
  {
    name: 'every rule renamed',
    head: { ...base, 'cluster/guard.yaml': GUARD.replace('allow-ops', 'ops-db').replace('deny-shop', 'block-shop').replace('no-internet', 'egress-deny'), 'cluster/banp.yaml': BANP.replace('deny-all', 'baseline') },
  },
  {
    name: 'reformatted: quoted actions, peers in another order and form, a CIDR split in halves, a port as a range of one',
    head: {
      ...base,
      'cluster/guard.yaml': GUARD
        .replace('      action: Deny\n      from:', '      action: "Deny"\n      from:')
        .replace('        - namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}\n        - pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}, podSelector: {matchLabels: {app: debug}}}',
          '        - pods: {podSelector: {matchLabels: {app: debug}}, namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}}\n        - pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}, podSelector: {}}')
        .replace('networks: [0.0.0.0/0]', 'networks: [0.0.0.0/1, 128.0.0.0/1]'),
    },
  },
  {
    name: 'tightened: Allow → Deny, a Deny added, the Allow\'s ports narrowed',
    head: {
      ...base,
      'cluster/guard.yaml': GUARD.replace('      action: Allow', '      action: Deny'),
      'cluster/banp.yaml': `${BANP}  egress:\n    - name: no-smtp\n      action: Deny\n      to:\n        - networks: [0.0.0.0/0]\n      ports:\n        - portNumber: {protocol: TCP, port: 25}\n`,
    },
  },
  { name: 'an ANP of Allow rules only deleted', base: withOpen, head: base },
];

describe('benign ANP/BANP edits produce nothing above info (every registered rule)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { findings } = analyze(toSourceFiles(c.base ?? base), toSourceFiles(c.head), defaultConfig(), RULES);
      expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.location.path}:${f.location.line} ${f.message}`)).toEqual([]);
    });
  }

  it('control: the same harness reports the BANP turned Allow and the ANP Deny turned Pass', () => {
    const head = { ...base, 'cluster/guard.yaml': GUARD.replace('      action: Deny\n      from:', '      action: Pass\n      from:'), 'cluster/banp.yaml': BANP.replace('action: Deny', 'action: Allow') };
    const { findings } = analyze(toSourceFiles(base), toSourceFiles(head), defaultConfig(), RULES);
    const ids = new Set(findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.location.path}:${f.location.line}`));
    expect(ids).toContain('anp-action-loosened cluster/guard.yaml:17');
    expect(ids).toContain('banp-loosened cluster/banp.yaml:10');
  });
});

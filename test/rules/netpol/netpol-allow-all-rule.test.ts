import rule from '../../../src/rules/netpol/netpol-allow-all-rule.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { defaultDeny, policy, web, webEgress } from './fixtures.js';

const fromFrontend = ['  - from:', '    - podSelector: {matchLabels: {app: frontend}}'];

ruleTester(rule, {
  valid: [
    {
      name: 'an allow-all rule for pods no policy isolated in base opens nothing',
      base: {},
      head: { 'web.yaml': web('  - {}') },
    },
    {
      name: 'an allow-all egress rule where egress was not isolated in base',
      base: { 'web.yaml': web(...fromFrontend) },
      head: { 'web.yaml': web(...fromFrontend).replace('  ingress:', '  egress:\n  - {}\n  ingress:') },
    },
    {
      name: 'rules reordered around an allow-all rule the base already had',
      base: { 'dd.yaml': defaultDeny(), 'web.yaml': web('  - {}', ...fromFrontend) },
      head: { 'dd.yaml': defaultDeny(), 'web.yaml': web(...fromFrontend, '  - {}') },
    },
    {
      name: 'another base policy already allowed everything to the same pods',
      base: { 'dd.yaml': defaultDeny(), 'open.yaml': policy('open', 'shop', '  podSelector: {matchLabels: {app: web}}', '  ingress: [{}]') },
      head: { 'dd.yaml': defaultDeny(), 'open.yaml': policy('open', 'shop', '  podSelector: {matchLabels: {app: web}}', '  ingress: [{}]'), 'web.yaml': web('  - {}') },
    },
    {
      name: 'the policy moved to another file and was migrated from extensions/v1beta1',
      base: { 'dd.yaml': defaultDeny(), 'a.yaml': web('  - {}').replace('networking.k8s.io/v1', 'extensions/v1beta1') },
      head: { 'dd.yaml': defaultDeny(), 'b/web.yaml': web('  - {}') },
    },
    {
      name: 'tightening: the allow-all rule replaced by a listed source',
      base: { 'dd.yaml': defaultDeny(), 'web.yaml': web('  - {}') },
      head: { 'dd.yaml': defaultDeny(), 'web.yaml': web(...fromFrontend) },
    },
    {
      name: 'a default deny given an allow-all rule is netpol-default-deny-removed',
      base: { 'dd.yaml': defaultDeny() },
      head: { 'dd.yaml': policy('default-deny', 'shop', '  podSelector: {}', '  policyTypes: [Ingress]', '  ingress: [{}]') },
    },
    {
      name: 'an allow-all rule in a direction the policy does not isolate is ignored by Kubernetes',
      base: { 'dd.yaml': defaultDeny('shop', ['Ingress', 'Egress']) },
      head: { 'dd.yaml': defaultDeny('shop', ['Ingress', 'Egress']), 'web.yaml': webEgress('  - {}').replace('[Egress]', '[Ingress]').replace('  egress:', '  ingress: []\n  egress:') },
    },
    {
      name: 'the base already allowed every port of every protocol as ranges',
      base: { 'dd.yaml': defaultDeny(), 'web.yaml': web('  - ports:', '    - {protocol: TCP, port: 1, endPort: 65535}', '    - {protocol: UDP, port: 1, endPort: 65535}', '    - {protocol: SCTP, port: 1, endPort: 65535}') },
      head: { 'dd.yaml': defaultDeny(), 'web.yaml': web('  - {}') },
    },
  ],
  invalid: [
    {
      name: 'a new policy with ingress: [{}] for pods behind a default deny',
      base: { 'dd.yaml': defaultDeny() },
      head: { 'dd.yaml': defaultDeny(), 'web.yaml': web('  - {}') },
      findings: [{ path: 'web.yaml', line: 10, severity: 'critical', message: 'shop/web' }],
    },
    {
      name: 'an allow-all rule added next to a listed source',
      base: { 'web.yaml': web(...fromFrontend) },
      head: { 'web.yaml': web(...fromFrontend, '  - ports: []') },
      findings: [{ path: 'web.yaml', line: 12, message: 'every source' }],
    },
    {
      name: 'empty from and ports lists are an allow-all rule too',
      base: { 'web.yaml': web(...fromFrontend) },
      head: { 'web.yaml': web('  - from: []', '    ports: []') },
      findings: [{ path: 'web.yaml', line: 10, message: 'instead of ingress rule 0 (from pods `{app: frontend}` in namespace shop' }],
    },
    {
      name: 'an allow-all egress rule for pods behind an egress default deny',
      base: { 'dd.yaml': defaultDeny('shop', ['Egress']) },
      head: { 'dd.yaml': defaultDeny('shop', ['Egress']), 'web.yaml': webEgress('  - {}') },
      findings: [{ path: 'web.yaml', line: 11, message: 'every destination' }],
    },
    {
      name: 'a namespace-wide allow-all where only some pods were isolated',
      base: { 'web.yaml': web(...fromFrontend) },
      head: { 'web.yaml': web(...fromFrontend), 'all.yaml': policy('all', 'shop', '  podSelector: {}', '  ingress:', '  - {}') },
      findings: [{ path: 'all.yaml', line: 9, severity: 'critical' }],
    },
  ],
});

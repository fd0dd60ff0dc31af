import rule from '../../../src/rules/manifest/suppression-invalid.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

/** A default-deny policy in payments carrying the given annotation lines (line 7 is the first of them). */
const annotated = (...annotations: string[]) => yaml(
  'apiVersion: networking.k8s.io/v1', // 1
  'kind: NetworkPolicy', //              2
  'metadata:', //                        3
  '  name: default-deny', //             4
  '  namespace: payments', //            5
  '  annotations:', //                   6
  ...annotations, //                     7…
  'spec:',
  '  podSelector: {}',
  '  policyTypes: [Ingress]',
);

ruleTester(rule, {
  valid: [
    { name: 'a suppression with rule ids and a reason', base: {}, head: { 'np.yaml': annotated('    segguard.io/ignore: "netpol-deleted: replaced by the mesh policy in SEC-42"') } },
    { name: 'several rule ids and a reason', base: {}, head: { 'np.yaml': annotated('    segguard.io/ignore: "netpol-deleted, netpol-selector-broadened: migration window"') } },
    { name: 'other annotations only', base: {}, head: { 'np.yaml': annotated('    owner: payments-team') } },
    {
      name: 'a reasonless suppression already in base is not reported again',
      base: { 'np.yaml': annotated('    segguard.io/ignore: netpol-deleted') },
      head: { 'moved.yaml': annotated('    team: payments', '    segguard.io/ignore: netpol-deleted') },
    },
  ],
  invalid: [
    {
      name: 'a rule id without a reason',
      base: { 'np.yaml': annotated('    owner: payments-team') },
      head: { 'np.yaml': annotated('    owner: payments-team', '    segguard.io/ignore: netpol-deleted') },
      findings: [{ path: 'np.yaml', line: 8, severity: 'medium', message: 'has no reason' }],
    },
    {
      name: 'a colon with an empty reason',
      base: {},
      head: { 'np.yaml': annotated('    segguard.io/ignore: "netpol-deleted:   "') },
      findings: [{ path: 'np.yaml', line: 7, message: 'NetworkPolicy payments/default-deny has no reason' }],
    },
    {
      name: 'a reason without rule ids',
      base: {},
      head: { 'np.yaml': annotated('    segguard.io/ignore: ": we know"') },
      findings: [{ path: 'np.yaml', line: 7, message: 'has no rule ids' }],
    },
    {
      name: 'a cluster-scoped object is named without a namespace',
      base: {},
      head: { 'ns.yaml': yaml('apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: payments', '  annotations: {segguard.io/ignore: ""}') },
      findings: [{ path: 'ns.yaml', line: 5, message: 'on Namespace payments has no rule ids' }],
    },
  ],
});

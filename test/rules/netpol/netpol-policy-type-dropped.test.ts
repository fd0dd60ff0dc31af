import rule from '../../../src/rules/netpol/netpol-policy-type-dropped.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { defaultDeny, policy } from './fixtures.js';

const app = '  podSelector: {matchLabels: {app: web}}';
const withTypes = (types: string, ...rest: string[]) => policy('web', 'shop', app, `  policyTypes: ${types}`, ...rest);
const egressToDb = ['  egress:', '  - to:', '    - podSelector: {matchLabels: {app: db}}'];

ruleTester(rule, {
  valid: [
    {
      name: 'policyTypes removed where the defaulting gives the same [Ingress]',
      base: { 'web.yaml': withTypes('[Ingress]') },
      head: { 'web.yaml': policy('web', 'shop', app) },
    },
    {
      name: 'policyTypes removed while egress is non-empty: the defaulting keeps Egress',
      base: { 'web.yaml': withTypes('[Ingress, Egress]', ...egressToDb) },
      head: { 'web.yaml': policy('web', 'shop', app, ...egressToDb) },
    },
    {
      name: 'policyTypes reordered',
      base: { 'web.yaml': withTypes('[Ingress, Egress]') },
      head: { 'web.yaml': withTypes('[Egress, Ingress]') },
    },
    {
      name: 'Egress dropped while a default deny still isolates egress',
      base: { 'dd.yaml': defaultDeny('shop', ['Egress']), 'web.yaml': withTypes('[Ingress, Egress]', ...egressToDb) },
      head: { 'dd.yaml': defaultDeny('shop', ['Egress']), 'web.yaml': withTypes('[Ingress]', ...egressToDb) },
    },
    {
      name: 'a default deny losing a direction is netpol-default-deny-removed',
      base: { 'dd.yaml': defaultDeny('shop', ['Ingress', 'Egress']) },
      head: { 'dd.yaml': defaultDeny('shop', ['Ingress']) },
    },
  ],
  invalid: [
    {
      name: 'Egress dropped from an explicit list',
      base: { 'web.yaml': withTypes('[Ingress, Egress]', ...egressToDb) },
      head: { 'web.yaml': withTypes('[Ingress]', ...egressToDb) },
      findings: [{ path: 'web.yaml', line: 8, severity: 'high', message: 'from [Ingress, Egress] to [Ingress]' }],
    },
    {
      name: 'the silent case: [Ingress, Egress] removed while egress is empty, reported on egress',
      base: { 'web.yaml': withTypes('[Ingress, Egress]', '  egress: []') },
      head: { 'web.yaml': policy('web', 'shop', app, '  egress: []') },
      findings: [{ path: 'web.yaml', line: 8, message: 'the empty egress list no longer denies anything' }],
    },
    {
      name: 'the silent case without an egress field: reported on spec',
      base: { 'web.yaml': withTypes('[Ingress, Egress]') },
      head: { 'web.yaml': policy('web', 'shop', app) },
      findings: [{ path: 'web.yaml', line: 6 }],
    },
    {
      name: 'Ingress dropped',
      base: { 'web.yaml': withTypes('[Ingress, Egress]') },
      head: { 'web.yaml': withTypes('[Egress]') },
      findings: [{ path: 'web.yaml', line: 8, message: 'their ingress traffic is now unrestricted' }],
    },
  ],
});

import { ruleTester } from '../../helpers/rule-tester.js';
import { tierUnassigned } from '../../../src/rules/tier/tier-unassigned.js';
import { deployment } from '../connectivity/fixtures.js';
import { withTiers } from './config.js';

const NO_DEFAULT = withTiers({ default: undefined });
const API = { 'shop/api.yaml': deployment('api', 'shop', '{app: api}') };
const LEDGER = { 'payments/ledger.yaml': deployment('ledger', 'payments', '{app: ledger}', 5432) };

ruleTester(tierUnassigned, {
  valid: [
    { name: 'tiers are not configured', base: {}, head: API },
    { name: 'a default tier assigns every workload', base: {}, head: API, config: withTiers() },
    { name: 'the namespace is mapped in tiers.namespaces', base: {}, head: LEDGER, config: NO_DEFAULT },
    { name: 'the pod label names a tier', base: {}, head: { 'shop/api.yaml': deployment('api', 'shop', '{app: api, segguard.io/tier: internal}') }, config: NO_DEFAULT },
    {
      name: 'the namespace label names a tier',
      base: {},
      head: { ...API, 'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {segguard.io/tier: public}\n' },
      config: NO_DEFAULT,
    },
    { name: 'the workload had no tier in base already (not new)', base: API, head: API, config: NO_DEFAULT },
  ],
  invalid: [
    {
      name: 'a new workload in an unmapped namespace, without label and without default: on its pod labels',
      base: LEDGER,
      head: { ...LEDGER, ...API },
      config: NO_DEFAULT,
      findings: [{ path: 'shop/api.yaml', line: 9, severity: 'low', message: 'shop/api[Deployment] belongs to no trust tier: add the label segguard.io/tier (one of critical, internal, public)' }],
    },
    {
      name: 'a pod label naming no configured tier is ignored, and said',
      base: {},
      head: { 'shop/api.yaml': deployment('api', 'shop', '{app: api, segguard.io/tier: secret}') },
      config: NO_DEFAULT,
      findings: [{ path: 'shop/api.yaml', line: 9, message: 'its pod label segguard.io/tier=secret names no tier of tiers.order' }],
    },
    {
      name: 'a custom label: the default key does not count',
      base: {},
      head: { 'shop/api.yaml': deployment('api', 'shop', '{app: api, segguard.io/tier: internal}') },
      config: withTiers({ default: undefined, label: 'example.com/trust' }),
      findings: [{ path: 'shop/api.yaml', line: 9, message: 'add the label example.com/trust' }],
    },
    {
      name: 'the tier label is removed from the pods',
      base: { 'shop/api.yaml': deployment('api', 'shop', '{app: api, segguard.io/tier: internal}') },
      head: API,
      config: NO_DEFAULT,
      findings: [{ path: 'shop/api.yaml', line: 9, message: 'shop/api[Deployment] belongs to no trust tier' }],
    },
  ],
});

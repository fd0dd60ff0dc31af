import { ruleTester } from '../../helpers/rule-tester.js';
import { tierUnassigned } from '../../../src/rules/tier/tier-unassigned.js';
import { deployment, service } from '../connectivity/fixtures.js';
import { ingressTo } from './fixtures.js';
import { withTiers } from './config.js';

const NO_DEFAULT = withTiers({ default: undefined });
const API = { 'shop/api.yaml': deployment('api', 'shop', '{app: api}') };
const LEDGER = { 'payments/ledger.yaml': deployment('ledger', 'payments', '{app: ledger}', 5432) };
/** No workload manifests: a Service of namespace shop (unmapped) and the Ingress that routes to it. */
const ROUTED_SERVICE = { 'shop/web-svc.yaml': service('web', 'shop', '{app: web}', 80, 8080), 'shop/ingress.yaml': ingressTo('web', 'shop', 'shop.example.com', 'web') };

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
    { name: 'no workload manifests: the routed Service\'s namespace is mapped', base: {}, head: ROUTED_SERVICE, config: withTiers({ default: undefined, namespaces: { shop: 'public' } }) },
  ],
  invalid: [
    {
      name: 'no workload manifests: a new route to a Service of an unmapped namespace, on the route',
      base: {},
      head: ROUTED_SERVICE,
      config: NO_DEFAULT,
      findings: [{
        path: 'shop/ingress.yaml', line: 12, severity: 'low',
        message: 'shop/web[Service], routed by Ingress shop/web and without workloads in the files, belongs to no trust tier: add the label segguard.io/tier (one of critical, internal, public) to namespace shop',
      }],
    },
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

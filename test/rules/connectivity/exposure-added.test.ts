import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';
import { exposureAdded } from '../../../src/rules/connectivity/exposure-added.js';
import { deployment, ingress, policy, service } from './fixtures.js';

const APP = {
  'web/deploy.yaml': deployment('web', 'web', '{app: web}', 8080),
  'web/svc.yaml': service('web', 'web', '{app: web}', 80, 8080),
};
const INGRESS = { 'web/ingress.yaml': ingress('web', 'web', 'shop.example.com', 'web', 80) };

ruleTester(exposureAdded, {
  valid: [
    { name: 'the Ingress already existed', base: { ...APP, ...INGRESS }, head: { ...APP, ...INGRESS } },
    {
      name: 'the Service targets a port the pod does not declare',
      base: APP,
      head: { ...APP, 'web/svc.yaml': service('web', 'web', '{app: web}', 80, 9999), ...INGRESS },
    },
    {
      name: 'a policy keeps the ingress controller out',
      base: { ...APP, 'web/deny.yaml': policy('deny', 'web', '  podSelector: {}', '  policyTypes: [Ingress]') },
      head: { ...APP, 'web/deny.yaml': policy('deny', 'web', '  podSelector: {}', '  policyTypes: [Ingress]'), ...INGRESS },
    },
    {
      name: 'the Ingress moved to another file while another namespace changed (only namespaces whose ways in differ are compared)',
      base: { ...APP, ...INGRESS, 'shop/deploy.yaml': deployment('shop', 'api', '{app: api}', 8080) },
      head: { ...APP, 'platform/web/ingress.yaml': INGRESS['web/ingress.yaml'], 'shop/deploy.yaml': deployment('shop', 'api', '{app: api-v2}', 8080) },
    },
  ],
  invalid: [
    {
      name: 'the Service alone changes, now targeting the port the pod declares: the Ingress exposes it',
      base: { ...APP, 'web/svc.yaml': service('web', 'web', '{app: web}', 80, 9999), ...INGRESS },
      head: { ...APP, ...INGRESS },
      findings: [{ path: 'web/ingress.yaml', line: 14, message: 'web/web[Deployment] is newly reachable from outside the cluster on TCP 8080 through Ingress web/web' }],
    },
    {
      name: 'the workload alone changes, now declaring the port the Service targets: the Ingress exposes it',
      base: { ...APP, 'web/deploy.yaml': deployment('web', 'web', '{app: web}', 9999), ...INGRESS },
      head: { ...APP, ...INGRESS },
      findings: [{ path: 'web/ingress.yaml', line: 14, message: 'web/web[Deployment] is newly reachable from outside the cluster on TCP 8080 through Ingress web/web' }],
    },
    {
      name: 'a new Ingress exposes the workload: reported on its backend',
      base: APP,
      head: { ...APP, ...INGRESS },
      findings: [{ path: 'web/ingress.yaml', line: 14, message: 'web/web[Deployment] is newly reachable from outside the cluster on TCP 8080 through Ingress web/web (shop.example.com/ → service web:80)' }],
    },
    {
      name: 'an OpenShift Route exposes the workload',
      base: APP,
      head: {
        ...APP,
        'web/route.yaml': 'apiVersion: route.openshift.io/v1\nkind: Route\nmetadata:\n  name: web\n  namespace: web\nspec:\n  host: web.example.com\n  to:\n    kind: Service\n    name: web\n',
      },
      findings: [{ path: 'web/route.yaml', line: 8, message: 'through Route web/web (web.example.com → service web)' }],
    },
  ],
});

describe('exposure-added edges', () => {
  it('draws each way in (host/path) to the workload with the newly exposed ports it carries', () => {
    const twoWays = {
      ...INGRESS,
      'web/route.yaml': 'apiVersion: route.openshift.io/v1\nkind: Route\nmetadata:\n  name: web\n  namespace: web\nspec:\n  host: web.example.com\n  to:\n    kind: Service\n    name: web\n',
    };
    const [finding] = runRule(exposureAdded, APP, { ...APP, ...twoWays });
    expect(finding.edges).toEqual([
      { source: { name: 'shop.example.com/', type: 'entry' }, destination: { name: 'web/web[Deployment]', type: 'workload' }, ports: 'TCP 8080' },
      { source: { name: 'web.example.com', type: 'entry' }, destination: { name: 'web/web[Deployment]', type: 'workload' }, ports: 'TCP 8080' },
    ]);
  });
});

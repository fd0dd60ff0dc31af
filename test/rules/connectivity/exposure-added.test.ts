import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';
import { exposureAdded } from '../../../src/rules/connectivity/exposure-added.js';
import { yaml } from '../../helpers/rule-tester.js';
import { deployment, ingress, policy, service } from './fixtures.js';

const APP = {
  'web/deploy.yaml': deployment('web', 'web', '{app: web}', 8080),
  'web/svc.yaml': service('web', 'web', '{app: web}', 80, 8080),
};
const INGRESS = { 'web/ingress.yaml': ingress('web', 'web', 'shop.example.com', 'web', 80) };

/** A second app of namespace web with its Service, and an Ingress that routes /api to it besides / to web. */
const API = { 'web/api.yaml': deployment('api', 'web', '{app: api}', 8080), 'web/api-svc.yaml': service('api', 'web', '{app: api}', 80, 8080) };
const TWO_PATHS = {
  'web/ingress.yaml': yaml(INGRESS['web/ingress.yaml'].trimEnd(), '          - path: /api', '            pathType: Prefix', '            backend:',
    '              service:', '                name: api', '                port: {number: 80}'),
};

/** A cluster-wide policy over the pods of namespace web: an ANP (priority given) or the BANP, with these rule lines under spec. */
const clusterPolicy = (priority: string, ...rules: string[]) => ({
  [`cluster/${priority || 'banp'}.yaml`]: yaml(
    'apiVersion: policy.networking.k8s.io/v1alpha1', `kind: ${priority ? 'AdminNetworkPolicy' : 'BaselineAdminNetworkPolicy'}`,
    `metadata: {name: ${priority ? `guard${priority}` : 'default'}}`, 'spec:', ...(priority ? [`  priority: ${priority}`] : []),
    '  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: web}}}', ...rules.map((r) => `  ${r}`),
  ),
});
/** The namespace segguard gives the ingress controller (docs/connectivity.md). */
const FROM_CONTROLLER = '{namespaces: {matchLabels: {kubernetes.io/metadata.name: ingress-controller-ns}}}';
const ANP_DENY = clusterPolicy('10', `ingress: [{action: Deny, from: [${FROM_CONTROLLER}]}]`);
const ciliumDeny = (from: string) => ({
  'web/cilium.yaml': yaml('apiVersion: cilium.io/v2', 'kind: CiliumNetworkPolicy', 'metadata: {name: no-controller, namespace: web}', 'spec:',
    '  endpointSelector: {}', '  enableDefaultDeny: {ingress: false}', `  ingressDeny: [{fromEndpoints: [${from}]}]`),
});

ruleTester(exposureAdded, {
  valid: [
    { name: 'the Ingress already existed', base: { ...APP, ...INGRESS }, head: { ...APP, ...INGRESS } },
    {
      name: 'the Service targets a port the pod does not declare',
      base: APP,
      head: { ...APP, 'web/svc.yaml': service('web', 'web', '{app: web}', 80, 9999), ...INGRESS },
    },
    {
      // The API server stores `selector: {}` as no selector, and a Service without one gets no endpoints.
      name: 'the Ingress names a Service with an empty selector: it sends traffic to no pod',
      base: { 'web/deploy.yaml': APP['web/deploy.yaml'], 'web/svc.yaml': service('web', 'web', '{}', 80, 8080) },
      head: { 'web/deploy.yaml': APP['web/deploy.yaml'], 'web/svc.yaml': service('web', 'web', '{}', 80, 8080), ...INGRESS },
    },
    {
      name: 'a policy keeps the ingress controller out',
      base: { ...APP, 'web/deny.yaml': policy('deny', 'web', '  podSelector: {}', '  policyTypes: [Ingress]') },
      head: { ...APP, 'web/deny.yaml': policy('deny', 'web', '  podSelector: {}', '  policyTypes: [Ingress]'), ...INGRESS },
    },
    { name: "an ANP denies the ingress controller's namespace", base: { ...APP, ...ANP_DENY }, head: { ...APP, ...ANP_DENY, ...INGRESS } },
    {
      name: "the BANP denies the ingress controller's namespace (no NetworkPolicy selects the pods)",
      base: { ...APP, ...clusterPolicy('', `ingress: [{action: Deny, from: [${FROM_CONTROLLER}]}]`) },
      head: { ...APP, ...clusterPolicy('', `ingress: [{action: Deny, from: [${FROM_CONTROLLER}]}]`), ...INGRESS },
    },
    {
      name: "a Cilium deny of the controller's namespace, without default deny",
      base: { ...APP, ...ciliumDeny('{matchLabels: {k8s:io.kubernetes.pod.namespace: ingress-controller-ns}}') },
      head: { ...APP, ...ciliumDeny('{matchLabels: {k8s:io.kubernetes.pod.namespace: ingress-controller-ns}}'), ...INGRESS },
    },
    {
      name: "one app relabelled with its Service: its neighbour, exposed through its own unchanged Service, is not newly exposed",
      base: { ...APP, ...API, ...TWO_PATHS },
      head: { 'web/deploy.yaml': deployment('web', 'web', '{app: web-v2}', 8080), 'web/svc.yaml': service('web', 'web', '{app: web-v2}', 80, 8080), ...API, ...TWO_PATHS },
    },
    {
      name: 'the Ingress moved to another file while another namespace changed (only namespaces whose ways in differ are compared)',
      base: { ...APP, ...INGRESS, 'shop/deploy.yaml': deployment('shop', 'api', '{app: api}', 8080) },
      head: { ...APP, 'platform/web/ingress.yaml': INGRESS['web/ingress.yaml'], 'shop/deploy.yaml': deployment('shop', 'api', '{app: api-v2}', 8080) },
    },
  ],
  invalid: [
    {
      name: 'an ANP Pass for the controller hands it to the NetworkPolicies, which do not isolate the pods: exposed',
      base: { ...APP, ...clusterPolicy('10', `ingress: [{action: Pass, from: [${FROM_CONTROLLER}]}]`), ...clusterPolicy('20', `ingress: [{action: Deny, from: [${FROM_CONTROLLER}]}]`) },
      head: { ...APP, ...clusterPolicy('10', `ingress: [{action: Pass, from: [${FROM_CONTROLLER}]}]`), ...clusterPolicy('20', `ingress: [{action: Deny, from: [${FROM_CONTROLLER}]}]`), ...INGRESS },
      findings: [{ path: 'web/ingress.yaml', line: 14, message: 'web/web[Deployment] is newly reachable from outside the cluster on TCP 8080' }],
    },
    {
      name: 'an ANP Allow of the controller wins over a NetworkPolicy default deny: exposed',
      base: { ...APP, 'web/deny.yaml': policy('deny', 'web', '  podSelector: {}', '  policyTypes: [Ingress]'), ...clusterPolicy('10', `ingress: [{action: Allow, from: [${FROM_CONTROLLER}]}]`) },
      head: { ...APP, 'web/deny.yaml': policy('deny', 'web', '  podSelector: {}', '  policyTypes: [Ingress]'), ...clusterPolicy('10', `ingress: [{action: Allow, from: [${FROM_CONTROLLER}]}]`), ...INGRESS },
      findings: [{ path: 'web/ingress.yaml', line: 14, message: 'is newly reachable from outside the cluster on TCP 8080' }],
    },
    {
      name: 'the ANP deny of the controller removed while the Ingress exists: exposed on the Ingress',
      base: { ...APP, ...ANP_DENY, ...INGRESS },
      head: { ...APP, ...INGRESS },
      findings: [{ path: 'web/ingress.yaml', line: 14, message: 'is newly reachable from outside the cluster on TCP 8080' }],
    },
    {
      name: 'the Service alone changes, now targeting the port the pod declares: the Ingress exposes it',
      base: { ...APP, 'web/svc.yaml': service('web', 'web', '{app: web}', 80, 9999), ...INGRESS },
      head: { ...APP, ...INGRESS },
      findings: [{ path: 'web/ingress.yaml', line: 14, message: 'web/web[Deployment] is newly reachable from outside the cluster on TCP 8080 through Ingress web/web' }],
    },
    {
      name: "the Service's files moved (the namespace's Services in another order) while one of them now targets the declared port",
      base: { ...APP, 'web/svc.yaml': service('web', 'web', '{app: web}', 80, 9999), 'web/zz-other.yaml': service('web', 'other', '{app: other}', 80, 80), ...INGRESS },
      head: { 'web/deploy.yaml': APP['web/deploy.yaml'], 'web/zz/web-svc.yaml': service('web', 'web', '{app: web}', 80, 8080), 'web/aa/other.yaml': service('web', 'other', '{app: other}', 80, 80), ...INGRESS },
      findings: [{ path: 'web/ingress.yaml', line: 14, message: 'web/web[Deployment] is newly reachable from outside the cluster on TCP 8080 through Ingress web/web' }],
    },
    {
      name: 'the workload alone changes, now declaring the port the Service targets: the Ingress exposes it',
      base: { ...APP, 'web/deploy.yaml': deployment('web', 'web', '{app: web}', 9999), ...INGRESS },
      head: { ...APP, ...INGRESS },
      findings: [{ path: 'web/ingress.yaml', line: 14, message: 'web/web[Deployment] is newly reachable from outside the cluster on TCP 8080 through Ingress web/web' }],
    },
    {
      name: "a changed Service now selects an unchanged neighbour: exposed (the workloads a changed Service selects on either side are compared)",
      base: { ...APP, 'web/api.yaml': deployment('api', 'web', '{app: api}', 8080), ...INGRESS },
      head: { ...APP, 'web/api.yaml': deployment('api', 'web', '{app: api}', 8080), 'web/svc.yaml': service('web', 'web', '{app: api}', 80, 8080), ...INGRESS },
      findings: [{ path: 'web/ingress.yaml', line: 14, message: 'web/api[Deployment] is newly reachable from outside the cluster on TCP 8080 through Ingress web/web' }],
    },
    {
      name: 'the Ingress now names another existing Service: the unchanged workload behind it is exposed',
      base: { ...APP, ...API, ...INGRESS },
      head: { ...APP, ...API, 'web/ingress.yaml': ingress('web', 'web', 'shop.example.com', 'api', 80) },
      findings: [{ path: 'web/ingress.yaml', line: 14, message: 'web/api[Deployment] is newly reachable from outside the cluster on TCP 8080 through Ingress web/web' }],
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

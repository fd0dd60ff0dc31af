import rule from '../../../src/rules/manifest/render-failed.js';
import { rendered } from '../../helpers/render.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const NETPOL = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  podSelector: {}\n';
const good = { 'app/kustomization.yaml': 'resources:\n- np.yaml\n', 'app/np.yaml': NETPOL };
const broken = { 'app/kustomization.yaml': 'resources:\n- np.yaml\npatches:\n- path: gone.yaml\n', 'app/np.yaml': NETPOL };
const remote = { 'app/kustomization.yaml': 'resources:\n- np.yaml\n- https://example.com/deploy.yaml\n', 'app/np.yaml': NETPOL };
const chart = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies:\n- name: redis\n  version: 1.0.0\n  repository: https://charts.example.com\n',
  'chart/templates/np.yaml': NETPOL,
};

ruleTester(rule, {
  valid: [
    { name: 'a target that renders', base: {}, head: {}, rendered: { base: await rendered(good), head: await rendered(good) } },
    { name: 'a target that failed in the base and renders in the head', base: {}, head: {}, rendered: { base: await rendered(broken), head: await rendered(good) } },
  ],
  invalid: [
    {
      name: 'the tool fails: at the line that names the missing patch',
      base: {}, head: {}, rendered: { base: await rendered(good), head: await rendered(broken) },
      findings: [{ path: 'app/kustomization.yaml', line: 4, severity: 'high', message: 'Kustomize target app was not rendered: kustomize v5.6.0 (kubectl kustomize) failed: trouble configuring builtin PatchTransformer' }],
    },
    {
      name: 'a remote resource is refused on its line, also when the base had it',
      base: {}, head: {}, rendered: { base: await rendered(remote), head: await rendered(remote) },
      findings: [{ path: 'app/kustomization.yaml', line: 3, message: 'names the remote https://example.com/deploy.yaml' }],
    },
    {
      name: 'a chart dependency that is not vendored',
      base: {}, head: {}, rendered: { head: await rendered(chart) },
      findings: [{ path: 'chart/Chart.yaml', line: 5, message: 'Helm chart chart was not rendered: the dependency redis (https://charts.example.com) is not vendored' }],
    },
  ],
});

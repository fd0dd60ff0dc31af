import rule from '../../../src/rules/cilium/cilium-endpoints-broadened.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { web } from './fixtures.js';

const FROM = (selector: string) => web('  - fromEndpoints:', `    - ${selector}`);

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'web.yaml': FROM('{matchLabels: {app: api}}') }, head: { 'web.yaml': FROM('{matchLabels: {app: api}}') } },
    { name: 'the k8s: prefix written out (the same selector)', base: { 'web.yaml': FROM('{matchLabels: {app: api}}') }, head: { 'web.yaml': FROM('{matchLabels: {"k8s:app": api}}') } },
    {
      name: 'the own namespace written out (the same selector in a CNP)',
      base: { 'web.yaml': FROM('{matchLabels: {app: api}}') },
      head: { 'web.yaml': FROM('{matchLabels: {app: api, "k8s:io.kubernetes.pod.namespace": shop}}') },
    },
    { name: 'narrowed', base: { 'web.yaml': FROM('{matchLabels: {app: api}}') }, head: { 'web.yaml': FROM('{matchLabels: {app: api, v: "2"}}') } },
    { name: 'a different selector (a new grant, for connectivity-added)', base: { 'web.yaml': FROM('{matchLabels: {app: api}}') }, head: { 'web.yaml': FROM('{matchLabels: {app: cron}}') } },
  ],
  invalid: [
    {
      name: 'the empty selector {}: every endpoint of the namespace',
      base: { 'web.yaml': FROM('{matchLabels: {app: api}}') },
      head: { 'web.yaml': FROM('{}') },
      findings: [{ path: 'web.yaml', line: 11, severity: 'high', message: 'every pod in namespace shop' }],
    },
    {
      name: 'a label dropped',
      base: { 'web.yaml': FROM('{matchLabels: {app: api, v: "2"}}') },
      head: { 'web.yaml': FROM('{matchLabels: {app: api}}') },
      findings: [{ path: 'web.yaml', line: 11, message: 'more endpoints than fromEndpoints pods `{app: api, v: 2}`' }],
    },
    {
      name: 'the namespace opened to every namespace',
      base: { 'web.yaml': FROM('{matchLabels: {app: api}}') },
      head: { 'web.yaml': FROM('{matchExpressions: [{key: "k8s:app", operator: In, values: [api]}, {key: "k8s:io.kubernetes.pod.namespace", operator: Exists}]}') },
      findings: [{ path: 'web.yaml', line: 11, message: 'every namespace' }],
    },
  ],
});

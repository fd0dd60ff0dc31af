import rule from '../../../src/rules/manifest/manifest-parse-error.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const goodService = yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector: {app: web}');
const brokenService = yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector: {app: web', 'x: 1');

ruleTester(rule, {
  valid: [
    { name: 'a broken file that is not Kubernetes YAML is ignored', base: {}, head: { 'values.yaml': 'replicas: [1\n' } },
    { name: 'a file already broken in base is not reported again', base: { 'svc.yaml': brokenService }, head: { 'svc.yaml': brokenService } },
    { name: 'a good file', base: {}, head: { 'svc.yaml': goodService } },
  ],
  invalid: [
    {
      name: 'broken YAML is reported with its line',
      base: { 'svc.yaml': goodService },
      head: { 'svc.yaml': brokenService },
      findings: [{ path: 'svc.yaml', line: 7, severity: 'high' }],
    },
    {
      name: 'a binary file',
      base: {},
      head: { 'blob.yaml': new Uint8Array([0x61, 0x70, 0x69, 0, 1, 2]) },
      findings: [{ path: 'blob.yaml', line: 1, message: 'binary' }],
    },
    {
      name: 'a non-UTF-8 file',
      base: {},
      head: { 'latin1.yaml': new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xe9, 0x0a]) },
      findings: [{ path: 'latin1.yaml', line: 1, message: 'not valid UTF-8' }],
    },
  ],
});

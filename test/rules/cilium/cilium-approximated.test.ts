import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../../src/rules/cilium/cilium-approximated.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { cnp } from './fixtures.js';

/** The Star Wars demo's rule1, with its L7 http rules on line 20. */
const RULE1 = readFileSync(join(import.meta.dirname, '../../fixtures/cilium/star-wars/rule1.yaml'), 'utf8');

ruleTester(rule, {
  valid: [
    { name: 'an L7 policy left unchanged', base: { 'rule1.yaml': RULE1 }, head: { 'rule1.yaml': RULE1 } },
    { name: 'an L3/L4 policy', base: {}, head: { 'p.yaml': cnp('p', 'shop', '  endpointSelector: {}', '  ingress:', '  - fromEntities: [cluster]') } },
  ],
  invalid: [
    {
      name: 'an L7 http rule added: info, on the rules line',
      base: {},
      head: { 'rule1.yaml': RULE1 },
      findings: [{ path: 'rule1.yaml', line: 20, severity: 'info', message: 'L7 `http` rules are not evaluated' }],
    },
    {
      name: 'toFQDNs and the kube-apiserver entity',
      base: {},
      head: { 'p.yaml': cnp('p', 'shop', '  endpointSelector: {}', '  egress:', '  - toFQDNs: [{matchName: api.github.com}]', '  - toEntities: [kube-apiserver]') },
      findings: [
        { path: 'p.yaml', line: 9, message: 'toFQDNs `api.github.com` is not resolved' },
        { path: 'p.yaml', line: 10, message: 'the entity `kube-apiserver` stands for no workload' },
      ],
    },
  ],
});

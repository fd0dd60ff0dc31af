import rule from '../../../src/rules/netpol/netpol-ipblock-widened.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { docs, policy, web, webEgress } from './fixtures.js';
import { yaml } from '../../helpers/rule-tester.js';

const block = (...lines: string[]) => web('  - from:', '    - ipBlock:', ...lines);

/** A Deployment of shop whose pods carry `labels`. */
const deployment = (name: string, labels: string) => yaml(
  'apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: ${name}, namespace: shop}`, 'spec:', '  template:',
  `    metadata: {labels: ${labels}}`, '    spec:', '      containers: [{name: app}]',
);
/** shop/web selecting `app` (its ipBlock cidr on line 12), behind a default deny. */
const selecting = (app: string, cidr: string) => docs(
  policy('web', 'shop', '  podSelector:', `    matchLabels: {app: ${app}}`, '  ingress:', '  - from:', '    - ipBlock:', `        cidr: ${cidr}`),
  policy('default-deny', 'shop', '  podSelector: {}', '  policyTypes: [Ingress]'),
);

ruleTester(rule, {
  valid: [
    {
      name: 'except entries reordered',
      base: { 'web.yaml': block('        cidr: 10.0.0.0/8', '        except: [10.1.0.0/16, 10.2.0.0/16]') },
      head: { 'web.yaml': block('        except: [10.2.0.0/16, 10.1.0.0/16]', '        cidr: 10.0.0.0/8') },
    },
    {
      name: 'a block split into two halves admitting the same addresses',
      base: { 'web.yaml': block('        cidr: 10.0.0.0/8') },
      head: { 'web.yaml': web('  - from:', '    - ipBlock: {cidr: 10.128.0.0/9}', '    - ipBlock: {cidr: 10.0.0.0/9}') },
    },
    {
      name: 'a narrower cidr and an except added',
      base: { 'web.yaml': block('        cidr: 10.0.0.0/8') },
      head: { 'web.yaml': block('        cidr: 10.0.0.0/16', '        except: [10.0.1.0/24]') },
    },
    {
      name: 'a wide block for pods no policy isolated in base',
      base: {},
      head: { 'web.yaml': block('        cidr: 0.0.0.0/0') },
    },
    {
      name: 'the pods relabelled together with the selector (app: web to web-v2): the same pods, the same block',
      base: { 'web.yaml': selecting('web', '10.0.0.0/24'), 'deploy.yaml': deployment('web', '{app: web}') },
      head: { 'web.yaml': selecting('web-v2', '10.0.0.0/24'), 'deploy.yaml': deployment('web', '{app: web-v2}') },
    },
    {
      name: 'the policy moved to another file',
      base: { 'a.yaml': block('        cidr: 192.168.0.0/16') },
      head: { 'b.yaml': block('        cidr: 192.168.0.0/16') },
    },
  ],
  invalid: [
    {
      name: 'a wider cidr, with the count of new addresses',
      base: { 'web.yaml': block('        cidr: 10.0.0.0/24') },
      head: { 'web.yaml': block('        cidr: 10.0.0.0/16') },
      findings: [{ path: 'web.yaml', line: 12, severity: 'high', message: 'now admits 65,280 more source addresses (10.0.0.0/16 except 10.0.0.0/24)' }],
    },
    {
      name: 'an except removed',
      base: { 'web.yaml': block('        cidr: 10.0.0.0/8', '        except: [10.1.0.0/16]') },
      head: { 'web.yaml': block('        cidr: 10.0.0.0/8') },
      findings: [{ path: 'web.yaml', line: 12, message: '65,536 more' }],
    },
    {
      name: 'an except narrowed: the finding is on the except list',
      base: { 'web.yaml': block('        cidr: 10.0.0.0/8', '        except: [10.1.0.0/16]') },
      head: { 'web.yaml': block('        cidr: 10.0.0.0/8', '        except: [10.1.0.0/17]') },
      findings: [{ path: 'web.yaml', line: 13, message: '32,768 more' }],
    },
    {
      name: 'an ingress block becomes 0.0.0.0/0: critical',
      base: { 'web.yaml': block('        cidr: 203.0.113.0/24') },
      head: { 'web.yaml': block('        cidr: 0.0.0.0/0') },
      findings: [{ path: 'web.yaml', line: 12, severity: 'critical', message: 'including the internet' }],
    },
    {
      name: 'an ingress block becomes ::/0: critical',
      base: { 'web.yaml': block('        cidr: 2001:db8::/32') },
      head: { 'web.yaml': block('        cidr: ::/0') },
      findings: [{ path: 'web.yaml', line: 12, severity: 'critical' }],
    },
    {
      name: 'an egress block becomes 0.0.0.0/0: high',
      base: { 'web.yaml': webEgress('  - to:', '    - ipBlock: {cidr: 10.0.0.0/8}') },
      head: { 'web.yaml': webEgress('  - to:', '    - ipBlock: {cidr: 0.0.0.0/0}') },
      findings: [{ path: 'web.yaml', line: 12, severity: 'high', message: 'destination addresses' }],
    },
    {
      name: 'pods relabelled with the selector and the block widened: judged against the block they had',
      base: { 'web.yaml': selecting('web', '10.0.0.0/24'), 'deploy.yaml': deployment('web', '{app: web}') },
      head: { 'web.yaml': selecting('web-v2', '10.0.0.0/16'), 'deploy.yaml': deployment('web', '{app: web-v2}') },
      findings: [{ path: 'web.yaml', line: 12, message: '(base: ipBlock `10.0.0.0/24`) now admits 65,280 more source addresses (10.0.0.0/16 except 10.0.0.0/24). These pods were isolated for ingress in base (by shop/web, shop/default-deny).' }],
    },
    {
      name: 'the new selector picks another workload too: its pods did not have the block, so it is new',
      base: { 'web.yaml': selecting('web', '10.0.0.0/24'), 'deploy.yaml': docs(deployment('web', '{app: web}'), deployment('api', '{app: api}')) },
      head: { 'web.yaml': selecting('web-v2', '10.0.0.0/24'), 'deploy.yaml': docs(deployment('web', '{app: web-v2}'), deployment('api', '{app: web-v2}')) },
      findings: [{ path: 'web.yaml', line: 12, message: '(a new block) now admits 256 more source addresses' }],
    },
    {
      name: 'a selector renamed without workloads in the repository: pods with the new labels had no such block',
      base: { 'web.yaml': selecting('web', '10.0.0.0/24') },
      head: { 'web.yaml': selecting('web-v2', '10.0.0.0/24') },
      findings: [{ path: 'web.yaml', line: 12, message: '(a new block) now admits 256 more source addresses' }],
    },
    {
      name: 'a new broader block next to the old one',
      base: { 'web.yaml': block('        cidr: 10.0.0.0/24') },
      head: { 'web.yaml': web('  - from:', '    - ipBlock: {cidr: 10.0.0.0/24}', '    - ipBlock: {cidr: 172.16.0.0/12}') },
      findings: [{ path: 'web.yaml', line: 12, message: '1,048,576 more' }],
    },
  ],
});

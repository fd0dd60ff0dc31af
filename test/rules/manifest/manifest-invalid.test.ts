import rule from '../../../src/rules/manifest/manifest-invalid.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

/** A NetworkPolicy in payments whose `spec.ingress` is the given lines (line 9 is the first of them). */
const policy = (...ingress: string[]) => yaml(
  'apiVersion: networking.k8s.io/v1', // 1
  'kind: NetworkPolicy', //              2
  'metadata:', //                        3
  '  name: api', //                      4
  '  namespace: payments', //            5
  'spec:', //                            6
  '  podSelector: {matchLabels: {app: api}}', // 7
  '  ingress:', //                       8
  ...ingress, //                         9…
);

const goodPolicy = policy(
  '    - from:',
  '        - podSelector: {matchLabels: {app: web}}',
  '        - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}',
  '      ports:',
  '        - {port: 8000, endPort: 8080}',
);

/** An Ingress whose first path is the given lines (line 12 is the first of them). */
const ingress = (apiVersion: string, ...path: string[]) => yaml(
  `apiVersion: ${apiVersion}`, // 1
  'kind: Ingress', //              2
  'metadata:', //                  3
  '  name: shop', //               4
  '  namespace: shop', //          5
  'spec:', //                      6
  '  rules:', //                   7
  '    - host: shop.example.com', // 8
  '      http:', //                9
  '        paths:', //             10
  '          - path: /', //        11
  ...path, //                      12…
);
const v1Backend = ['            backend:', '              service: {name: web, port: {number: 80}}'];

ruleTester(rule, {
  valid: [
    { name: 'a well-formed policy', base: {}, head: { 'np.yaml': goodPolicy } },
    {
      name: 'an invalid policy moved to another folder unchanged (not introduced by the change)',
      base: { 'np.yaml': policy('    - from:', '        - {}') },
      head: { 'payments/np.yaml': policy('    - from:', '        - {}') },
    },
    {
      name: 'an except equal to a narrower block inside the cidr, IPv6 included',
      base: {},
      head: { 'np.yaml': policy('    - from:', '        - ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}') },
    },
    { name: 'endPort equal to port', base: {}, head: { 'np.yaml': policy('    - ports:', '        - {port: 80, endPort: 80}') } },
    {
      name: 'a v1beta1 Ingress may leave pathType out (it defaults to ImplementationSpecific)',
      base: {},
      head: { 'ing.yaml': ingress('networking.k8s.io/v1beta1', '            backend: {serviceName: web, servicePort: 80}') },
    },
    {
      name: 'a v1 Ingress with pathType',
      base: {},
      head: { 'ing.yaml': ingress('networking.k8s.io/v1', '            pathType: Prefix', ...v1Backend) },
    },
    {
      name: 'an invalid object already in base is not reported again, even when moved to another file',
      base: { 'a.yaml': policy('    - from: [{}]') },
      head: { 'b.yaml': policy('    - from: [{}]') },
    },
    {
      name: 'an invalid object in a file both sides share is not reported (it is the same object on both sides)',
      base: { 'a.yaml': policy('    - from: [{}]'), 'other.yaml': goodPolicy.replace('name: api', 'name: other') },
      head: { 'a.yaml': policy('    - from: [{}]'), 'other.yaml': goodPolicy.replace('name: api', 'name: other').replace('8080', '8081') },
    },
    {
      name: 'kinds the rule does not model are not judged',
      base: {},
      head: { 'cm.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data: {from: "{}"}') },
    },
  ],
  invalid: [
    {
      name: 'a policy moved to another folder and broken on the way',
      base: { 'np.yaml': goodPolicy },
      head: { 'payments/np.yaml': policy('    - from:', '        - {}') },
      findings: [{ path: 'payments/np.yaml', line: 10 }],
    },
    {
      name: 'an AdminNetworkPolicy with Reject for an action and a priority past 1000; a BaselineAdminNetworkPolicy with Pass',
      base: {},
      head: {
        'anp.yaml': yaml('apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: AdminNetworkPolicy', 'metadata: {name: guard}', 'spec:', '  priority: 1001',
          '  subject: {namespaces: {}}', '  ingress:', '    - action: Reject', '      from: [{namespaces: {}}]'),
        'banp.yaml': yaml('apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: BaselineAdminNetworkPolicy', 'metadata: {name: default}', 'spec:',
          '  subject: {namespaces: {}}', '  egress:', '    - action: Pass', '      to: [{namespaces: {}}]'),
      },
      findings: [
        { path: 'anp.yaml', line: 5, message: 'AdminNetworkPolicy guard: priority 1001 is not an integer from 0 to 1000 (at spec.priority)' },
        { path: 'anp.yaml', line: 8, message: 'AdminNetworkPolicy guard: action "Reject" is not one of Allow, Deny, Pass (at spec.ingress[0].action)' },
        { path: 'banp.yaml', line: 7, message: 'BaselineAdminNetworkPolicy default: action "Pass" is not one of Allow, Deny (at spec.egress[0].action)' },
      ],
    },
    {
      name: 'a CiliumNetworkPolicy with an unknown entity and a bad CIDR: each on its line',
      base: {},
      head: {
        'cnp.yaml': yaml('apiVersion: cilium.io/v2', 'kind: CiliumNetworkPolicy', 'metadata: {name: web, namespace: shop}', 'spec:',
          '  endpointSelector: {}', '  ingress:', '  - fromEntities: [wrld]', '    fromCIDR:', '    - 10.0.0.0/33'),
      },
      findings: [
        { path: 'cnp.yaml', line: 7, message: 'unknown entity "wrld"' },
        { path: 'cnp.yaml', line: 9, message: '"10.0.0.0/33" is not a valid CIDR' },
      ],
    },
    {
      name: 'an invalid change to an object beside a shared invalid one: only the change is reported',
      base: { 'a.yaml': policy('    - from: [{}]'), 'b.yaml': goodPolicy.replace('name: api', 'name: b') },
      head: { 'a.yaml': policy('    - from: [{}]'), 'b.yaml': goodPolicy.replace('name: api', 'name: b').replace('8080', '7000') },
      findings: [{ path: 'b.yaml', line: 13, message: 'endPort 7000 is below port 8000' }],
    },
    {
      name: 'an empty peer `{}`',
      base: { 'np.yaml': goodPolicy },
      head: { 'np.yaml': policy('    - from:', '        - podSelector: {matchLabels: {app: web}}', '        - {}') },
      findings: [{ path: 'np.yaml', line: 11, severity: 'high', message: 'empty peer' }],
    },
    {
      name: 'an empty peer written as a block item in an egress rule',
      base: {},
      head: {
        'np.yaml': yaml(
          'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: api, namespace: payments}', 'spec:',
          '  podSelector: {}', '  policyTypes: [Egress]', '  egress:', '    - to:', '        -', '      ports: [{port: 53}]',
        ),
      },
      findings: [{ path: 'np.yaml', line: 9, message: 'spec.egress[0].to[0]' }],
    },
    {
      name: 'ipBlock combined with a selector in one peer',
      base: {},
      head: {
        'np.yaml': policy(
          '    - from:',
          '        - ipBlock:',
          '            cidr: 10.0.0.0/8',
          '          namespaceSelector: {matchLabels: {team: a}}',
        ),
      },
      findings: [{ path: 'np.yaml', line: 10, message: 'ipBlock cannot be combined' }],
    },
    {
      name: 'an except outside its cidr, and one equal to it (not a strict subset)',
      base: {},
      head: {
        'np.yaml': policy(
          '    - from:',
          '        - ipBlock:',
          '            cidr: 10.0.0.0/16',
          '            except:',
          '              - 10.0.1.0/24',
          '              - 192.168.0.0/24',
          '              - 10.0.0.0/16',
        ),
      },
      findings: [
        { path: 'np.yaml', line: 14, message: 'except "192.168.0.0/24" must be a strict subset of cidr "10.0.0.0/16"' },
        { path: 'np.yaml', line: 15, message: 'except "10.0.0.0/16" must be a strict subset' },
      ],
    },
    {
      name: 'bad CIDRs: a malformed cidr, a bare address, a missing cidr',
      base: {},
      head: {
        'np.yaml': policy(
          '    - from:',
          '        - ipBlock:',
          '            cidr: 10.0.0.300/8',
          '        - ipBlock: {cidr: 10.0.0.1}',
          '        - ipBlock: {except: [10.0.0.0/24]}',
        ),
      },
      findings: [
        { path: 'np.yaml', line: 11, message: '"10.0.0.300/8" is not a valid CIDR' },
        { path: 'np.yaml', line: 12, message: '"10.0.0.1" is not a valid CIDR' },
        { path: 'np.yaml', line: 13, message: 'ipBlock.cidr is required' },
      ],
    },
    {
      name: 'a malformed except entry',
      base: {},
      head: { 'np.yaml': policy('    - from:', '        - ipBlock:', '            cidr: 10.0.0.0/8', '            except: [10.0.0.0/33]') },
      findings: [{ path: 'np.yaml', line: 12, message: '"10.0.0.0/33" is not a valid CIDR' }],
    },
    {
      name: 'endPort below port, and endPort with a named port',
      base: {},
      head: {
        'np.yaml': policy(
          '    - ports:',
          '        - port: 8080',
          '          endPort: 8000',
          '        - port: http',
          '          endPort: 90',
        ),
      },
      findings: [
        { path: 'np.yaml', line: 11, message: 'endPort 8000 is below port 8080' },
        { path: 'np.yaml', line: 13, message: 'endPort requires a numeric port' },
      ],
    },
    {
      // YAML numbers kubectl cannot turn into a port: go-yaml reads .inf and .nan as floats, which JSON cannot carry.
      name: 'a port that is infinite, not a number, fractional, zero, past 65535 or a quoted number, and an endPort past 65535',
      base: {},
      head: {
        'np.yaml': policy(
          '    - ports:',
          '        - port: .inf', //    10
          '        - port: .NaN', //    11
          '        - port: 80.5', //    12
          '        - port: 0', //       13
          '        - port: 70000', //   14
          '        - port: 80', //      15
          '          endPort: 65536', // 16
          '        - port: 80.0', //    17: an integral float is the integer for the API server
          '        - port: "8080"', //  18
        ),
      },
      findings: [
        { path: 'np.yaml', line: 10, message: 'port .inf is not a port: the API server takes an integer from 1 to 65535 (or a port name)' },
        { path: 'np.yaml', line: 11, message: 'port .nan is not a port' },
        { path: 'np.yaml', line: 12, message: 'port 80.5 is not a port' },
        { path: 'np.yaml', line: 13, message: 'port 0 is not a port' },
        { path: 'np.yaml', line: 14, message: 'port 70000 is not a port' },
        { path: 'np.yaml', line: 16, message: 'endPort 65536 is not a port' },
        { path: 'np.yaml', line: 18, message: 'port "8080" is a quoted number, which the API server takes for a port name and rejects' },
      ],
    },
    {
      name: 'an unknown protocol and an unknown policyType',
      base: {},
      head: {
        'np.yaml': yaml(
          'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: api, namespace: payments}', 'spec:',
          '  podSelector: {}', '  policyTypes: [Ingress, Egres]', '  ingress:', '    - ports:', '        - {port: 53, protocol: ICMP}',
        ),
      },
      findings: [
        { path: 'np.yaml', line: 6, message: 'unknown policyType "Egres"' },
        { path: 'np.yaml', line: 9, message: 'unsupported protocol "ICMP"' },
      ],
    },
    {
      name: 'a selector with an unknown operator',
      base: {},
      head: { 'np.yaml': policy('    - from:', '        - podSelector:', '            matchExpressions: [{key: app, operator: Equals, values: [a]}]') },
      findings: [{ path: 'np.yaml', line: 10, message: 'unknown operator "Equals"' }],
    },
    {
      name: 'a missing pathType in networking.k8s.io/v1',
      base: { 'ing.yaml': ingress('networking.k8s.io/v1beta1', '            backend: {serviceName: web, servicePort: 80}') },
      head: { 'ing.yaml': ingress('networking.k8s.io/v1', ...v1Backend) },
      findings: [{ path: 'ing.yaml', line: 11, message: 'pathType is required in networking.k8s.io/v1' }],
    },
    {
      name: 'an unknown pathType',
      base: {},
      head: { 'ing.yaml': ingress('networking.k8s.io/v1', '            pathType: Regex', ...v1Backend) },
      findings: [{ path: 'ing.yaml', line: 12, message: 'unknown pathType "Regex"' }],
    },
    {
      name: 'an object without a name',
      base: {},
      head: { 'np.yaml': yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  namespace: payments', 'spec: {podSelector: {}}') },
      findings: [{ path: 'np.yaml', line: 3, message: 'no metadata.name' }],
    },
    {
      name: 'a problem in the second document of a file and in a List item',
      base: {},
      head: {
        'multi.yaml': yaml(
          'apiVersion: v1', 'kind: Service', 'metadata: {name: web}', '---', // 1-4
          'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: a}', // 5-7
          'spec:', '  podSelector: {}', '  ingress:', '    - from: [{}]', // 8-11
        ),
        'list.yaml': yaml(
          'apiVersion: v1', 'kind: List', 'items:', // 1-3
          '  - apiVersion: networking.k8s.io/v1', '    kind: NetworkPolicy', '    metadata: {name: b}', // 4-6
          '    spec:', '      podSelector: {}', '      ingress:', '        - ports:', '            - {port: 9, endPort: 1}', // 7-11
        ),
      },
      findings: [
        { path: 'list.yaml', line: 11, message: 'endPort 1 is below port 9' },
        { path: 'multi.yaml', line: 11, message: 'empty peer' },
      ],
    },
  ],
});

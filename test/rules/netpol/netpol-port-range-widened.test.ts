import rule from '../../../src/rules/netpol/netpol-port-range-widened.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { web, webDeployment } from './fixtures.js';

const fromFrontend = ['  - from:', '    - podSelector: {matchLabels: {app: frontend}}', '    ports:'];

ruleTester(rule, {
  valid: [
    {
      name: 'ports reordered, TCP written out',
      base: { 'web.yaml': web(...fromFrontend, '    - port: 80', '    - port: 443') },
      head: { 'web.yaml': web(...fromFrontend, '    - port: 443', '      protocol: TCP', '    - port: 80') },
    },
    {
      name: 'a narrower range',
      base: { 'web.yaml': web(...fromFrontend, '    - port: 8000', '      endPort: 9000') },
      head: { 'web.yaml': web(...fromFrontend, '    - port: 8000', '      endPort: 8100') },
    },
    {
      name: 'a range split into adjacent ranges with the same ports',
      base: { 'web.yaml': web(...fromFrontend, '    - port: 8000', '      endPort: 9000') },
      head: { 'web.yaml': web(...fromFrontend, '    - {port: 8501, endPort: 9000}', '    - {port: 8000, endPort: 8500}') },
    },
    {
      name: 'a named port unchanged while the policy moved file',
      base: { 'a.yaml': web(...fromFrontend, '    - port: http') },
      head: { 'b.yaml': web(...fromFrontend, '    - port: http') },
    },
    {
      name: 'a wider range for pods no policy isolated in base',
      base: {},
      head: { 'web.yaml': web(...fromFrontend, '    - port: 1', '      endPort: 65535') },
    },
    {
      name: 'a new source with its own port is a grant, not a widening',
      base: { 'web.yaml': web(...fromFrontend, '    - port: 80') },
      head: { 'web.yaml': web(...fromFrontend, '    - port: 80', '  - from:', '    - podSelector: {matchLabels: {app: admin}}', '    ports: [{port: 9090}]') },
    },
    {
      name: 'a broadened peer on the same ports (netpol-selector-broadened reports the peer)',
      base: { 'web.yaml': web(...fromFrontend, '    - port: 80') },
      head: { 'web.yaml': web('  - from:', '    - podSelector: {}', '    ports:', '    - port: 80') },
    },
    {
      name: 'a named port replaced by the number the selected pods give it',
      base: { 'deploy.yaml': webDeployment, 'web.yaml': web(...fromFrontend, '    - port: http') },
      head: { 'deploy.yaml': webDeployment, 'web.yaml': web(...fromFrontend, '    - port: 8080') },
    },
  ],
  invalid: [
    {
      name: 'endPort added: a port turned into a range',
      base: { 'web.yaml': web(...fromFrontend, '    - port: 8000') },
      head: { 'web.yaml': web(...fromFrontend, '    - port: 8000', '      endPort: 9000') },
      findings: [{ path: 'web.yaml', line: 14, severity: 'medium', message: 'TCP/8000-9000 (base: TCP/8000)' }],
    },
    {
      name: 'endPort raised',
      base: { 'web.yaml': web(...fromFrontend, '    - port: 8000', '      endPort: 8100') },
      head: { 'web.yaml': web(...fromFrontend, '    - port: 8000', '      endPort: 9000') },
      findings: [{ path: 'web.yaml', line: 14 }],
    },
    {
      name: 'a protocol added',
      base: { 'web.yaml': web(...fromFrontend, '    - port: 53', '      protocol: UDP') },
      head: { 'web.yaml': web(...fromFrontend, '    - port: 53', '      protocol: UDP', '    - port: 53', '      protocol: TCP') },
      findings: [{ path: 'web.yaml', line: 15, message: 'TCP/53' }],
    },
    {
      name: 'two rules merged: each source gains the other one\'s port',
      base: { 'web.yaml': web(...fromFrontend, '    - port: 80', '  - from:', '    - podSelector: {matchLabels: {app: admin}}', '    ports: [{port: 443}]') },
      head: { 'web.yaml': web('  - from:', '    - podSelector: {matchLabels: {app: frontend}}', '    - podSelector: {matchLabels: {app: admin}}', '    ports:', '    - port: 80', '    - port: 443') },
      findings: [{ path: 'web.yaml', line: 14, message: 'TCP/80 (base: TCP/443)' }, { path: 'web.yaml', line: 15, message: 'TCP/443 (base: TCP/80)' }],
    },
    {
      name: 'a broadened peer with an extra port: the old source gains it',
      base: { 'web.yaml': web(...fromFrontend, '    - port: 80') },
      head: { 'web.yaml': web('  - from:', '    - podSelector: {matchExpressions: [{key: app, operator: In, values: [frontend, admin]}]}', '    ports:', '    - port: 80', '    - port: 443') },
      findings: [{ path: 'web.yaml', line: 14, message: 'TCP/443' }],
    },
    {
      name: 'a named port replaced by another number',
      base: { 'deploy.yaml': webDeployment, 'web.yaml': web(...fromFrontend, '    - port: http') },
      head: { 'deploy.yaml': webDeployment, 'web.yaml': web(...fromFrontend, '    - port: 9090') },
      findings: [{ path: 'web.yaml', line: 13, message: 'TCP/9090 (base: TCP/8080)' }],
    },
    {
      name: 'a port added to the same source',
      base: { 'web.yaml': web(...fromFrontend, '    - port: 80') },
      head: { 'web.yaml': web(...fromFrontend, '    - port: 443', '    - port: 80') },
      findings: [{ path: 'web.yaml', line: 13, message: 'TCP/443' }],
    },
  ],
});

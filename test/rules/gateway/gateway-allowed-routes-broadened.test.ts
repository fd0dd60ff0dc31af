import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/gateway/gateway-allowed-routes-broadened.js';
import { runRule, ruleTester } from '../../helpers/rule-tester.js';
import { gateway, lineOf, type ListenerSpec } from './fixtures.js';

const teamA = ['namespaces:', '  from: Selector', '  selector:', '    matchLabels: {team: a, env: prod}'];
const listeners = (https: Partial<ListenerSpec>, web: Partial<ListenerSpec> = {}): ListenerSpec[] => [
  { name: 'https', hostname: 'shop.example.com', ...https },
  { name: 'web', port: 80, protocol: 'HTTP', ...web },
];
const base = { 'gw.yaml': gateway(listeners({ allowedRoutes: teamA })) };
const from = (value: string) => gateway(listeners({ allowedRoutes: ['namespaces:', `  from: ${value}`] }));
const selector = (labels: string) => gateway(listeners({ allowedRoutes: ['namespaces:', '  from: Selector', '  selector:', `    matchLabels: {${labels}}`] }));

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base, head: base },
    { name: 'listeners reordered and the file moved', base, head: { 'x/gw.yaml': gateway([listeners({})[1], listeners({ allowedRoutes: teamA })[0]]) } },
    { name: 'an explicit Same is the default', base: { 'gw.yaml': gateway(listeners({})) }, head: { 'gw.yaml': from('Same') } },
    { name: 'narrowed: All → Selector', base: { 'gw.yaml': from('All') }, head: base },
    { name: 'a narrower selector', base, head: { 'gw.yaml': selector('team: a, env: prod, tier: web') } },
    { name: 'the same selector written with matchExpressions', base, head: { 'gw.yaml': gateway(listeners({ allowedRoutes: ['namespaces:', '  from: Selector', '  selector:', '    matchExpressions:', '      - {key: env, operator: In, values: [prod]}', '      - {key: team, operator: In, values: [a]}'] })) } },
    { name: 'a renamed listener keeps its settings', base, head: { 'gw.yaml': gateway(listeners({ name: 'https-shop', allowedRoutes: teamA })) } },
    {
      name: "Same → a selector naming only the Gateway's namespace",
      base: { 'gw.yaml': gateway(listeners({})) },
      head: { 'gw.yaml': gateway(listeners({ allowedRoutes: ['namespaces:', '  from: Selector', '  selector:', '    matchLabels: {kubernetes.io/metadata.name: infra}'] })) },
    },
    { name: 'a new listener is not a broadening of another one', base, head: { 'gw.yaml': gateway([...listeners({ allowedRoutes: teamA }), { name: 'admin', port: 8443, allowedRoutes: ['namespaces:', '  from: Same'] }]) } },
  ],
  invalid: [
    { name: 'Selector → All', base, head: { 'gw.yaml': from('All') }, findings: [{ path: 'gw.yaml', line: lineOf(from('All'), 'from: All'), severity: 'high', message: 'Gateway infra/edge listener https (port 443): allowedRoutes.namespaces.from went from `Selector` to `All`' }] },
    { name: 'Same (default) → Selector', base: { 'gw.yaml': gateway(listeners({})) }, head: base, findings: [{ path: 'gw.yaml', line: lineOf(base['gw.yaml'], 'from: Selector'), message: 'from `Same` to `Selector`' }] },
    { name: 'a looser selector', base, head: { 'gw.yaml': selector('team: a') }, findings: [{ path: 'gw.yaml', line: lineOf(selector('team: a'), 'selector:'), message: 'the namespace selector went from `{env: prod, team: a}` to `{team: a}`, so routes from the namespaces matching `{team: a}` (not only the namespaces matching `{env: prod, team: a}`)' }] },
    { name: 'a different selector', base, head: { 'gw.yaml': selector('team: b, env: prod') }, findings: [{ path: 'gw.yaml', line: lineOf(selector('team: b'), 'selector:'), message: '(instead of the namespaces matching `{env: prod, team: a}`)' }] },
    { name: 'the plain HTTP listener opened to all namespaces', base, head: { 'gw.yaml': gateway(listeners({ allowedRoutes: teamA }, { allowedRoutes: ['namespaces: {from: All}'] })) }, findings: [{ path: 'gw.yaml', line: lineOf(gateway(listeners({ allowedRoutes: teamA }, { allowedRoutes: ['namespaces: {from: All}'] })), 'from: All'), message: 'listener web (port 80)' }] },
  ],
});

describe('gateway-allowed-routes-broadened related', () => {
  it('relates the base field, or the base listener when the default applied', () => {
    const line = (b: string, h: string) => runRule(rule, { 'gw.yaml': b }, { 'gw.yaml': h }).map((f) => f.related.map((r) => `${r.side} ${r.path}:${r.line}`));
    expect(line(base['gw.yaml'], from('All'))).toEqual([[`base gw.yaml:${lineOf(base['gw.yaml'], 'from: Selector')}`]]);
    expect(line(gateway(listeners({})), from('All'))).toEqual([[`base gw.yaml:${lineOf(gateway(listeners({})), '- name: https')}`]]);
  });
});

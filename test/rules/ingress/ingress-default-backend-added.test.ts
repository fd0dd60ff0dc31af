import rule from '../../../src/rules/ingress/ingress-default-backend-added.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { betaPath, defaultBackend, EXT_V1BETA1, ingress, path, rule as hostRule, rules, V1 } from './fixtures.js';

const routes = rules(hostRule('a.example.com', path('/api', 'Prefix', 'api', 80)));
const base = ingress(V1, routes);
// defaultBackend on line 7.
const withDefault = ingress(V1, [...defaultBackend('web', 80), ...routes]);
const betaBackend = ['  backend:', '    serviceName: web', '    servicePort: 80'];

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'ing.yaml': withDefault }, head: { 'ing.yaml': withDefault } },
    {
      name: 'v1beta1 spec.backend → v1 spec.defaultBackend',
      base: { 'ing.yaml': ingress(EXT_V1BETA1, [...betaBackend, ...rules(hostRule('a.example.com', betaPath('/api', 'Prefix', 'api', 80)))]) },
      head: { 'moved.yaml': withDefault },
    },
    { name: 'tightening: the default backend removed', base: { 'ing.yaml': withDefault }, head: { 'ing.yaml': base } },
    { name: 'a new Ingress without a default backend', base: {}, head: { 'ing.yaml': base } },
    { name: 'a deleted Ingress', base: { 'ing.yaml': withDefault }, head: {} },
  ],
  invalid: [
    {
      name: 'defaultBackend added',
      base: { 'ing.yaml': base },
      head: { 'ing.yaml': withDefault },
      findings: [{ path: 'ing.yaml', line: 7, severity: 'medium', message: 'Ingress shop/web: a default backend web:80 was added' }],
    },
    {
      name: 'v1beta1 spec.backend added',
      base: { 'ing.yaml': ingress(EXT_V1BETA1, rules(hostRule('a.example.com', betaPath('/api', 'Prefix', 'api', 80)))) },
      head: { 'ing.yaml': ingress(EXT_V1BETA1, [...betaBackend, ...rules(hostRule('a.example.com', betaPath('/api', 'Prefix', 'api', 80)))]) },
      findings: [{ path: 'ing.yaml', line: 7, message: 'web:80' }],
    },
    {
      name: 'a new Ingress with a default backend',
      base: {},
      head: { 'ing.yaml': ingress(V1, defaultBackend('catch-all', 8080)) },
      findings: [{ path: 'ing.yaml', line: 7, message: 'catch-all:8080' }],
    },
  ],
});

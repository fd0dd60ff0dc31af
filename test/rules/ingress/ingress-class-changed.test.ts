import rule from '../../../src/rules/ingress/ingress-class-changed.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';
import { betaPath, EXT_V1BETA1, ingress, path, rule as hostRule, rules, V1 , relatedOf } from './fixtures.js';

const routes = rules(hostRule('a.example.com', path('/api', 'Prefix', 'api', 80)));
const betaRoutes = rules(hostRule('a.example.com', betaPath('/api', 'Prefix', 'api', 80)));
const annotation = (cls: string): string[] => ['  annotations:', `    kubernetes.io/ingress.class: ${cls}`];
/** Class on line 7, as the field or as the annotation. */
const withField = (cls: string): string => ingress(V1, [`  ingressClassName: ${cls}`, ...routes]);
const withAnnotation = (cls: string): string => ingress(V1, routes, annotation(cls));
const defaultClass = (name: string): string => yaml(
  'apiVersion: networking.k8s.io/v1', 'kind: IngressClass', 'metadata:', `  name: ${name}`,
  '  annotations:', '    ingressclass.kubernetes.io/is-default-class: "true"', 'spec:', '  controller: k8s.io/ingress-nginx',
);

ruleTester(rule, {
  valid: [
    { name: 'unchanged', base: { 'ing.yaml': withField('nginx') }, head: { 'ing.yaml': withField('nginx') } },
    { name: 'annotation → ingressClassName with the same value', base: { 'ing.yaml': withAnnotation('nginx') }, head: { 'ing.yaml': withField('nginx') } },
    {
      name: 'extensions/v1beta1 with the annotation → v1 with the field, same class, moved file',
      base: { 'ing.yaml': ingress(EXT_V1BETA1, betaRoutes, annotation('nginx')) },
      head: { 'v1/ing.yaml': withField('nginx') },
    },
    {
      name: 'other changes with the class unchanged',
      base: { 'ing.yaml': withField('nginx') },
      head: { 'ing.yaml': ingress(V1, ['  ingressClassName: nginx', ...rules(hostRule('b.example.com', path('/', 'Prefix', 'web', 80)))]) },
    },
    {
      name: 'no class → the class the manifests declare as the default',
      base: { 'ing.yaml': ingress(V1, routes), 'class.yaml': defaultClass('nginx') },
      head: { 'ing.yaml': withField('nginx'), 'class.yaml': defaultClass('nginx') },
    },
    { name: 'a deleted Ingress', base: { 'ing.yaml': withField('nginx') }, head: {} },
    { name: 'a new Ingress', base: {}, head: { 'ing.yaml': withField('nginx') } },
  ],
  invalid: [
    {
      name: 'ingressClassName changed',
      base: { 'ing.yaml': withField('nginx') },
      head: { 'ing.yaml': withField('traefik') },
      findings: [{ path: 'ing.yaml', line: 7, severity: 'high', message: 'Ingress shop/web: moves from class `nginx` to class `traefik`' }],
    },
    {
      name: 'the annotation changed',
      base: { 'ing.yaml': withAnnotation('nginx-internal') },
      head: { 'ing.yaml': withAnnotation('nginx-public') },
      findings: [{ path: 'ing.yaml', line: 7, message: 'from class `nginx-internal` to class `nginx-public`' }],
    },
    {
      name: 'annotation → field with another value',
      base: { 'ing.yaml': ingress(EXT_V1BETA1, betaRoutes, annotation('nginx')) },
      head: { 'ing.yaml': withField('traefik') },
      findings: [{ path: 'ing.yaml', line: 7, message: 'to class `traefik`' }],
    },
    {
      name: 'the class removed: the head has no line for it, so the spec is blamed',
      base: { 'ing.yaml': withField('internal') },
      head: { 'ing.yaml': ingress(V1, routes) },
      findings: [{ path: 'ing.yaml', line: 6, message: 'to no class' }],
    },
    {
      name: 'a class set where there was none',
      base: { 'ing.yaml': ingress(V1, routes) },
      head: { 'ing.yaml': withField('public') },
      findings: [{ path: 'ing.yaml', line: 7, message: 'from no class' }],
    },
  ],
});

describe('ingress-class-changed related', () => {
  it('relates the base class line, annotation or field', () => {
    expect(relatedOf(rule, { 'ing.yaml': withAnnotation('nginx') }, { 'ing.yaml': withField('traefik') })).toEqual([['base ing.yaml:7']]);
  });
});

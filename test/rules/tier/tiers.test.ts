import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { loadSnapshot, ParseCache } from '../../../src/model/load.js';
import { exposureAdded } from '../../../src/rules/connectivity/exposure-added.js';
import ingressNewRoute from '../../../src/rules/ingress/ingress-new-route.js';
import { severityForTier, tierResolver } from '../../../src/semantics/tiers.js';
import { runRule, toSourceFiles, type Files } from '../../helpers/rule-tester.js';
import { deployment, service } from '../connectivity/fixtures.js';
import { withTiers } from './config.js';
import { app, ingressTo } from './fixtures.js';

const TIERS = withTiers();

function resolverOf(files: Files, config = TIERS) {
  const resolver = tierResolver(config.tiers, loadSnapshot(toSourceFiles(files), { maxFileBytes: 1 << 20 }, new ParseCache()));
  if (!resolver) throw new Error('tiers are configured');
  return resolver;
}

describe('tier resolution', () => {
  const NS = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: payments\n  labels: {segguard.io/tier: internal}\n';

  it('takes the pod label first, then the namespace label, then tiers.namespaces, then the default', () => {
    const resolver = resolverOf({
      'a.yaml': deployment('a', 'payments', '{app: a, segguard.io/tier: public}'),
      'b.yaml': deployment('b', 'payments', '{app: b}'),
      'c.yaml': deployment('c', 'blog', '{app: c}'),
      'd.yaml': deployment('d', 'shop', '{app: d}'),
      'ns.yaml': NS,
    });
    const of = (id: string) => resolver.ofWorkloadId(id);
    expect(of('payments/a[Deployment]')).toEqual({ tier: 'public', rank: 2, source: 'pod label' });
    expect(of('payments/b[Deployment]')).toEqual({ tier: 'internal', rank: 1, source: 'namespace label' });
    expect(of('blog/c[Deployment]')).toEqual({ tier: 'public', rank: 2, source: 'tiers.namespaces' });
    expect(of('shop/d[Deployment]')).toEqual({ tier: 'internal', rank: 1, source: 'tiers.default' });
    expect(resolver.ofNamespace('payments')).toEqual({ tier: 'internal', rank: 1, source: 'namespace label' });
  });

  it('skips a label value that names no tier, and has no tier without a default', () => {
    const files = { 'a.yaml': deployment('a', 'shop', '{app: a, segguard.io/tier: secret}') };
    expect(resolverOf(files).ofWorkloadId('shop/a[Deployment]')).toEqual({ tier: 'internal', rank: 1, source: 'tiers.default' });
    const strict = resolverOf(files, withTiers({ default: undefined }));
    expect(strict.ofWorkloadId('shop/a[Deployment]')).toBeUndefined();
    expect(strict.ignoredLabels({ labels: { 'segguard.io/tier': 'secret' }, namespace: 'shop' })).toEqual([{ source: 'pod label', value: 'secret' }]);
  });

  it('maps the highest tier to high, the lowest to low, the others to medium', () => {
    const tiers = TIERS.tiers!;
    expect(['critical', 'internal', 'public'].map((t) => severityForTier(tiers, t))).toEqual(['high', 'medium', 'low']);
    expect(severityForTier({ ...tiers, order: ['a', 'b', 'c', 'd'] }, 'c')).toBe('medium');
    expect(severityForTier({ ...tiers, order: ['only'] }, 'only')).toBe('high');
  });
});

describe('severity from the destination tier', () => {
  const APPS = { ...app('ledger', 'payments'), ...app('web', 'shop'), ...app('site', 'blog') };
  const routes = { 'p.yaml': ingressTo('pay', 'payments', 'pay.example.com', 'ledger'), 's.yaml': ingressTo('web', 'shop', 'shop.example.com', 'web'), 'b.yaml': ingressTo('site', 'blog', 'blog.example.com', 'site') };
  const summary = (findings: ReturnType<typeof runRule>) => findings.map((f) => `${f.location.path}:${f.location.line} ${f.severity}`);

  it('exposure-added: high, medium, low by tier; its own severity without tiers', () => {
    expect(summary(runRule(exposureAdded, APPS, { ...APPS, ...routes }, TIERS))).toEqual(['b.yaml:14 low', 'p.yaml:14 high', 's.yaml:14 medium']);
    expect(runRule(exposureAdded, APPS, { ...APPS, ...routes }, TIERS)[1].message).toContain('(destination in the critical tier)');
    expect(summary(runRule(exposureAdded, APPS, { ...APPS, ...routes }))).toEqual(['b.yaml:14 high', 'p.yaml:14 high', 's.yaml:14 high']);
  });

  it('ingress-new-route: from the workloads behind the Service, else the namespace of the Service', () => {
    expect(summary(runRule(ingressNewRoute, APPS, { ...APPS, ...routes }, TIERS))).toEqual(['b.yaml:12 low', 'p.yaml:12 high', 's.yaml:12 medium']);
    // No workload in the files behind the Service: the namespace's tier (tiers.namespaces payments: critical).
    expect(summary(runRule(ingressNewRoute, {}, { 'p.yaml': routes['p.yaml'] }, TIERS))).toEqual(['p.yaml:12 high']);
    expect(summary(runRule(ingressNewRoute, APPS, { ...APPS, ...routes }))).toEqual(['b.yaml:12 info', 'p.yaml:12 info', 's.yaml:12 info']);
  });

  it('a configured rule severity still wins', () => {
    const config = { ...TIERS, rules: { 'exposure-added': { enabled: true, severity: 'critical' as const } } };
    expect(summary(runRule(exposureAdded, APPS, { ...APPS, ...routes }, config))).toEqual(['b.yaml:14 critical', 'p.yaml:14 critical', 's.yaml:14 critical']);
  });
});

describe('tiers without workload manifests (issue 9)', () => {
  it('fails the gate on a public-tier route on the critical tier\'s host, not with an info or low finding alone', () => {
    const base = {
      'payments/ledger-svc.yaml': service('ledger', 'payments', '{app: ledger}', 80, 8080),
      'blog/site-svc.yaml': service('site', 'blog', '{app: site}', 80, 8080),
      'payments/ingress.yaml': ingressTo('pay', 'payments', 'pay.example.com', 'ledger'),
    };
    const head = { ...base, 'blog/ingress.yaml': ingressTo('site', 'blog', 'pay.example.com', 'site').replace('path: /', 'path: /blog') };
    const { findings } = analyze(toSourceFiles(base), toSourceFiles(head), TIERS);
    expect(findings.map((f) => `${f.severity} ${f.ruleId} ${f.location.path}:${f.location.line}`)).toContain('high tier-shared-entrypoint blog/ingress.yaml:12');
  });
});

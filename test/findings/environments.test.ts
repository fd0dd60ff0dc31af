import { describe, expect, it } from 'vitest';
import { mergeEnvironments } from '../../src/findings/environments.js';
import type { Finding } from '../../src/findings/finding.js';

const DEV = { scope: 'overlays/dev', environment: 'dev (overlays/dev)', namespace: 'shop-dev', name: 'dev-allow-admin' };
const PROD = { scope: 'overlays/prod', environment: 'prod (overlays/prod)', namespace: 'shop-prod', name: 'allow-admin' };

/** A finding as analyze() makes it for a rendered object of one environment (message prefixed with the environment). */
function rendered(env: typeof DEV, over: Partial<Finding> = {}, line = 64): Finding {
  return {
    ruleId: 'netpol-ipblock-widened',
    severity: 'critical',
    message: `In ${env.environment}: NetworkPolicy ${env.namespace}/${env.name}: ingress ipBlock 0.0.0.0/0 (base: ipBlock 203.0.113.0/24) now admits more source addresses.`,
    location: { path: 'base/network-policies.yaml', line, endLine: line, side: 'head' },
    related: [],
    resource: { group: 'networking.k8s.io', kind: 'NetworkPolicy', ...env },
    fingerprint: `per-object-${env.name}`,
    ...over,
  };
}

describe('mergeEnvironments', () => {
  it('makes the same finding at the same source line in dev and prod one finding naming both, with each object and message', () => {
    const [merged, ...rest] = mergeEnvironments([rendered(DEV), rendered(PROD, { severity: 'high' })]);
    expect(rest).toEqual([]);
    expect(merged.message).toBe('In dev (overlays/dev), prod (overlays/prod): NetworkPolicy shop-dev/dev-allow-admin: ingress ipBlock 0.0.0.0/0 ' +
      '(base: ipBlock 203.0.113.0/24) now admits more source addresses. The same holds for shop-prod/allow-admin in prod (overlays/prod).');
    expect(merged.resource?.environments?.map((e) => `${e.environment} ${e.namespace}/${e.name}`)).toEqual([
      'dev (overlays/dev) shop-dev/dev-allow-admin', 'prod (overlays/prod) shop-prod/allow-admin',
    ]);
    expect(merged.details).toContain('In prod (overlays/prod): NetworkPolicy shop-prod/allow-admin');
    expect(merged.location.line).toBe(64);
  });

  it('takes the highest severity among the environments', () => {
    expect(mergeEnvironments([rendered(DEV, { severity: 'medium' }), rendered(PROD, { severity: 'critical' })])[0].severity).toBe('critical');
  });

  it('gives a fingerprint that does not depend on which environments have the finding', () => {
    const both = mergeEnvironments([rendered(DEV), rendered(PROD)])[0].fingerprint;
    expect(mergeEnvironments([rendered(DEV)])[0].fingerprint).toBe(both);
    expect(mergeEnvironments([rendered(PROD)])[0].fingerprint).toBe(both);
    // Another change (another address block) in the same file is another finding.
    const other = rendered(PROD, { message: 'In prod (overlays/prod): NetworkPolicy shop-prod/allow-admin: ingress ipBlock 10.0.0.0/8 now admits more.' });
    expect(mergeEnvironments([other])[0].fingerprint).not.toBe(both);
  });

  it('never merges across suppression states: a suppression judged on one environment\'s object stays on that one', () => {
    const suppressed = rendered(PROD, { suppressed: { reason: 'accepted in prod' } });
    const kept = mergeEnvironments([rendered(DEV), suppressed]);
    expect(kept).toHaveLength(2);
    expect(kept.map((f) => Boolean(f.suppressed))).toEqual([false, true]);
    expect(kept[0].resource?.environments).toBeUndefined();
  });

  it('keeps findings at different lines, of different rules, and of plain files apart', () => {
    const plain: Finding = { ...rendered(DEV), resource: { group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'shop', name: 'allow-admin' }, fingerprint: 'plain' };
    const kept = mergeEnvironments([rendered(DEV), rendered(PROD, {}, 70), rendered(PROD, { ruleId: 'connectivity-added' }), plain]);
    expect(kept).toHaveLength(4);
    expect(kept[3]).toBe(plain);
  });

  it('pairs two findings of one environment at one line with the other environment\'s, never with each other', () => {
    const host = (env: typeof DEV, h: string) => rendered(env, { ruleId: 'ingress-tls-removed', message: `In ${env.environment}: host ${h} lost TLS.` });
    const kept = mergeEnvironments([host(DEV, 'a.example.com'), host(DEV, 'b.example.com'), host(PROD, 'a.example.com'), host(PROD, 'b.example.com')]);
    expect(kept.map((f) => f.message)).toEqual([
      'In dev (overlays/dev), prod (overlays/prod): host a.example.com lost TLS. The same holds for shop-prod/allow-admin in prod (overlays/prod).',
      'In dev (overlays/dev), prod (overlays/prod): host b.example.com lost TLS. The same holds for shop-prod/allow-admin in prod (overlays/prod).',
    ]);
  });
});

it('reads object names that are not valid Kubernetes names (user-controlled) without failing', () => {
  const odd = { ...DEV, name: 'a(b[*' };
  expect(() => mergeEnvironments([rendered(odd), rendered(PROD)])).not.toThrow();
});

it('gives two alike changes of one file (two policies of a base widened the same way) two fingerprints, each the same in dev and prod', () => {
  const other = (env: typeof DEV) => rendered({ ...env, name: env === DEV ? 'dev-allow-metrics' : 'allow-metrics' }, {}, 80);
  const kept = mergeEnvironments([rendered(DEV), rendered(PROD), other(DEV), other(PROD)]);
  expect(kept).toHaveLength(2);
  expect(kept[0].fingerprint).not.toBe(kept[1].fingerprint);
  expect(mergeEnvironments([rendered(PROD), other(PROD)]).map((f) => f.fingerprint)).toEqual(kept.map((f) => f.fingerprint));
});

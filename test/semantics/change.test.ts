import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { CONNECTIVITY_RULES } from '../../src/rules/connectivity/index.js';
import { toSourceFiles } from '../helpers/rule-tester.js';
import { semanticChange } from '../../src/semantics/change.js';
import { ALLOW_API, denyIngress, deployment, ingress, policy, service, SHOP } from '../rules/connectivity/fixtures.js';

const run = (base: Record<string, string>, head: Record<string, string>) =>
  analyze(toSourceFiles(base), toSourceFiles(head), undefined, CONNECTIVITY_RULES);

describe('semantic change in check', () => {
  it('says in the summary that it analyzed workloads', () => {
    const result = run(SHOP, { ...SHOP, 'payments/allow.yaml': ALLOW_API });
    expect(result.summary.notes).toEqual(['connectivity: workload mode: connectivity between the 2 workloads of head (2 in base)']);
  });

  it('falls back to selectors without workloads, and still sees a new exposure through a Service', () => {
    const base = { 'web/deny.yaml': denyIngress('payments'), 'web/svc.yaml': service('web', 'web', '{app: web}', 80, 'http') };
    const result = run(base, { ...base, 'web/ingress.yaml': ingress('web', 'web', 'a.example.com', 'web', 80) });
    expect(result.summary.notes?.[0]).toMatch(/^connectivity: selector mode: the repository has no workloads/);
    expect(result.findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.line} ${f.message}`)).toEqual([
      'exposure-added web/ingress.yaml:14 Workload web/[pod with {app: web}] is newly reachable from outside the cluster on TCP 80 through Ingress web/web (a.example.com/ → service web:80).',
    ]);
  });

  it('an identical Ingress and Service reach a workload whose labels now match the Service (entries are resolved again)', () => {
    const base = {
      'web/ingress.yaml': ingress('web', 'web', 'a.example.com', 'web', 80), 'web/svc.yaml': service('web', 'web', '{app: web}', 80, 8080),
      'web/app.yaml': deployment('app', 'web', '{app: other}'),
    };
    const result = run(base, { ...base, 'web/app.yaml': deployment('app', 'web', '{app: web}') });
    expect(result.findings.filter((f) => f.ruleId === 'exposure-added').map((f) => f.message)).toEqual([
      'Workload web/app[Deployment] is newly reachable from outside the cluster on TCP 8080 through Ingress web/web (a.example.com/ → service web:80).',
    ]);
  });

  it('stays quiet and adds no note when nothing that moves connectivity changed', () => {
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\ndata: {a: "1"}\n';
    const result = run({ ...SHOP, 'c.yaml': configMap }, { ...SHOP, 'c.yaml': configMap.replace('"1"', '"2"') });
    expect(result.findings).toEqual([]);
    expect(result.summary.notes).toBeUndefined();
  });

  it('finds the workloads a narrowed policy stops isolating, and none of those whose labels and policies did not change', () => {
    const tree = (selector: string) => ({
      'a/deny.yaml': policy('deny', 'a', `  podSelector: ${selector}`, '  policyTypes: [Ingress, Egress]'),
      'a/web.yaml': deployment('web', 'a', '{app: web}'), 'a/db.yaml': deployment('db', 'a', '{app: db}'),
      'b/deny.yaml': denyIngress('b'), 'b/web.yaml': deployment('web', 'b', '{app: web}'),
    });
    const result = run(tree('{}'), tree('{matchLabels: {app: db}}'));
    const change = semanticChange(result.base, result.head);
    expect(change.unisolated.map((u) => `${u.workload.id} ${u.direction}: ${u.reason}`)).toEqual([
      'a/web[Deployment] ingress: the podSelector of NetworkPolicy a/deny no longer selects it',
      'a/web[Deployment] egress: the podSelector of NetworkPolicy a/deny no longer selects it',
    ]);
  });

  it('reports a new workload in an open namespace once, as its cause', () => {
    const head = { ...SHOP, 'shop/worker.yaml': deployment('worker', 'shop', '{app: worker}') };
    const added = run(SHOP, head).findings.filter((f) => f.ruleId === 'connectivity-added');
    expect(added.map((f) => `${f.location.path}:${f.location.line} ${f.severity}`)).toEqual(['shop/worker.yaml:1 critical']);
    expect(added[0].message).toContain('because of the new workload shop/worker[Deployment]');
  });
});

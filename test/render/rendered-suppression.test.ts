import { describe, expect, it } from 'vitest';
import { analyze, audit } from '../../src/analyze.js';
import { rendered } from '../helpers/render.js';

const INGRESS = (annotations: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web${annotations}
spec:
  rules:
  - host: "*.example.com"
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service: {name: web, port: {number: 80}}
`;

describe('a rendered object', () => {
  it('is suppressed by its own segguard.io/ignore annotation, in its environment only', async () => {
    const snapshot = await rendered({
      'dev/kustomization.yaml': 'namespace: dev\nresources:\n- ingress.yaml\n',
      'dev/ingress.yaml': INGRESS('\n  annotations:\n    segguard.io/ignore: "ingress-wildcard-host: dev only, reviewed"'),
      'prod/kustomization.yaml': 'namespace: prod\nresources:\n- ingress.yaml\n',
      'prod/ingress.yaml': INGRESS(''),
    });
    const findings = audit([], undefined, undefined, snapshot).findings.filter((f) => f.ruleId === 'ingress-wildcard-host');
    expect(findings.map((f) => [f.resource?.environment, f.location.path, f.suppressed?.reason])).toEqual([
      ['dev', 'dev/ingress.yaml', 'dev only, reviewed'],
      ['prod', 'prod/ingress.yaml', undefined],
    ]);
  });
});

describe('one base line that causes a finding in two environments', () => {
  const POLICY = (cidr: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: admin
spec:
  podSelector:
    matchLabels: {app: admin}
  policyTypes: [Ingress]
  ingress:
  - from:
    - ipBlock:
        cidr: ${cidr}
`;
  const overlay = (env: string, extra = '') => `namespace: ${env}\nresources:\n- ../base\n${extra}`;
  // prod's object carries a suppression of its own, which an approver approved for this change.
  const PROD_IGNORE = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: admin\n  annotations:\n    segguard.io/ignore: "netpol-ipblock-widened: prod admits the office VPN range, reviewed"\n';
  const tree = (cidr: string, prodExtra: string) => ({
    'base/kustomization.yaml': 'resources:\n- policy.yaml\n',
    'base/policy.yaml': POLICY(cidr),
    'dev/kustomization.yaml': overlay('dev'),
    'prod/kustomization.yaml': overlay('prod', prodExtra),
    ...(prodExtra ? { 'prod/ignore.yaml': PROD_IGNORE } : {}),
  });

  it('is one finding naming both, on the base line', async () => {
    const [base, head] = [tree('203.0.113.0/24', ''), tree('0.0.0.0/0', '')];
    const { findings } = analyze([], [], undefined, undefined, { rendered: { base: await rendered(base), head: await rendered(head) } });
    const widened = findings.filter((f) => f.ruleId === 'netpol-ipblock-widened');
    expect(widened.map((f) => [f.message.slice(0, f.message.indexOf(':')), f.location.path, f.location.line, f.resource?.environments?.map((e) => e.environment)]))
      .toEqual([['In dev, prod', 'base/policy.yaml', 12, ['dev', 'prod']]]);
  });

  it('is judged per object first: prod\'s approved suppression silences prod only, and dev\'s finding is reported on its own', async () => {
    const patch = 'patches:\n- path: ignore.yaml\n';
    const [base, head] = [tree('203.0.113.0/24', patch), tree('0.0.0.0/0', patch)];
    const { findings } = analyze([], [], undefined, undefined, {
      rendered: { base: await rendered(base), head: await rendered(head) }, approval: { state: 'approved', by: ['alice'] },
    });
    const widened = findings.filter((f) => f.ruleId === 'netpol-ipblock-widened');
    expect(widened.map((f) => [f.resource?.environment, f.resource?.environments, f.suppressed?.reason])).toEqual([
      ['dev', undefined, undefined],
      ['prod', undefined, 'prod admits the office VPN range, reviewed'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import type { FindingLocation } from '../../../src/findings/finding.js';
import { CONNECTIVITY_RULES } from '../../../src/rules/connectivity/index.js';
import { toSourceFiles, type Files } from '../../helpers/rule-tester.js';
import { ALLOW_API, denyIngress, deployment, ingress, policy, service, SHOP } from './fixtures.js';

const { 'payments/deny.yaml': deny, ...noPolicy } = SHOP;
const APP = { 'web/deploy.yaml': deployment('web', 'web', '{app: web}'), 'web/svc.yaml': service('web', 'web', '{app: web}', 80, 8080) };

/** Changes that delete, move or rewrite the objects the semantic findings point at. */
const SCENARIOS: Record<string, [Files, Files]> = {
  'deny deleted': [SHOP, noPolicy],
  'deny deleted, selector mode': [{ 'payments/deny.yaml': deny, 'payments/allow.yaml': ALLOW_API }, { 'payments/allow.yaml': ALLOW_API }],
  'every policy deleted, selector mode': [{ 'payments/deny.yaml': deny }, {}],
  'deny moved to another file and narrowed': [SHOP, { ...noPolicy, 'payments/policies/deny.yaml': `# moved\n${policy('deny-ingress', 'payments', '  podSelector: {matchLabels: {app: other}}')}` }],
  'workload relabelled and moved': [{ ...SHOP, 'payments/allow.yaml': ALLOW_API }, { ...SHOP, 'payments/allow.yaml': ALLOW_API, 'payments/ledger.yaml': '', 'payments/apps/ledger.yaml': `\n\n${deployment('ledger', 'payments', '{app: books}', 5432)}` }],
  'workload deleted with its policy': [{ ...SHOP, 'payments/allow.yaml': ALLOW_API }, { 'shop/api.yaml': SHOP['shop/api.yaml'] }],
  'ingress moved to another file as its Service starts targeting the pod': [
    { ...APP, 'web/svc.yaml': service('web', 'web', '{app: web}', 80, 9999), 'web/ingress.yaml': ingress('web', 'web', 'a.example.com', 'web', 80) },
    { ...APP, 'web/ingress-2.yaml': `\n${ingress('web2', 'web', 'b.example.com', 'web', 80)}` },
  ],
  'deny of the exposed app deleted': [{ ...APP, 'web/deny.yaml': denyIngress('web'), 'web/ingress.yaml': ingress('web', 'web', 'a.example.com', 'web', 80) }, { ...APP, 'web/ingress.yaml': ingress('web', 'web', 'a.example.com', 'web', 80) }],
};

describe('semantic findings point at lines that exist on their side', () => {
  for (const [name, [base, head]] of Object.entries(SCENARIOS)) {
    it(name, () => {
      const findings = analyze(toSourceFiles(base), toSourceFiles(head), undefined, CONNECTIVITY_RULES).findings;
      expect(findings.length).toBeGreaterThan(0);
      const exists = (at: FindingLocation) => {
        const text = (at.side === 'head' ? head : base)[at.path];
        return typeof text === 'string' && text.trim() !== '' && at.line >= 1 && at.endLine <= text.split('\n').length;
      };
      for (const f of findings) {
        expect(exists(f.location), `${f.ruleId} ${f.location.side} ${f.location.path}:${f.location.line} ${f.message}`).toBe(true);
        for (const r of f.related) expect(exists(r), `${f.ruleId} related ${r.side} ${r.path}:${r.line} ${r.message}`).toBe(true);
      }
    });
  }
});

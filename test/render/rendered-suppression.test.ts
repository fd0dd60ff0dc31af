import { describe, expect, it } from 'vitest';
import { audit } from '../../src/analyze.js';
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

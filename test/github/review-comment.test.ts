import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import { findingMarker } from '../../src/github/markers.js';
import { reviewCommentBody } from '../../src/github/review.js';

const finding: Finding = {
  ruleId: 'ingress-path-broadened',
  severity: 'high',
  message: 'Ingress shop/<script>alert(1)</script>: @team | now matches `/`',
  location: { path: 'shop/ingress.yaml', line: 15, endLine: 15, side: 'head' },
  related: [{ path: 'shop/ingress.yaml', line: 15, endLine: 15, side: 'base', message: 'was /shop (Prefix)' }],
  resource: { group: 'networking.k8s.io', kind: 'Ingress', namespace: 'shop', name: 'storefront' },
  fingerprint: '0123456789abcdef',
};

describe('review comment body', () => {
  const body = reviewCommentBody(finding);

  it('names the severity and rule, links the docs page and its fix section', () => {
    expect(body).toMatch(/^\*\*high\*\* · \[`ingress-path-broadened`\]\(\S+docs\/rules\/ingress-path-broadened\.md\) · \[how to fix\]\(\S+#how-to-fix\)/);
  });

  it('shows the related base line so the author sees what the change replaced', () => {
    expect(body).toContain('(base): was /shop \\(Prefix\\)');
  });

  it('escapes everything taken from manifests and ends with the fingerprint marker', () => {
    expect(body).not.toContain('<script>');
    expect(body).not.toMatch(/(^|\s)@team/);
    expect(body.endsWith(findingMarker(finding.fingerprint))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import { findingMarker } from '../../src/github/markers.js';
import { LIMITS } from '../../src/github/limits.js';
import { reviewCommentBody } from '../../src/github/review.js';
import { expectWellFormedMarkdown } from './helpers/markdown.js';

const finding: Finding = {
  ruleId: 'ingress-path-broadened',
  severity: 'high',
  message: 'Ingress shop/<script>alert(1)</script>: @team | now matches `/`',
  location: { path: 'shop/ingress.yaml', line: 15, endLine: 15, side: 'head' },
  related: [{ path: 'shop/ingress.yaml', line: 15, endLine: 15, side: 'base', message: 'was /shop (Prefix)' }],
  resource: { kind: 'Ingress', namespace: 'shop', name: 'storefront' },
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

describe('review comment body within GitHub\'s limit', () => {
  const name = 'n'.repeat(100_000);
  const huge: Finding = {
    ...finding,
    message: `NetworkPolicy shop/${name} now allows all ingress.`,
    related: Array.from({ length: 30 }, (_, i) => ({ path: `shop/${name}.yaml`, line: i + 1, endLine: i + 1, side: 'base' as const, message: `was ${name}` })),
    details: Array.from({ length: 5_000 }, (_, i) => `pod ${i} of ${'p'.repeat(300)} | <b>`).join('\n'),
  };
  const body = reviewCommentBody(huge);

  it('fits as a whole, the message whole around its shortened name, the details block closed and counted', () => {
    expect(body.length).toBeLessThanOrEqual(LIMITS.commentBody);
    expect(body.endsWith(findingMarker(finding.fingerprint))).toBe(true);
    expect(body).toMatch(/NetworkPolicy shop\/n+…n+ now allows all ingress\\\./);
    expect(body).toContain('- … and 10 more');
    const shown = body.split('\n').filter((l) => l.startsWith('pod ')).length;
    expect(shown).toBeGreaterThan(10);
    expect(body).toContain(`… ${5_000 - shown} more lines (the check run and the SARIF output have them all)`);
    expectWellFormedMarkdown(body);
  });
});

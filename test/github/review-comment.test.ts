import { describe, expect, it } from 'vitest';
import { causeOf, causesOf } from '../../src/findings/causes.js';
import type { Finding } from '../../src/findings/finding.js';
import { docsUrlOf } from '../../src/report/links.js';
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
  resource: { group: 'networking.k8s.io', kind: 'Ingress', namespace: 'shop', name: 'storefront' },
  fingerprint: '0123456789abcdef',
};

describe('review comment body', () => {
  const body = reviewCommentBody(causeOf([finding]));

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
  const body = reviewCommentBody(causeOf([huge]));

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

describe('review comment of a cause', () => {
  // The widened ipBlock and the connection it opens: each names the other as the same change (src/rules/connectivity/same-cause.ts).
  const widened: Finding = {
    ruleId: 'netpol-ipblock-widened', severity: 'critical', message: 'NetworkPolicy admin/allow-office: ingress ipBlock 0.0.0.0/0 (base: ipBlock 198.51.100.0/24).',
    location: { path: 'admin/network-policies.yaml', line: 23, endLine: 23, side: 'head' },
    related: [
      { path: 'admin/network-policies.yaml', line: 22, endLine: 23, side: 'head', message: 'the same change, reported by connectivity-added' },
      { path: 'admin/network-policies.yaml', line: 20, endLine: 20, side: 'base', message: 'was 198.51.100.0/24' },
    ],
    resource: { group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'admin', name: 'allow-office' }, fingerprint: '1111111111111111',
  };
  const added: Finding = {
    ...widened, ruleId: 'connectivity-added', message: 'admin/console may now be reached from outside.', fingerprint: '2222222222222222',
    location: { path: 'admin/network-policies.yaml', line: 22, endLine: 23, side: 'head' },
    related: [{ path: 'admin/network-policies.yaml', line: 23, endLine: 23, side: 'head', message: 'the same change, reported by netpol-ipblock-widened' }],
    edges: [{ source: { name: '0.0.0.0-198.51.99.255[External]', type: 'external' }, destination: { name: 'admin/console[Deployment]', type: 'workload' }, ports: 'TCP 8443' }],
  };
  const [cause] = causesOf([added, widened]);
  const links = { repository: 'https://github.com/acme/platform', head: 'a'.repeat(40), base: 'b'.repeat(40) };
  const body = reviewCommentBody(cause, links);

  it('is one comment naming every rule and message, with a marker per finding', () => {
    expect(causesOf([added, widened])).toHaveLength(1);
    expect(body.startsWith(`**critical** · [\`netpol-ipblock-widened\`](${docsUrlOf('netpol-ipblock-widened')}) · [\`connectivity-added\`](${docsUrlOf('connectivity-added')}) · [how to fix]`)).toBe(true);
    expect(body).toContain('`netpol-ipblock-widened`: NetworkPolicy admin/allow\\-office&#58; ingress ipBlock');
    expect(body).toContain('`connectivity-added`: admin/console may now be reached from outside\\.');
    expect(body.endsWith(`${findingMarker(widened.fingerprint)}\n${findingMarker(added.fingerprint)}`)).toBe(true);
  });

  it('leaves out the links between its own findings, and links the other places to their lines at their commit', () => {
    expect(body).not.toContain('the same change');
    expect(body).toContain(`- [admin/network\\-policies\\.yaml&#58;20](https://github.com/acme/platform/blob/${'b'.repeat(40)}/admin/network-policies.yaml#L20) (base): was 198\\.51\\.100\\.0/24`);
  });

  it('docs link to the Action that runs when the runner says which', () => {
    expect(docsUrlOf('netpol-deleted', { GITHUB_ACTION_REPOSITORY: 'acme/segguard-fork', GITHUB_ACTION_REF: 'v2.1.0' }))
      .toBe('https://github.com/acme/segguard-fork/blob/v2.1.0/docs/rules/netpol-deleted.md');
    expect(docsUrlOf('netpol-deleted', {})).toMatch(/^https:\/\/github\.com\/segguard\/segguard\/blob\/v\d+\.\d+\.\d+\/docs\/rules\/netpol-deleted\.md$/);
  });
});

import type { AnalysisSummary } from '../../src/analyze.js';
import type { Finding } from '../../src/findings/finding.js';
import type { Report } from '../../src/report/index.js';

/** A name an attacker could give a resource: every Markdown and HTML construct that could break out of a cell. */
export const HOSTILE = 'evil|name `code` <script>alert(1)</script> @octocat [link](https://x.example) #1\nnext line **bold** ![img](x) $x$';

export function sampleFindings(): Finding[] {
  return [
    {
      ruleId: 'manifest-parse-error', severity: 'high', message: 'Flow map must end with a }. Nothing in this file was analyzed.',
      location: { path: 'head/shop/broken.yaml', line: 4, endLine: 4, side: 'head' }, related: [], fingerprint: 'aaaa000000000001',
    },
    {
      ruleId: 'netpol-default-deny-removed', severity: 'critical', message: `NetworkPolicy shop/${HOSTILE} now allows all ingress.`,
      location: { path: 'head/shop/netpol.yaml', line: 10, endLine: 12, side: 'head' },
      related: [{ path: 'base/shop/netpol.yaml', line: 1, endLine: 8, side: 'base', message: 'the default deny in base' }],
      resource: { group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'shop', name: HOSTILE }, fingerprint: 'aaaa000000000002',
      details: 'pods of shop:\n- web\n- api',
    },
    {
      ruleId: 'netpol-deleted', severity: 'high', message: 'NetworkPolicy payments/deny-all was deleted.',
      location: { path: 'base/payments/deny.yaml', line: 1, endLine: 9, side: 'base' }, related: [],
      resource: { group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'payments', name: 'deny-all' }, fingerprint: 'aaaa000000000003',
    },
    {
      ruleId: 'manifest-invalid', severity: 'high', message: 'An empty peer is rejected.',
      location: { path: 'head/shop/netpol.yaml', line: 23, endLine: 23, side: 'head' }, related: [],
      resource: { group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'shop', name: 'legacy' }, fingerprint: 'aaaa000000000004',
      suppressed: { reason: `accepted by @security <b>until</b> Q3 | see #12` },
    },
  ];
}

/**
 * A widened ipBlock whose suppression the change itself adds, with a hostile reason (every output must escape it);
 * `approvedBy`: an approver approved it, so it is suppressed too.
 */
export function proposedFinding(approvedBy?: string[]): Finding {
  const reason = `fine ${HOSTILE}`;
  return {
    ruleId: 'netpol-ipblock-widened', severity: 'critical', message: 'NetworkPolicy shop/web: ingress ipBlock 0.0.0.0/0 (base: ipBlock 10.0.0.0/24)',
    location: { path: 'head/shop/web.yaml', line: 13, endLine: 13, side: 'head' }, related: [],
    resource: { group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'shop', name: 'web' }, fingerprint: 'cccc000000000001',
    proposedSuppression: { reason, location: { path: 'head/shop/web.yaml', line: 7, endLine: 7, side: 'head' } },
    ...(approvedBy ? { suppressed: { reason, approvedBy } } : {}),
  };
}

/** A connectivity-added finding (two new connections, one from outside the cluster) and an exposure-added one. */
export function edgeFindings(): Finding[] {
  return [
    {
      ruleId: 'connectivity-added', severity: 'critical', message: 'payments/ledger may now be reached from 0.0.0.0/0',
      location: { path: 'head/payments/allow.yaml', line: 11, endLine: 12, side: 'head' }, related: [],
      resource: { group: 'networking.k8s.io', kind: 'NetworkPolicy', namespace: 'payments', name: 'allow' }, fingerprint: 'bbbb000000000001',
      edges: [
        { source: { name: '0.0.0.0-9.255.255.255[External]', type: 'external' }, destination: { name: `payments/${HOSTILE}[Deployment]`, type: 'workload' }, ports: 'TCP 5432' },
        { source: { name: 'shop/api[Deployment]', type: 'workload' }, destination: { name: `payments/${HOSTILE}[Deployment]`, type: 'workload' }, ports: 'TCP 5432' },
      ],
    },
    {
      ruleId: 'exposure-added', severity: 'high', message: 'web/web is newly reachable from outside the cluster',
      location: { path: 'head/web/ingress.yaml', line: 14, endLine: 17, side: 'head' }, related: [],
      resource: { group: 'networking.k8s.io', kind: 'Ingress', namespace: 'web', name: 'web' }, fingerprint: 'bbbb000000000002',
      edges: [{ source: { name: 'shop.example.com/', type: 'entry' }, destination: { name: 'web/web[Deployment]', type: 'workload' }, ports: 'TCP 8080' }],
    },
  ];
}

export function sampleReport(findings = sampleFindings(), failOn: Report['failOn'] = 'high'): Report {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  let suppressed = 0;
  let proposed = 0;
  for (const f of findings) {
    if (f.suppressed) suppressed++;
    else {
      counts[f.severity]++;
      if (f.proposedSuppression) proposed++;
    }
  }
  const summary: AnalysisSummary = { counts, suppressed, proposed, files: { base: 2, head: 3 }, resources: { base: 2, head: 3 } };
  return { findings, summary, failOn };
}

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../src/analyze.js';
import { loadConfig } from '../src/config/load.js';
import type { Finding } from '../src/findings/finding.js';
import { readDirectory } from '../src/sources/directory.js';

/**
 * The per-controller example PRs (examples/ingress-nginx, examples/traefik, examples/gateway-api; each README.md
 * lists the findings): read as the CLI reads them (the sources reader with the example's own segguard.yml), then
 * every finding above info must be one of the expected regressions, and each of those must be found.
 */
const examples = join(import.meta.dirname, '..', 'examples');

interface Expected { ruleId: string; side: 'base' | 'head'; path: string; line: number; severity: string; what: string }
/** A benign change: no finding above info on this object (optionally: from this rule). */
interface Benign { resource: string; ruleId?: string; what: string }
interface Example { name: string; files: { base: number; head: number }; regressions: Expected[]; benign: Benign[] }

const EXAMPLES: Example[] = [
  {
    name: 'ingress-nginx',
    files: { base: 6, head: 6 },
    regressions: [
      { ruleId: 'nginx-allowlist-loosened', side: 'head', path: 'tools/grafana.yaml', line: 37, severity: 'high', what: 'the Grafana allow-list gains the contractor range' },
      { ruleId: 'nginx-auth-removed', side: 'base', path: 'tools/grafana.yaml', line: 38, severity: 'high', what: 'Grafana loses basic auth' },
      { ruleId: 'nginx-mtls-weakened', side: 'head', path: 'partners/orders-api.yaml', line: 39, severity: 'high', what: 'the partner API verifies client certificates only when sent' },
      { ruleId: 'nginx-injection-vector', side: 'head', path: 'partners/orders-api.yaml', line: 42, severity: 'critical', what: 'an auth-url ending in ";"' },
      { ruleId: 'nginx-snippet-added', side: 'head', path: 'shop/storefront.yaml', line: 67, severity: 'critical', what: 'a configuration-snippet on the storefront' },
      { ruleId: 'nginx-cors-wildcard', side: 'head', path: 'shop/storefront.yaml', line: 91, severity: 'high', what: 'CORS enabled on the catalog API without an origin list' },
    ],
    benign: [
      { resource: 'Ingress tools/runbooks', what: 'whitelist-source-range → allowlist-source-range with the same set, reordered' },
      { resource: 'Ingress partners/orders-api', ruleId: 'nginx-allowlist-loosened', what: 'the partner allow-list re-split into an equal set' },
      { resource: 'Deployment shop/storefront', what: 'the Deployment\'s keys reordered' },
    ],
  },
  {
    name: 'traefik',
    files: { base: 6, head: 6 },
    regressions: [
      { ruleId: 'traefik-guard-middleware-removed', side: 'head', path: 'backoffice/console.yaml', line: 48, severity: 'high', what: 'the exports route loses the office-only allow-list' },
      { ruleId: 'traefik-tls-weakened', side: 'head', path: 'billing/api.yaml', line: 40, severity: 'high', what: 'the partner TLSOption accepts clients without a certificate' },
      { ruleId: 'traefik-match-broadened', side: 'head', path: 'billing/api.yaml', line: 50, severity: 'high', what: 'PathPrefix /api/public shortened to /api' },
    ],
    benign: [
      { resource: 'IngressRoute wiki/wiki', what: 'the IngressRoute migrated from traefik.containo.us to traefik.io' },
      { resource: 'Middleware wiki/office', what: 'ipWhiteList → ipAllowList with the same ranges, reordered' },
    ],
  },
  {
    name: 'gateway-api',
    files: { base: 7, head: 7 },
    regressions: [
      { ruleId: 'gateway-allowed-routes-broadened', side: 'head', path: 'infra/gateway.yaml', line: 22, severity: 'high', what: 'the plain-HTTP listener admits routes from every namespace' },
      { ruleId: 'gateway-hostname-broadened', side: 'head', path: 'infra/gateway.yaml', line: 51, severity: 'high', what: 'the partner listener hostname wildcarded' },
      { ruleId: 'gateway-mtls-weakened', side: 'head', path: 'infra/gateway.yaml', line: 68, severity: 'high', what: 'partner client certificates validated with AllowInsecureFallback' },
      { ruleId: 'gateway-route-matches-broadened', side: 'head', path: 'payments/checkout.yaml', line: 41, severity: 'medium', what: 'the checkout route\'s matches removed' },
      { ruleId: 'tier-shared-entrypoint', side: 'head', path: 'payments/checkout.yaml', line: 56, severity: 'high', what: 'the critical checkout served on the public blog\'s host' },
    ],
    benign: [
      { resource: 'Namespace payments', what: 'a label that admits it to the web listener (its effect is the shared entry point)' },
      { resource: 'ReferenceGrant partners/edge-reads-partners-tls', what: 'unchanged grant' },
    ],
  },
];

const where = (f: Finding) => `${f.ruleId} ${f.location.side} ${f.location.path}:${f.location.line}`;
/** `Kind namespace/name` (`Kind name` for a cluster-scoped object), for a finding's resource or a model's. */
const identity = (r?: { kind: string; namespace?: string; name: string }) => (r ? `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}` : '');

for (const example of EXAMPLES) {
  describe(`examples/${example.name}`, () => {
    const dir = join(examples, example.name);
    let result: AnalysisResult;
    let reported: Finding[];
    beforeAll(async () => {
      const { config } = await loadConfig({ cwd: dir, repo: dir, configFile: 'segguard.yml' });
      const selection = { include: config.include, exclude: config.exclude };
      const [base, head] = await Promise.all([readDirectory(join(dir, 'base'), selection), readDirectory(join(dir, 'head'), selection)]);
      result = analyze(base, head, config);
      reported = result.findings.filter((f) => !f.suppressed);
    });

    for (const r of example.regressions) {
      it(`${r.what}: ${r.ruleId} (${r.severity}) at ${r.side} ${r.path}:${r.line}`, () => {
        const found = reported.find((f) => where(f) === `${r.ruleId} ${r.side} ${r.path}:${r.line}`);
        expect(found, `found: ${reported.map(where).join(', ')}`).toBeDefined();
        expect(found?.severity).toBe(r.severity);
      });
    }

    it('reports nothing above info beyond the expected regressions', () => {
      const aboveInfo = reported.filter((f) => f.severity !== 'info').map(where).sort();
      expect(aboveInfo).toEqual(example.regressions.map((r) => `${r.ruleId} ${r.side} ${r.path}:${r.line}`).sort());
    });

    for (const b of example.benign) {
      it(`benign: ${b.what} (${b.resource}) reports nothing above info`, () => {
        const noise = reported.filter((f) => f.severity !== 'info' && identity(f.resource) === b.resource && (!b.ruleId || f.ruleId === b.ruleId));
        expect(noise.map((f) => `${where(f)} ${f.message}`)).toEqual([]);
        // The object exists on both sides, so the comparison above is about a real pair.
        expect(result.base.resources.some((res) => identity(res) === b.resource)).toBe(true);
      });
    }

    it('every file of both sides is read and both sides are valid manifests', () => {
      expect(result.summary.files).toEqual(example.files);
      expect(reported.filter((f) => f.ruleId.startsWith('manifest-') || f.ruleId === 'suppression-invalid')).toEqual([]);
      expect(result.base.problems).toEqual([]);
      expect(result.head.problems).toEqual([]);
    });
  });
}

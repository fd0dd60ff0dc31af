import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { defaultConfig } from '../../src/config/config.js';
import type { Finding } from '../../src/findings/finding.js';
import { FOLD_AFTER } from '../../src/findings/fold.js';
import { toSourceFiles, type Files } from '../helpers/rule-tester.js';
import {
  WORKLOAD, consecutiveHosts, distinctBlocks, everyAddressMinusExcepts, everyIpv6AddressMinusExcepts, ingress, ipBlockPolicy, manyPaths, scatteredHosts,
} from '../../bench/hostile/ipsets.mjs';

// The hostile shapes of bench/hostile/ipsets.mjs at moderate sizes, with their exact findings: the linear-time
// set, span and line algorithms must find what the quadratic ones did (the speed is measured by the bench).
const check = (base: Files, head: Files): Finding[] => analyze(toSourceFiles(base), toSourceFiles(head), defaultConfig()).findings;
const byRule = (findings: Finding[], id: string) => findings.filter((f) => f.ruleId === id);
/** The 1-based lines of `text` that contain `marker`. */
const linesWith = (text: string, marker: string) => text.split('\n').flatMap((line, i) => (line.includes(marker) ? [i + 1] : []));
/**
 * The lines a rule reported at, the folded ones included (past FOLD_AFTER findings on one object they are one
 * finding whose details quote each), and how many it reported in all.
 */
function reported(findings: Finding[], id: string): { lines: number[]; total: number } {
  const lines: number[] = [];
  let total = 0;
  for (const f of byRule(findings, id)) {
    const folded = /^([\d,]+) more /.exec(f.message);
    if (!folded) {
      lines.push(f.location.line);
      total++;
      continue;
    }
    total += Number(folded[1].replaceAll(',', ''));
    for (const quoted of (f.details ?? '').split('\n')) {
      const line = /^[^:]+:(\d+): /.exec(quoted)?.[1];
      if (line) lines.push(Number(line));
    }
  }
  return { lines, total };
}

const NARROW = ipBlockPolicy([{ cidr: '192.0.2.0/24', except: [] }]);
const ALLOW = 'nginx.ingress.kubernetes.io/allowlist-source-range';
const ROOT = [{ path: '/', pathType: 'Prefix' as const }];

describe('hostile address sets at moderate size', () => {
  it('300 distinct blocks with 25 excepts each: every peer is a widening and a cause of new connectivity, at its own line', () => {
    const policy = ipBlockPolicy(distinctBlocks(300, 25));
    const findings = check({ 'w.yaml': WORKLOAD, 'p.yaml': NARROW }, { 'w.yaml': WORKLOAD, 'p.yaml': policy });
    const peerLines = linesWith(policy, '- ipBlock');
    expect(peerLines).toHaveLength(300);
    expect(reported(findings, 'netpol-ipblock-widened')).toEqual({ lines: peerLines, total: 300 });
    expect(reported(findings, 'connectivity-added')).toEqual({ lines: peerLines, total: 300 });
    const added = byRule(findings, 'connectivity-added');
    expect(added.slice(0, FOLD_AFTER).map((f) => /peer (\d+) of/.exec(f.message)?.[1])).toEqual(peerLines.slice(0, FOLD_AFTER).map((_, i) => String(i)));
    // Past FOLD_AFTER, one finding on the first folded peer stands for the other 100, with their severity.
    expect(added).toHaveLength(FOLD_AFTER + 1);
    expect(added[FOLD_AFTER]).toMatchObject({ severity: 'high', location: { line: peerLines[FOLD_AFTER] } });
    expect(added[FOLD_AFTER].message).toMatch(/^100 more connectivity-added findings on NetworkPolicy shop\/\S+ \(100 high\), from line \d+ to \d+: .*peer 200 of/);
    // Peer 7 (10.0.112.0/20 minus .1, .3, … .49) opens 25 ranges: the 24 addresses between its excepts and the rest
    // of its /20 (its first address joins the tail of peer 6, whose ranges touch it).
    expect(added[7].message).toMatch(/^New connections: 10\.0\.112\.\d+-10\.0\.112\.\d+\[External\] may now reach shop\/web\[Deployment\] on TCP 80, and 24 more connections, because of ingress rule 0, peer 7 of/);
    expect(byRule(findings, 'connectivity-removed')).toHaveLength(1);
    expect(findings).toHaveLength(2 * (FOLD_AFTER + 1) + 1);
  });

  it('0.0.0.0/0 minus excepts, 50 times over: a widening to every address, reported at each peer', () => {
    const policy = ipBlockPolicy(everyAddressMinusExcepts(50, 25));
    const findings = check({ 'w.yaml': WORKLOAD, 'p.yaml': NARROW }, { 'w.yaml': WORKLOAD, 'p.yaml': policy });
    expect(byRule(findings, 'netpol-ipblock-widened').map((f) => f.location.line)).toEqual(linesWith(policy, '- ipBlock'));
    const [added] = byRule(findings, 'connectivity-added');
    // Together the peers admit every address (each one's excepts are in the others), so the workload is open to the world.
    expect(added.message).toContain('becomes reachable from 0.0.0.0/0');
    expect(added.severity).toBe('critical');
  });

  it('::/0 minus excepts is a widening of an IPv6 block', () => {
    const policy = ipBlockPolicy(everyIpv6AddressMinusExcepts(40, 25));
    const narrow = ipBlockPolicy([{ cidr: '2001:db8::/32', except: [] }]);
    const widened = byRule(check({ 'w.yaml': WORKLOAD, 'p.yaml': narrow }, { 'w.yaml': WORKLOAD, 'p.yaml': policy }), 'netpol-ipblock-widened');
    expect(widened.map((f) => f.location.line)).toEqual(linesWith(policy, '- ipBlock'));
    // The reverse is a narrowing: nothing widens.
    expect(byRule(check({ 'w.yaml': WORKLOAD, 'p.yaml': policy }, { 'w.yaml': WORKLOAD, 'p.yaml': ipBlockPolicy([{ cidr: '::/0', except: [] }]) }), 'netpol-ipblock-widened')).toHaveLength(0);
  });
});

describe('hostile allow-lists at moderate size', () => {
  const withList = (ranges: string[]) => ({ 'w.yaml': WORKLOAD, 'i.yaml': ingress(ROOT, { [ALLOW]: ranges.join(',') }) });
  const start = (10 << 24) + (1 << 16);

  it('2,048 /32s that together are the base /21 admit nothing new', () => {
    expect(byRule(check(withList(['10.1.0.0/21']), withList(consecutiveHosts(start, 2048).reverse())), 'nginx-allowlist-loosened')).toHaveLength(0);
  });

  it('one /32 past the /21 is reported, with the address', () => {
    const [finding, ...rest] = byRule(check(withList(['10.1.0.0/21']), withList(consecutiveHosts(start, 2049))), 'nginx-allowlist-loosened');
    expect(rest).toHaveLength(0);
    expect(finding.message).toContain('now admits 1 more address (10.1.8.0/32)');
  });

  it('2,000 scattered /32s against one of them: the other 1,999 are new', () => {
    const [finding] = byRule(check(withList(['10.0.0.0/32']), withList(scatteredHosts(2000))), 'nginx-allowlist-loosened');
    expect(finding.message).toContain('1,999 more addresses (10.0.0.2/32, 10.0.0.4/32, 10.0.0.6/32 and 1,996 more)');
  });
});

describe('hostile Ingress paths at moderate size', () => {
  const paths = manyPaths(2000);
  const text = ingress(paths);
  const routeLines = linesWith(text, '- {path:');

  it('a new Ingress with 2,000 paths: a new route at each line', () => {
    const { lines, total } = reported(check({ 'w.yaml': WORKLOAD }, { 'w.yaml': WORKLOAD, 'i.yaml': text }), 'ingress-new-route');
    // Every route is counted; the first FOLD_AFTER are findings and the folded finding quotes the next thousand.
    expect(total).toBe(routeLines.length);
    expect(lines).toEqual(routeLines.slice(0, lines.length));
    expect(lines.length).toBeGreaterThan(FOLD_AFTER + 500);
  });

  it('against a base Prefix /a1 to the same backend, only the paths it did not serve are new', () => {
    const { lines, total } = reported(check({ 'w.yaml': WORKLOAD, 'i.yaml': ingress([{ path: '/a1', pathType: 'Prefix' }]) }, { 'w.yaml': WORKLOAD, 'i.yaml': text }), 'ingress-new-route');
    // Prefix /a1 already sent /a1 and everything under it there; an ImplementationSpecific path may match more.
    const served = (p: (typeof paths)[number]) => (p.path === '/a1' || p.path.startsWith('/a1/')) && p.pathType !== 'ImplementationSpecific';
    const newLines = routeLines.filter((_, i) => !served(paths[i]));
    expect(total).toBe(newLines.length);
    expect(lines).toEqual(newLines.slice(0, lines.length));
    expect(total).toBeLessThan(2000);
  });
});

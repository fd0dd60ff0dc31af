import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { defaultConfig } from '../../src/config/config.js';
import type { Finding } from '../../src/findings/finding.js';
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

const NARROW = ipBlockPolicy([{ cidr: '192.0.2.0/24', except: [] }]);
const ALLOW = 'nginx.ingress.kubernetes.io/allowlist-source-range';
const ROOT = [{ path: '/', pathType: 'Prefix' as const }];

describe('hostile address sets at moderate size', () => {
  it('300 distinct blocks with 25 excepts each: every peer is a widening and a cause of new connectivity, at its own line', () => {
    const policy = ipBlockPolicy(distinctBlocks(300, 25));
    const findings = check({ 'w.yaml': WORKLOAD, 'p.yaml': NARROW }, { 'w.yaml': WORKLOAD, 'p.yaml': policy });
    const peerLines = linesWith(policy, '- ipBlock');
    expect(peerLines).toHaveLength(300);
    expect(byRule(findings, 'netpol-ipblock-widened').map((f) => f.location.line)).toEqual(peerLines);
    const added = byRule(findings, 'connectivity-added');
    expect(added.map((f) => f.location.line)).toEqual(peerLines);
    expect(added.map((f) => /peer (\d+) of/.exec(f.message)?.[1])).toEqual(peerLines.map((_, i) => String(i)));
    // Peer 7 (10.0.112.0/20 minus .1, .3, … .49) opens 25 ranges: the 24 addresses between its excepts and the rest
    // of its /20 (its first address joins the tail of peer 6, whose ranges touch it).
    expect(added[7].message).toMatch(/^10\.0\.112\.\d+-10\.0\.112\.\d+\[External\] may now reach shop\/web\[Deployment\] on TCP 80, and 24 more connections, because of ingress rule 0, peer 7 of/);
    expect(byRule(findings, 'connectivity-removed')).toHaveLength(1);
    expect(findings).toHaveLength(601);
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
    expect(finding.message).toContain('now admits 1 more address (10.1.8.0)');
  });

  it('2,000 scattered /32s against one of them: the other 1,999 are new', () => {
    const [finding] = byRule(check(withList(['10.0.0.0/32']), withList(scatteredHosts(2000))), 'nginx-allowlist-loosened');
    expect(finding.message).toContain('1,999 more addresses (10.0.0.2, 10.0.0.4, 10.0.0.6, … (1999 ranges))');
  });
});

describe('hostile Ingress paths at moderate size', () => {
  const paths = manyPaths(2000);
  const text = ingress(paths);
  const routeLines = linesWith(text, '- {path:');

  it('a new Ingress with 2,000 paths: a new route at each line', () => {
    const findings = byRule(check({ 'w.yaml': WORKLOAD }, { 'w.yaml': WORKLOAD, 'i.yaml': text }), 'ingress-new-route');
    expect(findings.map((f) => f.location.line)).toEqual(routeLines);
  });

  it('against a base Prefix /a1 to the same backend, only the paths it did not serve are new', () => {
    const findings = byRule(check({ 'w.yaml': WORKLOAD, 'i.yaml': ingress([{ path: '/a1', pathType: 'Prefix' }]) }, { 'w.yaml': WORKLOAD, 'i.yaml': text }), 'ingress-new-route');
    // Prefix /a1 already sent /a1 and everything under it there; an ImplementationSpecific path may match more.
    const served = (p: (typeof paths)[number]) => (p.path === '/a1' || p.path.startsWith('/a1/')) && p.pathType !== 'ImplementationSpecific';
    expect(findings.map((f) => f.location.line)).toEqual(routeLines.filter((_, i) => !served(paths[i])));
    expect(findings.length).toBeLessThan(2000);
  });
});

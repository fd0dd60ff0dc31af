import { sameChangeMessage } from '../../findings/causes.js';
import type { Finding } from '../../findings/finding.js';
import { identityKey } from '../../model/identity.js';

/** Semantic findings: what a change opens. Their syntactic counterparts: what was edited (netpol-*, ingress-*). */
const SEMANTIC = new Set(['connectivity-added', 'workload-unisolated', 'exposure-added', 'tier-cross-connectivity']);
const SYNTACTIC = /^(netpol|ingress)-/;

/**
 * When a semantic finding and a syntactic one are about the same object at the same lines (the peer that now
 * admits 0.0.0.0/0 and its widened ipBlock; the deleted policy and the isolation it took away), each names the
 * other in `related`, so a reviewer reads them as one change. Both stay: both rule ids are public interface.
 */
export function linkSameCause(findings: readonly Finding[]): void {
  // By object and file, in line order: a policy of 10,000 peers has a finding at each on both sides, and testing
  // every pair of them is quadratic.
  const syntactic = new Map<string, { byLine: Finding[]; reach: number[] }>();
  for (const f of findings) {
    const key = placeKey(f);
    if (!SYNTACTIC.test(f.ruleId) || key === undefined) continue;
    const group = syntactic.get(key);
    if (group) group.byLine.push(f);
    else syntactic.set(key, { byLine: [f], reach: [] });
  }
  for (const group of syntactic.values()) {
    group.byLine.sort((a, b) => a.location.line - b.location.line);
    // reach[i]: the last line any of the first i + 1 findings covers, so a backward scan knows when to stop.
    let reach = 0;
    group.reach = group.byLine.map((f) => (reach = Math.max(reach, f.location.endLine)));
  }
  const order = new Map(findings.map((f, i) => [f, i]));
  for (const semantic of findings) {
    const key = placeKey(semantic);
    if (!SEMANTIC.has(semantic.ruleId) || key === undefined) continue;
    const group = syntactic.get(key);
    if (!group) continue;
    const { line, endLine } = semantic.location;
    const overlapping: Finding[] = [];
    for (let i = lastStartingBy(group.byLine, endLine); i >= 0 && group.reach[i] >= line; i--) {
      if (group.byLine[i].location.endLine >= line) overlapping.push(group.byLine[i]);
    }
    // In the order of the findings, as a reader meets them.
    for (const other of overlapping.sort((a, b) => order.get(a)! - order.get(b)!)) {
      relate(semantic, other, sameChangeMessage(other.ruleId));
      relate(other, semantic, sameChangeMessage(semantic.ruleId));
    }
  }
}

/** The object (group, kind, namespace, name) and the file and side of a finding; undefined without an object. */
function placeKey(f: Finding): string | undefined {
  return f.resource && JSON.stringify([identityKey(f.resource), f.location.side, f.location.path]);
}

/** The index of the last finding (sorted by line) that starts at or before `line`; -1 when none does. */
function lastStartingBy(byLine: readonly Finding[], line: number): number {
  let lo = 0;
  let hi = byLine.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byLine[mid].location.line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function relate(finding: Finding, to: Finding, message: string): void {
  const { path, line, endLine, side } = to.location;
  if (finding.related.some((r) => r.path === path && r.line === line && r.side === side && r.message === message)) return;
  finding.related.push({ path, line, endLine, side, message });
}

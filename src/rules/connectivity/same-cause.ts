import type { Finding, FindingLocation } from '../../findings/finding.js';
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
  const syntactic = findings.filter((f) => SYNTACTIC.test(f.ruleId));
  if (syntactic.length === 0) return;
  for (const semantic of findings) {
    if (!SEMANTIC.has(semantic.ruleId)) continue;
    for (const other of syntactic) {
      if (!sameResource(semantic, other) || !overlaps(semantic.location, other.location)) continue;
      relate(semantic, other, `the same change, reported by ${other.ruleId}`);
      relate(other, semantic, `the same change, reported by ${semantic.ruleId}`);
    }
  }
}

function sameResource(a: Finding, b: Finding): boolean {
  return !!a.resource && !!b.resource && identityKey(a.resource) === identityKey(b.resource);
}

function overlaps(a: FindingLocation, b: FindingLocation): boolean {
  return a.side === b.side && a.path === b.path && a.line <= b.endLine && b.line <= a.endLine;
}

function relate(finding: Finding, to: Finding, message: string): void {
  const { path, line, endLine, side } = to.location;
  if (finding.related.some((r) => r.path === path && r.line === line && r.side === side && r.message === message)) return;
  finding.related.push({ path, line, endLine, side, message });
}

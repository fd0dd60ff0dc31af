import { code } from '../../findings/code-span.js';
import { IpSet } from '../../model/ip-set.js';
import { formatLiteral, type Conjunct, type MatchLiteral } from '../../model/traefik.js';
import { hostCovers } from '../ingress/hosts.js';

/**
 * Which requests a Traefik rule admits, compared conjunction by conjunction (the rule in disjunctive normal form).
 * `A` covers `B` when every request B admits, A admits too. Host wildcards match one label (as for Ingress);
 * PathPrefix is Traefik's plain string prefix (`/api` admits `/apix`), so `/api/` → `/api` admits more. Regexp
 * matchers only cover an identical regexp, except the match-everything ones.
 */

const EVERYTHING_REGEXP = /^\^?(\{[A-Za-z0-9_]+:)?\.[*+]\}?\$?$/;

/** A matcher that every request satisfies: `Host(`*`)`-like and `PathPrefix(`/`)`-like ones. */
export function isTrivial(literal: MatchLiteral): boolean {
  if (literal.negated) return false;
  const [arg] = literal.args;
  switch (literal.name) {
    case 'Host':
      return arg === '*';
    case 'PathPrefix':
      return arg === '/' || arg === '';
    case 'HostRegexp':
    case 'PathRegexp':
      return EVERYTHING_REGEXP.test(arg);
    default:
      return false;
  }
}

function sameLiteral(a: MatchLiteral, b: MatchLiteral): boolean {
  if (a.name !== b.name || a.negated !== b.negated || a.args.length !== b.args.length) return false;
  const fold = a.name === 'Host' || a.name === 'Method';
  return a.args.every((x, i) => (fold ? x.toLowerCase() === b.args[i].toLowerCase() : x === b.args[i]));
}

/** Every request satisfying `inner` satisfies `outer`. */
function literalImplies(inner: MatchLiteral, outer: MatchLiteral): boolean {
  if (isTrivial(outer)) return true;
  if (sameLiteral(inner, outer)) return true;
  if (inner.negated !== outer.negated) return false;
  // !X implies !Y exactly when Y implies X.
  if (inner.negated) return literalImplies({ ...outer, negated: false }, { ...inner, negated: false });
  const [i] = inner.args;
  const [o] = outer.args;
  if (outer.name === 'Host' && inner.name === 'Host') return hostCovers(o, i);
  if (outer.name === 'PathPrefix' && (inner.name === 'PathPrefix' || inner.name === 'Path')) return i.startsWith(o);
  if (outer.name === 'ClientIP' && inner.name === 'ClientIP') {
    const a = IpSet.fromCidr(i);
    return !a.isEmpty() && a.isSubsetOf(IpSet.fromCidr(o));
  }
  return false;
}

/** Every request admitted by `inner` is admitted by `outer`. */
export function conjunctCovers(outer: Conjunct, inner: Conjunct): boolean {
  return outer.every((o) => inner.some((i) => literalImplies(i, o)) || isTrivial(o));
}

export function conjunctBroader(head: Conjunct, base: Conjunct): boolean {
  return conjunctCovers(head, base) && !conjunctCovers(base, head);
}

const HOST = new Set(['Host', 'HostRegexp']);
const PATH = new Set(['Path', 'PathPrefix', 'PathRegexp']);

/** What `head` no longer requires of `base`'s requests, in words: why it admits more. */
export function broadeningReasons(head: Conjunct, base: Conjunct): string[] {
  const reasons: string[] = [];
  for (const b of base) {
    if (head.some((h) => literalImplies(h, b))) continue;
    const family = HOST.has(b.name) ? HOST : PATH.has(b.name) ? PATH : undefined;
    const replacement = family ? head.find((h) => family.has(h.name) && !h.negated && literalImplies(b, h)) : undefined;
    const narrowedExclusion = b.negated ? head.find((h) => h.negated && literalImplies(b, h)) : undefined;
    if (narrowedExclusion) reasons.push(`the exclusion ${code(formatLiteral(b))} was narrowed to ${code(formatLiteral(narrowedExclusion))}`);
    else if (b.negated) reasons.push(`the exclusion ${code(formatLiteral(b))} was dropped`);
    else if (replacement && isTrivial(replacement)) reasons.push(`${code(formatLiteral(b))} became ${code(formatLiteral(replacement))}, which matches everything`);
    else if (replacement && family === HOST) reasons.push(`${code(formatLiteral(b))} was widened to ${code(formatLiteral(replacement))}`);
    else if (replacement) reasons.push(`${code(formatLiteral(b))} was shortened to ${code(formatLiteral(replacement))}`);
    else if (family === HOST && !head.some((h) => HOST.has(h.name) && !h.negated)) reasons.push(`the Host matcher ${code(formatLiteral(b))} was removed, so every host matches`);
    else reasons.push(`${code(formatLiteral(b))} is no longer required`);
  }
  return reasons;
}

const UNDECIDABLE = new Set(['HostRegexp', 'PathRegexp', 'HeaderRegexp', 'QueryRegexp', 'HostSNIRegexp']);

/** Whether coverage between these conjunctions is decided exactly (regexps are only compared as text). */
export function decidable(...conjuncts: Conjunct[]): boolean {
  return conjuncts.every((c) => c.every((l) => !UNDECIDABLE.has(l.name) || isTrivial(l)));
}

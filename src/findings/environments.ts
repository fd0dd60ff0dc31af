import { fingerprintOf, type Finding } from './finding.js';
import { severityRank } from './severity.js';

/**
 * One source line that causes the same finding in several render targets is one finding naming them all ("In dev
 * (overlays/dev), prod (overlays/prod): ..."): a base that widens an ipBlock opens dev and prod, and the reviewer
 * reads one comment on that line, not one per environment. Runs after suppressions were judged per object, so a
 * suppression in one environment's object never silences another's: findings in a different suppression state are
 * never merged. The merged finding keeps every environment's object and message (`resource.environments`,
 * `details`) and the highest severity among them.
 *
 * Every rendered finding gets a fingerprint that does not name its environments or their objects (dev's object
 * carries dev's namespace and prefix): the finding an environment added later joins keeps its review comment.
 * `findings` must be in reporting order; the merged finding takes the place of its first environment's.
 */
export function mergeEnvironments(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[][]>();
  const byFinding = new Map<Finding, { bucket: Finding[]; change: string; ordinal: number }>();
  const seen = new Map<string, number>();
  for (const f of findings) {
    if (f.resource?.scope === undefined) continue;
    const change = sameChange(f);
    const { ruleId, location, resource } = f;
    // The same change said twice in one environment's file (two policies of a base widened alike): the first, the
    // second... in line order, so that their fingerprints differ without naming a line.
    const within = JSON.stringify([resource.scope, ruleId, resource.group, resource.kind, location.side, location.path, change]);
    const ordinal = seen.get(within) ?? 0;
    seen.set(within, ordinal + 1);
    const key = JSON.stringify([ruleId, location.side, location.path, location.line, location.endLine, resource.group, resource.kind,
      f.suppressed ? 'suppressed' : f.proposedSuppression ? 'proposed' : '', change]);
    const buckets = groups.get(key) ?? [];
    groups.set(key, buckets);
    // Two findings of one environment are two changes: each joins the first bucket its environment is not in yet.
    let bucket = buckets.find((b) => !b.some((other) => other.resource!.scope === resource.scope));
    if (!bucket) buckets.push((bucket = []));
    bucket.push(f);
    byFinding.set(f, { bucket, change, ordinal });
  }
  const kept: Finding[] = [];
  for (const f of findings) {
    const entry = byFinding.get(f);
    if (!entry) kept.push(f);
    else if (entry.bucket[0] === f) kept.push(merged(entry.bucket, entry.change, entry.ordinal));
  }
  return kept;
}

/**
 * `namespace/name` references: an overlay's namespace and namePrefix rename every object it renders (`shop-dev/dev-admin`
 * in dev is `shop-prod/admin` in prod). A namespace has a letter, so an address block (`10.0.0.0/8`) is not one.
 */
const REFERENCE = /(?<![\w./-])(?=[a-z0-9-]*[a-z])[a-z0-9](?:[-a-z0-9]*[a-z0-9])?\/[a-z0-9](?:[-.a-z0-9]*[a-z0-9])?/g;

/** What the finding says, its environment and the objects' names taken out: equal in every environment the change reaches. */
function sameChange(f: Finding): string {
  const { environment, namespace, name } = f.resource!;
  let text = f.message;
  if (environment !== undefined) text = text.replace(`In ${environment}: `, '').split(` in ${environment}`).join('');
  text = text.replace(REFERENCE, '<object>');
  for (const [word, placeholder] of [[name, '<name>'], [namespace, '<namespace>']]) {
    if (word !== '') text = text.replace(new RegExp(`(?<![\\w./-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w./-])`, 'g'), placeholder);
  }
  return text;
}

function merged(bucket: Finding[], change: string, ordinal: number): Finding {
  const [first] = bucket;
  const resource = first.resource!;
  const fingerprint = fingerprintOf(first.ruleId, undefined, ['rendered', resource.group, resource.kind, first.location.side, first.location.path, change, ordinal].join('\0'));
  if (bucket.length === 1) return { ...first, fingerprint };
  const environments = bucket.map((f) => f.resource!);
  const severity = bucket.reduce((top, f) => (severityRank(f.severity) > severityRank(top) ? f.severity : top), first.severity);
  const own = first.message.replace(`In ${resource.environment}: `, '').split(` in ${resource.environment}`).join('');
  const others = bucket.slice(1).filter((f) => f.resource!.name !== resource.name || f.resource!.namespace !== resource.namespace)
    .map((f) => `${f.resource!.namespace ? `${f.resource!.namespace}/` : ''}${f.resource!.name} in ${f.resource!.environment}`);
  const each = bucket.map((f) => f.message).join('\n');
  const edges = [...new Map(bucket.flatMap((f) => f.edges ?? []).map((e) => [JSON.stringify(e), e])).values()];
  return {
    ...first,
    severity,
    message: `In ${environments.map((e) => e.environment).join(', ')}: ${own}${others.length > 0 ? ` The same holds for ${others.join(', ')}.` : ''}`,
    resource: { ...resource, environments },
    fingerprint,
    details: first.details === undefined ? each : `${first.details}\n\n${each}`,
    ...(edges.length > 0 ? { edges } : {}),
  };
}

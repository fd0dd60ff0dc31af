import { isObject } from './json.js';

/**
 * A Kubernetes label selector as a logical object. Each key constrains the label's value to a set over
 * "every string, or the label being absent" (⊥). The set is finite (In, DoesNotExist) or cofinite
 * (NotIn, Exists: every value but a few), so intersections and inclusion are exact.
 */
export interface ValueSet {
  /** true: the set is everything EXCEPT `values`; false: exactly `values`. */
  complement: boolean;
  /** Label values; ABSENT stands for "label not set". */
  values: Set<string>;
}

export const ABSENT = '\u0000absent';

export interface LabelSelector {
  /** Keys with a constraint; a key not here is unconstrained. */
  constraints: Map<string, ValueSet>;
  /** The selector was malformed (unknown operator, bad values): treated as selecting nothing, as the API would reject it. */
  invalid?: string;
}

export const EVERYTHING: LabelSelector = { constraints: new Map() };

/**
 * Parses `{matchLabels, matchExpressions}`; absent or `{}` selects everything. Selectors are immutable and
 * repositories repeat a few of them in every policy (`{app: web}`, the kube-system namespace): equal texts share
 * one parsed selector.
 */
export function parseSelector(raw: unknown): LabelSelector {
  if (!isObject(raw)) return parseSelectorUncached(raw);
  const text = JSON.stringify(raw);
  let selector = parsedSelectors.get(text);
  if (!selector) {
    // Bounded, so hostile input with endless distinct selectors cannot grow it without limit.
    if (parsedSelectors.size >= 10_000) parsedSelectors.clear();
    parsedSelectors.set(text, (selector = parseSelectorUncached(raw)));
  }
  return selector;
}

const parsedSelectors = new Map<string, LabelSelector>();

function parseSelectorUncached(raw: unknown): LabelSelector {
  const constraints = new Map<string, ValueSet>();
  if (raw === undefined || raw === null) return { constraints };
  if (!isObject(raw)) return { constraints, invalid: 'selector is not an object' };
  if (raw.matchLabels !== undefined && raw.matchLabels !== null) {
    if (!isObject(raw.matchLabels)) return { constraints, invalid: 'matchLabels is not a map' };
    for (const [key, value] of Object.entries(raw.matchLabels)) addConstraint(constraints, key, { complement: false, values: new Set([String(value)]) });
  }
  if (raw.matchExpressions !== undefined && raw.matchExpressions !== null) {
    if (!Array.isArray(raw.matchExpressions)) return { constraints, invalid: 'matchExpressions is not a list' };
    for (const expression of raw.matchExpressions) {
      if (!isObject(expression) || typeof expression.key !== 'string') return { constraints, invalid: 'a matchExpression has no key' };
      const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
      switch (expression.operator) {
        case 'In':
          if (values.length === 0) return { constraints, invalid: `In on "${expression.key}" needs values` };
          addConstraint(constraints, expression.key, { complement: false, values: new Set(values) });
          break;
        case 'NotIn':
          if (values.length === 0) return { constraints, invalid: `NotIn on "${expression.key}" needs values` };
          addConstraint(constraints, expression.key, { complement: true, values: new Set(values) });
          break;
        case 'Exists':
        case 'DoesNotExist':
          // The API server rejects values on these operators rather than ignoring them.
          if (values.length > 0) return { constraints, invalid: `${expression.operator} on "${expression.key}" takes no values` };
          addConstraint(constraints, expression.key, { complement: expression.operator === 'Exists', values: new Set([ABSENT]) });
          break;
        default:
          return { constraints, invalid: `unknown operator "${String(expression.operator)}"` };
      }
    }
  }
  return { constraints };
}

/** Module-level rather than a closure per call: selectors are parsed for every policy of both sides. */
function addConstraint(constraints: Map<string, ValueSet>, key: string, set: ValueSet): void {
  const existing = constraints.get(key);
  constraints.set(key, existing ? intersect(existing, set) : set);
}

function intersect(a: ValueSet, b: ValueSet): ValueSet {
  if (!a.complement && !b.complement) return { complement: false, values: new Set([...a.values].filter((v) => b.values.has(v))) };
  if (a.complement && b.complement) return { complement: true, values: new Set([...a.values, ...b.values]) };
  const [finite, cofinite] = a.complement ? [b, a] : [a, b];
  return { complement: false, values: new Set([...finite.values].filter((v) => !cofinite.values.has(v))) };
}

/** The selector matching the label sets both match. */
export function intersectSelectors(a: LabelSelector, b: LabelSelector): LabelSelector {
  const constraints = new Map(a.constraints);
  for (const [key, set] of b.constraints) addConstraint(constraints, key, set);
  const invalid = a.invalid ?? b.invalid;
  return invalid === undefined ? { constraints } : { constraints, invalid };
}

function isEmptySet(set: ValueSet): boolean {
  return !set.complement && set.values.size === 0;
}

function isSubsetSet(a: ValueSet, b: ValueSet): boolean {
  if (!a.complement && !b.complement) return [...a.values].every((v) => b.values.has(v));
  if (!a.complement && b.complement) return [...a.values].every((v) => !b.values.has(v));
  if (a.complement && b.complement) return [...b.values].every((v) => a.values.has(v));
  return false; // cofinite ⊄ finite
}

/** Whether the selector can match no label set at all (e.g. `app In [a]` and `app NotIn [a]`). */
export function selectsNothing(selector: LabelSelector): boolean {
  return selector.invalid !== undefined || [...selector.constraints.values()].some(isEmptySet);
}

export function selectsEverything(selector: LabelSelector): boolean {
  return !selector.invalid && [...selector.constraints.values()].every((set) => set.complement && set.values.size === 0);
}

/** Every label set matched by `a` is matched by `b`. */
export function isSubsetOf(a: LabelSelector, b: LabelSelector): boolean {
  if (selectsNothing(a)) return true;
  if (selectsNothing(b)) return false;
  for (const [key, setB] of b.constraints) {
    const setA = a.constraints.get(key) ?? { complement: true, values: new Set<string>() };
    if (!isSubsetSet(setA, setB)) return false;
  }
  return true;
}

export type SelectorRelation = 'equal' | 'superset' | 'subset' | 'incomparable';

/** How `after` relates to `before`: `superset` means it now selects more. */
export function compareSelectors(before: LabelSelector, after: LabelSelector): SelectorRelation {
  const afterInBefore = isSubsetOf(after, before);
  const beforeInAfter = isSubsetOf(before, after);
  if (afterInBefore && beforeInAfter) return 'equal';
  if (beforeInAfter) return 'superset';
  if (afterInBefore) return 'subset';
  return 'incomparable';
}

/** Whether a concrete label set is matched. */
export function matches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  if (selector.invalid) return false;
  for (const [key, set] of selector.constraints) {
    const value = Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : ABSENT;
    if (set.values.has(value) === !set.complement) continue;
    return false;
  }
  return true;
}

/** Human form for messages: `{app: ledger, tier In (a, b)}`; `{}` for everything. */
export function describeSelector(selector: LabelSelector): string {
  const parts: string[] = [];
  for (const [key, set] of [...selector.constraints].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const values = [...set.values].filter((v) => v !== ABSENT).sort();
    const hasAbsent = set.values.has(ABSENT);
    if (!set.complement && values.length === 1 && !hasAbsent) parts.push(`${key}: ${values[0]}`);
    else if (!set.complement && values.length === 0 && hasAbsent) parts.push(`!${key}`);
    else if (set.complement && values.length === 0 && hasAbsent) parts.push(key);
    else if (set.complement && values.length === 0) continue;
    else parts.push(`${key} ${set.complement ? 'NotIn' : 'In'} (${values.join(', ')})${set.complement && hasAbsent ? ' and set' : ''}`);
  }
  return `{${parts.join(', ')}}`;
}

/** Whether some label set is matched by both selectors. */
export function overlaps(a: LabelSelector, b: LabelSelector): boolean {
  if (selectsNothing(a) || selectsNothing(b)) return false;
  for (const [key, setB] of b.constraints) {
    const setA = a.constraints.get(key);
    if (setA && isEmptySet(intersect(setA, setB))) return false;
  }
  return true;
}

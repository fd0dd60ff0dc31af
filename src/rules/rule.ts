import type { SegguardConfig } from '../config/config.js';
import type { FieldPath } from '../model/field-path.js';
import type { Model } from '../model/load.js';
import type { Resource } from '../model/resource.js';
import type { FindingEdge, Side } from '../findings/finding.js';
import type { Trees } from '../sources/census.js';
import type { Severity } from '../findings/severity.js';

/** A base resource and the head resource with the same identity; one of them is missing for a delete or an add. */
export interface ResourcePair {
  key: string;
  before?: Resource;
  after?: Resource;
}

/** A place in one side of the change: a resource and a field of it. */
export interface Place {
  resource: Resource;
  path?: FieldPath;
  side: Side;
}

export interface ReportInput {
  message: string;
  /** Where the finding is shown. Head-side for what the PR adds; base-side for what it removes. */
  at: Place;
  /** Overrides the rule's default severity for this finding (e.g. the critical case of a high rule). */
  severity?: Severity;
  /**
   * What makes this finding distinct from other findings of the same rule on the same resource (a field path,
   * a peer, a host): part of the fingerprint, so it must not contain line numbers.
   */
  key: string;
  related?: (Place & { message: string })[];
  details?: string;
  edges?: FindingEdge[];
}

export interface DiffContext {
  base: Model;
  head: Model;
  /** Pairs whose objects differ (added, deleted or changed), in identity order. Unchanged objects are left out. */
  changed: ResourcePair[];
  report(input: ReportInput): void;
  /** Adds a line to the summary (e.g. which analysis mode was used); repeated lines are shown once. */
  note?(text: string): void;
  /** The run's configuration, for rules with settings of their own (e.g. `tiers`). */
  config?: SegguardConfig;
  /** How each side was read, when an adapter read trees (not when files are handed in directly). */
  trees?: Trees;
  /** For findings not tied to a resource (e.g. a side that read no file). */
  reportAt?(input: { message: string; path: string; line: number; key: string; side: Side }): void;
  /** `audit`: the head is one tree's state, compared with an empty base; absent: a pull request. */
  mode?: AnalysisMode;
}

export interface StateContext {
  model: Model;
  side: Side;
  /**
   * The objects of this side that are not the very same decoded object on the other side (all of them in audit mode):
   * an object whose file moved or was reformatted is the same object on both sides.
   * A rule whose findings depend on one object alone may look at these only: an object both sides share yields the
   * same findings on both, and only the head's findings that base does not have are reported.
   */
  changedResources: readonly Resource[];
  report(input: ReportInput): void;
  /** For findings not tied to a resource (e.g. a file that cannot be parsed). */
  reportAt(input: { message: string; path: string; line: number; key: string }): void;
  config?: SegguardConfig;
}

/**
 * `pr`: comparing a change's base and head (the default). `audit`: reporting the state of one tree, run as a
 * comparison against an empty base, so a diff rule that makes sense on one state ("a snippet annotation exists")
 * only has to say so in its `modes`.
 */
export type AnalysisMode = 'pr' | 'audit';

interface RuleMeta {
  id: string;
  severity: Severity;
  /** One sentence: what regression the rule reports. */
  description: string;
  /** The modes the rule runs in; absent means `['pr']`. */
  modes?: readonly AnalysisMode[];
}

/**
 * `diff` rules compare base and head and report what the head allows that the base did not.
 * `state` rules look at one side (e.g. an object the API server would reject): they run on both sides, and only
 * the head findings whose fingerprint the base does not have are reported, so pre-existing problems stay quiet.
 */
export type Rule =
  | (RuleMeta & { kind: 'diff'; check(context: DiffContext): void })
  | (RuleMeta & { kind: 'state'; check(context: StateContext): void });

export function defineRule<R extends Rule>(rule: R): R {
  return rule;
}

export function docsPathOf(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

/**
 * A `report` that drops repeats: one finding per resource and key, when several paths of a rule's analysis
 * reach the same conclusion (e.g. every router behind one changed Middleware).
 */
export function reportOnce(report: (input: ReportInput) => void): (input: ReportInput) => void {
  const seen = new Set<string>();
  return (input) => {
    const id = `${input.at.resource.key} ${input.key}`;
    if (seen.has(id)) return;
    seen.add(id);
    report(input);
  };
}

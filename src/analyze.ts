import { defaultConfig, type SegguardConfig } from './config/config.js';
import { fingerprintOf, type Finding, type FindingLocation, type Side } from './findings/finding.js';
import { SEVERITIES, type Severity } from './findings/severity.js';
import { addedSuppressionsNote, judgeSuppressions, proposalNote, type SuppressionApproval } from './findings/suppression.js';
import { deepEqual } from './model/json.js';
import { loadSnapshot, ParseCache, type Model, type RenderedSnapshot, type SourceFile } from './model/load.js';
import type { Resource } from './model/resource.js';
import { exposureChange, readByExposureMap, type ExposureChange } from './semantics/exposure-map.js';
import { mergeEnvironments } from './findings/environments.js';
import { foldFloods } from './findings/fold.js';
import { linkSameCause } from './rules/connectivity/same-cause.js';
import { silentSides } from './rules/manifest/manifest-none-read.js';
import type { TreeCensus, Trees } from './sources/census.js';
import { rulesFor } from './rules/index.js';
import type { AnalysisMode, Place, ReportInput, ResourcePair, Rule } from './rules/rule.js';

/** The manifest files of one side of a change (path → content). */
export type Snapshot = Iterable<SourceFile>;

export interface AnalysisSummary {
  /** Unsuppressed findings by severity. */
  counts: Record<Severity, number>;
  suppressed: number;
  /** Counted findings (in `counts`) that carry a suppression the change proposes, not applied. */
  proposed: number;
  files: { base: number; head: number };
  resources: { base: number; head: number };
  /** Lines rules added to the summary (DiffContext.note), e.g. the connectivity analysis mode. */
  notes?: string[];
  /** Set by audit(): the findings describe one tree's state, not a change (reports word it so). */
  mode?: 'audit';
  /** Set when a side was rendered: the render targets of each side and the tools that rendered them (`kustomize v5.6.0`). */
  render?: { tools: string[]; targets: { base: number; head: number } };
  /** How the change alters the exposure map (entry points added, removed, changed); absent when it does not. */
  exposure?: ExposureChange;
  /**
   * What every output must say even when no finding does, e.g. a side that read no manifest file although its
   * tree has files (manifest-none-read); set whatever the rules' configuration.
   */
  warnings?: string[];
}

export interface AnalysisResult {
  /** Every finding, suppressed ones included (they carry `suppressed`), sorted by file, line and rule. */
  findings: Finding[];
  summary: AnalysisSummary;
  base: Model;
  head: Model;
}

export interface AnalyzeOptions {
  /**
   * Whether `suppressions.approvers` approved the change's current head, as the adapter read it from the pull
   * request. Absent: nothing the change proposes is approved.
   */
  approval?: SuppressionApproval;
  /**
   * `pr` (default): a change, judged against its base (suppressions too). `audit`: one tree's state, whose own
   * suppressions hold and where no connectivity change is computed.
   */
  mode?: AnalysisMode;
  /** How the adapter read each side, so that a side that read nothing is reported (manifest-none-read). */
  trees?: Trees;
  /** The render stage's output for each side (src/render), analyzed with the plain files. */
  rendered?: { base?: RenderedSnapshot; head?: RenderedSnapshot };
}

/**
 * The pure core: what the head allows that the base did not. No network, filesystem, clock or environment:
 * every adapter (CLI, Action, App) gathers the files (and the approvals) and hands them in.
 */
export function analyze(base: Snapshot, head: Snapshot, config: SegguardConfig = defaultConfig(), rules: readonly Rule[] = rulesFor('pr'),
  options: AnalyzeOptions = {}): AnalysisResult {
  const { baseModel, headModel } = loadSides(base, head, config, options);
  return analyzeModels(baseModel, headModel, config, rules, options);
}

/**
 * Both sides through one ParseCache, which no longer exists once they are loaded: it holds every text's decoding
 * (a sixth of the loaded memory), which the analysis does not need.
 */
function loadSides(base: Snapshot, head: Snapshot, config: SegguardConfig, options: AnalyzeOptions): { baseModel: Model; headModel: Model } {
  const cache = new ParseCache();
  const loadOptions = { maxFileBytes: config.maxFileBytes };
  const rendered = comparable(options.rendered);
  // The head first: a rendered object the change deletes is located in the head's tree (the line that deleted it).
  const headModel = loadSnapshot(head, loadOptions, cache, rendered.head, { rendered: rendered.base });
  const baseModel = loadSnapshot(base, loadOptions, cache, rendered.base, { rendered: rendered.head, model: headModel });
  return { baseModel, headModel };
}

/**
 * A target that failed to render on one side is left out on both: its objects are not analyzed (render-failed says
 * so), rather than all reported as deleted or added.
 */
export function comparable(rendered: AnalyzeOptions['rendered']): { base?: RenderedSnapshot; head?: RenderedSnapshot } {
  const failed = new Set([...(rendered?.base?.failures ?? []), ...(rendered?.head?.failures ?? [])].map((f) => f.target.path));
  if (failed.size === 0) return rendered ?? {};
  const skip = (side: RenderedSnapshot | undefined) => side && { ...side, skip: failed };
  return { base: skip(rendered?.base), head: skip(rendered?.head) };
}

/**
 * Audit mode: the state of one tree (push, schedule, `segguard audit`). It is the comparison of the tree with an
 * empty base, run with the rules that declare the `audit` mode.
 */
export function audit(head: Snapshot, config: SegguardConfig = defaultConfig(), tree?: TreeCensus, rendered?: RenderedSnapshot): AnalysisResult {
  const result = analyze([], head, config, rulesFor('audit'), { mode: 'audit', ...(tree ? { trees: { head: tree } } : {}), ...(rendered ? { rendered: { head: rendered } } : {}) });
  result.summary.mode = 'audit';
  return result;
}

export function analyzeModels(base: Model, head: Model, config: SegguardConfig = defaultConfig(), rules: readonly Rule[] = rulesFor('pr'),
  options: AnalyzeOptions = {}): AnalysisResult {
  const mode = options.mode ?? 'pr';
  const notes = new Set<string>();
  const changed = changedPairs(base, head);
  const unique = distinct(environmentViews(base, head).flatMap((view) =>
    ruleFindings(view.base, view.head, view.base === base && view.head === head ? changed : changedPairs(view.base, view.head), config, rules, options, notes)));
  const added = mode === 'pr' ? addedSuppressionsNote(base, head) : undefined;
  if (added) notes.add(added);
  const proposals = proposalNote(unique, config.suppressions?.approvers ?? [], options.approval);
  if (proposals) notes.add(proposals);
  unique.sort(compareFindings);
  const { findings: kept, note: foldNote } = foldFloods(unique);
  if (foldNote) notes.add(foldNote);
  linkSameCause(kept);
  // After the views are merged: one source line that changes several environments is one finding naming them.
  const reported = mergeEnvironments(kept);
  const summary = summarize(reported, base, head);
  if (notes.size > 0) summary.notes = [...notes];
  const warnings = silentSides(options.trees).map((s) => s.message);
  if (warnings.length > 0) summary.warnings = warnings;
  const exposure = changed.some((pair) => [pair.before, pair.after].some((r) => r !== undefined && readByExposureMap(r))) ? exposureChange(base, head) : undefined;
  if (exposure) summary.exposure = exposure;
  const render = renderSummary(base, head);
  if (render) {
    summary.render = render;
    (summary.notes ??= []).push(`rendered ${render.targets.head} target${render.targets.head === 1 ? '' : 's'} (base ${render.targets.base}) with ${render.tools.join(', ') || 'no tool'}`);
  }
  return { findings: reported, summary, base, head };
}

/** The findings of the rules on one view of the change (suppressions judged on the objects of that view). */
function ruleFindings(base: Model, head: Model, changed: ResourcePair[], config: SegguardConfig, rules: readonly Rule[], options: AnalyzeOptions,
  notes: Set<string>): Finding[] {
  const mode = options.mode ?? 'pr';
  // An object the other side has as the very same decoded object (identical text, moved or reformatted) is no change:
  // a state rule's findings depend on the object alone, so its findings there are those the other side has.
  const changedOnBase = once(() => base.resources.filter((r) => head.byKey.get(r.key)?.object !== r.object));
  const changedOnHead = once(() => head.resources.filter((r) => base.byKey.get(r.key)?.object !== r.object));
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = config.rules[rule.id];
    if (setting && !setting.enabled) continue;
    const severityOverride = setting?.severity;
    if (rule.kind === 'diff') {
      const collected: Finding[] = [];
      rule.check({
        base, head, changed, config, trees: options.trees, mode,
        report: (input) => collected.push(toFinding(rule, input, severityOverride)),
        reportAt: ({ side, ...at }) => collected.push(findingAt(rule, at, side, severityOverride)),
        note: (text) => notes.add(text),
      });
      // A loop, not push(...): spreading 100,000 findings overflows the call stack.
      for (const f of collected) findings.push(f);
    } else {
      const onSide = (model: Model, side: Side): Finding[] => {
        const collected: Finding[] = [];
        rule.check({
          model, side, config, changedResources: side === 'base' ? changedOnBase() : changedOnHead(),
          report: (input) => collected.push(toFinding(rule, input, severityOverride)),
          reportAt: (at) => collected.push(findingAt(rule, at, side, severityOverride)),
        });
        return collected;
      };
      const before = new Set(onSide(base, 'base').map((f) => f.fingerprint));
      for (const f of onSide(head, 'head')) if (!before.has(f.fingerprint)) findings.push(f);
    }
  }
  judgeSuppressions(findings, base, head, mode === 'audit' ? 'tree' : 'change', options.approval);
  return findings;
}

/**
 * The clusters a change is analyzed as. Render targets of different environments (overlays/dev and overlays/prod,
 * or two charts) are usually different clusters, or at least not one pod network: analyzed together, dev's default
 * deny would isolate prod's pods of the same namespace and labels, and hide that prod lost its own. So each
 * environment (the targets of one name) is a view of its own objects and the plain files; without two
 * environments, the change is one view.
 */
function environmentViews(base: Model, head: Model): { base: Model; head: Model }[] {
  const environments = new Set<string>();
  for (const model of [base, head]) for (const r of model.resources) if (r.origin) environments.add(r.origin.target.name);
  if (environments.size < 2) return [{ base, head }];
  return [...environments].sort().map((name) => ({ base: viewOf(base, name), head: viewOf(head, name) }));
}

function viewOf(model: Model, environment: string): Model {
  const inView = (r: Resource) => !r.origin || r.origin.target.name === environment;
  return { ...model, resources: model.resources.filter(inView), byKey: new Map([...model.byKey].filter(([, r]) => inView(r))) };
}

/** The findings of all views, each once: a finding about the plain files comes out of every view alike. */
function distinct(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.fingerprint}\0${f.location.side}\0${f.location.path}\0${f.location.line}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function renderSummary(base: Model, head: Model): AnalysisSummary['render'] {
  if (!base.rendered && !head.rendered) return undefined;
  const tools = [...new Set([...(base.rendered?.tools ?? []), ...(head.rendered?.tools ?? [])])].sort();
  return { tools, targets: { base: base.rendered?.targets.length ?? 0, head: head.rendered?.targets.length ?? 0 } };
}

function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

function changedPairs(base: Model, head: Model): ResourcePair[] {
  const pairs: ResourcePair[] = [];
  for (const [key, before] of base.byKey) {
    const after = head.byKey.get(key);
    if (!after || !deepEqual(before.object, after.object)) pairs.push({ key, before, after });
  }
  for (const [key, after] of head.byKey) if (!base.byKey.has(key)) pairs.push({ key, after });
  return pairs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A finding not tied to a resource (a file that cannot be parsed, a side that read nothing). */
function findingAt(rule: Rule, { message, path, line, key }: { message: string; path: string; line: number; key: string }, side: Side,
  severityOverride: Severity | undefined): Finding {
  return {
    ruleId: rule.id, severity: severityOverride ?? rule.severity, message,
    location: { path, line, endLine: line, side }, related: [], fingerprint: fingerprintOf(rule.id, undefined, `${path}\0${key}`),
  };
}

function locate(place: Place): FindingLocation {
  const { path, line, endLine, side } = place.resource.at(place.path ?? []);
  return { path, line, endLine, side: side ?? place.side };
}

function toFinding(rule: Rule, input: ReportInput, severityOverride: Severity | undefined): Finding {
  const { resource } = input.at;
  const subject = {
    group: resource.group, kind: resource.kind, namespace: resource.namespace, name: resource.name,
    ...(resource.origin ? { scope: resource.origin.target.path, environment: resource.environment } : {}),
  };
  return {
    ruleId: rule.id,
    severity: severityOverride ?? input.severity ?? rule.severity,
    message: withEnvironment(input.message, resource.environment),
    location: locate(input.at),
    related: (input.related ?? []).map((r) => ({ ...locate(r), message: r.message })),
    resource: subject,
    fingerprint: fingerprintOf(rule.id, subject, input.key),
    ...(input.details ? { details: input.details } : {}),
    ...(input.edges?.length ? { edges: input.edges } : {}),
  };
}

/**
 * A finding about a rendered object names its environment ("In prod (overlays/prod): ..."), whatever rule made it:
 * the same object name in dev and prod is two objects, and the reviewer must know which one opened.
 */
function withEnvironment(message: string, environment: string | undefined): string {
  if (environment === undefined || message.includes(`in ${environment}`)) return message;
  return `In ${environment}: ${message}`;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.location.path.localeCompare(b.location.path) || a.location.line - b.location.line ||
    a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

function summarize(findings: Finding[], base: Model, head: Model): AnalysisSummary {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let suppressed = 0;
  let proposed = 0;
  for (const f of findings) {
    if (f.suppressed) suppressed++;
    else {
      counts[f.severity]++;
      if (f.proposedSuppression) proposed++;
    }
  }
  return {
    counts, suppressed, proposed,
    files: { base: base.files.length, head: head.files.length },
    resources: { base: base.resources.length, head: head.resources.length },
  };
}

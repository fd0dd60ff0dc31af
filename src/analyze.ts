import { defaultConfig, type SegguardConfig } from './config/config.js';
import { fingerprintOf, type Finding, type FindingLocation, type Side } from './findings/finding.js';
import { SEVERITIES, type Severity } from './findings/severity.js';
import { suppressionOf } from './findings/suppression.js';
import { deepEqual } from './model/json.js';
import { loadSnapshot, ParseCache, type Model, type SourceFile } from './model/load.js';
import type { Resource } from './model/resource.js';
import { exposureChange, type ExposureChange } from './semantics/exposure-map.js';
import { linkSameCause } from './rules/connectivity/same-cause.js';
import { rulesFor } from './rules/index.js';
import type { Place, ReportInput, ResourcePair, Rule } from './rules/rule.js';

/** The manifest files of one side of a change (path → content). */
export type Snapshot = Iterable<SourceFile>;

export interface AnalysisSummary {
  /** Unsuppressed findings by severity. */
  counts: Record<Severity, number>;
  suppressed: number;
  files: { base: number; head: number };
  resources: { base: number; head: number };
  /** Lines rules added to the summary (DiffContext.note), e.g. the connectivity analysis mode. */
  notes?: string[];
  /** Set by audit(): the findings describe one tree's state, not a change (reports word it so). */
  mode?: 'audit';
  /** How the change alters the exposure map (entry points added, removed, changed); absent when it does not. */
  exposure?: ExposureChange;
}

export interface AnalysisResult {
  /** Every finding, suppressed ones included (they carry `suppressed`), sorted by file, line and rule. */
  findings: Finding[];
  summary: AnalysisSummary;
  base: Model;
  head: Model;
}

/**
 * The pure core: what the head allows that the base did not. No network, filesystem, clock or environment:
 * every adapter (CLI, Action, App) gathers the files and hands them in.
 */
export function analyze(base: Snapshot, head: Snapshot, config: SegguardConfig = defaultConfig(), rules: readonly Rule[] = rulesFor('pr')): AnalysisResult {
  const cache = new ParseCache();
  const options = { maxFileBytes: config.maxFileBytes };
  const baseModel = loadSnapshot(base, options, cache);
  const headModel = loadSnapshot(head, options, cache);
  return analyzeModels(baseModel, headModel, config, rules);
}

/**
 * Audit mode: the state of one tree (push, schedule, `segguard audit`). It is the comparison of the tree with an
 * empty base, run with the rules that declare the `audit` mode.
 */
export function audit(head: Snapshot, config: SegguardConfig = defaultConfig()): AnalysisResult {
  const result = analyze([], head, config, rulesFor('audit'));
  result.summary.mode = 'audit';
  return result;
}

export function analyzeModels(base: Model, head: Model, config: SegguardConfig = defaultConfig(), rules: readonly Rule[] = rulesFor('pr')): AnalysisResult {
  const changed = changedPairs(base, head);
  const changedOnBase = once(() => base.resources.filter((r) => head.byKey.get(r.key) !== r));
  const changedOnHead = once(() => head.resources.filter((r) => base.byKey.get(r.key) !== r));
  const findings: Finding[] = [];
  const notes = new Set<string>();
  for (const rule of rules) {
    const setting = config.rules[rule.id];
    if (setting && !setting.enabled) continue;
    const severityOverride = setting?.severity;
    if (rule.kind === 'diff') {
      const collected: Finding[] = [];
      rule.check({ base, head, changed, report: (input) => collected.push(toFinding(rule, input, severityOverride)), note: (text) => notes.add(text), config });
      // A loop, not push(...): spreading 100,000 findings overflows the call stack.
      for (const f of collected) findings.push(f);
    } else {
      const onSide = (model: Model, side: Side): Finding[] => {
        const collected: Finding[] = [];
        rule.check({
          model, side, config, changedResources: side === 'base' ? changedOnBase() : changedOnHead(),
          report: (input) => collected.push(toFinding(rule, input, severityOverride)),
          reportAt: ({ message, path, line, key }) => collected.push({
            ruleId: rule.id, severity: severityOverride ?? rule.severity, message,
            location: { path, line, endLine: line, side }, related: [], fingerprint: fingerprintOf(rule.id, undefined, `${path}\0${key}`),
          }),
        });
        return collected;
      };
      const before = new Set(onSide(base, 'base').map((f) => f.fingerprint));
      for (const f of onSide(head, 'head')) if (!before.has(f.fingerprint)) findings.push(f);
    }
  }
  applySuppressions(findings, base, head);
  linkSameCause(findings);
  findings.sort(compareFindings);
  const summary = summarize(findings, base, head);
  if (notes.size > 0) summary.notes = [...notes];
  const exposure = exposureChange(base, head);
  if (exposure) summary.exposure = exposure;
  return { findings, summary, base, head };
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

function locate(place: Place): FindingLocation {
  return { ...place.resource.at(place.path ?? []), side: place.side };
}

function toFinding(rule: Rule, input: ReportInput, severityOverride: Severity | undefined): Finding {
  const { resource } = input.at;
  const subject = { kind: resource.kind, namespace: resource.namespace, name: resource.name };
  return {
    ruleId: rule.id,
    severity: severityOverride ?? input.severity ?? rule.severity,
    message: input.message,
    location: locate(input.at),
    related: (input.related ?? []).map((r) => ({ ...locate(r), message: r.message })),
    resource: subject,
    fingerprint: fingerprintOf(rule.id, subject, input.key),
    ...(input.details ? { details: input.details } : {}),
    ...(input.edges?.length ? { edges: input.edges } : {}),
  };
}

/** A finding is suppressed by the annotation of the head object it is about (the base object for a deletion). */
function applySuppressions(findings: Finding[], base: Model, head: Model): void {
  const subjects = findings.filter((f) => f.resource && f.ruleId !== 'suppression-invalid');
  if (subjects.length === 0) return;
  // Only the objects findings are about are indexed (name and namespace tested first): far fewer than all objects.
  const names = new Set(subjects.map((f) => f.resource?.name));
  const namespaces = new Set(subjects.map((f) => f.resource?.namespace));
  const byIdentity = new Map<string, Resource>();
  for (const model of [base, head]) {
    for (const r of model.resources) {
      if (names.has(r.name) && namespaces.has(r.namespace)) byIdentity.set(`${r.kind}/${r.namespace}/${r.name}`, r);
    }
  }
  for (const finding of subjects) {
    if (!finding.resource) continue;
    const { kind, namespace, name } = finding.resource;
    const suppression = suppressionOf(byIdentity.get(`${kind}/${namespace}/${name}`));
    if (suppression && suppression.reason && suppression.ruleIds.includes(finding.ruleId)) {
      finding.suppressed = { reason: suppression.reason };
    }
  }
}

function compareFindings(a: Finding, b: Finding): number {
  return a.location.path.localeCompare(b.location.path) || a.location.line - b.location.line ||
    a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

function summarize(findings: Finding[], base: Model, head: Model): AnalysisSummary {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let suppressed = 0;
  for (const f of findings) {
    if (f.suppressed) suppressed++;
    else counts[f.severity]++;
  }
  return {
    counts, suppressed,
    files: { base: base.texts.size, head: head.texts.size },
    resources: { base: base.resources.length, head: head.resources.length },
  };
}

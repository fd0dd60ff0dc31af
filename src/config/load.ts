import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { isSeverity, type Severity } from '../findings/severity.js';
import { RULES } from '../rules/index.js';
import { shownPath } from '../sources/shown-path.js';
import { defaultConfig, DEFAULT_EXCLUDE, renderConfig, DEFAULT_TIER_LABEL, type RenderConfig, type RenderTargetConfig, type RuleSetting, type SegguardConfig } from './config.js';
import { CONFIG_FILE, configSchema } from './schema.js';

/** A configuration file that cannot be used; every message names the file, the line and the key. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const REGISTERED_IDS = RULES.map((rule) => rule.id);

/** The committed schema file's text: the schema of the registered rules, as `npm run schema` writes it. */
export function serializeConfigSchema(ruleIds: readonly string[] = REGISTERED_IDS): string {
  return `${JSON.stringify(configSchema(ruleIds), null, 2)}\n`;
}

let compiled: { ids: readonly string[]; validate: ReturnType<Ajv['compile']> } | undefined;

function validatorFor(ruleIds: readonly string[]) {
  if (compiled?.ids !== ruleIds) {
    // verbose: errors carry the failing schema, used to explain a value that matches none of a oneOf's forms.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
    compiled = { ids: ruleIds, validate: ajv.compile(configSchema(ruleIds)) };
  }
  return compiled.validate;
}

/** The raw keys of the file, as the schema validates them. */
interface RawConfig {
  'fail-on'?: Severity | 'none';
  include?: string[];
  exclude?: string[];
  'max-file-bytes'?: number;
  rules?: Record<string, string | boolean | { enabled?: boolean; severity?: Severity }>;
  tiers?: { order: string[]; default?: string; namespaces?: Record<string, string>; label?: string };
  suppressions?: { approvers?: string[] };
  render?: {
    auto?: boolean;
    targets?: ({ kustomize: string; name?: string } | {
      helm: string; name?: string; release?: string; namespace?: string; values?: string[]; set?: Record<string, string | number | boolean>;
      'kube-version'?: string; 'api-versions'?: string[];
    })[];
    tools?: { kustomize?: string; helm?: string };
    'timeout-seconds'?: number;
    'max-output-bytes'?: number;
  };
}

/**
 * Parses and validates a configuration text and merges it over the defaults. `file` is the name used in messages.
 * Throws ConfigError listing every problem (YAML syntax, unknown or mistyped keys, unknown rule ids) with its line.
 */
export function parseConfig(text: string, file: string, ruleIds: readonly string[] = REGISTERED_IDS): SegguardConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => lineCounter.linePos(offset ?? 0).line;
  if (doc.errors.length > 0) {
    throw new ConfigError(doc.errors.map((e) => `${file}:${lineOf(e.pos[0])}: ${e.message.split('\n')[0]}`));
  }
  const data: unknown = doc.toJS() ?? {};
  const validate = validatorFor(ruleIds);
  if (!validate(data)) {
    const problems = explain(validate.errors ?? [], data).map(({ path, message, keyNode }) => {
      const node = keyNode ? keyNodeOf(doc, path, keyNode) : (doc.getIn(path, true) as Node | undefined);
      return { line: lineOf(node?.range?.[0] ?? doc.contents?.range?.[0]), message };
    });
    throw new ConfigError(problems.sort((a, b) => a.line - b.line).map((p) => `${file}:${p.line}: ${p.message}`));
  }
  const tierErrors = tierProblems(data as RawConfig);
  if (tierErrors.length > 0) {
    throw new ConfigError(tierErrors.map((p) => `${file}:${lineOf((doc.getIn(p.path, true) as Node | undefined)?.range?.[0])}: ${p.message}`));
  }
  return resolveConfig(data as RawConfig);
}

function resolveConfig(raw: RawConfig): SegguardConfig {
  const config = defaultConfig();
  if (raw['fail-on']) config.failOn = raw['fail-on'];
  if (raw.include) config.include = [...raw.include];
  if (raw.exclude) config.exclude = [...DEFAULT_EXCLUDE, ...raw.exclude];
  if (raw['max-file-bytes'] !== undefined) config.maxFileBytes = raw['max-file-bytes'];
  for (const [id, value] of Object.entries(raw.rules ?? {})) config.rules[id] = ruleSettingOf(value);
  if (raw.suppressions) config.suppressions = { approvers: [...(raw.suppressions.approvers ?? [])] };
  if (raw.render) config.render = renderConfigOf(raw.render, renderConfig(config));
  if (raw.tiers) {
    const { order, default: fallback, namespaces, label } = raw.tiers;
    config.tiers = { order: [...order], ...(fallback !== undefined ? { default: fallback } : {}), namespaces: { ...namespaces }, label: label ?? DEFAULT_TIER_LABEL };
  }
  return config;
}

function renderConfigOf(raw: NonNullable<RawConfig['render']>, defaults: RenderConfig): RenderConfig {
  const targets = (raw.targets ?? []).map((t): RenderTargetConfig => {
    const path = trimDir('kustomize' in t ? t.kustomize : t.helm);
    if ('kustomize' in t) return { tool: 'kustomize', path, ...(t.name !== undefined ? { name: t.name } : {}) };
    return {
      tool: 'helm', path, ...(t.name !== undefined ? { name: t.name } : {}), ...(t.release !== undefined ? { release: t.release } : {}),
      ...(t.namespace !== undefined ? { namespace: t.namespace } : {}), ...(t.values ? { values: [...t.values] } : {}),
      ...(t.set ? { set: Object.fromEntries(Object.entries(t.set).map(([k, v]) => [k, String(v)])) } : {}),
      ...(t['kube-version'] !== undefined ? { kubeVersion: t['kube-version'] } : {}), ...(t['api-versions'] ? { apiVersions: [...t['api-versions']] } : {}),
    };
  });
  return {
    auto: raw.auto ?? defaults.auto, targets, tools: { ...raw.tools },
    timeoutSeconds: raw['timeout-seconds'] ?? defaults.timeoutSeconds, maxOutputBytes: raw['max-output-bytes'] ?? defaults.maxOutputBytes,
  };
}

/** `overlays/prod/`, `./overlays/prod` and `.` name directories as the render stage does: `overlays/prod`, ''. */
function trimDir(path: string): string {
  const trimmed = path.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  return trimmed === '.' ? '' : trimmed;
}

/** What the schema cannot say about `tiers`: every tier named by `default` and `namespaces` must be in `order`. */
function tierProblems(raw: RawConfig): Problem[] {
  if (!raw.tiers) return [];
  const { order, default: fallback, namespaces } = raw.tiers;
  const known = `one of the tiers in tiers.order (${order.join(', ')})`;
  const problems: Problem[] = [];
  if (fallback !== undefined && !order.includes(fallback)) {
    problems.push({ path: ['tiers', 'default'], message: `tiers.default: "${fallback}" is not ${known}` });
  }
  for (const [namespace, tier] of Object.entries(namespaces ?? {})) {
    if (!order.includes(tier)) problems.push({ path: ['tiers', 'namespaces', namespace], message: `tiers.namespaces.${namespace}: "${tier}" is not ${known}` });
  }
  return problems;
}

function ruleSettingOf(value: NonNullable<RawConfig['rules']>[string]): RuleSetting {
  if (typeof value === 'boolean') return { enabled: value };
  if (typeof value === 'string') {
    if (value === 'off') return { enabled: false };
    return isSeverity(value) ? { enabled: true, severity: value } : { enabled: true };
  }
  return { enabled: value.enabled ?? true, ...(value.severity ? { severity: value.severity } : {}) };
}

interface Problem {
  path: (string | number)[];
  message: string;
  /** For an unknown key: the key itself, so the line is the key's line. */
  keyNode?: string;
}

/** Turns ajv's errors into one message per problem, in the words of the configuration file. */
function explain(errors: ErrorObject[], data: unknown): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const add = (problem: Problem) => {
    const id = `${problem.path.join('.')}\0${problem.keyNode ?? ''}\0${problem.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      problems.push(problem);
    }
  };
  // Errors inside a oneOf: keep only those of the branch whose type matches the value the user wrote.
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  const kept = errors.filter((e) => {
    if (e.keyword === 'oneOf') return false;
    const parent = oneOfs.find((o) => e.schemaPath.startsWith(`${o.schemaPath}/`));
    if (!parent) return true;
    const branch = Number(e.schemaPath.slice(parent.schemaPath.length + 1).split('/')[0]);
    return branch === matchingBranch(parent);
  });
  for (const o of oneOfs) {
    if (matchingBranch(o) === undefined) add({ path: pathOf(o.instancePath), message: `${keyName(pathOf(o.instancePath))}: must be ${describeForms(o)}` });
  }
  for (const e of kept) {
    const path = pathOf(e.instancePath);
    const where = path.length > 0 ? `${keyName(path)}: ` : '';
    if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
      const hint = closest(key, known);
      const what = path.length === 1 && path[0] === 'rules' ? `unknown rule id "${key}" in rules` : `unknown key "${[...path, key].join('.')}"`;
      add({ path, keyNode: key, message: `${what}${hint ? ` (did you mean "${hint}"?)` : ''}` });
    } else if (e.keyword === 'type') {
      add({ path, message: `${where}must be ${typeWord(String((e.params as { type: string }).type))}, not ${typeWord(jsonType(valueAt(data, path)))}` });
    } else if (e.keyword === 'minItems' && (e.params as { limit: number }).limit === 1) {
      add({ path, message: `${where}must list at least one item` });
    } else if (e.keyword === 'uniqueItems') {
      add({ path, message: `${where}lists ${JSON.stringify((valueAt(data, path) as unknown[])[(e.params as { i: number }).i])} more than once` });
    } else if (e.keyword === 'enum') {
      add({ path, message: `${where}${JSON.stringify(valueAt(data, path))} is not one of ${(e.schema as unknown[]).join(', ')}` });
    } else {
      add({ path, message: `${where}${e.message ?? 'is invalid'}` });
    }
  }
  return problems;
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function keyName(path: (string | number)[]): string {
  return path.length === 0 ? 'the configuration' : path.join('.');
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The oneOf branch whose declared type is the type of the value, if exactly one is. */
function matchingBranch(error: ErrorObject): number | undefined {
  const branches = (error.schema as { type?: string }[]);
  const type = jsonType(error.data);
  const matches = branches.flatMap((b, i) => (b.type === type || (b.type === 'number' && type === 'integer') ? [i] : []));
  return matches.length === 1 ? matches[0] : undefined;
}

function describeForms(error: ErrorObject): string {
  const forms = (error.schema as { type?: string; enum?: unknown[]; properties?: object }[]).map((b) => {
    if (b.enum) return b.enum.join(' | ');
    if (b.type === 'object' && b.properties) return `a mapping with ${Object.keys(b.properties).join(' and/or ')}`;
    return typeWord(b.type ?? 'value');
  });
  return `one of: ${forms.slice(0, -1).join('; ')}; or ${forms[forms.length - 1]} (not ${typeWord(jsonType(error.data))})`;
}

function typeWord(type: string): string {
  const words: Record<string, string> = { object: 'a mapping', array: 'a list', integer: 'an integer', boolean: 'true or false', null: 'empty' };
  return words[type] ?? `a ${type}`;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
}

function keyNodeOf(doc: Document, path: (string | number)[], key: string): Node | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return (pair?.key as Node | undefined) ?? undefined;
}

/** The known key nearest to a mistyped one (edit distance at most a third of its length), for "did you mean". */
function closest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The configuration for a run: `configFile` when given (it must exist), otherwise `.github/segguard.yml` in the
 * repository `repo` when there is one, otherwise the defaults (also when `repo` is undefined: no repository holds
 * the analyzed trees). `file` is the path shown in messages, relative to `cwd`.
 */
export async function loadConfig(options: { cwd: string; repo: string | undefined; configFile?: string }): Promise<{ config: SegguardConfig; file?: string }> {
  const explicit = options.configFile !== undefined;
  if (!explicit && options.repo === undefined) return { config: defaultConfig() };
  const path = explicit ? resolve(options.cwd, options.configFile as string) : join(resolve(options.cwd, options.repo as string), CONFIG_FILE);
  const file = shownPath(options.cwd, path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') return { config: defaultConfig() };
    throw new ConfigError([`${file}: cannot read the configuration file (${code ?? (error as Error).message})`]);
  }
  return { config: parseConfig(text, file), file };
}

/**
 * The repository that holds `dir`: the nearest directory at or above it with a `.github/segguard.yml`, or else its
 * git root (a `.git` directory or file); undefined when neither is found up to the filesystem root. The
 * configuration of an analyzed directory comes from there, never from the working directory's repository.
 */
export function repositoryOf(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(join(current, CONFIG_FILE)) || existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * Validates a configuration that is already decoded (the App gets it from Probot's `context.config`, which reads
 * the default branch and follows `_extends`): the same checks as `parseConfig`, messages name the key, not a line.
 */
export function configFromData(data: unknown, file: string, ruleIds: readonly string[] = REGISTERED_IDS): SegguardConfig {
  const validate = validatorFor(ruleIds);
  if (!validate(data ?? {})) throw new ConfigError(explain(validate.errors ?? [], data).map((p) => `${file}: ${p.message}`));
  const tierErrors = tierProblems((data ?? {}) as RawConfig);
  if (tierErrors.length > 0) throw new ConfigError(tierErrors.map((p) => `${file}: ${p.message}`));
  return resolveConfig((data ?? {}) as RawConfig);
}

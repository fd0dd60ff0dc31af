import type { Severity } from '../findings/severity.js';

export interface RuleSetting {
  enabled: boolean;
  severity?: Severity;
}

/** The resolved configuration (`.github/segguard.yml` merged over the defaults). */
export interface SegguardConfig {
  /** The gate: a finding at or above this severity fails the check. */
  failOn: Severity | 'none';
  /** Globs of manifest files to read, relative to the root; empty means every .yaml, .yml and .json. */
  include: string[];
  exclude: string[];
  maxFileBytes: number;
  rules: Record<string, RuleSetting>;
  /** Trust tiers (src/semantics/tiers.ts); absent: the tier rules stay quiet. */
  tiers?: TiersConfig;
  /** `suppressions:`: who may approve the suppressions a pull request proposes; absent: only merging applies them. */
  suppressions?: SuppressionsConfig;
  /** `render:`: which Kustomize overlays and Helm charts are rendered, and with what (src/render); absent: the defaults (renderConfig). */
  render?: RenderConfig;
}

/** A render target the configuration lists; it replaces the discovered target at its path. */
export interface RenderTargetConfig {
  tool: 'kustomize' | 'helm';
  /** The directory, repository-relative. */
  path: string;
  /** The environment shown in messages; default the directory's last segment. */
  name?: string;
  release?: string;
  namespace?: string;
  values?: string[];
  set?: Record<string, string>;
  kubeVersion?: string;
  apiVersions?: string[];
}

export interface RenderConfig {
  /** Find Kustomize roots and Helm charts without configuration (default true). */
  auto: boolean;
  targets: RenderTargetConfig[];
  /** Paths of the renderers; absent: `kustomize` (else `kubectl`) and `helm` on PATH. */
  tools: { kustomize?: string; helm?: string };
  timeoutSeconds: number;
  maxOutputBytes: number;
}

export const DEFAULT_RENDER_TIMEOUT_SECONDS = 60;
export const DEFAULT_RENDER_MAX_OUTPUT_BYTES = 50 * 1024 * 1024;

export function renderConfig(config: SegguardConfig): RenderConfig {
  return config.render ?? { auto: true, targets: [], tools: {}, timeoutSeconds: DEFAULT_RENDER_TIMEOUT_SECONDS, maxOutputBytes: DEFAULT_RENDER_MAX_OUTPUT_BYTES };
}

/** Whether a run renders anything: `auto: false` with no listed target is plain reading, as before rendering existed. */
export function renders(config: SegguardConfig): boolean {
  const render = renderConfig(config);
  return render.auto || render.targets.length > 0;
}

export interface SuppressionsConfig {
  /** GitHub logins (`alice`) and teams (`org/team-slug`) whose approving review on the head applies proposed suppressions. */
  approvers: string[];
}

/** `tiers:` of the configuration: trust levels and how workloads are assigned to them. */
export interface TiersConfig {
  /** Tier names, highest trust first. */
  order: string[];
  /** The tier of a workload nothing else assigns; absent: such a workload has no tier (tier-unassigned). */
  default?: string;
  /** Namespace name → tier. */
  namespaces: Record<string, string>;
  /** The pod or namespace label naming a tier. */
  label: string;
}

export const DEFAULT_TIER_LABEL = 'segguard.io/tier';

export const DEFAULT_EXCLUDE = ['**/.git/**', '**/node_modules/**', '**/templates/**'];

export function defaultConfig(): SegguardConfig {
  return { failOn: 'high', include: [], exclude: [...DEFAULT_EXCLUDE], maxFileBytes: 5 * 1024 * 1024, rules: {} };
}

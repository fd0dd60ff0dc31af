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

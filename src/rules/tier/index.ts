import type { Rule } from '../rule.js';
import { tierCrossConnectivity } from './tier-cross-connectivity.js';
import { tierExposureUnguarded } from './tier-exposure-unguarded.js';
import { tierSharedEntrypoint } from './tier-shared-entrypoint.js';
import { tierUnassigned } from './tier-unassigned.js';

/** Trust tiers (`tiers:` in the configuration, src/semantics/tiers.ts): traffic and entry points that mix tiers. */
export const TIER_RULES: Rule[] = [tierCrossConnectivity, tierExposureUnguarded, tierSharedEntrypoint, tierUnassigned];

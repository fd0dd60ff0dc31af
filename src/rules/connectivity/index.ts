import type { Rule } from '../rule.js';
import { connectivityAdded } from './connectivity-added.js';
import { connectivityRemoved } from './connectivity-removed.js';
import { exposureAdded } from './exposure-added.js';
import { workloadUnisolated } from './workload-unisolated.js';

/** Semantic rules: who can reach what in base and in head (src/semantics), and the difference. */
export const CONNECTIVITY_RULES: Rule[] = [connectivityAdded, connectivityRemoved, workloadUnisolated, exposureAdded];

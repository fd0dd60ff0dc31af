import type { Rule } from '../rule.js';

/** Ingress rules, one file each. */
export const INGRESS_RULES: Rule[] = [];

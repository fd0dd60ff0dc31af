import type { Rule } from '../rule.js';

/** NetworkPolicy rules, one file each. */
export const NETPOL_RULES: Rule[] = [];

import { ADMIN_RULES } from './admin/index.js';
import { AUDIT_RULES } from './audit/index.js';
import { CILIUM_RULES } from './cilium/index.js';
import { CONNECTIVITY_RULES } from './connectivity/index.js';
import { GATEWAY_RULES } from './gateway/index.js';
import { INGRESS_RULES } from './ingress/index.js';
import { MANIFEST_RULES } from './manifest/index.js';
import { NETPOL_RULES } from './netpol/index.js';
import { NGINX_RULES } from './nginx/index.js';
import type { AnalysisMode, Rule } from './rule.js';
import { TIER_RULES } from './tier/index.js';
import { TRAEFIK_RULES } from './traefik/index.js';

/** Every rule, sorted by id: the order in which they run and are listed. */
export const RULES: readonly Rule[] = [
  ...MANIFEST_RULES, ...NETPOL_RULES, ...ADMIN_RULES, ...CILIUM_RULES, ...INGRESS_RULES, ...CONNECTIVITY_RULES, ...AUDIT_RULES, ...NGINX_RULES,
  ...TIER_RULES, ...TRAEFIK_RULES, ...GATEWAY_RULES,
]
  .sort((a, b) => a.id.localeCompare(b.id));

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

/** The rules that run in a mode (see AnalysisMode). */
export function rulesFor(mode: AnalysisMode): readonly Rule[] {
  return RULES.filter((rule) => (rule.modes ?? ['pr']).includes(mode));
}

import { deniesEverything, type AdminRule, type ClusterPolicies, type ClusterPolicyModel } from '../model/admin-network-policy.js';
import type { Direction } from '../model/network-policy.js';

/**
 * Whether the cluster-wide tiers close a whole direction for pods that no NetworkPolicy isolates (the audit and
 * change rules that ask "is this direction open?"): the ANPs by priority and rule order, then the BANP.
 */
export type ClusterTierVerdict =
  /** A Deny of everything decides first: nothing is open in the direction. */
  | { denied: true }
  /**
   * Open but for the Deny rules of `denying`; `allowed`: an ANP Allow of everything decides first (then nothing
   * below the ANPs, Cilium deny rules included, takes anything away).
   */
  | { denied: false; denying: ClusterPolicyModel[]; allowed: boolean };

/** `over`: whether a policy's subject covers all of the pods in question. */
export function clusterTierVerdict(policies: ClusterPolicies, over: (policy: ClusterPolicyModel) => boolean, direction: Direction): ClusterTierVerdict {
  const denying: ClusterPolicyModel[] = [];
  const rules = policies.admin.filter(over).flatMap((policy) => policy.rules[direction].map((rule) => ({ policy, rule })));
  // A Pass of everything skips every later ANP rule: the traffic goes to the NetworkPolicies, then the BANP.
  for (const { policy, rule } of rules) {
    if (coversEverything(rule)) {
      if (rule.action === 'Deny') return { denied: true };
      if (rule.action === 'Allow') return { denied: false, denying, allowed: true };
      break;
    }
    if (rule.action === 'Deny' && !denying.includes(policy)) denying.push(policy);
  }
  const { baseline } = policies;
  if (baseline && over(baseline)) {
    const first = baseline.rules[direction].find((rule) => rule.action === 'Deny' || coversEverything(rule));
    if (first?.action === 'Deny' && coversEverything(first)) return { denied: true };
    if (first?.action === 'Deny') denying.push(baseline);
  }
  return { denied: false, denying, allowed: false };
}

/** Whether an ANP/BANP rule matches every connection of its direction, whatever its action. */
function coversEverything(rule: AdminRule): boolean {
  return deniesEverything({ ...rule, action: 'Deny' });
}

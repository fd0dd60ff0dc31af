import type { Rule } from '../rule.js';
import approximated from './cilium-approximated.js';
import cidrWidened from './cilium-cidr-widened.js';
import defaultDenyDisabled from './cilium-default-deny-disabled.js';
import denyRemoved from './cilium-deny-removed.js';
import endpointsBroadened from './cilium-endpoints-broadened.js';
import entityBroadened from './cilium-entity-broadened.js';
import policyDeleted from './cilium-policy-deleted.js';
import portsEmptied from './cilium-ports-emptied.js';

/** CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy rules, one file each (semantics: docs/cilium.md). */
export const CILIUM_RULES: Rule[] = [approximated, cidrWidened, defaultDenyDisabled, denyRemoved, endpointsBroadened, entityBroadened, policyDeleted, portsEmptied];

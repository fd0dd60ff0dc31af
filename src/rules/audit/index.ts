import type { Rule } from '../rule.js';
import { ingressCatchAllPath } from './ingress-catch-all-path.js';
import { ingressWildcardHost } from './ingress-wildcard-host.js';
import { namespaceWithoutDefaultDeny } from './namespace-without-default-deny.js';
import { workloadNotIsolated } from './workload-not-isolated.js';

/** Audit rules: the state of one tree (segguard audit, the Action on push/schedule), not what a change does. */
export const AUDIT_RULES: Rule[] = [ingressCatchAllPath, ingressWildcardHost, namespaceWithoutDefaultDeny, workloadNotIsolated];

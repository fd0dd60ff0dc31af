import { join } from 'node:path';

/**
 * np-guard's own test cases, copied into the repository (with np-guard's LICENSE and SOURCE) so that a clone with
 * nothing beside it runs them. SEGGUARD_ORACLE points the tests at another copy (e.g. a newer one of np-guard's cases).
 */
export const NP_GUARD_ORACLE = process.env.SEGGUARD_ORACLE ?? join(import.meta.dirname, '..', 'fixtures', 'oracle', 'np-guard');

/** np-guard's AdminNetworkPolicy/BaselineAdminNetworkPolicy connlist cases, same layout (SEGGUARD_ANP_ORACLE: another copy). */
export const NP_GUARD_ANP_ORACLE = process.env.SEGGUARD_ANP_ORACLE ?? join(import.meta.dirname, '..', 'fixtures', 'oracle', 'np-guard-anp');

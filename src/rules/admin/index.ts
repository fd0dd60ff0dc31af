import type { Rule } from '../rule.js';
import actionLoosened from './anp-action-loosened.js';
import anpDeleted from './anp-deleted.js';
import peerBroadened from './anp-peer-broadened.js';
import priorityReordered from './anp-priority-reordered.js';
import subjectBroadened from './anp-subject-broadened.js';
import banpDeleted from './banp-deleted.js';
import banpLoosened from './banp-loosened.js';

/** AdminNetworkPolicy and BaselineAdminNetworkPolicy rules, one file each. */
export const ADMIN_RULES: Rule[] = [actionLoosened, anpDeleted, peerBroadened, priorityReordered, subjectBroadened, banpDeleted, banpLoosened];

import type { Rule } from '../rule.js';
import allNamespacesPeer from './netpol-all-namespaces-peer.js';
import allowAllRule from './netpol-allow-all-rule.js';
import defaultDenyRemoved from './netpol-default-deny-removed.js';
import deleted from './netpol-deleted.js';
import ipblockWidened from './netpol-ipblock-widened.js';
import isolationNarrowed from './netpol-isolation-narrowed.js';
import mutableNamespaceLabel from './netpol-mutable-namespace-label.js';
import peerAndSplit from './netpol-peer-and-split.js';
import peersEmptied from './netpol-peers-emptied.js';
import policyTypeDropped from './netpol-policy-type-dropped.js';
import portRangeWidened from './netpol-port-range-widened.js';
import portsEmptied from './netpol-ports-emptied.js';
import selectorBroadened from './netpol-selector-broadened.js';

/** NetworkPolicy rules, one file each. */
export const NETPOL_RULES: Rule[] = [
  allNamespacesPeer, allowAllRule, defaultDenyRemoved, deleted, ipblockWidened, isolationNarrowed, mutableNamespaceLabel,
  peerAndSplit, peersEmptied, policyTypeDropped, portRangeWidened, portsEmptied, selectorBroadened,
];

import type { Rule } from '../rule.js';
import ingressBackendChanged from './ingress-backend-changed.js';
import ingressClassChanged from './ingress-class-changed.js';
import ingressDefaultBackendAdded from './ingress-default-backend-added.js';
import ingressHostRemoved from './ingress-host-removed.js';
import ingressHostWildcarded from './ingress-host-wildcarded.js';
import ingressNewRoute from './ingress-new-route.js';
import ingressPathBroadened from './ingress-path-broadened.js';
import ingressTlsRemoved from './ingress-tls-removed.js';

/** Ingress rules, one file each. */
export const INGRESS_RULES: Rule[] = [
  ingressBackendChanged,
  ingressClassChanged,
  ingressDefaultBackendAdded,
  ingressHostRemoved,
  ingressHostWildcarded,
  ingressNewRoute,
  ingressPathBroadened,
  ingressTlsRemoved,
];

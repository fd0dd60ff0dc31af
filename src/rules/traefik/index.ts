import type { Rule } from '../rule.js';
import traefikAllowlistLoosened from './traefik-allowlist-loosened.js';
import traefikGuardMiddlewareRemoved from './traefik-guard-middleware-removed.js';
import traefikMatchBroadened from './traefik-match-broadened.js';
import traefikTlsWeakened from './traefik-tls-weakened.js';

/** Traefik rules (IngressRoute, Middleware, TLSOption and Traefik-annotated Ingresses), one file each. */
export const TRAEFIK_RULES: Rule[] = [
  traefikAllowlistLoosened,
  traefikGuardMiddlewareRemoved,
  traefikMatchBroadened,
  traefikTlsWeakened,
];

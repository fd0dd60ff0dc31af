import type { Rule } from '../rule.js';
import gatewayAllowedRoutesBroadened from './gateway-allowed-routes-broadened.js';
import gatewayHostnameBroadened from './gateway-hostname-broadened.js';
import gatewayMtlsWeakened from './gateway-mtls-weakened.js';
import gatewayReferenceGrantBroadened from './gateway-reference-grant-broadened.js';
import gatewayRouteMatchesBroadened from './gateway-route-matches-broadened.js';

/** Gateway API rules (Gateway, HTTPRoute/GRPCRoute/TLSRoute, ReferenceGrant), one file each. */
export const GATEWAY_RULES: Rule[] = [
  gatewayAllowedRoutesBroadened,
  gatewayHostnameBroadened,
  gatewayMtlsWeakened,
  gatewayReferenceGrantBroadened,
  gatewayRouteMatchesBroadened,
];

import { formatFieldPath, type FieldPath } from '../../model/field-path.js';
import { describeIdentity } from '../../model/identity.js';
import { gatewayOf, gatewayRouteOf, isGateway, isGatewayRoute } from '../../model/gateway.js';
import { nginxOf, nginxServes } from '../../model/nginx.js';
import { isIngress } from '../../model/ingress.js';
import type { Model } from '../../model/load.js';
import type { Resource } from '../../model/resource.js';
import { ingressRouteOf, isIngressRoute, isMiddleware, isTlsOption, middlewareOf, tlsOptionOf } from '../../model/traefik.js';
import { defineRule } from '../rule.js';

/**
 * What a controller would reject or silently replace with its default: the API server accepts these objects
 * (annotations and CRD strings are free text to it), so only the controller notices, at run time.
 */
function controllerProblems(resource: Resource, model: Model): { path: FieldPath; message: string }[] {
  if (isIngress(resource)) return nginxServes(resource, model) ? nginxOf(resource).problems : [];
  if (isIngressRoute(resource)) return ingressRouteOf(resource).problems;
  if (isMiddleware(resource)) return middlewareOf(resource).problems;
  if (isTlsOption(resource)) return tlsOptionOf(resource).problems;
  if (isGateway(resource)) return gatewayOf(resource).problems;
  if (isGatewayRoute(resource)) return gatewayRouteOf(resource).problems;
  return [];
}

export default defineRule({
  id: 'controller-config-invalid',
  kind: 'state',
  modes: ['pr', 'audit'],
  severity: 'high',
  description: 'A controller setting the API server accepts but the controller rejects or replaces with its default (an unparsable Traefik rule, a bad CIDR in an allow-list, an unknown mode), so the guard it was meant to add may not apply.',
  check({ model, side, report }) {
    for (const resource of model.resources) {
      for (const problem of controllerProblems(resource, model)) {
        report({
          message: `${describeIdentity(resource)}: ${problem.message} (at ${formatFieldPath(problem.path)}). The API server accepts this, but the controller does not apply it as written: a guard it was meant to add may be missing.`,
          at: { resource, path: problem.path, side },
          key: `${formatFieldPath(problem.path)}\0${problem.message}`,
        });
      }
    }
  },
});

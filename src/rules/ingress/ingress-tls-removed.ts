import { code } from '../../findings/code-span.js';
import type { IngressModel } from '../../model/ingress.js';
import { defineRule } from '../rule.js';
import { hostCovers, normalizeHost, type Host } from './hosts.js';
import { byHost, hostFieldOf, ingressPairs, pathsOf, place, subjectOf } from './routes.js';

/** The tls entry and host item covering `host`; an entry without hosts covers every host (the controller's default certificate). */
function tlsFor(model: IngressModel, host: Host): { entry: number; item?: number } | undefined {
  for (const [entry, tls] of model.tls.entries()) {
    if (tls.hosts.length === 0) return { entry };
    const item = tls.hosts.findIndex((pattern) => hostCovers(pattern, host));
    if (item >= 0) return { entry, item };
  }
  return undefined;
}

export default defineRule({
  id: 'ingress-tls-removed',
  kind: 'diff',
  severity: 'high',
  description: 'A host that the base served over TLS is still served by the Ingress but no longer covered by its `tls` section.',
  check({ changed, report }) {
    for (const { before, after } of ingressPairs(changed)) {
      if (!before || !after) continue;
      for (const [host, baseRoute] of byHost(pathsOf(before))) {
        if (baseRoute.host === undefined) continue;
        const baseTls = tlsFor(before, baseRoute.host);
        if (!baseTls || tlsFor(after, baseRoute.host)) continue;
        // Still served in the head, by its own rule, a wildcard or a rule without host?
        const served = pathsOf(after).filter((route) => hostCovers(route.host, baseRoute.host))
          .sort((a, b) => Number(normalizeHost(b.host) === host) - Number(normalizeHost(a.host) === host))[0];
        if (!served) continue;
        const tlsField = [...before.tls[baseTls.entry].fieldPath, ...(baseTls.item === undefined ? [] : ['hosts', baseTls.item])];
        report({
          message: `${subjectOf(after)}: host ${code(baseRoute.host ?? '')} was served over TLS and is no longer listed in spec.tls, ` +
            'so the controller serves it with plain HTTP (or its default certificate): traffic and credentials can be read or altered on the way.',
          at: place(after, hostFieldOf(served), 'head'),
          key: host,
          related: [{ ...place(before, tlsField, 'base'), message: `TLS for ${baseRoute.host} in base` }],
        });
      }
    }
  },
});

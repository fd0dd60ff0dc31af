import { code } from '../../findings/code-span.js';
import { buildExposureMap } from '../../semantics/exposure-map.js';
import { defineRule } from '../rule.js';

export const ingressWildcardHost = defineRule({
  id: 'ingress-wildcard-host',
  kind: 'state',
  severity: 'medium',
  modes: ['audit'],
  description: 'An entry point has no host (it answers for every host name) or a wildcard host, so requests for names nobody reviewed reach its backend.',
  check({ model, report }) {
    const reported = new Set<string>();
    for (const row of buildExposureMap(model).rows) {
      // A default backend takes every host by definition: ingress-catch-all-path reports it.
      if (row.match === 'default backend') continue;
      // A route with no backend (an HTTP→HTTPS redirect, say) forwards nothing, whatever host it answers.
      if (row.backends.length === 0) continue;
      // TCP and UDP routes have no hostnames at all: a port, not a host, is what they expose.
      if (row.object.kind === 'TCPRoute' || row.object.kind === 'UDPRoute') continue;
      const wildcard = row.host.startsWith('*.');
      if (row.hostMatch !== 'any' && !wildcard) continue;
      const { kind, namespace, name } = row.object;
      const place = `${kind}/${namespace}/${name}\0${row.host}\0${row.source.hostPath.join('.')}`;
      if (reported.has(place)) continue;
      reported.add(place);
      const what = wildcard
        ? `host ${code(row.host)}, which answers for every name ${row.hostMatch === 'suffix' ? 'under' : 'one label under'} ${code(row.host.slice(2))}`
        : 'no host: it answers for every host name that reaches the controller, including bare IP addresses';
      report({
        message: `${kind} ${namespace}/${name} has ${what}; name the exact hosts it serves.`,
        at: { resource: row.source.resource, path: row.source.hostPath, side: 'head' },
        key: `${row.host.toLowerCase()}\0${row.source.hostPath.join('.')}`,
      });
    }
  },
});

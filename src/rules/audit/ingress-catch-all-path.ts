import { code } from '../../findings/code-span.js';
import { buildExposureMap, describeBackend } from '../../semantics/exposure-map.js';
import { defineRule } from '../rule.js';

export const ingressCatchAllPath = defineRule({
  id: 'ingress-catch-all-path',
  kind: 'state',
  severity: 'low',
  modes: ['audit'],
  description: 'An entry point matches every path of its hosts (Prefix `/`, a default backend, a route without matches), so everything the backend serves is reachable from outside.',
  check({ model, report }) {
    for (const row of buildExposureMap(model).rows) {
      // A route with no backend (an HTTP→HTTPS redirect, say) forwards nothing, whatever it matches.
      if (!row.catchAll || row.backends.length === 0) continue;
      const { kind, namespace, name } = row.object;
      const backends = row.backends.map(describeBackend).join(', ');
      report({
        message: `${kind} ${namespace}/${name} sends every path of ${row.host === '*' ? 'every host' : `host ${code(row.host)}`} (${row.match}) to ${backends}: ` +
          'every endpoint of the backend, admin and debug paths included, is reachable through it.',
        at: { resource: row.source.resource, path: row.source.path, side: 'head' },
        key: row.key,
      });
    }
  },
});

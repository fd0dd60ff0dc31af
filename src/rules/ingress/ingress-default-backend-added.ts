import { describeBackend } from '../../model/ingress.js';
import { defineRule } from '../rule.js';
import { ingressPairs, place, subjectOf } from './routes.js';

export default defineRule({
  id: 'ingress-default-backend-added',
  kind: 'diff',
  severity: 'medium',
  description: 'An Ingress gains a default backend (`spec.defaultBackend`, v1beta1 `spec.backend`) that takes every request no rule matches.',
  check({ changed, report }) {
    for (const { before, after } of ingressPairs(changed)) {
      if (!after?.defaultBackend || before?.defaultBackend) continue;
      report({
        message: `${subjectOf(after)}: a default backend ${describeBackend(after.defaultBackend)} was added; it receives every request ` +
          'no rule matches (any host, any path), so the service is exposed far beyond the routes listed in the Ingress.',
        at: place(after, after.defaultBackend.path, 'head'),
        key: 'defaultBackend',
      });
    }
  },
});

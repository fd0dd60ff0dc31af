import { code } from '../../findings/code-span.js';
import { defineRule } from '../rule.js';
import { describePath } from './paths.js';
import { byHost, hostBroadenedRules, hostFieldOf, place, subjectOf } from './routes.js';

export default defineRule({
  id: 'ingress-host-removed',
  kind: 'diff',
  severity: 'high',
  description: 'An Ingress rule loses its host and now matches every host name that reaches the controller.',
  check(context) {
    const { report } = context;
    for (const { before, after, rule, routes, bases } of hostBroadenedRules(context)) {
      if (rule.host !== undefined) continue;
      const hosts = byHost(bases);
      const names = [...hosts.keys()].sort();
      report({
        message: `${subjectOf(after)}: the rule for ${routes.map(describePath).join(', ')} no longer has a host (was ${names.map((n) => code(n)).join(', ')}), ` +
          'so it now matches every host: any name that resolves to the Ingress controller, or a raw IP with any Host header, reaches its backends.',
        at: place(after, [...rule.fieldPath, 'host'], 'head'),
        key: `${routes.map((r) => r.path).sort().join(',')} from ${names.join(',')}`,
        related: [...hosts.values()].map((base) => ({ ...place(before, hostFieldOf(base), 'base'), message: `was host ${base.host ?? ''}` })),
      });
    }
  },
});

import { code } from '../../findings/code-span.js';
import { defineRule } from '../rule.js';
import { byHost, hostBroadenedRules, hostFieldOf, place, subjectOf } from './routes.js';

export default defineRule({
  id: 'ingress-host-wildcarded',
  kind: 'diff',
  severity: 'medium',
  description: 'An exact Ingress host becomes a wildcard (`*.example.com`), so every single-label subdomain now reaches the backends.',
  check(context) {
    const { report } = context;
    for (const { before, after, rule, bases } of hostBroadenedRules(context)) {
      if (rule.host === undefined) continue;
      const hosts = byHost(bases);
      const names = [...hosts.keys()].sort();
      report({
        message: `${subjectOf(after)}: host ${names.map((n) => code(n)).join(', ')} became ${code(rule.host!)}, so requests for any name of the form ` +
          `${code(rule.host!)} (one label in place of the ${code('*')}) now reach the backends, not only ${names.map((n) => code(n)).join(', ')}.`,
        at: place(after, [...rule.fieldPath, 'host'], 'head'),
        key: `${rule.host} from ${names.join(',')}`,
        related: [...hosts.values()].map((base) => ({ ...place(before, hostFieldOf(base), 'base'), message: `was host ${base.host ?? ''}` })),
      });
    }
  },
});

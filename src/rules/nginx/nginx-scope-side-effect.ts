import { ingressOf } from '../../model/ingress.js';
import type { NginxModel } from '../../model/nginx.js';
import { defineRule } from '../rule.js';
import { code } from '../../findings/code-span.js';
import { nginxPairs, reportAnnotation, subjectOf, type NginxPair } from './annotations.js';

/** The hosts an annotation on this Ingress reaches beyond the object, for messages. */
function hostsOf(model: NginxModel): string {
  const hosts = [...new Set(ingressOf(model.resource).rules.map((r) => r.host ?? 'every host'))];
  return hosts.length === 0 ? 'its hosts' : hosts.slice(0, 3).join(', ') + (hosts.length > 3 ? `, … (${hosts.length} hosts)` : '');
}

interface SideEffect {
  name: string;
  /** Whether the side effect is on for a side; undefined side = a new Ingress. */
  on(model: NginxModel | undefined): boolean;
  why(model: NginxModel): string;
}

/** A client-selected canary needs `canary: "true"` and the header or cookie. */
const canaryBy = (field: 'canaryByHeader' | 'canaryByCookie') => (m: NginxModel | undefined): boolean =>
  m !== undefined && m.sideEffects.canary && m.sideEffects[field] !== undefined;

const EFFECTS: SideEffect[] = [
  {
    name: 'use-regex',
    on: (m) => m?.sideEffects.useRegex ?? false,
    why: (m) => `ingress-nginx switches every path of ${hostsOf(m)} to regular-expression matching, across all Ingresses of those hosts, ` +
      'so paths owned by other Ingresses may start matching more than they did.',
  },
  {
    name: 'ssl-passthrough',
    on: (m) => m?.sideEffects.sslPassthrough ?? false,
    why: () => 'TLS is handed to the backend at layer 4 and ingress-nginx ignores every other annotation of this Ingress ' +
      '(allow-lists, authentication, client certificates, redirects).',
  },
  {
    name: 'canary-by-header',
    on: canaryBy('canaryByHeader'),
    why: (m) => `any client sending the header ${code(m.sideEffects.canaryByHeader ?? '')} picks the canary backend instead of the main one.`,
  },
  {
    name: 'canary-by-cookie',
    on: canaryBy('canaryByCookie'),
    why: (m) => `any client sending the cookie ${code(m.sideEffects.canaryByCookie ?? '')} picks the canary backend instead of the main one.`,
  },
];

function blamed(pair: NginxPair, effect: SideEffect): string {
  // A header/cookie canary turned on by `canary: "true"` rather than by its own key.
  if (effect.name.startsWith('canary-') && pair.after.annotations.has(effect.name) && pair.before?.annotations.get(effect.name)?.value === pair.after.annotations.get(effect.name)?.value) {
    return 'canary';
  }
  return effect.name;
}

export default defineRule({
  id: 'nginx-scope-side-effect',
  kind: 'diff',
  severity: 'medium',
  description: 'An ingress-nginx annotation with effects beyond its own routes is added: `use-regex` (every path of the host), `ssl-passthrough` (every other annotation ignored), or a canary chosen by header or cookie (the client picks the backend).',
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      for (const effect of EFFECTS) {
        if (!effect.on(pair.after) || effect.on(pair.before)) continue;
        const name = blamed(pair, effect);
        reportAnnotation(report, pair, name, {
          message: `${subjectOf(pair.after)}: ${effect.name} is turned on: ${effect.why(pair.after)}`,
          key: effect.name,
          baseMessage: `${name} in base`,
        });
      }
    }
  },
});

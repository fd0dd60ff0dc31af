import type { NginxModel } from '../../model/nginx.js';
import { code } from '../../findings/code-span.js';
import { defineRule } from '../rule.js';
import { nginxPairs, reportAnnotation, subjectOf } from './annotations.js';

function wildcard(model: NginxModel | undefined): boolean {
  return model !== undefined && model.cors.enabled && model.cors.origins === '*';
}

export default defineRule({
  id: 'nginx-cors-wildcard',
  kind: 'diff',
  severity: 'high',
  description: 'ingress-nginx CORS is enabled for every origin (`enable-cors: "true"` with `cors-allow-origin` absent or `*`).',
  modes: ['pr', 'audit'],
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      const { before, after } = pair;
      if (!wildcard(after) || wildcard(before)) continue;
      // Blame what made it a wildcard: the origin list when CORS was already on, else enable-cors.
      const blamed = before?.cors.enabled ? 'cors-allow-origin' : 'enable-cors';
      const origin = after.annotations.has('cors-allow-origin') ? `cors-allow-origin is ${code('*')}` : `cors-allow-origin is absent, which means ${code('*')}`;
      reportAnnotation(report, pair, blamed, {
        message: `${subjectOf(after)}: CORS is enabled and ${origin}, so scripts on any website can call these routes from a ` +
          `visitor's browser and read the responses${after.cors.credentials ? `; cors-allow-credentials is ${code('true')} (its default)` : ''}.`,
        key: 'cors wildcard',
        baseMessage: `${blamed} in base`,
      });
    }
  },
});

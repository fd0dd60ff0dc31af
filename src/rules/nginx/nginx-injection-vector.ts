import { INJECTION_VECTORS } from '../../model/nginx.js';
import { defineRule } from '../rule.js';
import { code } from '../../findings/code-span.js';
import { changeWord, newValues, nginxPairs, reportAnnotation, subjectOf } from './annotations.js';

/** Characters that end or open an nginx directive or string: a value carrying one is shaped as an injection. */
const INJECTION_TELL = /[;{}#"'\r\n]/;

export default defineRule({
  id: 'nginx-injection-vector',
  kind: 'diff',
  severity: 'critical',
  description: 'An ingress-nginx annotation that has been an nginx configuration injection vector (`auth-url`, `auth-tls-match-cn`, `mirror-target`, `mirror-host`, `permanent-redirect`, `auth-proxy-set-headers`) is added or changed; critical when the value carries `;`, `{`, `}`, `#`, a quote or a newline, info otherwise.',
  modes: ['pr', 'audit'],
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      for (const { annotation: vector, was } of newValues(pair, pair.after.injectionVectors)) {
        const found = INJECTION_TELL.exec(vector.value);
        const tell = found?.[0];
        const cve = INJECTION_VECTORS[vector.name];
        reportAnnotation(report, pair, vector.name, {
          message: `${subjectOf(pair.after)}: ${vector.name} ${changeWord(pair, was)} (${code(vector.value, { focus: found?.index })}). ` +
            (tell !== undefined
              ? `The value contains ${code(tell)}, the shape of an nginx configuration injection (${cve}): ` +
                'it can run code in the controller, which can read every Secret in the cluster.'
              : `Ingress-nginx copies this value into its configuration (${cve}); it looks plain, check that the controller is patched.`),
          severity: tell !== undefined ? 'critical' : 'info',
          key: vector.name,
          baseMessage: `${vector.name} in base: ${code(was ?? '')}`,
        });
      }
    }
  },
});

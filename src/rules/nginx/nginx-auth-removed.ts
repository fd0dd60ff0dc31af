import type { NginxModel } from '../../model/nginx.js';
import { code } from '../../findings/code-span.js';
import { defineRule, type DiffContext } from '../rule.js';
import { lostToPassthrough, nginxPairs, reportAnnotation, subjectOf, type NginxPair } from './annotations.js';

/** Basic/digest auth needs both `auth-type` and `auth-secret`; external auth needs `auth-url`. */
function hasBasicAuth(model: NginxModel): boolean {
  return model.auth.type !== undefined && model.auth.secret !== undefined;
}

function reportRemoved(pair: NginxPair, name: string, what: string, report: DiffContext['report']): void {
  reportAnnotation(report, pair, name, { message: `${subjectOf(pair.after)}: ${name} is removed, so ${what}.`, key: `${name} removed`, baseMessage: `${name} in base` });
}

export default defineRule({
  id: 'nginx-auth-removed',
  kind: 'diff',
  severity: 'high',
  description: 'ingress-nginx authentication is removed (`auth-type`, `auth-secret` or `auth-url`), the Ingress opts out of the global auth (`enable-global-auth: "false"`), or `satisfy: any` lets one requirement stand in for all.',
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      const { before, after } = pair;
      const baseAuth = before !== undefined && (hasBasicAuth(before) || before.auth.url !== undefined);
      if (baseAuth && lostToPassthrough(pair, 'authentication', report, 'auth')) continue;
      if (before && hasBasicAuth(before) && !hasBasicAuth(after)) {
        // Blame the key that went; a changed secret name or basic → digest keeps the guard.
        const gone = after.auth.type === undefined ? 'auth-type' : 'auth-secret';
        reportRemoved(pair, gone, `${before.auth.type ?? 'basic'} authentication no longer protects these routes`, report);
      }
      if (before?.auth.url !== undefined && after.auth.url === undefined) {
        reportRemoved(pair, 'auth-url', 'the external authentication service no longer checks requests to these routes', report);
      }
      if ((before?.auth.globalAuth ?? true) && !after.auth.globalAuth) {
        reportAnnotation(report, pair, 'enable-global-auth', {
          message: `${subjectOf(after)}: enable-global-auth is ${code('false')}, so the controller's global external authentication (global-auth-url) ` +
            'no longer applies to these routes.',
          key: 'enable-global-auth false', baseMessage: 'enable-global-auth in base',
        });
      }
      if ((before?.auth.satisfy ?? 'all') === 'all' && after.auth.satisfy === 'any') {
        // nginx's `satisfy` combines the address checks (allow-list) with the auth checks; client certificates are apart.
        const guards = [after.allowList && 'the source allow-list', (hasBasicAuth(after) || after.auth.url) && 'authentication'].filter(Boolean);
        reportAnnotation(report, pair, 'satisfy', {
          message: `${subjectOf(after)}: satisfy is ${code('any')}, so a request that passes any one access check is let in` +
            (guards.length > 1 ? ` (${guards.join(' or ')} alone is enough).` : '; once a second check is added, either alone is enough.'),
          key: 'satisfy any', baseMessage: 'satisfy in base',
        });
      }
    }
  },
});

import type { NginxModel } from '../../model/nginx.js';
import { code } from '../../findings/code-span.js';
import { defineRule, type DiffContext } from '../rule.js';
import { nginxPairs, reportAnnotation, subjectOf, type NginxPair } from './annotations.js';

const TLS_BACKEND = new Set(['HTTPS', 'GRPCS']);

/** Whether plain-HTTP requests are redirected to HTTPS: force-ssl-redirect, or ssl-redirect (default true) with spec.tls. */
function redirects(model: NginxModel): boolean {
  return model.https.forceSslRedirect || (model.https.tls && model.https.sslRedirect);
}

/** The controller's defaults, for a new Ingress: what the annotations of the head turn off. */
const DEFAULTS = { sslRedirect: true, forceSslRedirect: false, backendProtocol: 'HTTP', proxySslVerify: false };

function downgrade(pair: NginxPair, name: string, was: string, now: string, why: string, report: DiffContext['report']): void {
  reportAnnotation(report, pair, name, { message: `${subjectOf(pair.after)}: ${name} goes from ${code(was)} to ${code(now)}, so ${why}.`, key: name, baseMessage: `${name} in base: ${was}` });
}

export default defineRule({
  id: 'nginx-https-downgraded',
  kind: 'diff',
  severity: 'medium',
  description: 'ingress-nginx stops redirecting HTTP to HTTPS (`ssl-redirect: "false"`, `force-ssl-redirect` off), talks plain HTTP/GRPC to a TLS backend, or stops verifying the backend certificate (`proxy-ssl-verify` off).',
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      const { before, after } = pair;
      const was = before?.https ?? { ...DEFAULTS, tls: after.https.tls };
      // A redirect that still happens through the other annotation is no downgrade; losing spec.tls is ingress-tls-removed's.
      if ((before ? redirects(before) : after.https.tls) && !redirects(after)) {
        if (was.sslRedirect && !after.https.sslRedirect && after.https.tls) {
          downgrade(pair, 'ssl-redirect', 'true', 'false', 'plain-HTTP requests are served instead of redirected to HTTPS, with credentials and cookies in clear text', report);
        }
        if (was.forceSslRedirect && !after.https.forceSslRedirect) {
          downgrade(pair, 'force-ssl-redirect', 'true', 'false', 'plain-HTTP requests are served instead of redirected to HTTPS, with credentials and cookies in clear text', report);
        }
      }
      if (TLS_BACKEND.has(was.backendProtocol) && !TLS_BACKEND.has(after.https.backendProtocol)) {
        downgrade(pair, 'backend-protocol', was.backendProtocol, after.https.backendProtocol, 'traffic from the controller to the backend crosses the cluster network unencrypted', report);
      }
      if (was.proxySslVerify && !after.https.proxySslVerify) {
        downgrade(pair, 'proxy-ssl-verify', 'on', 'off', "the backend's certificate is no longer verified and anyone on the path can impersonate the backend", report);
      }
    }
  },
});

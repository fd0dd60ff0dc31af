import type { VerifyClient } from '../../model/nginx.js';
import { code } from '../../findings/code-span.js';
import { defineRule } from '../rule.js';
import { lostToPassthrough, nginxPairs, reportAnnotation, subjectOf } from './annotations.js';

/** How strictly a client certificate is required, strongest first. */
const STRENGTH: Record<VerifyClient, number> = { on: 3, optional: 2, optional_no_ca: 1, off: 0 };

const MEANING: Record<VerifyClient, string> = {
  on: 'a valid client certificate is required',
  optional: 'a client certificate is checked only when the client sends one',
  optional_no_ca: 'a client certificate is requested but not verified against the CA',
  off: 'no client certificate is requested',
};

export default defineRule({
  id: 'nginx-mtls-weakened',
  kind: 'diff',
  severity: 'high',
  description: 'ingress-nginx client-certificate authentication is weakened: `auth-tls-verify-client` below `on`, `auth-tls-secret` removed, or `auth-tls-verify-depth` raised.',
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      const { before, after } = pair;
      const was = before?.mtls;
      if (!was?.verifyClient || was.verifyClient === 'off' || before?.sideEffects.sslPassthrough) continue;
      if (lostToPassthrough(pair, 'client-certificate check', report, 'mtls')) continue;
      const now = after.mtls;
      if (now.secret === undefined) {
        reportAnnotation(report, pair, 'auth-tls-secret', {
          message: `${subjectOf(after)}: auth-tls-secret is removed, so ingress-nginx no longer asks clients for a certificate ` +
            `(the base required: ${MEANING[was.verifyClient]}).`,
          key: 'auth-tls-secret removed', baseMessage: 'auth-tls-secret in base',
        });
        continue;
      }
      if (now.verifyClient && STRENGTH[now.verifyClient] < STRENGTH[was.verifyClient]) {
        reportAnnotation(report, pair, 'auth-tls-verify-client', {
          message: `${subjectOf(after)}: auth-tls-verify-client goes from ${code(was.verifyClient)} to ${code(now.verifyClient)}: ${MEANING[now.verifyClient]}, ` +
            'so clients without a trusted certificate get through.',
          key: 'auth-tls-verify-client weakened', baseMessage: `auth-tls-verify-client in base: ${was.verifyClient}`,
        });
      }
      if (now.verifyDepth > was.verifyDepth) {
        reportAnnotation(report, pair, 'auth-tls-verify-depth', {
          message: `${subjectOf(after)}: auth-tls-verify-depth goes from ${code(String(was.verifyDepth))} to ${code(String(now.verifyDepth))}, so certificates issued ` +
            'further down the CA chain (by intermediate CAs) are accepted.',
          key: 'auth-tls-verify-depth raised', baseMessage: `auth-tls-verify-depth in base: ${was.verifyDepth}`,
        });
      }
    }
  },
});

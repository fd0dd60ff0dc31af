import { code } from '../../findings/code-span.js';
import { describeIdentity } from '../../model/identity.js';
import type { Model } from '../../model/load.js';
import {
  clientAuthRank, conjunctKey, defaultTlsOption, formatConjunct, isTlsOption, tlsOptionFor, tlsOptionOf, type ClientAuthType,
  type TlsOptionRef,
} from '../../model/traefik.js';
import { defineRule, reportOnce } from '../rule.js';
import { mayPreexist, routersAt, servedRequests, touchesTraefik } from './routers.js';

/** Levels from RequireAnyClientCert up enforce something about client certificates; below, nothing is required. */
const ENFORCING = clientAuthRank('RequireAnyClientCert');

const CONSEQUENCE: Record<ClientAuthType, string> = {
  NoClientCert: 'clients no longer present a certificate at all',
  RequestClientCert: 'a client certificate is requested but neither required nor verified',
  RequireAnyClientCert: 'any client certificate is accepted without checking it against the CA',
  VerifyClientCertIfGiven: 'clients without a certificate are accepted',
  RequireAndVerifyClientCert: '',
};

/** Whether going from `was` to `now` gives up a client-certificate check. */
function weakened(was: ClientAuthType, now: ClientAuthType): boolean {
  return clientAuthRank(was) >= ENFORCING && clientAuthRank(now) < clientAuthRank(was);
}

function level(model: Model, ref: TlsOptionRef | undefined): { type: ClientAuthType; option?: string } {
  const option = tlsOptionFor(model, ref);
  return { type: option?.clientAuthType ?? 'NoClientCert', option: option?.resource.key };
}

export default defineRule({
  id: 'traefik-tls-weakened',
  kind: 'diff',
  severity: 'high',
  description: 'A Traefik router loses TLS, loses a TLSOption reference stricter than `default`, or a TLSOption lowers clientAuthType below its level (RequireAndVerifyClientCert and the levels that enforce a certificate).',
  check({ base, head, changed, report }) {
    if (!touchesTraefik(changed)) return;
    const emit = reportOnce(report);
    for (const { before, after } of changed) {
      if (before && after && isTlsOption(after)) {
        const was = tlsOptionOf(before);
        const now = tlsOptionOf(after);
        if (!weakened(was.clientAuthType, now.clientAuthType)) continue;
        emit({
          message: `${describeIdentity(after)}: clientAuth.clientAuthType lowered from ${was.clientAuthType} to ${now.clientAuthType}: ${CONSEQUENCE[now.clientAuthType]} on every router using this TLSOption.`,
          at: { resource: after, path: now.clientAuthPath, side: 'head' },
          key: 'clientAuthType',
          related: [{ resource: before, path: was.clientAuthPath, side: 'base', message: `was ${was.clientAuthType}` }],
        });
      } else if (before && !after && isTlsOption(before) && before.name === 'default') {
        const was = tlsOptionOf(before).clientAuthType;
        const now = defaultTlsOption(head)?.clientAuthType ?? 'NoClientCert';
        if (!weakened(was, now)) continue;
        emit({
          message: `${describeIdentity(before)} was deleted: routers that name no TLSOption fall back from ${was} to ${now}, so ${CONSEQUENCE[now]}.`,
          at: { resource: before, path: tlsOptionOf(before).clientAuthPath, side: 'base' },
          key: 'default deleted',
        });
      }
    }
    for (const served of servedRequests({ base, head })) {
      const { base: was, baseConjunct, head: now, headConjunct } = served;
      if (!was.tls) continue;
      const route = code(formatConjunct(headConjunct));
      const sameObject = was.resource.key === now.resource.key;
      if (!now.tls) {
        if (mayPreexist(served) && routersAt(base, headConjunct).some((r) => !r.tls)) continue;
        const headRoute = { resource: now.resource, path: now.matchPath, side: 'head' as const };
        const baseTls = { resource: was.resource, path: was.tls.path, side: 'base' as const };
        emit({
          message: `${now.subject}: the router for ${route} no longer has TLS (the base served ${code(formatConjunct(baseConjunct))} over TLS): ` +
            'requests, credentials and cookies travel in clear text and can be read or altered on the way.',
          at: sameObject ? baseTls : headRoute,
          key: `${conjunctKey(headConjunct)} tls`,
          related: [sameObject ? { ...headRoute, message: 'the router in head' } : { ...baseTls, message: 'TLS in base' }],
        });
        continue;
      }
      const before = level(base, was.tls.options);
      const after = level(head, now.tls.options);
      // The same TLSOption object lowering its level (or the default one changing) is reported on the TLSOption itself.
      const sameOption = before.option === after.option || (!was.tls.options && !now.tls.options);
      if (!weakened(before.type, after.type) || sameOption) continue;
      const removed = !now.tls.options;
      const baseRef = { resource: was.resource, path: was.tls.options?.fieldPath ?? was.tls.path, side: 'base' as const };
      const headRef = { resource: now.resource, path: now.tls.options?.fieldPath ?? now.tls.path, side: 'head' as const };
      const named = (ref: TlsOptionRef | undefined) => (ref ? `TLSOption ${ref.namespace}/${ref.name}` : 'the default TLSOption');
      emit({
        message: `${now.subject}: the router for ${route} ${removed ? `no longer names ${named(was.tls.options)}` : `now uses ${named(now.tls.options)} instead of ${named(was.tls.options)}`}, ` +
          `so its client-certificate check drops from ${before.type} to ${after.type}: ${CONSEQUENCE[after.type]}.`,
        at: removed && sameObject ? baseRef : headRef,
        key: `${conjunctKey(headConjunct)} tls options`,
        related: [removed && sameObject ? { ...headRef, message: 'the router TLS in head' } : { ...baseRef, message: `${before.type} in base` }],
      });
    }
  },
});

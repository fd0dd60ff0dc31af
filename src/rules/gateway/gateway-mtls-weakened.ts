import { formatFieldPath } from '../../model/field-path.js';
import { terminatesTls, validationFor, type FrontendValidation, type GatewayListener } from '../../model/gateway.js';
import { defineRule } from '../rule.js';
import { describeListener, existingPath, gatewayPairs, pairListeners, placeOf } from './gateways.js';

interface Weakening {
  /** `plaintext`: the listener no longer terminates TLS at all, so nothing checks client certificates. */
  kind: 'fallback' | 'removed' | 'plaintext';
  /** The base validation that applied, and the head one (for a fallback). */
  was: FrontendValidation;
  now?: FrontendValidation;
  listeners: { was: GatewayListener; now: GatewayListener }[];
}

export default defineRule({
  id: 'gateway-mtls-weakened',
  kind: 'diff',
  severity: 'high',
  description: 'A Gateway HTTPS listener loses frontend client-certificate validation (spec.tls.frontend default/perPort), or its validation mode becomes AllowInsecureFallback.',
  check({ changed, report }) {
    for (const { before, after } of gatewayPairs(changed)) {
      if (!before || !after) continue;
      // One finding per responsible line: a changed default weakens every listener it applies to at once.
      const byLine = new Map<string, Weakening>();
      for (const [was, now] of pairListeners(before, after)) {
        if (!terminatesTls(was)) continue;
        const baseValidation = validationFor(before, was);
        const headValidation = terminatesTls(now) ? validationFor(after, now) : undefined;
        if (!baseValidation || baseValidation.mode !== 'AllowValidOnly' || headValidation?.mode === 'AllowValidOnly') continue;
        const kind = !terminatesTls(now) ? 'plaintext' : headValidation ? 'fallback' : 'removed';
        const line = kind === 'plaintext' ? `${kind} ${now.name}` : `${kind} ${formatFieldPath(headValidation?.fieldPath ?? baseValidation.fieldPath)}`;
        const entry = byLine.get(line) ?? { kind, was: baseValidation, now: headValidation, listeners: [] };
        entry.listeners.push({ was, now });
        byLine.set(line, entry);
      }
      for (const [key, { kind, was, now, listeners }] of byLine) {
        const subject = listeners.map((l) => describeListener(after, l.now)).join(', ');
        const baseLine = { ...placeOf(before.resource, was.fieldPath, 'base'), message: 'client certificates validated (AllowValidOnly) in base' };
        if (kind === 'plaintext') {
          const [{ now: listener }] = listeners;
          report({
            message: `${subject}: the listener is now ${listener.protocol ?? 'without a protocol'}${listener.tlsMode === 'Passthrough' ? ' (TLS passthrough)' : ''} ` +
              'and no longer terminates TLS, so the Gateway checks no client certificate on it.',
            at: placeOf(after.resource, existingPath(after.resource, [[...listener.fieldPath, listener.tlsMode === 'Passthrough' ? 'tls' : 'protocol'], listener.fieldPath]), 'head'),
            key,
            related: [baseLine],
          });
        } else if (kind === 'fallback') {
          report({
            message: `${subject}: client-certificate validation is now AllowInsecureFallback, so clients with a missing or invalid certificate are accepted; only the backend can still tell them apart.`,
            at: placeOf(after.resource, now!.modePath ?? now!.fieldPath, 'head'),
            key,
            related: [baseLine],
          });
        } else {
          // Removed: the base line is the one that goes away.
          report({
            message: `${subject}: client-certificate validation (CA ${was.caCertificateRefs.join(', ') || 'unset'}) no longer applies, so clients connect without a certificate.`,
            at: baseLine,
            key,
            related: listeners.map((l) => ({ ...placeOf(after.resource, l.now.fieldPath, 'head'), message: 'the listener in head' })),
          });
        }
      }
    }
  },
});

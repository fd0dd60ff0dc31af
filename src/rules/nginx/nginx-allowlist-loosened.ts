import { describeAddresses } from '../../model/ip-set.js';
import { formatCount } from '../netpol/describe.js';
import type { NginxModel } from '../../model/nginx.js';
import { defineRule } from '../rule.js';
import { annotationPlace, lostToPassthrough, nginxPairs, reportAnnotation, subjectOf } from './annotations.js';

/** The allow-list ingress-nginx enforces: none under ssl-passthrough or when the value lists nothing. */
function effectiveList(model: NginxModel | undefined): NginxModel['allowList'] {
  if (!model || model.sideEffects.sslPassthrough) return undefined;
  return model.allowList && model.allowList.entries.length > 0 ? model.allowList : undefined;
}

export default defineRule({
  id: 'nginx-allowlist-loosened',
  kind: 'diff',
  severity: 'high',
  description: 'The ingress-nginx source allow-list (`allowlist-source-range`, or its alias `whitelist-source-range`) is removed or admits addresses the base did not.',
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      const was = effectiveList(pair.before);
      if (!was) continue;
      if (lostToPassthrough(pair, 'source allow-list', report, 'allowlist')) continue;
      const now = effectiveList(pair.after);
      if (!now) {
        // Removed: point at the key the base read (the alias or the canonical one).
        reportAnnotation(report, pair, was.annotation.name, {
          message: `${subjectOf(pair.after)}: the source allow-list ${was.annotation.name} (${describeAddresses(was.set)}) is removed, ` +
            'so every address that can reach the controller can now reach these routes.',
          key: 'allowlist removed',
          baseMessage: 'allow-list in base',
        });
        continue;
      }
      // Address sets, not text: reordered or re-split ranges and alias → canonical key are no change.
      const added = now.set.subtract(was.set);
      if (added.isEmpty()) continue;
      const at = annotationPlace(pair, now.annotation.name);
      report({
        message: `${subjectOf(pair.after)}: the source allow-list ${now.annotation.name} now admits ${formatCount(added.size())} more ` +
          `address${added.size() === 1n ? '' : 'es'} (${describeAddresses(added)}) that the base refused.`,
        at,
        key: 'allowlist grown',
        related: [{ resource: pair.before!.resource, path: was.annotation.path, side: 'base', message: `allow-list in base: ${describeAddresses(was.set)}` }],
      });
    }
  },
});

import { defineRule } from '../rule.js';
import { annotationPlace, baseRelated, nginxPairs, shorten, subjectOf, valueOf } from './annotations.js';

export default defineRule({
  id: 'nginx-snippet-added',
  kind: 'diff',
  severity: 'critical',
  description: 'An ingress-nginx `*-snippet` annotation (raw nginx configuration) is added or changed.',
  modes: ['pr', 'audit'],
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      for (const snippet of pair.after.snippets) {
        const was = valueOf(pair.before, snippet.name);
        if (was === snippet.value) continue;
        const at = annotationPlace(pair, snippet.name);
        report({
          message: `${subjectOf(pair.after)}: ${snippet.name} ${was === undefined ? 'added' : 'changed'} (${shorten(snippet.value)}): ` +
            'raw nginx configuration runs inside the controller, which can read every Secret in the cluster (CVE-2021-25742) ' +
            'and can bypass every other guard of the host.',
          at,
          key: snippet.name,
          related: baseRelated(pair, snippet.name, at, `${snippet.name} in base: ${shorten(was ?? '')}`),
        });
      }
    }
  },
});

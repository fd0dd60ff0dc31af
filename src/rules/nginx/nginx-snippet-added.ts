import { defineRule } from '../rule.js';
import { code } from '../../findings/code-span.js';
import { changeWord, newValues, nginxPairs, reportAnnotation, subjectOf } from './annotations.js';

export default defineRule({
  id: 'nginx-snippet-added',
  kind: 'diff',
  severity: 'critical',
  description: 'An ingress-nginx `*-snippet` annotation (raw nginx configuration) is added or changed.',
  modes: ['pr', 'audit'],
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      for (const { annotation: snippet, was } of newValues(pair, pair.after.snippets)) {
        reportAnnotation(report, pair, snippet.name, {
          message: `${subjectOf(pair.after)}: ${snippet.name} ${changeWord(pair, was)} (${code(snippet.value)}): ` +
            'raw nginx configuration runs inside the controller, which can read every Secret in the cluster (CVE-2021-25742) ' +
            'and can bypass every other guard of the host.',
          key: snippet.name,
          baseMessage: `${snippet.name} in base: ${code(was ?? '')}`,
        });
      }
    }
  },
});

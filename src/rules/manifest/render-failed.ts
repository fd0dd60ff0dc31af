import { describeEnvironment } from '../../model/identity.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'render-failed',
  kind: 'diff',
  modes: ['pr', 'audit'],
  severity: 'high',
  description: 'A Kustomize overlay or Helm chart of the head could not be rendered (the tool failed, or segguard refused a remote base, a plugin or an unvendored dependency), so none of its objects was analyzed.',
  check({ head, reportAt }) {
    for (const problem of head.problems) {
      if (problem.kind !== 'render-failed' || !problem.target) continue;
      const { target } = problem;
      reportAt?.({
        message: `${target.tool === 'helm' ? 'Helm chart' : 'Kustomize target'} ${describeEnvironment(target)} was not rendered: ${problem.message}. ` +
          'None of its objects was analyzed, so a regression in them would go unseen; the other targets and files were.',
        path: problem.location.path,
        line: problem.location.line,
        side: 'head',
        // Without the tool's text, which may carry line numbers or temporary paths: stable across pushes.
        key: `${target.tool}\0${target.path}\0${problem.location.path}`,
      });
    }
  },
});

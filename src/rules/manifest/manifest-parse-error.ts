import { capitalize } from '../netpol/describe.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'manifest-parse-error',
  kind: 'state',
  modes: ['pr', 'audit'],
  severity: 'high',
  description: 'A Kubernetes manifest file cannot be read (broken YAML or JSON, too large, binary, not UTF-8/16/32, alias bomb, nesting too deep, a symlink out of the tree, a special file), so nothing in it was analyzed.',
  check({ model, reportAt }) {
    for (const problem of model.problems) {
      if (problem.kind !== 'parse-error') continue;
      reportAt({
        message: `${capitalize(problem.message)}. The objects in this file were not analyzed, so a regression in them would go unseen.`,
        path: problem.location.path,
        line: problem.location.line,
        key: problem.message,
      });
    }
  },
});

import { clusterPolicyOf } from '../../model/admin-network-policy.js';
import { ciliumPolicyOf, isCiliumPolicy } from '../../model/cilium-policy.js';
import { formatFieldPath } from '../../model/field-path.js';
import { describeIdentity } from '../../model/identity.js';
import { ingressOf, isIngress } from '../../model/ingress.js';
import { isNetworkPolicy, networkPolicyOf } from '../../model/network-policy.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'manifest-invalid',
  kind: 'state',
  modes: ['pr', 'audit'],
  severity: 'high',
  description: 'An object the API server would reject (an empty peer, ipBlock with a selector, an except outside its cidr, a bad CIDR, endPort below port, a missing pathType), so applying the change fails or does not do what it says.',
  check({ model, side, changedResources, report, reportAt }) {
    for (const problem of model.problems) {
      if (problem.kind !== 'invalid') continue;
      reportAt({
        message: `${problem.message}. The API server's strict field validation rejects this object.`,
        path: problem.location.path,
        line: problem.location.line,
        key: problem.message,
      });
    }
    // What the API server rejects depends on the object alone.
    for (const resource of changedResources) {
      const problems = isNetworkPolicy(resource) ? networkPolicyOf(resource).problems
        : isCiliumPolicy(resource) ? ciliumPolicyOf(resource).problems
        : isIngress(resource) ? ingressOf(resource).problems
        : clusterPolicyOf(resource)?.problems ?? [];
      for (const problem of problems) {
        report({
          message: `${describeIdentity(resource)}: ${problem.message} (at ${formatFieldPath(problem.path)}). The API server rejects this object, so the policy it was meant to enforce is not applied.`,
          at: { resource, path: problem.path, side },
          key: `${formatFieldPath(problem.path)}\0${problem.message}`,
        });
      }
      if (resource.name === '') {
        report({ message: `${resource.kind} has no metadata.name; the API server rejects it.`, at: { resource, path: ['metadata'], side }, key: 'no-name' });
      }
    }
  },
});
